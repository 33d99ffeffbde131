// A hand-rolled HTTP/1.1 client over node:net, for requests no real client would send: garbage,
// half-sent bodies, stalled headers. It writes the pieces in order and reads the first response.
import { connect } from 'node:net';

export interface RawHttpReply {
  /** 0 when the server closed without answering. */
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string;
  /** Everything received, as latin1 text. */
  raw: string;
}

export interface RawHttpOptions {
  /** Do not half-close after writing: the server must answer a request that is still open. */
  keepOpen?: boolean;
  /** Read until the server closes (several responses on one connection). */
  all?: boolean;
}

function parseFirstResponse(raw: string): RawHttpReply | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = raw.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  const bodyBytes = Buffer.from(raw.slice(end + 4), 'latin1');
  if (bodyBytes.length < length) return undefined;
  return {
    status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0),
    headers,
    body: bodyBytes.subarray(0, length).toString('utf8'),
    raw,
  };
}

export function rawHttp(port: number, pieces: (string | Uint8Array)[], options: RawHttpOptions = {}): Promise<RawHttpReply> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let raw = '';
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(parseFirstResponse(raw) ?? { status: 0, headers: {}, body: '', raw });
    };
    socket.on('data', (data) => {
      raw += data.toString('latin1');
      if (!options.all && parseFirstResponse(raw)) settle();
    });
    // The server may cut the connection while we still write (that is the point of some tests).
    socket.on('error', settle);
    socket.on('close', settle);
    socket.on('connect', async () => {
      for (const piece of pieces) {
        if (socket.destroyed) return;
        const ok = socket.write(piece);
        if (!ok) await new Promise<void>((r) => socket.once('drain', () => r()).once('close', () => r()));
      }
      if (!options.keepOpen && !socket.destroyed) socket.end();
    });
  });
}

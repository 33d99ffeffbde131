// node:http in front of JsonProtocol. The server's only jobs are to read a body safely and hand it
// over: it stops reading at the size limit, gives up on a stalled upload, and answers every request
// — garbage included — with whatever JsonProtocol says. Nothing a client sends can crash it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { JsonProtocol, WireResponse } from '../api/json-protocol.ts';

export interface HttpServerOptions {
  host?: string;
  /** 0 picks a free port; `url` then names the real one. */
  port?: number;
  /** Largest body read, in bytes (the era's maxRequestBodyBytes). */
  maxBodyBytes: number;
  /** A body that sends nothing for this long gets RequestTimeoutException (408). */
  bodyIdleTimeoutMs?: number;
  /** Time allowed for the request line and headers (node:http's headersTimeout). */
  headersTimeoutMs?: number;
}

export interface RunningHttpServer {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly server: Server;
  /** Stops accepting, drops open connections, and resolves once the socket is closed. */
  close(): Promise<void>;
}

const DEFAULT_BODY_IDLE_TIMEOUT_MS = 10_000;
const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
/** After a 413 the rest of an upload is discarded, not read into memory; past this, the socket is cut. */
const DISCARD_GRACE_MS = 2_000;

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function send(res: ServerResponse, reply: WireResponse, closeConnection: boolean): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) };
  if (closeConnection) headers.connection = 'close';
  res.writeHead(reply.status, headers);
  res.end(reply.body);
}

/** Answers early (413, 408) without reading the rest: discard what still arrives, then cut the socket. */
function sendAndDrop(req: IncomingMessage, res: ServerResponse, reply: WireResponse): void {
  send(res, reply, true);
  req.removeAllListeners('data');
  req.resume();
  const timer = setTimeout(() => req.socket.destroy(), DISCARD_GRACE_MS);
  timer.unref();
  req.socket.once('close', () => clearTimeout(timer));
}

function handleRequest(protocol: JsonProtocol, options: Required<HttpServerOptions>, req: IncomingMessage, res: ServerResponse): void {
  const base = { method: req.method ?? '', path: req.url ?? '/', headers: flattenHeaders(req) };
  const declared = Number(req.headers['content-length']);
  // A declared size over the limit is refused before a byte of the body is read.
  if (Number.isFinite(declared) && declared > options.maxBodyBytes) {
    sendAndDrop(req, res, protocol.handle({ ...base, body: '', bodyTooLarge: true }));
    return;
  }
  const chunks: Buffer[] = [];
  let received = 0;
  let done = false;
  const idle = setTimeout(() => {
    if (done) return;
    done = true;
    sendAndDrop(req, res, protocol.timedOut());
  }, options.bodyIdleTimeoutMs);
  const finish = () => {
    done = true;
    clearTimeout(idle);
  };
  req.on('data', (chunk: Buffer) => {
    if (done) return;
    idle.refresh();
    received += chunk.byteLength;
    if (received > options.maxBodyBytes) {
      finish();
      chunks.length = 0;
      sendAndDrop(req, res, protocol.handle({ ...base, body: '', bodyTooLarge: true }));
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (done) return;
    finish();
    const body = new Uint8Array(Buffer.concat(chunks, received));
    send(res, protocol.handle({ ...base, body }), false);
  });
  // A client that goes away mid-body gets no answer; just forget the request.
  req.on('error', finish);
  req.on('close', finish);
  res.on('error', () => {});
}

/** Starts the endpoint and resolves once it listens. */
export function startHttpServer(protocol: JsonProtocol, options: HttpServerOptions): Promise<RunningHttpServer> {
  const resolved: Required<HttpServerOptions> = {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 4566,
    maxBodyBytes: options.maxBodyBytes,
    bodyIdleTimeoutMs: options.bodyIdleTimeoutMs ?? DEFAULT_BODY_IDLE_TIMEOUT_MS,
    headersTimeoutMs: options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    try {
      handleRequest(protocol, resolved, req, res);
    } catch {
      // JsonProtocol never throws; this guards the transport code itself.
      if (!res.headersSent) {
        res.writeHead(500, { connection: 'close', 'content-length': 0 });
        res.end();
      }
    }
  };
  const server = createServer({
    headersTimeout: resolved.headersTimeoutMs,
    // The body has its own idle timeout (above); no cap on a request that keeps sending.
    requestTimeout: 0,
    // How often node:http checks headersTimeout.
    connectionsCheckingInterval: Math.min(1_000, resolved.headersTimeoutMs),
  }, handle);
  // `Expect: 100-continue` (curl, for big bodies): refuse an oversized upload before it is sent.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (!(Number(req.headers['content-length']) > resolved.maxBodyBytes)) res.writeContinue();
    handle(req, res);
  });
  // Malformed HTTP (garbage bytes, oversized headers, a header timeout): answer in plain HTTP and close.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || (socket as Socket & { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large'
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.once('close', () => sockets.delete(socket));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      // Later errors (a socket failing) must not take the process down.
      server.on('error', () => {});
      const address = server.address() as AddressInfo;
      const hostForUrl = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${hostForUrl}:${address.port}`,
        host: address.address,
        port: address.port,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
          }),
      });
    });
  });
}

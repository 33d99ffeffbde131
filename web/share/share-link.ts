// A scenario in the URL fragment (issue 5 item 4, "share link"): the ExportScenario JSON, compressed
// with deflate-raw (CompressionStream, in every current browser and in Node) and written in base64url
// after `#scenario=`. The fragment never reaches a server. Opening one checks the size and the
// encoding here; the document itself is validated by ImportScenario in the worker.

export const FRAGMENT_KEY = 'scenario';
/** Longer links break in chat clients and mail; a bigger scenario is shared as a file. */
export const MAX_FRAGMENT_CHARS = 32_000;
/** A decompressed scenario larger than this is refused before parsing (a zip-bomb guard). */
export const MAX_SCENARIO_BYTES = 8 * 1024 * 1024;

export type ShareDecode = { ok: true; json: string } | { ok: false; problem: string };

async function pipe(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array<ArrayBuffer>> {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new RangeError('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const toBase64Url = (bytes: Uint8Array) => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (text: string) => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

/** The fragment (without `#`) for a scenario's JSON, or a problem when it is too big for a link. */
export async function encodeShareFragment(json: string): Promise<{ ok: true; fragment: string } | { ok: false; problem: string }> {
  const packed = toBase64Url(await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw')));
  const fragment = `${FRAGMENT_KEY}=${packed}`;
  if (fragment.length > MAX_FRAGMENT_CHARS) {
    return { ok: false, problem: `This scenario is too big for a link (${fragment.length.toLocaleString('en')} characters, at most ${MAX_FRAGMENT_CHARS.toLocaleString('en')}); export it as a file instead.` };
  }
  return { ok: true, fragment };
}

/** The scenario JSON of a fragment (`location.hash` without `#`), or why it cannot be read. */
export async function decodeShareFragment(fragment: string): Promise<ShareDecode> {
  const prefix = `${FRAGMENT_KEY}=`;
  if (!fragment.startsWith(prefix)) return { ok: false, problem: 'The link holds no scenario.' };
  const packed = fragment.slice(prefix.length);
  if (packed.length > MAX_FRAGMENT_CHARS) return { ok: false, problem: 'The link is longer than any ecs-sandbox writes.' };
  if (!/^[A-Za-z0-9_-]*$/.test(packed)) return { ok: false, problem: 'The link is damaged: it has characters a scenario link never has.' };
  try {
    const bytes = await pipe(fromBase64Url(packed), new DecompressionStream('deflate-raw'), MAX_SCENARIO_BYTES);
    return { ok: true, json: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, problem: 'The link unpacks to more than 8 MB; ecs-sandbox does not open it.' };
    return { ok: false, problem: 'The link is damaged: its scenario cannot be unpacked.' };
  }
}

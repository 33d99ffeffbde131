// xoshiro128** seeded by SplitMix32 (semantics 3.3), the TypeScript twin of
// assembly/random/xoshiro128.ts. Math.imul and >>> 0 keep every step in 32 bits.

export type RandomState = [number, number, number, number];

const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

export function splitMix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** The two streams of a document: outputs 1–4 of SplitMix32 seed `placement`, 5–8 seed `ids`. */
export function seedStreams(seed: number): { placement: RandomState; ids: RandomState } {
  const next = splitMix32(seed);
  const placement: RandomState = [next(), next(), next(), next()];
  const ids: RandomState = [next(), next(), next(), next()];
  return { placement, ids };
}

/** Advances `s` in place (it is the document's stored state) and returns the next output. */
export function nextU32(s: RandomState): number {
  const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
  const t = (s[1] << 9) >>> 0;
  s[2] = (s[2] ^ s[0]) >>> 0;
  s[3] = (s[3] ^ s[1]) >>> 0;
  s[1] = (s[1] ^ s[2]) >>> 0;
  s[0] = (s[0] ^ s[3]) >>> 0;
  s[2] = (s[2] ^ t) >>> 0;
  s[3] = rotl(s[3], 11);
  return result;
}

/** Uniform integer in [0, n): limit = 2^32 − (2^32 mod n); draw until x < limit. */
export function uniformInt(s: RandomState, n: number): number {
  const limit = 4294967296 - (4294967296 % n);
  let x = nextU32(s);
  while (x >= limit) x = nextU32(s);
  return x % n;
}

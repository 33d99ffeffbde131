// Ids come from the document's `ids` stream, drawn when their object is created (semantics 2.1, 3.3).
import { nextU32, type RandomState } from '../shared/xoshiro128.ts';

const hex8 = (x: number) => x.toString(16).padStart(8, '0');

/** A lower-case UUID v4 from four draws: digit 13 becomes 4, digit 17 gets `10` as its high bits. */
export function drawUuid(ids: RandomState): string {
  const digits = (hex8(nextU32(ids)) + hex8(nextU32(ids)) + hex8(nextU32(ids)) + hex8(nextU32(ids))).split('');
  digits[12] = '4';
  digits[16] = ((parseInt(digits[16], 16) & 0x3) | 0x8).toString(16);
  const d = digits.join('');
  return `${d.slice(0, 8)}-${d.slice(8, 12)}-${d.slice(12, 16)}-${d.slice(16, 20)}-${d.slice(20)}`;
}

/** `len` lower-case hex or base-36 characters from the stream, for ids such as `ns-…` and `srv-…`. */
export function drawToken(ids: RandomState, len: number, alphabet = '0123456789abcdefghijklmnopqrstuvwxyz'): string {
  let out = '';
  while (out.length < len) {
    // 32 bits give six base-36 digits without bias worth caring about for identifiers.
    let x = nextU32(ids);
    for (let i = 0; i < 6 && out.length < len; i++) {
      out += alphabet[x % alphabet.length];
      x = Math.floor(x / alphabet.length);
    }
  }
  return out;
}

/** Deployment id = `ecs-svc/` + (2^63 − 1 − createdAtMillis), bumped until unique (semantics 2.1, D2). */
export function deploymentId(createdAtMs: number, taken: (id: string) => boolean): string {
  let n = 9223372036854775807n - BigInt(Math.trunc(createdAtMs));
  let id = `ecs-svc/${n}`;
  while (taken(id)) {
    n += 1n;
    id = `ecs-svc/${n}`;
  }
  return id;
}

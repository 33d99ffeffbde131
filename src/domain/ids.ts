// Ids come from the document's `ids` stream, drawn when their object is created (semantics 2.1, 3.3).
import { nextU32, type RandomState } from '../shared/xoshiro128.ts';

/** Two lower-case hex digits per byte value: ids are drawn by the thousand during a deployment. */
const HEX2 = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const hex4 = (x: number) => HEX2[x >>> 8] + HEX2[x & 0xff];

/**
 * A lower-case UUID v4 from four draws, their hex digits in order: digit 13 becomes 4, digit 17 gets
 * `10` as its high bits (that is, the third draw's top byte has its top two bits set to 10).
 */
export function drawUuid(ids: RandomState): string {
  const a = nextU32(ids);
  const b = nextU32(ids);
  const c = nextU32(ids);
  const d = nextU32(ids);
  const version = (b & 0xffff0fff) | 0x4000; // digit 13 (the 5th of the second draw) := 4
  const variant = ((c & 0x3fffffff) | 0x80000000) >>> 0; // digit 17 (the 1st of the third draw): 10xx
  return `${hex4(a >>> 16)}${hex4(a & 0xffff)}-${hex4(b >>> 16)}-${hex4(version & 0xffff)}-${hex4(variant >>> 16)}-${hex4(variant & 0xffff)}${hex4(d >>> 16)}${hex4(d & 0xffff)}`;
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

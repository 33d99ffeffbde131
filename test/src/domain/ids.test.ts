import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drawUuid } from '../../../src/domain/ids.ts';
import { nextU32, type RandomState } from '../../../src/shared/xoshiro128.ts';

/** The first formulation (string surgery on the 32 hex digits), kept as the reference of the fast one. */
function drawUuidByDigits(ids: RandomState): string {
  const hex8 = (x: number) => x.toString(16).padStart(8, '0');
  const digits = (hex8(nextU32(ids)) + hex8(nextU32(ids)) + hex8(nextU32(ids)) + hex8(nextU32(ids))).split('');
  digits[12] = '4';
  digits[16] = ((parseInt(digits[16], 16) & 0x3) | 0x8).toString(16);
  const d = digits.join('');
  return `${d.slice(0, 8)}-${d.slice(8, 12)}-${d.slice(12, 16)}-${d.slice(16, 20)}-${d.slice(20)}`;
}

describe('drawUuid (semantics 2.1, 3.3)', () => {
  it('gives the same ids as the digit-by-digit definition, and advances the stream the same', () => {
    fc.assert(fc.property(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()).filter((s) => s.some((x) => x !== 0)), (seed) => {
      const fast = [...seed] as RandomState;
      const slow = [...seed] as RandomState;
      for (let k = 0; k < 5; k++) expect(drawUuid(fast)).toBe(drawUuidByDigits(slow));
      expect(fast).toEqual(slow);
    }), { numRuns: 500 });
  });

  it('is a version-4, variant-10 UUID', () => {
    expect(drawUuid([1, 2, 3, 4])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

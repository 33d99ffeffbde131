// Sets of Unicode code points as sorted, disjoint, non-adjacent inclusive ranges, flattened:
// [lo0, hi0, lo1, hi1, …]. Every character test of the regex engine is one of these sets.

export type CodePointSet = readonly number[];

export const MAX_CODE_POINT = 0x10ffff;

/** Sorts and merges ranges given as flat [lo, hi] pairs. */
export function normalizeSet(pairs: readonly number[]): CodePointSet {
  const ranges: [number, number][] = [];
  for (let i = 0; i < pairs.length; i += 2) ranges.push([pairs[i], pairs[i + 1]]);
  ranges.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of ranges) {
    if (out.length > 0 && lo <= out[out.length - 1] + 1) out[out.length - 1] = Math.max(out[out.length - 1], hi);
    else out.push(lo, hi);
  }
  return out;
}

export function complementSet(set: CodePointSet): CodePointSet {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < set.length; i += 2) {
    if (set[i] > next) out.push(next, set[i] - 1);
    next = set[i + 1] + 1;
  }
  if (next <= MAX_CODE_POINT) out.push(next, MAX_CODE_POINT);
  return out;
}

export function singleton(cp: number): CodePointSet {
  return [cp, cp];
}

/** Binary search over the ranges. */
export function setContains(set: ArrayLike<number>, cp: number): boolean {
  let lo = 0;
  let hi = set.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < set[2 * mid]) hi = mid - 1;
    else if (cp > set[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

// java.util.regex.Pattern's predefined classes without UNICODE_CHARACTER_CLASS (5.6): ASCII only.
const DIGIT: CodePointSet = [0x30, 0x39];
const WORD: CodePointSet = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
/** `[ \t\n\x0B\f\r]` */
const SPACE: CodePointSet = [0x09, 0x0d, 0x20, 0x20];

/** The set of `\d \D \w \W \s \S`, by the escape letter. */
export function predefinedSet(letter: string): CodePointSet | undefined {
  switch (letter) {
    case 'd': return DIGIT;
    case 'D': return complementSet(DIGIT);
    case 'w': return WORD;
    case 'W': return complementSet(WORD);
    case 's': return SPACE;
    case 'S': return complementSet(SPACE);
    default: return undefined;
  }
}

/** Java's `.` without DOTALL: anything but the line terminators \n \r \u0085 \u2028 \u2029. */
export const DOT_SET: CodePointSet = complementSet(normalizeSet([0x0a, 0x0a, 0x0d, 0x0d, 0x85, 0x85, 0x2028, 0x2029]));

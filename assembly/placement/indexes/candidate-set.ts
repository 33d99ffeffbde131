// The candidates of the current task as a bitset over instances, with their count (performance notes
// 3.2). Only the instance a task lands on changes state, so the set changes one bit at a time. The
// tie tree (tie-tree.ts) is built from it; the generic strategy path lists it in registration order.
import { setWord, word } from '../../memory/words';
import { candidateBits, M } from '../placement-batch';

let size: i32 = 0;

export function clearCandidates(): void {
  const words = (M + 31) >> 5;
  for (let w = 0; w < words; w++) setWord(candidateBits, w, 0);
  size = 0;
}

export function candidateCount(): i32 {
  return size;
}

export function setCandidate(i: i32, isCandidate: bool): void {
  const w = i >> 5;
  const bit = 1 << (i & 31);
  const old = word(candidateBits, w);
  const was = (old & bit) != 0;
  if (was == isCandidate) return;
  setWord(candidateBits, w, isCandidate ? old | bit : old & ~bit);
  size += isCandidate ? 1 : -1;
}

/** Writes the candidates, in registration order, to `list`; returns how many. */
export function listCandidates(list: usize): i32 {
  const words = (M + 31) >> 5;
  let n = 0;
  for (let w = 0; w < words; w++) {
    let bits = word(candidateBits, w);
    while (bits != 0) {
      setWord(list, n++, (w << 5) + <i32>ctz(bits));
      bits &= bits - 1;
    }
  }
  return n;
}

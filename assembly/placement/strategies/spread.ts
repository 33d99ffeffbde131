// spread (semantics 6.4): keep the members of T whose key has the smallest count among the keys
// present in T; counts cover the group's active tasks on every instance, DRAINING included.
import { setWord, word } from '../../memory/words';
import { groupActive, keyCounts, keyStart, M, spreadKeyCount, spreadKeys, spreadRowCount } from '../placement-batch';

/** Builds the per-key counts of every spread row from groupActive. */
export function countSpreadKeys(): void {
  let start = 0;
  for (let r = 0; r < spreadRowCount; r++) {
    setWord(keyStart, r, start);
    const keys = word(spreadKeyCount, r);
    for (let k = 0; k < keys; k++) setWord(keyCounts, start + k, 0);
    for (let j = 0; j < M; j++) {
      const slot = start + word(spreadKeys, r * M + j);
      setWord(keyCounts, slot, word(keyCounts, slot) + word(groupActive, j));
    }
    start += keys;
  }
  setWord(keyStart, spreadRowCount, start);
}

/** A task of the group became active on instance i (delta 1) or is being stopped (delta −1). */
export function addToSpreadCounts(i: i32, delta: i32): void {
  for (let r = 0; r < spreadRowCount; r++) {
    const slot = word(keyStart, r) + word(spreadKeys, r * M + i);
    setWord(keyCounts, slot, word(keyCounts, slot) + delta);
  }
}

// @ts-ignore: decorator
@inline export function spreadCount(row: i32, i: i32): i32 {
  return word(keyCounts, word(keyStart, row) + word(spreadKeys, row * M + i));
}

/** Narrows the n instances of `tie` to the best under spread(row); largest for scale-in. Returns the new n. */
export function narrowBySpread(tie: usize, n: i32, row: i32, largest: bool): i32 {
  let best = spreadCount(row, word(tie, 0));
  for (let k = 1; k < n; k++) {
    const v = spreadCount(row, word(tie, k));
    if (largest ? v > best : v < best) best = v;
  }
  let kept = 0;
  for (let k = 0; k < n; k++) {
    const i = word(tie, k);
    if (spreadCount(row, i) == best) setWord(tie, kept++, i);
  }
  return kept;
}

// binpack (semantics 6.3): keep the members of T with the least remaining resource (the most, for
// scale-in: the values then include the stopped task's share, D49).
import { setWord, word } from '../../memory/words';

/** Narrows the n entries of `tie` by value[entry]; returns the new n. */
export function narrowByValue(tie: usize, n: i32, values: usize, largest: bool): i32 {
  let best = word(values, word(tie, 0));
  for (let k = 1; k < n; k++) {
    const v = word(values, word(tie, k));
    if (largest ? v > best : v < best) best = v;
  }
  let kept = 0;
  for (let k = 0; k < n; k++) {
    const i = word(tie, k);
    if (word(values, i) == best) setWord(tie, kept++, i);
  }
  return kept;
}

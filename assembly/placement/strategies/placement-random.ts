// The `placement` stream of the batch being worked on (semantics 3.3): loaded from the problem,
// written back advanced. Draws happen only when there are n ≥ 2 choices (3.3, 6.5, 6.6).
import { Xoshiro128 } from '../../random/xoshiro128';
import { setWord, word } from '../../memory/words';

const stream = new Xoshiro128();

export function loadStream(region: usize): void {
  stream.s0 = <u32>word(region, 0);
  stream.s1 = <u32>word(region, 1);
  stream.s2 = <u32>word(region, 2);
  stream.s3 = <u32>word(region, 3);
}

export function storeStream(region: usize): void {
  setWord(region, 0, <i32>stream.s0);
  setWord(region, 1, <i32>stream.s1);
  setWord(region, 2, <i32>stream.s2);
  setWord(region, 3, <i32>stream.s3);
}

/** The index of the chosen one of n tied entries: a draw when n ≥ 2, else 0 (6.6). */
export function pickOneOf(n: i32): i32 {
  return n >= 2 ? <i32>stream.uniformInt(<u32>n) : 0;
}

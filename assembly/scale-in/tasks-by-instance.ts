// The stoppable tasks grouped by instance (CSR: the tasks of i are sorted[start[i] .. start[i+1])),
// each row in taskOrder, so the order of rule 3 of semantics 8 is a walk over instances in order.
import { setWord, word } from '../memory/words';

/** Whether taskOrder is a permutation of 0..tasks-1 (it is a unique rank); `marks` is N words of scratch. */
function isPermutation(tasks: i32, taskOrder: usize, marks: usize): bool {
  for (let t = 0; t < tasks; t++) setWord(marks, t, 0);
  for (let t = 0; t < tasks; t++) {
    const o = word(taskOrder, t);
    if (o < 0 || o >= tasks || word(marks, o) != 0) return false;
    setWord(marks, o, 1);
  }
  return true;
}

/** `byOrder` and `marks` are N words of scratch each. */
export function groupTasksByInstance(
  instances: i32, tasks: i32, taskInstance: usize, taskOrder: usize, start: usize, sorted: usize, byOrder: usize, marks: usize,
): void {
  for (let i = 0; i <= instances; i++) setWord(start, i, 0);
  for (let t = 0; t < tasks; t++) {
    const i = word(taskInstance, t) + 1;
    setWord(start, i, word(start, i) + 1);
  }
  for (let i = 0; i < instances; i++) setWord(start, i + 1, word(start, i + 1) + word(start, i));
  // A counting sort, stable: filling rows in taskOrder leaves every row sorted. start[i] serves as
  // row i's fill cursor, ending at row i+1's first slot; the shift below restores it.
  const ranked = isPermutation(tasks, taskOrder, marks);
  if (ranked) for (let t = 0; t < tasks; t++) setWord(byOrder, word(taskOrder, t), t);
  for (let k = 0; k < tasks; k++) {
    const t = ranked ? word(byOrder, k) : k;
    const i = word(taskInstance, t);
    const slot = word(start, i);
    setWord(sorted, slot, t);
    setWord(start, i, slot + 1);
  }
  for (let i = instances; i > 0; i--) setWord(start, i, word(start, i - 1));
  setWord(start, 0, 0);
  if (ranked) return;
  // taskOrder is not a dense rank: insertion sort of each row by it.
  for (let i = 0; i < instances; i++) {
    const lo = word(start, i);
    const hi = word(start, i + 1);
    for (let a = lo + 1; a < hi; a++) {
      const t = word(sorted, a);
      const key = word(taskOrder, t);
      let b = a - 1;
      while (b >= lo && word(taskOrder, word(sorted, b)) > key) {
        setWord(sorted, b + 1, word(sorted, b));
        b--;
      }
      setWord(sorted, b + 1, t);
    }
  }
}

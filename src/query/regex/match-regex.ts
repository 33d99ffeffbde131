// Whole-value matching of a compiled 5.6 pattern, as Java's Pattern.matches: a Pike VM without
// captures (a Thompson-NFA simulation). Each step keeps the set of live instructions, each at most
// once, so the time is O(program size × value length) and no pattern can backtrack: `(a*)*b` on
// 5,000 `a`s costs the same as `a*b`. The value is read by code points, as Java reads it.
import { RegexOp, type RegexProgram } from './compile-regex.ts';
import { setContains } from './code-point-set.ts';

interface Scratch {
  lists: [Int32Array, Int32Array];
  mark: Int32Array;
  stack: Int32Array;
}

// One program is matched against many instances' values (placement, 4.9), so its work arrays are
// allocated once. Matching never re-enters itself, so one set per program is enough.
const scratchOf = new WeakMap<RegexProgram, Scratch>();

function scratchFor(program: RegexProgram): Scratch {
  let scratch = scratchOf.get(program);
  if (scratch === undefined) {
    const size = program.op.length;
    scratch = { lists: [new Int32Array(size), new Int32Array(size)], mark: new Int32Array(size), stack: new Int32Array(size) };
    scratchOf.set(program, scratch);
  }
  return scratch;
}

/** True when the whole value matches the program. */
export function matchRegex(program: RegexProgram, value: string): boolean {
  const { op, x, y, sets } = program;
  const { lists, mark, stack } = scratchFor(program);
  let [current, next] = lists;
  let nextCount = 0;
  // mark[pc] = the generation (step) in which pc was last added; stops ε-cycles such as `(a*)*`.
  mark.fill(-1);
  const end = value.length;

  /** Adds `start` and every instruction reachable from it without consuming input, at offset `at`. */
  const addClosure = (list: Int32Array, count: number, start: number, at: number, generation: number): number => {
    if (mark[start] === generation) return count;
    mark[start] = generation;
    let top = 0;
    stack[top++] = start;
    while (top > 0) {
      const pc = stack[--top];
      let a = -1;
      let b = -1;
      switch (op[pc]) {
        case RegexOp.Jmp:
          a = x[pc];
          break;
        case RegexOp.Split:
          a = x[pc];
          b = y[pc];
          break;
        case RegexOp.Begin:
          if (at === 0) a = pc + 1;
          break;
        case RegexOp.End:
          if (at === end) a = pc + 1;
          break;
        default: // Set and Match wait for the next character or the end
          list[count++] = pc;
      }
      // Marking on push keeps each instruction on the stack at most once per generation.
      if (a >= 0 && mark[a] !== generation) {
        mark[a] = generation;
        stack[top++] = a;
      }
      if (b >= 0 && mark[b] !== generation) {
        mark[b] = generation;
        stack[top++] = b;
      }
    }
    return count;
  };

  let generation = 0;
  let currentCount = addClosure(current, 0, 0, 0, generation);
  let at = 0;
  while (at < end) {
    if (currentCount === 0) return false;
    const cp = value.codePointAt(at)!;
    const following = at + (cp > 0xffff ? 2 : 1);
    generation++;
    nextCount = 0;
    for (let k = 0; k < currentCount; k++) {
      const pc = current[k];
      if (op[pc] === RegexOp.Set && setContains(sets[x[pc]], cp)) {
        nextCount = addClosure(next, nextCount, pc + 1, following, generation);
      }
    }
    [current, next] = [next, current];
    currentCount = nextCount;
    at = following;
  }
  for (let k = 0; k < currentCount; k++) if (op[current[k]] === RegexOp.Match) return true;
  return false;
}

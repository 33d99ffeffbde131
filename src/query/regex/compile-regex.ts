// Compiles a 5.6 pattern into a Thompson-NFA program for the Pike VM of match-regex.ts. Compiled once
// per expression (5.6); counted repetition is expanded, so the program size is bounded up front.
//
// Instructions (one per index, in three parallel columns so the WASM engine can mirror them):
//   MATCH             the whole value matched if the input is exhausted here
//   SET s             consume one code point that is in sets[s]
//   SPLIT x y         continue at both x and y
//   JMP x             continue at x
//   BEGIN / END       zero-width: hold only at the start / the end of the value (5.6 anchors)
import { QUERY } from '../../messages.ts';
import type { CodePointSet } from './code-point-set.ts';
import { type RegexNode, parseRegex } from './parse-regex.ts';
import { RegexSyntaxError } from './regex-syntax-error.ts';

export const RegexOp = { Match: 0, Set: 1, Split: 2, Jmp: 3, Begin: 4, End: 5 } as const;
export type RegexOp = (typeof RegexOp)[keyof typeof RegexOp];

export interface RegexProgram {
  /** The pattern as written in the expression. */
  readonly pattern: string;
  readonly op: Int32Array;
  readonly x: Int32Array;
  readonly y: Int32Array;
  /** Character sets as flat sorted [lo, hi] ranges of code points. */
  readonly sets: readonly Int32Array[];
}

/**
 * Decision (synthesised): a program may hold at most this many instructions, so nested counted
 * repetition such as `((a{1000}){1000})` cannot exhaust memory. Matching costs O(size × value length).
 */
export const MAX_REGEX_PROGRAM_SIZE = 20_000;

/** The number of instructions `emit` produces for a node (the final MATCH excluded). */
function sizeOf(node: RegexNode): number {
  switch (node.type) {
    case 'set':
    case 'begin':
    case 'end':
      return 1;
    case 'concat':
      return node.items.reduce((sum, item) => sum + sizeOf(item), 0);
    case 'alternation':
      // k branches: k − 1 SPLITs and k − 1 JMPs
      return node.items.reduce((sum, item) => sum + sizeOf(item), 0) + 2 * (node.items.length - 1);
    case 'repeat': {
      const s = sizeOf(node.item);
      if (node.max === Infinity) return node.min === 0 ? s + 2 : node.min * s + 1;
      return node.min * s + (node.max - node.min) * (s + 1);
    }
  }
}

class Emitter {
  readonly op: number[] = [];
  readonly x: number[] = [];
  readonly y: number[] = [];
  readonly sets: Int32Array[] = [];
  private readonly setIndex = new Map<CodePointSet, number>();

  get pc(): number {
    return this.op.length;
  }

  push(op: RegexOp, x = 0, y = 0): number {
    this.op.push(op);
    this.x.push(x);
    this.y.push(y);
    return this.op.length - 1;
  }

  emit(node: RegexNode): void {
    switch (node.type) {
      case 'set': {
        // Copies made by counted repetition share one set.
        let index = this.setIndex.get(node.set);
        if (index === undefined) {
          index = this.sets.push(Int32Array.from(node.set)) - 1;
          this.setIndex.set(node.set, index);
        }
        this.push(RegexOp.Set, index);
        return;
      }
      case 'begin':
        this.push(RegexOp.Begin);
        return;
      case 'end':
        this.push(RegexOp.End);
        return;
      case 'concat':
        for (const item of node.items) this.emit(item);
        return;
      case 'alternation': {
        const jumps: number[] = [];
        node.items.forEach((item, k) => {
          if (k === node.items.length - 1) {
            this.emit(item);
            return;
          }
          const split = this.push(RegexOp.Split, this.pc + 1);
          this.emit(item);
          jumps.push(this.push(RegexOp.Jmp));
          this.y[split] = this.pc;
        });
        for (const j of jumps) this.x[j] = this.pc;
        return;
      }
      case 'repeat':
        this.emitRepeat(node.item, node.min, node.max);
        return;
    }
  }

  private emitRepeat(item: RegexNode, min: number, max: number): void {
    if (max === Infinity && min === 0) {
      // L: SPLIT L+1, out; item; JMP L; out:
      const split = this.push(RegexOp.Split, this.pc + 1);
      this.emit(item);
      this.push(RegexOp.Jmp, split);
      this.y[split] = this.pc;
      return;
    }
    if (max === Infinity) {
      // min − 1 copies, then L: item; SPLIT L, out
      for (let k = 0; k < min - 1; k++) this.emit(item);
      const loop = this.pc;
      this.emit(item);
      this.push(RegexOp.Split, loop, this.pc + 1);
      return;
    }
    for (let k = 0; k < min; k++) this.emit(item);
    // max − min optional copies: each SPLIT either goes on to one more copy or leaves.
    const exits: number[] = [];
    for (let k = min; k < max; k++) {
      exits.push(this.push(RegexOp.Split, this.pc + 1));
      this.emit(item);
    }
    for (const split of exits) this.y[split] = this.pc;
  }
}

/** Compiles a pattern; throws RegexSyntaxError (with a 5.6 reason) when it is outside the subset. */
export function compileRegex(pattern: string): RegexProgram {
  const tree = parseRegex(pattern);
  if (sizeOf(tree) + 1 > MAX_REGEX_PROGRAM_SIZE) throw new RegexSyntaxError(QUERY.regex.tooLarge(MAX_REGEX_PROGRAM_SIZE));
  const emitter = new Emitter();
  emitter.emit(tree);
  emitter.push(RegexOp.Match);
  return {
    pattern,
    op: Int32Array.from(emitter.op),
    x: Int32Array.from(emitter.x),
    y: Int32Array.from(emitter.y),
    sets: emitter.sets,
  };
}

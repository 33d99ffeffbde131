// The postfix evaluator of memberOf programs (semantics 5; contract 1): one instance at a time.
import { describe, expect, it } from 'vitest';
import { OP_AND, OP_ANY_TASK, OP_FALSE, OP_GROUP_ANY, OP_LEAF, OP_NOT, OP_OR, OP_TRUE } from '../../../src/placement/placement-codes.ts';
import { evaluateMemberOfProgram, type MemberOfView } from '../../../src/reference/evaluate-member-of-program.ts';

// M = 3 instances. leaf 0 = [1, 0, 1], leaf 1 = [0, 0, 1]; group 0 live = [0, 2, 0], group 1 = [1, 0, 0];
// liveTasks = [1, 2, 0].
const view: MemberOfView = {
  instanceCount: 3,
  leafBits: [1, 0, 1, 0, 0, 1],
  groupLiveByGroup: [0, 2, 0, 1, 0, 0],
  liveTasks: [1, 2, 0],
};
const run = (ops: number[]) => [0, 1, 2].map((i) => evaluateMemberOfProgram(ops, 0, ops.length, view, i));

describe('evaluateMemberOfProgram', () => {
  it.each<[string, number[], boolean[]]>([
    ['LEAF 0 reads leafBits[0 * 3 + i]', [OP_LEAF, 0], [true, false, true]],
    ['LEAF 1 reads leafBits[1 * 3 + i]', [OP_LEAF, 1], [false, false, true]],
    ['GROUP_ANY 0: live count > 0', [OP_GROUP_ANY, 0], [false, true, false]],
    ['GROUP_ANY 1', [OP_GROUP_ANY, 1], [true, false, false]],
    ['ANY_TASK: liveTasks > 0', [OP_ANY_TASK, 0], [true, true, false]],
    ['TRUE / FALSE', [OP_TRUE, 0], [true, true, true]],
    ['FALSE', [OP_FALSE, 0], [false, false, false]],
    ['leaf 0 AND leaf 1', [OP_LEAF, 0, OP_LEAF, 1, OP_AND, 0], [false, false, true]],
    ['leaf 1 OR group 0', [OP_LEAF, 1, OP_GROUP_ANY, 0, OP_OR, 0], [false, true, true]],
    ['NOT leaf 0', [OP_LEAF, 0, OP_NOT, 0], [false, true, false]],
    ['NOT (leaf 0 AND NOT exists) = [1,0,1] ∧ [0,0,1] → [0,0,1] → negated', [OP_LEAF, 0, OP_ANY_TASK, 0, OP_NOT, 0, OP_AND, 0, OP_NOT, 0], [true, true, false]],
  ])('%s', (_, ops, expected) => {
    expect(run(ops)).toEqual(expected);
  });

  it('runs only the slice [start, end) of a shared ops array', () => {
    const ops = [OP_FALSE, 0, OP_LEAF, 0, OP_TRUE, 0];
    expect(evaluateMemberOfProgram(ops, 2, 4, view, 1)).toBe(false);
    expect(evaluateMemberOfProgram(ops, 2, 4, view, 2)).toBe(true);
  });

  it.each<[string, number[]]>([
    ['an AND with one operand', [OP_TRUE, 0, OP_AND, 0]],
    ['two values left', [OP_TRUE, 0, OP_TRUE, 0]],
    ['an empty program', []],
    ['an unknown op', [99, 0]],
  ])('a malformed program throws: %s', (_, ops) => {
    expect(() => evaluateMemberOfProgram(ops, 0, ops.length, view, 0)).toThrow();
  });
});

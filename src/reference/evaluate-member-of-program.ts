// The memberOf postfix program of one constraint, evaluated for one instance (semantics 5; performance
// notes 3.4; placement contract 1). The program is (op, operand) pairs; static leaf predicates were
// evaluated by the builder into bit columns, and only task-group terms read the batch's live counts.
import { OP_AND, OP_ANY_TASK, OP_FALSE, OP_GROUP_ANY, OP_LEAF, OP_NOT, OP_OR, OP_TRUE } from '../placement/placement-codes.ts';

/** What a program may read about instance i at the moment of the placement. */
export interface MemberOfView {
  instanceCount: number;
  /** leafBits[k * M + i] is 0/1. */
  leafBits: ArrayLike<number>;
  /** Live tasks of referenced group g on instance i at groupLiveByGroup[g * M + i] (rises as the batch places). */
  groupLiveByGroup: ArrayLike<number>;
  /** Live tasks of any group on instance i. */
  liveTasks: ArrayLike<number>;
}

/** Runs ops[start .. end) (pairs) for instance i; true when the instance is a member. */
export function evaluateMemberOfProgram(ops: ArrayLike<number>, start: number, end: number, view: MemberOfView, i: number): boolean {
  const M = view.instanceCount;
  const stack: boolean[] = [];
  const pop = (): boolean => {
    const v = stack.pop();
    if (v === undefined) throw new Error('memberOf program: stack underflow');
    return v;
  };
  for (let pc = start; pc < end; pc += 2) {
    const op = ops[pc];
    const operand = ops[pc + 1];
    switch (op) {
      case OP_LEAF:
        stack.push(view.leafBits[operand * M + i] !== 0);
        break;
      case OP_GROUP_ANY:
        stack.push(view.groupLiveByGroup[operand * M + i] > 0);
        break;
      case OP_ANY_TASK: // task:group exists
        stack.push(view.liveTasks[i] > 0);
        break;
      case OP_AND: {
        const b = pop();
        const a = pop();
        stack.push(a && b);
        break;
      }
      case OP_OR: {
        const b = pop();
        const a = pop();
        stack.push(a || b);
        break;
      }
      case OP_NOT:
        stack.push(!pop());
        break;
      case OP_TRUE:
        stack.push(true);
        break;
      case OP_FALSE:
        stack.push(false);
        break;
      default:
        throw new Error(`memberOf program: unknown op ${op}`);
    }
  }
  if (stack.length !== 1) throw new Error(`memberOf program: ${stack.length} values left on the stack`);
  return stack[0];
}

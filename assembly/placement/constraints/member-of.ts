// memberOf (semantics 5, 4.9): the compiled postfix program of constraint c, evaluated for instance i.
// Static leaves were evaluated by the host into leafBits; task:group terms read live counts.
import * as abi from '../../abi';
import { setWord, word } from '../../memory/words';
import { groupLiveByGroup, leafBits, liveTasks, M, programOps, programStack, programStart } from '../placement-batch';

export function isMemberOf(c: i32, i: i32): bool {
  const end = word(programStart, c + 1);
  let top = 0;
  for (let k = word(programStart, c); k < end; k += 2) {
    const op = word(programOps, k);
    const operand = word(programOps, k + 1);
    if (op == abi.OP_LEAF) {
      setWord(programStack, top++, word(leafBits, operand * M + i) != 0 ? 1 : 0);
    } else if (op == abi.OP_GROUP_ANY) {
      setWord(programStack, top++, word(groupLiveByGroup, operand * M + i) > 0 ? 1 : 0);
    } else if (op == abi.OP_ANY_TASK) {
      setWord(programStack, top++, word(liveTasks, i) > 0 ? 1 : 0);
    } else if (op == abi.OP_AND) {
      top--;
      setWord(programStack, top - 1, word(programStack, top - 1) & word(programStack, top));
    } else if (op == abi.OP_OR) {
      top--;
      setWord(programStack, top - 1, word(programStack, top - 1) | word(programStack, top));
    } else if (op == abi.OP_NOT) {
      setWord(programStack, top - 1, word(programStack, top - 1) ^ 1);
    } else if (op == abi.OP_TRUE) {
      setWord(programStack, top++, 1);
    } else {
      setWord(programStack, top++, 0);
    }
  }
  // An empty program constrains nothing.
  return top == 0 || word(programStack, top - 1) != 0;
}

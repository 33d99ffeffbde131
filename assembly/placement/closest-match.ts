// The closest matching instance (semantics 4.10): the non-DRAINING instance that passed the most
// stages, ties to the lowest registration index; -1 when there is none.
import * as abi from '../abi';
import { word } from '../memory/words';
import { M } from './placement-batch';

function stagesPassed(code: i32, constraint: i32): i32 {
  // CPU 0, MEMORY 1, PORTS 2, ENI 3, ATTRIBUTE 4, AGENT 5, constraint c → 6 + c.
  if (code == abi.REJECT_MEMBER_OF || code == abi.REJECT_DISTINCT_INSTANCE) return 6 + constraint;
  return code - 1;
}

export function closestMatch(codes: usize, constraints: usize): i32 {
  let best = -1;
  let bestPassed = -1;
  for (let i = 0; i < M; i++) {
    const code = word(codes, i);
    if (code == abi.REJECT_DRAINING) continue;
    const passed = stagesPassed(code, word(constraints, i));
    if (passed > bestPassed) {
      best = i;
      bestPassed = passed;
    }
  }
  return best;
}

// The stages of semantics 4.2 in order, for one instance and the batch's task: the first that fails
// gives the instance's rejection code (REJECT_NONE: a candidate).
import * as abi from '../../abi';
import { word } from '../../memory/words';
import {
  agentConnected, attributesOk, C, constraintKind, cpuFree, eniFree, instanceState, memoryFree,
  taskCpu, taskMemory, taskNeedsEni,
} from '../placement-batch';
import { fitsPorts } from './fits-ports';
import { isMemberOf } from '../constraints/member-of';
import { isDistinctInstance } from '../constraints/distinct-instance';

/** The constraint that rejected the last instance evaluated, else -1. */
export let rejectedConstraint: i32 = -1;

export function evaluateInstance(i: i32): i32 {
  rejectedConstraint = -1;
  if (word(instanceState, i) == abi.INSTANCE_DRAINING) return abi.REJECT_DRAINING; // 4.2
  if (word(cpuFree, i) < taskCpu) return abi.REJECT_CPU; // 4.3
  if (word(memoryFree, i) < taskMemory) return abi.REJECT_MEMORY; // 4.4
  if (!fitsPorts(i)) return abi.REJECT_PORTS; // 4.5
  if (taskNeedsEni != 0 && word(eniFree, i) < 1) return abi.REJECT_ENI; // 4.6
  if (word(attributesOk, i) == 0) return abi.REJECT_ATTRIBUTE; // 4.7
  if (word(agentConnected, i) == 0) return abi.REJECT_AGENT; // 4.8
  for (let c = 0; c < C; c++) { // 4.9, task definition's constraints first
    if (word(constraintKind, c) == abi.CONSTRAINT_MEMBER_OF) {
      if (!isMemberOf(c, i)) {
        rejectedConstraint = c;
        return abi.REJECT_MEMBER_OF;
      }
    } else if (!isDistinctInstance(i)) {
      rejectedConstraint = c;
      return abi.REJECT_DISTINCT_INSTANCE;
    }
  }
  return abi.REJECT_NONE;
}

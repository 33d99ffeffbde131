// The stages of semantics 4.2 for the brute-force scan. Two forms: scanExplain (every stage in order:
// the code and constraint of the explanation vector, contract 1 and 5) and isScanCandidate (passes all
// stages? order does not matter for that, so the cheap column tests go first).
//
// The stages that a placement cannot change (DRAINING, ATTRIBUTE, AGENT) are folded once per batch
// into the static column (scratchCode: −1 = passes all three, else 0) and into the gated CPU column
// (scratchConstraint: cpuFree where they pass, i32.MIN_VALUE elsewhere, so that the column loops of
// scan-choose.ts test all four with one compare). A placement changes only resources, ports and
// group counts, which every task reads afresh.
import * as abi from '../../abi';
import { setWord, word } from '../../memory/words';
import {
  agentConnected, attributesOk, C, constraintKind, cpuFree, eniFree, instanceState, M, memoryFree, outRejectCode,
  outRejectConstraint, P, scratchCode, scratchConstraint, taskCpu, taskMemory, taskNeedsEni,
} from '../placement-batch';
import { isMemberOf } from '../constraints/member-of';
import { isDistinctInstance } from '../constraints/distinct-instance';
import { fitsPorts } from '../stages/fits-ports';

/** Fills the static and the gated CPU columns (see above). */
export function buildStaticColumn(): void {
  for (let i = 0; i < M; i++) {
    const ok = word(instanceState, i) != abi.INSTANCE_DRAINING && word(attributesOk, i) != 0 && word(agentConnected, i) != 0;
    setWord(scratchCode, i, ok ? -1 : 0);
    setWord(scratchConstraint, i, ok ? word(cpuFree, i) : i32.MIN_VALUE);
  }
}

/** A task was placed on instance i (a candidate, so its gate is open): its gated CPU follows cpuFree. */
export function gatedCpuPlaced(i: i32): void {
  setWord(scratchConstraint, i, word(cpuFree, i));
}

/** The constraint stage (4.9) in order: the first failing constraint, else -1; code in failedCode. */
let failedCode: i32 = abi.REJECT_NONE;
function firstFailingConstraint(i: i32): i32 {
  for (let c = 0; c < C; c++) {
    if (word(constraintKind, c) == abi.CONSTRAINT_MEMBER_OF) {
      if (!isMemberOf(c, i)) {
        failedCode = abi.REJECT_MEMBER_OF;
        return c;
      }
    } else if (!isDistinctInstance(i)) {
      failedCode = abi.REJECT_DISTINCT_INSTANCE;
      return c;
    }
  }
  return -1;
}

function stageCode(i: i32): i32 {
  if (word(instanceState, i) == abi.INSTANCE_DRAINING) return abi.REJECT_DRAINING; // 4.2
  if (word(cpuFree, i) < taskCpu) return abi.REJECT_CPU; // 4.3
  if (word(memoryFree, i) < taskMemory) return abi.REJECT_MEMORY; // 4.4
  if (P > 0 && !fitsPorts(i, false)) return abi.REJECT_PORTS; // 4.5
  if (taskNeedsEni != 0 && word(eniFree, i) < 1) return abi.REJECT_ENI; // 4.6
  if (word(attributesOk, i) == 0) return abi.REJECT_ATTRIBUTE; // 4.7
  if (word(agentConnected, i) == 0) return abi.REJECT_AGENT; // 4.8
  return abi.REJECT_NONE;
}

/** The explanation vector of the next task into outRejectCode / outRejectConstraint; returns the candidates. */
export function scanExplain(): i32 {
  let candidates = 0;
  for (let i = 0; i < M; i++) {
    let code = stageCode(i);
    let constraint = -1;
    if (code == abi.REJECT_NONE) {
      constraint = firstFailingConstraint(i);
      if (constraint >= 0) code = failedCode;
      else candidates++;
    }
    setWord(outRejectCode, i, code);
    setWord(outRejectConstraint, i, constraint);
  }
  return candidates;
}

/** Whether instance i passes every stage for the next task (the bound ports land in taskPorts). */
export function isScanCandidate(i: i32): bool {
  if (word(scratchCode, i) == 0 || word(cpuFree, i) < taskCpu || word(memoryFree, i) < taskMemory) return false;
  if (taskNeedsEni != 0 && word(eniFree, i) < 1) return false;
  if (P > 0 && !fitsPorts(i, false)) return false;
  return firstFailingConstraint(i) < 0;
}

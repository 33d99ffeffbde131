// B5r (performance notes 4 and §7): a PlacementProblem's instance columns loaded into a resident
// store by delta records, and the batch that names those instances. Each instance becomes a slot with
// its free CPU / memory as registered totals (no task holds any), its ENI room as a limit of
// eniFree + 1, its used ports as registered reserved ports, and its group counts as task records that
// hold nothing but the count: store group 0 is the problem's own group (active = 1 for groupActive,
// 0 for the stopping rest), group 1 every other live task. That reproduces the problem only where every
// used port is also reserved (no dynamic ports in use) and no group is referenced by memberOf;
// `residentDeltasOf` refuses anything else, and the harness checks store.problemOf(batch) against the
// problem before it times anything.
import type { PlacementProblem } from '../../src/placement/placement-problem.ts';
import type { ResidentBatch } from '../../src/placement/resident-cluster-store.ts';
import { DeltaWriter } from '../../src/placement/resident-deltas.ts';

/** The problem's own task group in the store; other live tasks go to OTHER_GROUP. */
export const OWN_GROUP = 0;
const OTHER_GROUP = 1;

export function residentDeltasOf(problem: PlacementProblem): Int32Array {
  const M = problem.instanceCount;
  if (problem.referencedGroupCount !== 0) throw new Error('residentDeltasOf: memberOf task:group terms are not loaded');
  const writer = new DeltaWriter();
  const nothing = { cpu: 0, memory: 0, eni: 0, ports: [], staticPorts: [] };
  for (let i = 0; i < M; i++) {
    const ports = Array.from(problem.usedPorts.subarray(problem.usedPortsStart[i], problem.usedPortsStart[i + 1]));
    if (ports.length !== problem.reservedTcpCount[i] + problem.reservedUdpCount[i]) {
      throw new Error(`residentDeltasOf: instance ${i} uses ports that are not reserved`);
    }
    writer.instance(i, {
      state: problem.instanceState[i],
      agentConnected: problem.agentConnected[i],
      cpuRegistered: problem.cpuFree[i],
      memoryRegistered: problem.memoryFree[i],
      eniLimit: problem.eniFree[i] + 1,
      ephemeralFirst: problem.ephemeralFirst[i],
      ephemeralLast: problem.ephemeralLast[i],
      reservedPorts: ports,
    });
    for (let k = 0; k < problem.groupActive[i]; k++) writer.task(1, i, { ...nothing, group: OWN_GROUP, active: 1 });
    for (let k = problem.groupActive[i]; k < problem.groupLive[i]; k++) writer.task(1, i, { ...nothing, group: OWN_GROUP, active: 0 });
    for (let k = problem.groupLive[i]; k < problem.liveTasks[i]; k++) writer.task(1, i, { ...nothing, group: OTHER_GROUP, active: 0 });
  }
  return writer.records().slice();
}

/** Slots 0..M-1: instance i of the problem is slot i. */
export const identitySlots = (problem: PlacementProblem) => Int32Array.from({ length: problem.instanceCount }, (_, i) => i);

/**
 * The problem as a batch of `count` on `slots` (identitySlots; made once per series, as the engine keeps
 * its placeable slots) with the given PRNG state.
 */
export function residentBatchOf(problem: PlacementProblem, slots: Int32Array, count: number, random: Uint32Array, ownGroupSent: boolean): ResidentBatch {
  return {
    slots,
    // a group no task was ever sent for is -1 (zeros), as ClusterLedger.knownGroupId gives it
    batchGroup: ownGroupSent ? OWN_GROUP : -1,
    referencedGroups: new Int32Array(0),
    attributesOk: problem.attributesOk,
    taskCpu: problem.taskCpu,
    taskMemory: problem.taskMemory,
    taskNeedsEni: problem.taskNeedsEni,
    taskPortMappings: problem.taskPortMappings,
    constraintKind: problem.constraintKind,
    programStart: problem.programStart,
    programOps: problem.programOps,
    leafCount: problem.leafCount,
    leafBits: problem.leafBits,
    batchGroupIndex: problem.batchGroupIndex,
    strategyType: problem.strategyType,
    strategyField: problem.strategyField,
    spreadKeys: problem.spreadKeys,
    spreadKeyCount: problem.spreadKeyCount,
    count,
    random,
  };
}

/** The DELTA_TASK record of one placed task: what it now holds on its instance (slot = instance index). */
export function placedTaskDelta(writer: DeltaWriter, problem: PlacementProblem, slot: number, boundPorts: ArrayLike<number>): void {
  const mappings = problem.taskPortMappings;
  const ports: number[] = [];
  const staticPorts: number[] = [];
  for (let p = 0; p < mappings.length; p++) {
    ports.push(boundPorts[p]);
    staticPorts.push((mappings[p] & 0xffff) !== 0 ? 1 : 0); // hostPort 0 = dynamic: used, not reserved (4.5)
  }
  writer.task(1, slot, {
    cpu: problem.taskCpu, memory: problem.taskMemory, eni: problem.taskNeedsEni, group: OWN_GROUP, active: 1, ports, staticPorts,
  });
}

// The PlacementCore backed by the AssemblyScript core (assembly/placement, assembly/scale-in).
// Zero-copy (performance notes 4–5): each batch is written straight into the core's batch buffer
// through an Int32Array view over memory.buffer, one export runs it, and the answer is read back
// from the same buffer. Views are made after reservePlacementBuffer, which may grow the memory.
import type { PlacementCore } from '../placement-core.ts';
import type { PlacementProblem, PlacementResult, ScaleInProblem, ScaleInResult } from '../placement/placement-problem.ts';
import type { DeploymentStep, DeploymentStepInput } from '../placement/deployment-step.ts';
import * as abi from './abi.ts';
import { BatchLayout } from './batch-layout.ts';
import type { SchedulerCoreExports } from './scheduler-core-exports.ts';
import { createWasmResidentClusterStore } from './wasm-resident-cluster-store.ts';

type Column = { slot: number; data: Int32Array };

/** Reserves the buffer, then writes the header (offsets, scalars) and the input columns; returns the view. */
function writeBatch(core: SchedulerCoreExports, layout: BatchLayout, scalars: [number, number][], columns: Column[]): Int32Array {
  const base = core.reservePlacementBuffer(layout.words) >>> 0;
  const view = new Int32Array(core.memory.buffer, base, layout.words);
  view.fill(0, 0, layout.headerWords);
  for (const [slot, offset] of layout.offsets) view[slot] = offset;
  for (const [slot, value] of scalars) view[slot] = value;
  for (const { slot, data } of columns) view.set(data, layout.offsets.get(slot)!);
  return view;
}

/** The view after the call: the same buffer unless the memory grew (it does not, but stay safe). */
function viewAfter(core: SchedulerCoreExports, view: Int32Array): Int32Array {
  return view.buffer === core.memory.buffer ? view : new Int32Array(core.memory.buffer, view.byteOffset, view.length);
}

/**
 * Leaves and classes of the core's tie trees (assembly/placement/indexes/tie-tree.ts, scale-in/stop-tree.ts):
 * classes are the keys of a leading spread with at most TIE_TREE_MAX_CLASSES keys, else 1; an upper
 * bound of what the core uses, so the buffer holds no unused tree.
 */
function tieTreeShape(M: number, strategyType: Int32Array, strategyField: Int32Array, spreadKeyCount: Int32Array) {
  let leaves = 1;
  while (leaves < M) leaves *= 2;
  const keys = strategyType.length > 0 && strategyType[0] === abi.STRATEGY_SPREAD ? spreadKeyCount[strategyField[0]] ?? 1 : 1;
  return { leaves, classes: keys >= 1 && keys <= abi.TIE_TREE_MAX_CLASSES ? keys : 1 };
}

/**
 * planStopTree of assembly/scale-in/stop-tree.ts, mirrored exactly: whether the stop tree answers the
 * whole chain ([spread(attribute, 1–8 keys)]? [value]? [random …]?, a value strategy being binpack or
 * spread over a row whose keys are the instance indices), and its classes (the leading spread's keys,
 * else 1). The core then touches the tree and never the walk's tie list and values
 * (chooseByWalking), or the reverse; test/assembly/scale-in-layout.test.ts checks that it writes
 * nothing past the regions this reserves.
 */
export function stopTreePlan(M: number, strategyType: Int32Array, strategyField: Int32Array, spreadKeys: Int32Array, spreadKeyCount: Int32Array) {
  const isInstanceRow = (row: number) => {
    if (spreadKeyCount[row] !== M) return false;
    for (let i = 0; i < M; i++) if (spreadKeys[row * M + i] !== i) return false;
    return true;
  };
  const isValueStrategy = (s: number) =>
    strategyType[s] === abi.STRATEGY_BINPACK || (strategyType[s] === abi.STRATEGY_SPREAD && isInstanceRow(strategyField[s]));
  const S = strategyType.length;
  let classes = 1;
  let s = 0;
  if (S > 0 && strategyType[0] === abi.STRATEGY_SPREAD && !isValueStrategy(0)) {
    const k = spreadKeyCount[strategyField[0]];
    if (k < 1 || k > abi.TIE_TREE_MAX_CLASSES) return { useTree: false, classes: 1 };
    classes = k;
    s = 1;
  }
  if (s < S && isValueStrategy(s)) s++;
  return { useTree: s === S || strategyType[s] === abi.STRATEGY_RANDOM, classes };
}

const randomOf = (view: Int32Array, slot: number) => Uint32Array.from(view.subarray(slot, slot + 4), (w) => w >>> 0);

/** The PlacementProblem columns a resident store gathers (src/placement/resident-deltas.ts); the rest is the batch's own. */
type InstanceColumnName =
  | 'instanceState' | 'agentConnected' | 'cpuFree' | 'memoryFree' | 'eniFree' | 'usedPortsStart' | 'usedPorts'
  | 'reservedTcpCount' | 'reservedUdpCount' | 'ephemeralFirst' | 'ephemeralLast' | 'groupActive' | 'groupLive'
  | 'liveTasks' | 'groupLiveByGroup';

/** A batch's own fields: every PlacementProblem field but the instance columns and the two counts they imply. */
export type BatchFields = Omit<PlacementProblem, InstanceColumnName | 'instanceCount' | 'referencedGroupCount'>;

/**
 * Where the instance columns of a batch come from: the problem itself (the host writes them), or a
 * resident store in the core (the host writes the slots and groups; gatherResidentBatch writes the
 * columns, usedPorts getting `usedPortCount` words, an upper bound).
 */
export type InstanceColumnsSource =
  | { from: 'problem'; problem: PlacementProblem }
  | { from: 'store'; slots: Int32Array; referencedGroups: Int32Array; batchGroup: number; usedPortCount: number };

/** Header slot and PlacementProblem field of each instance column, in layout order. */
export const INSTANCE_COLUMNS: [number, InstanceColumnName][] = [
  [abi.PH_INSTANCE_STATE, 'instanceState'],
  [abi.PH_AGENT_CONNECTED, 'agentConnected'],
  [abi.PH_CPU_FREE, 'cpuFree'],
  [abi.PH_MEMORY_FREE, 'memoryFree'],
  [abi.PH_ENI_FREE, 'eniFree'],
  [abi.PH_USED_PORTS_START, 'usedPortsStart'],
  [abi.PH_USED_PORTS, 'usedPorts'],
  [abi.PH_RESERVED_TCP_COUNT, 'reservedTcpCount'],
  [abi.PH_RESERVED_UDP_COUNT, 'reservedUdpCount'],
  [abi.PH_EPHEMERAL_FIRST, 'ephemeralFirst'],
  [abi.PH_EPHEMERAL_LAST, 'ephemeralLast'],
  [abi.PH_GROUP_ACTIVE, 'groupActive'],
  [abi.PH_GROUP_LIVE, 'groupLive'],
  [abi.PH_LIVE_TASKS, 'liveTasks'],
  [abi.PH_GROUP_LIVE_BY_GROUP, 'groupLiveByGroup'],
];

/** A batch written into the buffer: its view, where each header slot's array starts, and its sizes. */
export interface WrittenBatch {
  view: Int32Array;
  at(slot: number): number;
  M: number;
  P: number;
  R: number;
}

/**
 * Lays out and writes a placement batch: the batch's own columns, and the instance columns either
 * from the problem or as empty regions a resident store fills (with its slots and groups). `indexed`
 * gives placeTasks its index regions (port cursors, candidate bits, tie tree / best-fit buckets);
 * the brute-force scan (wasm-scan-placement-core.ts) needs none of them, so they get no words.
 */
export function writePlacementBatch(core: SchedulerCoreExports, p: BatchFields, instances: InstanceColumnsSource, indexed: boolean): WrittenBatch {
  const fromStore = instances.from === 'store';
  const M = fromStore ? instances.slots.length : instances.problem.instanceCount;
  const R = fromStore ? instances.referencedGroups.length : instances.problem.referencedGroupCount;
  const P = p.taskPortMappings.length;
  const C = p.constraintKind.length;
  const count = Math.max(0, p.count);
  const layout = new BatchLayout(abi.PH_HEADER_WORDS);
  const storeLength = (field: InstanceColumnName) =>
    field === 'usedPortsStart' ? M + 1
      : field === 'usedPorts' ? (fromStore ? instances.usedPortCount : 0)
        : field === 'groupLiveByGroup' ? R * M : M;
  const columns: Column[] = [];
  for (const [slot, field] of INSTANCE_COLUMNS) {
    if (fromStore) layout.add(slot, storeLength(field));
    else columns.push({ slot, data: instances.problem[field] });
  }
  if (fromStore) {
    columns.push({ slot: abi.PH_RESIDENT_SLOTS, data: instances.slots }, { slot: abi.PH_RESIDENT_GROUPS, data: instances.referencedGroups });
  }
  columns.push(
    { slot: abi.PH_ATTRIBUTES_OK, data: p.attributesOk },
    { slot: abi.PH_TASK_PORT_MAPPINGS, data: p.taskPortMappings },
    { slot: abi.PH_CONSTRAINT_KIND, data: p.constraintKind },
    { slot: abi.PH_PROGRAM_START, data: p.programStart },
    { slot: abi.PH_PROGRAM_OPS, data: p.programOps },
    { slot: abi.PH_LEAF_BITS, data: p.leafBits },
    { slot: abi.PH_STRATEGY_TYPE, data: p.strategyType },
    { slot: abi.PH_STRATEGY_FIELD, data: p.strategyField },
    { slot: abi.PH_SPREAD_KEYS, data: p.spreadKeys },
    { slot: abi.PH_SPREAD_KEY_COUNT, data: p.spreadKeyCount },
  );
  for (const { slot, data } of columns) layout.add(slot, data.length);
  let keyTotal = 0;
  for (const keys of p.spreadKeyCount) keyTotal += keys;
  layout.add(abi.PH_OUT_ASSIGNMENTS, count);
  layout.add(abi.PH_OUT_ASSIGNED_PORTS, count * P);
  layout.add(abi.PH_OUT_REJECT_CODE, M);
  layout.add(abi.PH_OUT_REJECT_CONSTRAINT, M);
  layout.add(abi.PH_SCRATCH_CODE, M);
  layout.add(abi.PH_SCRATCH_CONSTRAINT, M);
  layout.add(abi.PH_SCRATCH_CANDIDATES, M);
  layout.add(abi.PH_SCRATCH_KEY_START, p.spreadKeyCount.length + 1);
  layout.add(abi.PH_SCRATCH_KEY_COUNTS, keyTotal);
  layout.add(abi.PH_SCRATCH_PORT_HEAD, M);
  layout.add(abi.PH_SCRATCH_PORT_POOL, 2 * count * P);
  layout.add(abi.PH_SCRATCH_TASK_PORTS, P);
  layout.add(abi.PH_SCRATCH_STACK, (p.programOps.length >> 1) + 1);
  if (indexed) {
    layout.add(abi.PH_SCRATCH_PORT_CURSOR, 2 * M);
    layout.add(abi.PH_SCRATCH_CANDIDATE_BITS, (M + 31) >> 5);
    const tree = tieTreeShape(M, p.strategyType, p.strategyField, p.spreadKeyCount);
    // The same region holds the best-fit buckets instead (assembly/placement/indexes/best-fit-buckets.ts):
    // (2 × classes + 3) × M + 1 words.
    layout.add(abi.PH_SCRATCH_TIE_TREE, Math.max(4 * tree.classes * tree.leaves, (2 * tree.classes + 3) * M + 1));
  }
  const scalars: [number, number][] = [
    [abi.PH_INSTANCE_COUNT, M],
    [abi.PH_COUNT, count],
    [abi.PH_PORT_MAPPING_COUNT, P],
    [abi.PH_CONSTRAINT_COUNT, C],
    [abi.PH_STRATEGY_COUNT, p.strategyType.length],
    [abi.PH_TASK_CPU, p.taskCpu],
    [abi.PH_TASK_MEMORY, p.taskMemory],
    [abi.PH_TASK_NEEDS_ENI, p.taskNeedsEni],
    [abi.PH_LEAF_COUNT, p.leafCount],
    [abi.PH_REFERENCED_GROUP_COUNT, R],
    [abi.PH_BATCH_GROUP_INDEX, p.batchGroupIndex],
    [abi.PH_SPREAD_ROW_COUNT, p.spreadKeyCount.length],
    [abi.PH_RANDOM, p.random[0] | 0],
    [abi.PH_RANDOM + 1, p.random[1] | 0],
    [abi.PH_RANDOM + 2, p.random[2] | 0],
    [abi.PH_RANDOM + 3, p.random[3] | 0],
  ];
  if (fromStore) scalars.push([abi.PH_RESIDENT_BATCH_GROUP, instances.batchGroup]);
  const view = writeBatch(core, layout, scalars, columns);
  return { view, at: (slot) => layout.offsets.get(slot)!, M, P, R };
}

/**
 * Writes a placement batch (writePlacementBatch), runs it and reads the answer. `run` calls the
 * export and returns the tasks placed.
 */
export function runPlacementBatchFrom(
  core: SchedulerCoreExports, p: BatchFields, instances: InstanceColumnsSource, run: () => number, indexed: boolean,
): PlacementResult {
  const written = writePlacementBatch(core, p, instances, indexed);
  const placed = run();
  const view = viewAfter(core, written.view);
  const { at, M, P } = written;
  return {
    assignments: view.slice(at(abi.PH_OUT_ASSIGNMENTS), at(abi.PH_OUT_ASSIGNMENTS) + placed),
    assignedPorts: view.slice(at(abi.PH_OUT_ASSIGNED_PORTS), at(abi.PH_OUT_ASSIGNED_PORTS) + placed * P),
    placed,
    random: randomOf(view, abi.PH_RANDOM),
    rejectCode: view.slice(at(abi.PH_OUT_REJECT_CODE), at(abi.PH_OUT_REJECT_CODE) + M),
    rejectConstraint: view.slice(at(abi.PH_OUT_REJECT_CONSTRAINT), at(abi.PH_OUT_REJECT_CONSTRAINT) + M),
    closestMatch: view[abi.PH_CLOSEST_MATCH],
  };
}

/** Writes the problem (instance columns included), runs it and reads the answer. */
export function runPlacementBatch(core: SchedulerCoreExports, p: PlacementProblem, run: () => number, indexed: boolean): PlacementResult {
  return runPlacementBatchFrom(core, p, { from: 'problem', problem: p }, run, indexed);
}

function selectTasksToStop(core: SchedulerCoreExports, p: ScaleInProblem): ScaleInResult {
  const M = p.instanceCount;
  const N = p.taskInstance.length;
  const wanted = Math.max(0, Math.min(p.count, N));
  const layout = new BatchLayout(abi.SH_HEADER_WORDS);
  const columns: Column[] = [
    { slot: abi.SH_INSTANCE_STATE, data: p.instanceState },
    { slot: abi.SH_CPU_FREE, data: p.cpuFree },
    { slot: abi.SH_MEMORY_FREE, data: p.memoryFree },
    { slot: abi.SH_GROUP_ACTIVE, data: p.groupActive },
    { slot: abi.SH_STRATEGY_TYPE, data: p.strategyType },
    { slot: abi.SH_STRATEGY_FIELD, data: p.strategyField },
    { slot: abi.SH_SPREAD_KEYS, data: p.spreadKeys },
    { slot: abi.SH_SPREAD_KEY_COUNT, data: p.spreadKeyCount },
    { slot: abi.SH_TASK_INSTANCE, data: p.taskInstance },
    { slot: abi.SH_TASK_PENDING, data: p.taskPending },
    { slot: abi.SH_TASK_CPU, data: p.taskCpu },
    { slot: abi.SH_TASK_MEMORY, data: p.taskMemory },
    { slot: abi.SH_TASK_CREATED_RANK, data: p.taskCreatedRank },
    { slot: abi.SH_TASK_ORDER, data: p.taskOrder },
  ];
  for (const { slot, data } of columns) layout.add(slot, data.length);
  let keyTotal = 0;
  for (const keys of p.spreadKeyCount) keyTotal += keys;
  layout.add(abi.SH_OUT_CHOSEN, wanted);
  layout.add(abi.SH_SCRATCH_KEY_START, p.spreadKeyCount.length + 1);
  layout.add(abi.SH_SCRATCH_KEY_COUNTS, keyTotal);
  layout.add(abi.SH_SCRATCH_TASK_START, M + 1);
  layout.add(abi.SH_SCRATCH_TASK_SORTED, N);
  layout.add(abi.SH_SCRATCH_TASK_CHOSEN, N);
  layout.add(abi.SH_SCRATCH_REMAINING, M);
  layout.add(abi.SH_SCRATCH_TASK_LIST, N);
  // Either the stop tree (nodes 1 .. 2 × leaves − 1, 4 words per class; 24 × 131,072 words at
  // M = 100 k with 3 AZs) or the walk's tie list and values (M each), never both (stopTreePlan).
  // The unused ones get no words and sit last, at the layout's end.
  const plan = stopTreePlan(M, p.strategyType, p.strategyField, p.spreadKeys, p.spreadKeyCount);
  const leaves = tieTreeShape(M, p.strategyType, p.strategyField, p.spreadKeyCount).leaves;
  const walkWords = plan.useTree ? 0 : M;
  const scratch: [number, number][] = [
    [abi.SH_SCRATCH_STOP_TREE, plan.useTree ? 8 * plan.classes * leaves : 0],
    [abi.SH_SCRATCH_INSTANCES, walkWords],
    [abi.SH_SCRATCH_VALUE, walkWords],
  ];
  for (const [slot, words] of scratch.filter(([, w]) => w > 0)) layout.add(slot, words);
  for (const [slot, words] of scratch.filter(([, w]) => w === 0)) layout.add(slot, words);
  const scalars: [number, number][] = [
    [abi.SH_INSTANCE_COUNT, M],
    [abi.SH_TASK_COUNT, N],
    [abi.SH_COUNT, wanted],
    [abi.SH_STRATEGY_COUNT, p.strategyType.length],
    [abi.SH_SPREAD_ROW_COUNT, p.spreadKeyCount.length],
    [abi.SH_RANDOM, p.random[0] | 0],
    [abi.SH_RANDOM + 1, p.random[1] | 0],
    [abi.SH_RANDOM + 2, p.random[2] | 0],
    [abi.SH_RANDOM + 3, p.random[3] | 0],
  ];
  const written = writeBatch(core, layout, scalars, columns);
  const chosen = core.selectTasksToStop();
  const view = viewAfter(core, written);
  const at = layout.offsets.get(abi.SH_OUT_CHOSEN)!;
  return { chosen: view.slice(at, at + chosen), random: randomOf(view, abi.SH_RANDOM) };
}

/** One service step's arithmetic (semantics 9.1, 9.3): numbers in, then the five DS_* words out. */
function deploymentStep(core: SchedulerCoreExports, s: DeploymentStepInput): DeploymentStep {
  core.deploymentStep(s.desiredCount, s.minimumHealthyPercent, s.maximumPercent, s.total, s.healthy, s.primary, s.old, s.backoff ? 1 : 0);
  return {
    min: core.deploymentStepResult(abi.DS_MIN),
    max: core.deploymentStepResult(abi.DS_MAX),
    launch: core.deploymentStepResult(abi.DS_LAUNCH),
    retire: core.deploymentStepResult(abi.DS_RETIRE),
    scaleIn: core.deploymentStepResult(abi.DS_SCALE_IN),
  };
}

export function createWasmPlacementCore(core: SchedulerCoreExports): PlacementCore {
  return {
    name: 'wasm',
    placeTasks: (problem) => runPlacementBatch(core, problem, () => core.placeTasks(), true),
    selectTasksToStop: (problem) => selectTasksToStop(core, problem),
    createClusterStore: () => createWasmResidentClusterStore(core),
    deploymentStep: (input) => deploymentStep(core, input),
  };
}

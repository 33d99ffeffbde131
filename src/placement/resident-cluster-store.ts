// The hot numeric state of one cluster, kept by a placement core ACROSS calls (performance notes 4):
// free CPU and memory, ENI use, port sets, live tasks per instance and per task group. The engine
// loads it once and then sends only deltas (resident-deltas.ts); a placement batch then carries just
// what belongs to the batch (the task, its constraints' columns, its strategies) and names the
// store slots of its instances. The WASM core keeps it in linear memory; the TS reference keeps it in
// typed arrays. Both must gather exactly the same PlacementProblem from the same deltas.
import type { PlacementProblem, PlacementResult } from './placement-problem.ts';

/**
 * One batch against a resident store: every PlacementProblem field that is not an instance column,
 * plus the slots and groups the instance columns are gathered from.
 */
export interface ResidentBatch {
  /** Store slots of the batch's instances, in problem order (problem index i ↔ slots[i]). */
  slots: Int32Array;
  /** The store group whose counts are problem.groupActive / groupLive, or -1 (zeros). */
  batchGroup: number;
  /** Store groups of problem.groupLiveByGroup, in order (-1: a group with no live task, zeros). */
  referencedGroups: Int32Array;

  attributesOk: Int32Array;
  taskCpu: number;
  taskMemory: number;
  taskNeedsEni: number;
  taskPortMappings: Int32Array;
  constraintKind: Int32Array;
  programStart: Int32Array;
  programOps: Int32Array;
  leafCount: number;
  leafBits: Int32Array;
  /** Index into referencedGroups of the batch's own group, or -1 (PlacementProblem.batchGroupIndex). */
  batchGroupIndex: number;
  strategyType: Int32Array;
  strategyField: Int32Array;
  spreadKeys: Int32Array;
  spreadKeyCount: Int32Array;
  count: number;
  random: Uint32Array;
}

export interface ResidentClusterStore {
  /** Applies delta records (resident-deltas.ts), in order. */
  applyDeltas(records: Int32Array): void;
  /** The PlacementProblem the batch means on the store's current state (instance columns gathered). */
  problemOf(batch: ResidentBatch): PlacementProblem;
  /**
   * Places the batch on the store's current state, exactly as placeTasks(problemOf(batch)) would.
   * The store does not change: the caller sends the tasks it creates as deltas.
   */
  placeTasks(batch: ResidentBatch): PlacementResult;
  /** Frees what the store holds; it must not be used afterwards. */
  dispose(): void;
}

/** The PlacementProblem fields a batch carries itself, copied (a problem never shares the batch's arrays). */
export function batchOwnFields(batch: ResidentBatch) {
  return {
    attributesOk: batch.attributesOk.slice(),
    taskCpu: batch.taskCpu,
    taskMemory: batch.taskMemory,
    taskNeedsEni: batch.taskNeedsEni,
    taskPortMappings: batch.taskPortMappings.slice(),
    constraintKind: batch.constraintKind.slice(),
    programStart: batch.programStart.slice(),
    programOps: batch.programOps.slice(),
    leafCount: batch.leafCount,
    leafBits: batch.leafBits.slice(),
    batchGroupIndex: batch.batchGroupIndex,
    strategyType: batch.strategyType.slice(),
    strategyField: batch.strategyField.slice(),
    spreadKeys: batch.spreadKeys.slice(),
    spreadKeyCount: batch.spreadKeyCount.slice(),
    count: batch.count,
    random: batch.random.slice(),
  } satisfies Partial<PlacementProblem>;
}

// The ResidentClusterStore kept in the WASM core's linear memory (assembly/resident; performance
// notes 4: the hot state stays in the core across calls, only deltas and batches cross). Deltas are
// written into the batch buffer and applied there; a batch is laid out by the same writer as a full
// problem (writePlacementBatch), with only its own columns, slots and groups written: the core gathers
// the instance columns itself and places, in one call.
import type { PlacementProblem, PlacementResult } from '../placement/placement-problem.ts';
import { batchOwnFields, type ResidentBatch, type ResidentClusterStore } from '../placement/resident-cluster-store.ts';
import * as abi from './abi.ts';
import type { SchedulerCoreExports } from './scheduler-core-exports.ts';
import { INSTANCE_COLUMNS, runPlacementBatchFrom, writePlacementBatch, type InstanceColumnsSource } from './wasm-placement-core.ts';

const REFUSALS = new Map<number, string>([
  [abi.RESIDENT_UNKNOWN_STORE, 'the store was disposed (or never created)'],
  [abi.RESIDENT_BAD_RECORD, 'a malformed delta record (unknown kind, truncated, bad sign or group, or a new slot out of turn)'],
  [abi.RESIDENT_BAD_SLOT, 'the batch names an unknown or INSTANCE_GONE slot'],
  [abi.RESIDENT_PORTS_OVERFLOW, 'the batch names a slot twice'],
]);

/** The core's answer, or an Error naming its refusal (abi.RESIDENT_*). */
function checked(answer: number, what: string): number {
  if (answer >= 0) return answer;
  throw new Error(`resident cluster store: ${what} refused: ${REFUSALS.get(answer) ?? `code ${answer}`}`);
}

export interface WasmResidentStoreOptions {
  /**
   * Place with the brute-force scan (placeTasksScan, wasm-scan-placement-core.ts) after gathering,
   * instead of placeResidentTasks (the indexed placeTasks kernel).
   */
  placeTasksScan?: () => number;
}

export function createWasmResidentClusterStore(core: SchedulerCoreExports, options: WasmResidentStoreOptions = {}): ResidentClusterStore {
  const id = core.createClusterStore();
  let disposed = false;
  const live = () => {
    if (disposed) throw new Error('resident cluster store: used after dispose');
  };

  /**
   * The batch's instance columns as the core gathers them, usedPorts sized by the store's port bound
   * — or no words when `withPorts` is false (placeResidentTasks gathers no ports for a task without
   * port mappings: the placement never reads them).
   */
  const source = (batch: ResidentBatch, withPorts = true): InstanceColumnsSource => ({
    from: 'store',
    slots: batch.slots,
    referencedGroups: batch.referencedGroups,
    batchGroup: batch.batchGroup,
    usedPortCount: withPorts ? checked(core.clusterStoreUsedPortCount(id), 'clusterStoreUsedPortCount') : 0,
  });

  function applyDeltas(records: Int32Array): void {
    live();
    if (records.length === 0) return;
    const base = core.reservePlacementBuffer(records.length) >>> 0;
    new Int32Array(core.memory.buffer, base, records.length).set(records);
    checked(core.applyClusterDeltas(id, records.length), 'applyClusterDeltas');
  }

  function problemOf(batch: ResidentBatch): PlacementProblem {
    live();
    const written = writePlacementBatch(core, batch, source(batch), false);
    const gathered = checked(core.gatherResidentBatch(id), 'gatherResidentBatch');
    // gather allocates nothing, so the view is still over the current memory.
    const { view, at, M, R } = written;
    const column = (slot: number, length: number) => view.slice(at(slot), at(slot) + length);
    const lengthOf = (slot: number) =>
      slot === abi.PH_USED_PORTS_START ? M + 1 : slot === abi.PH_USED_PORTS ? gathered : slot === abi.PH_GROUP_LIVE_BY_GROUP ? R * M : M;
    const instanceColumns = Object.fromEntries(INSTANCE_COLUMNS.map(([slot, field]) => [field, column(slot, lengthOf(slot))]));
    return {
      ...(instanceColumns as Pick<PlacementProblem, (typeof INSTANCE_COLUMNS)[number][1]>),
      instanceCount: M,
      referencedGroupCount: R,
      ...batchOwnFields(batch),
    };
  }

  function placeTasks(batch: ResidentBatch): PlacementResult {
    live();
    const scan = options.placeTasksScan;
    const run = scan
      ? () => {
        checked(core.gatherResidentBatch(id), 'gatherResidentBatch');
        return scan();
      }
      : () => checked(core.placeResidentTasks(id), 'placeResidentTasks');
    return runPlacementBatchFrom(core, batch, source(batch, scan !== undefined || batch.taskPortMappings.length > 0), run, !scan);
  }

  return {
    applyDeltas,
    problemOf,
    placeTasks,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      core.disposeClusterStore(id);
    },
  };
}

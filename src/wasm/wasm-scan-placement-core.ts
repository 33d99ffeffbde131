// The PlacementCore of the WASM core's brute-force cross-check mode (performance notes §2, §7 B4):
// assembly/placement/scan, export placeTasksScan. No index: every task judges every instance. The batch
// crosses zero-copy through the same buffer, header and writer (runPlacementBatch) as wasm-placement-core.ts;
// the scan needs no tie tree, candidate bitset or port cursors, so those get no words.
// Scale-in has no brute-force variant here: it is the WASM core's selectTasksToStop.
import type { PlacementCore } from '../placement-core.ts';
import type { SchedulerCoreExports } from './scheduler-core-exports.ts';
import { createWasmPlacementCore, runPlacementBatch } from './wasm-placement-core.ts';
import { createWasmResidentClusterStore } from './wasm-resident-cluster-store.ts';

/** The exports the scan mode needs: the core's, plus placeTasksScan (assembly/index.ts). */
export type ScanCoreExports = SchedulerCoreExports & {
  /** Places the PlacementProblem in the batch buffer (header PH_*) by brute force; returns tasks placed. */
  placeTasksScan(): number;
};

export function createWasmScanPlacementCore(core: ScanCoreExports): PlacementCore {
  const indexed = createWasmPlacementCore(core);
  return {
    name: 'wasm brute-force scan',
    placeTasks: (problem) => runPlacementBatch(core, problem, () => core.placeTasksScan(), false),
    selectTasksToStop: indexed.selectTasksToStop,
    deploymentStep: indexed.deploymentStep,
    createClusterStore: () => createWasmResidentClusterStore(core, { placeTasksScan: () => core.placeTasksScan() }),
  };
}

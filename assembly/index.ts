// The only export surface of the scheduler core. Numbers in, numbers out: no classes cross.
import { ABI_VERSION, RESIDENT_UNKNOWN_STORE } from './abi';
import { SplitMix32, Xoshiro128 } from './random/xoshiro128';
import { batchBufferBase, reserveBatchBuffer } from './memory/batch-buffer';
import { placeTasksIn } from './placement/place-tasks';
import { selectTasksToStopIn } from './scale-in/select-tasks-to-stop';
import { scanPlaceTasksIn } from './placement/scan/scan-place-tasks';
import { createStore, disposeStore, storeOf } from './resident/store-registry';
import { applyDeltas } from './resident/apply-deltas';
import { gatherBatch, gatherForPlacement } from './resident/gather-batch';
import { computeDeploymentStep, deploymentStepWord } from './deployment/deployment-step';

const placementStream = new Xoshiro128();
const idsStream = new Xoshiro128();

export function abiVersion(): i32 {
  return ABI_VERSION;
}

// Seeds both streams from one 32-bit document seed: SplitMix32 outputs 1–4 seed `placement`,
// outputs 5–8 seed `ids` (semantics 3.3).
export function init(seed: u32): void {
  const mixer = new SplitMix32(seed);
  placementStream.seedFrom(mixer);
  idsStream.seedFrom(mixer);
}

// Restores the placement stream to a saved state, so a document replays from where it stopped.
export function setPlacementState(s0: u32, s1: u32, s2: u32, s3: u32): void {
  placementStream.s0 = s0;
  placementStream.s1 = s1;
  placementStream.s2 = s2;
  placementStream.s3 = s3;
}

export function placementStateWord(index: i32): u32 {
  if (index == 0) return placementStream.s0;
  if (index == 1) return placementStream.s1;
  if (index == 2) return placementStream.s2;
  return placementStream.s3;
}

export function nextPlacementU32(): u32 {
  return placementStream.next();
}

export function drawPlacementIndex(n: u32): u32 {
  return placementStream.uniformInt(n);
}

export function nextIdsU32(): u32 {
  return idsStream.next();
}

// ── Placement batches, zero-copy (performance notes 4–5) ───────────────────────────────────────────
// The host reserves the batch buffer, writes a header (abi.ts PH_* / SH_*) and the problem's columns
// into Int32Array views over memory.buffer, calls one of the two functions below and reads the answer
// from the same buffer. Neither allocates.

/** Makes room for `words` i32 words in the batch buffer; returns its address (it moves when it grows). */
export function reservePlacementBuffer(words: i32): usize {
  return reserveBatchBuffer(words);
}

/** Places the batch in the buffer (header PH_*); returns the number of tasks placed. */
export function placeTasks(): i32 {
  return placeTasksIn(batchBufferBase());
}

/** Chooses the tasks to stop for the scale-in problem in the buffer (header SH_*); returns how many. */
export function selectTasksToStop(): i32 {
  return selectTasksToStopIn(batchBufferBase());
}

/** Places the batch in the buffer (header PH_*) in the brute-force cross-check mode (B4): no index, every
 *  task judges every instance. Same answers as placeTasks; returns the number of tasks placed. */
export function placeTasksScan(): i32 {
  return scanPlaceTasksIn(batchBufferBase());
}

// ── Resident cluster stores (performance notes 4: the hot state stays here across calls) ────────────
// A store is named by its id. The host sends deltas (src/placement/resident-deltas.ts) through the
// batch buffer, then places batches that carry only their own columns and the store slots to gather.
// Only createClusterStore and applyClusterDeltas allocate (see resident/cluster-store.ts for what that
// does to the batch buffer); gather and place allocate nothing. Errors are negative: abi.RESIDENT_*.

/** A new, empty store; returns its id. */
export function createClusterStore(): i32 {
  return createStore();
}

/** Frees the store; its id may be reused. */
export function disposeClusterStore(id: i32): void {
  disposeStore(id);
}

/** Applies the `words` words of delta records at the start of the batch buffer; returns 0 or < 0. */
export function applyClusterDeltas(id: i32, words: i32): i32 {
  const store = storeOf(id);
  if (store === null) return RESIDENT_UNKNOWN_STORE;
  return applyDeltas(store, batchBufferBase(), words);
}

/** An upper bound of the usedPorts any batch of distinct slots gathers: the (slot, port) pairs in use. */
export function clusterStoreUsedPortCount(id: i32): i32 {
  const store = storeOf(id);
  return store === null ? RESIDENT_UNKNOWN_STORE : store.ports.total;
}

/** Writes the instance columns of the batch in the buffer (header PH_* + PH_RESIDENT_*); returns the ports gathered or < 0. */
export function gatherResidentBatch(id: i32): i32 {
  const store = storeOf(id);
  if (store === null) return RESIDENT_UNKNOWN_STORE;
  return gatherBatch(store, batchBufferBase());
}

/** Gathers the batch, then places it exactly as placeTasks; returns the number of tasks placed or < 0.
 *  A task with no port mappings never reads the port columns (placement/stages/fits-ports.ts), so
 *  then no ports are gathered (the host gives usedPorts no words). */
export function placeResidentTasks(id: i32): i32 {
  const store = storeOf(id);
  if (store === null) return RESIDENT_UNKNOWN_STORE;
  const gathered = gatherForPlacement(store, batchBufferBase());
  if (gathered < 0) return gathered;
  return placeTasksIn(batchBufferBase());
}

// ── The deployment step (semantics 9.1, 9.3) ────────────────────────────────────────────────────────
// Pure arithmetic, no allocation: the answer goes to a static area of abi.DS_RESULT_WORDS words.

/** Computes MIN, MAX, k (launch), j (retire) and s (scale in) for one service step; returns k.
 *  `backoff` is 0 or 1 (start-failure back-off, section 11). Read the five with deploymentStepResult. */
export function deploymentStep(
  d: i32, minPct: i32, maxPct: i32, total: i32, healthy: i32, primary: i32, old: i32, backoff: i32,
): i32 {
  return computeDeploymentStep(d, minPct, maxPct, total, healthy, primary, old, backoff);
}

/** Word `i` (abi.DS_*) of the last deploymentStep; traps outside 0 .. DS_RESULT_WORDS − 1. */
export function deploymentStepResult(i: i32): i32 {
  return deploymentStepWord(i);
}

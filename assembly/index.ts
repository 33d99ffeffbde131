// The only export surface of the scheduler core. Numbers in, numbers out: no classes cross.
import { ABI_VERSION } from './abi';
import { SplitMix32, Xoshiro128 } from './random/xoshiro128';
import { batchBufferBase, reserveBatchBuffer } from './memory/batch-buffer';
import { placeTasksIn } from './placement/place-tasks';
import { selectTasksToStopIn } from './scale-in/select-tasks-to-stop';
import { scanPlaceTasksIn } from './placement/scan/scan-place-tasks';

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

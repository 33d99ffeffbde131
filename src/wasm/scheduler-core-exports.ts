/** The raw exports of build/scheduler-core.wasm (assembly/index.ts). u32 results arrive as i32. */
export interface SchedulerCoreExports {
  memory: WebAssembly.Memory;
  abiVersion(): number;
  init(seed: number): void;
  setPlacementState(s0: number, s1: number, s2: number, s3: number): void;
  placementStateWord(index: number): number;
  nextPlacementU32(): number;
  drawPlacementIndex(n: number): number;
  nextIdsU32(): number;
  /** Makes room for `words` i32 words in the batch buffer; returns its byte address (it moves when it grows). */
  reservePlacementBuffer(words: number): number;
  /** Places the PlacementProblem written into the batch buffer (header PH_*); returns tasks placed. */
  placeTasks(): number;
  /** Chooses tasks to stop for the ScaleInProblem in the batch buffer (header SH_*); returns how many. */
  selectTasksToStop(): number;
}

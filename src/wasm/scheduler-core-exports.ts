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
  /** A new, empty resident cluster store (assembly/resident); returns its id. */
  createClusterStore(): number;
  /** Frees the store; its id may be reused. */
  disposeClusterStore(id: number): void;
  /** Applies the `words` words of delta records written at the start of the batch buffer; 0, or a RESIDENT_* code < 0. */
  applyClusterDeltas(id: number, words: number): number;
  /** An upper bound of the usedPorts a batch of distinct slots gathers (the store's (slot, port) pairs in use). */
  clusterStoreUsedPortCount(id: number): number;
  /** Fills the instance columns of the batch in the buffer (PH_* + PH_RESIDENT_*); the ports gathered, or < 0. */
  gatherResidentBatch(id: number): number;
  /** gatherResidentBatch, then placeTasks on the buffer; the tasks placed, or a RESIDENT_* code < 0. */
  placeResidentTasks(id: number): number;
  /** One service step's arithmetic (semantics 9.1, 9.3); returns the launch count. backoff is 0 or 1. */
  deploymentStep(d: number, minPct: number, maxPct: number, total: number, healthy: number, primary: number, old: number, backoff: number): number;
  /** Word `i` (abi.DS_*) of the last deploymentStep; traps outside 0 .. DS_RESULT_WORDS − 1. */
  deploymentStepResult(i: number): number;
}

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
}

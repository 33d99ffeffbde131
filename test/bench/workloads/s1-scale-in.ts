// S1, scale-in (semantics 8): 100,000 of 1,000,000 tasks on 100,000 instances (B14's sizes),
// spread(AZ) → spread(instanceId), the service default. The WASM core's selectTasksToStop against the
// literal scale-in (src/reference/literal-select-tasks-to-stop.ts), identical `chosen` and PRNG state
// required. The literal is O(picks · N) — hours at this size, 2.8 s at M = 2,000 — so it runs on the
// same shape at M = 2,000 (quick: 1,000) and the full size is timed in WASM only.
// The problem is built column by column: the test builder's aScaleInProblem is O(M · N).
import {
  BINPACK_MEMORY, INSTANCE_ACTIVE, INSTANCE_DRAINING, STRATEGY_BINPACK, STRATEGY_SPREAD,
} from '../../../src/placement/placement-codes.ts';
import type { ScaleInProblem } from '../../../src/placement/placement-problem.ts';
import { seedStreams } from '../../../src/shared/xoshiro128.ts';
import { sized, type ScaleInWorkload } from '../workload.ts';

export interface ScaleInShape {
  instances: number;
  /** Stoppable tasks per instance; task t runs on instance t mod M and was created in wave ⌊t / M⌋. */
  tasksPerInstance: number;
  count: number;
  seed: number;
  /** The reversed chain: spread(AZ) then spread(instanceId) (S1) or binpack(memory) (S2). */
  then: 'spread-instance' | 'binpack-memory';
  /** Every k-th instance is DRAINING (0: none). */
  drainingEvery?: number;
  /** Every k-th task is PENDING (0: none). */
  pendingEvery?: number;
}

/**
 * Three AZs (instance i in AZ i mod 3). Tasks are created in waves, one task per instance per wave:
 * createdRank = the wave (rule 2 keeps the newest wave, so rule 3 draws among many), taskOrder = t
 * (the unique rank of (createdAt, id)). Free memory and task sizes vary so binpack ties only in part.
 */
export function buildScaleIn(s: ScaleInShape): ScaleInProblem {
  const M = s.instances;
  const N = M * s.tasksPerInstance;
  const spreadInstance = s.then === 'spread-instance';
  const spreadKeys = new Int32Array((spreadInstance ? 2 : 1) * M);
  for (let i = 0; i < M; i++) {
    spreadKeys[i] = i % 3;
    if (spreadInstance) spreadKeys[M + i] = i;
  }
  const taskInstance = new Int32Array(N);
  const taskPending = new Int32Array(N);
  const taskMemory = new Int32Array(N);
  const taskCreatedRank = new Int32Array(N);
  const taskOrder = new Int32Array(N);
  for (let t = 0; t < N; t++) {
    taskInstance[t] = t % M;
    taskPending[t] = s.pendingEvery && t % s.pendingEvery === 0 ? 1 : 0;
    taskMemory[t] = 256 << (t % 3);
    taskCreatedRank[t] = Math.floor(t / M);
    taskOrder[t] = t;
  }
  return {
    instanceCount: M,
    instanceState: Int32Array.from({ length: M }, (_, i) => (s.drainingEvery && i % s.drainingEvery === 0 ? INSTANCE_DRAINING : INSTANCE_ACTIVE)),
    cpuFree: new Int32Array(M).fill(4096 - 256 * s.tasksPerInstance),
    memoryFree: Int32Array.from({ length: M }, (_, i) => 1024 * (i % 7)),
    groupActive: new Int32Array(M).fill(s.tasksPerInstance),
    strategyType: Int32Array.from([STRATEGY_SPREAD, spreadInstance ? STRATEGY_SPREAD : STRATEGY_BINPACK]),
    strategyField: Int32Array.from([0, spreadInstance ? 1 : BINPACK_MEMORY]),
    spreadKeys,
    spreadKeyCount: Int32Array.from(spreadInstance ? [3, M] : [3]),
    taskInstance,
    taskPending,
    taskCpu: new Int32Array(N).fill(256),
    taskMemory,
    taskCreatedRank,
    taskOrder,
    count: s.count,
    random: Uint32Array.from(seedStreams(s.seed).placement),
  };
}

/** S1 at M instances: 10 tasks each, a tenth of them stopped. */
const s1 = (M: number) => buildScaleIn({ instances: M, tasksPerInstance: 10, count: M, seed: 101, then: 'spread-instance', pendingEvery: 997 });

export const s1ScaleIn: ScaleInWorkload = {
  kind: 'scale-in',
  id: 'S1',
  title: 'Scale-in: 100,000 of 1,000,000 tasks on 100,000 instances, spread(AZ) → spread(instanceId)',
  goalWasm: 'linear memory ≤ 64 MB (B14)',
  goalReference: '—',
  build: (scale) => s1(sized(scale, 100_000, 10_000, 40)),
  // The literal's size: full and quick would take hours and minutes (O(picks · N)).
  buildForLiteral: (scale) => s1(sized(scale, 2000, 1000, 40)),
  remarks: ['N placed = tasks chosen to stop; placements/s = picks/s'],
};

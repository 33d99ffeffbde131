// S2, scale-in (semantics 8) at B6's size: the stop selection of a deployment — 500 of 5,000 tasks on
// 5,000 instances, spread(AZ) → binpack(memory) (D49: free + the largest task), every 50th instance
// DRAINING (draining first) and every 97th task PENDING. The literal scale-in runs at full size.
import { sized, type ScaleInWorkload } from '../workload.ts';
import { buildScaleIn } from './s1-scale-in.ts';

/** S2 at M instances: one task each, a tenth stopped, every 50th instance DRAINING. */
const s2 = (M: number) => buildScaleIn({
  instances: M, tasksPerInstance: 1, count: Math.max(1, Math.floor(M / 10)), seed: 102, then: 'binpack-memory', drainingEvery: 50, pendingEvery: 97,
});

export const s2ScaleIn: ScaleInWorkload = {
  kind: 'scale-in',
  id: 'S2',
  title: "Scale-in, B6's stop selection: 500 of 5,000 tasks on 5,000 instances, spread(AZ) → binpack(memory), 2 % DRAINING",
  goalWasm: 'part of B6 (≤ 5 ms per deployment)',
  goalReference: 'part of B6 (≤ 20 ms)',
  build: (scale) => s2(sized(scale, 5000, 1000, 60)),
  buildForLiteral: (scale) => s2(sized(scale, 5000, 1000, 60)),
  remarks: ['N placed = tasks chosen to stop; placements/s = picks/s'],
};

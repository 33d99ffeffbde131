// B2: C1M in a tab — M = 5,000, N = 1,000,000, binpack(memory); requests sized so that all fit,
// 200 per host (12,800 MiB / 64 MiB; 2,048 CPU / 10 ≥ 200).
import { aPlacementProblem, binpack } from '../../builders/placement-problem.ts';
import { sized, type Workload } from '../workload.ts';

export const b2C1mInATab: Workload = {
  id: 'B2',
  title: 'C1M in a tab: binpack(memory), 200 tasks per host',
  goalWasm: '≥ 10 M/s (≤ 100 ms)',
  goalReference: '≥ 5 M/s',
  literal: 'never',
  build(scale) {
    const M = sized(scale, 5000, 500, 20);
    return aPlacementProblem().withInstances(M, { cpu: 2048, memory: 12800, az: 'a' })
      .withTask({ cpu: 10, memory: 64 }).withStrategy(binpack('memory')).withSeed(2).withCount(M * 200).build();
  },
};

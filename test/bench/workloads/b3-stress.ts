// B3: stress — M = 100,000, N = 1,000,000, spread(AZ) → binpack(memory); 10 tasks per host.
import { aPlacementProblem, binpack, spread } from '../../builders/placement-problem.ts';
import { sized, type Workload } from '../workload.ts';

export const B3_AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

export function buildStress(M: number, N: number, seed: number) {
  const b = aPlacementProblem().withTask({ cpu: 256, memory: 512 }).withSeed(seed)
    .withStrategy(spread('az')).withStrategy(binpack('memory')).withCount(N);
  for (let i = 0; i < M; i++) b.withInstance({ cpu: 4096, memory: 5120, az: B3_AZS[i % 3] });
  return b.build();
}

export const b3Stress: Workload = {
  id: 'B3',
  title: 'Stress: spread(AZ) → binpack(memory)',
  goalWasm: '≤ 150 ms',
  goalReference: '≤ 600 ms',
  literal: 'never',
  build: (scale) => buildStress(sized(scale, 100_000, 10_000, 40), sized(scale, 1_000_000, 100_000, 400), 3),
};

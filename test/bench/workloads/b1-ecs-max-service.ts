// B1: the ECS-max service — M = 5,000 instances (3 AZs, 4 instance types, 5 custom attributes),
// N = 5,000 tasks, spread(AZ) → binpack(memory), memberOf(attribute:ecs.instance-type =~ m5.*).
// The memberOf expression is static, so the builder evaluates it into leaf column 0 (performance notes 3.4).
import { aPlacementProblem, binpack, leaf, memberOf, spread } from '../../builders/placement-problem.ts';
import { sized, type Workload } from '../workload.ts';

const TYPES = [
  { type: 'm5.large', cpu: 2048, memory: 7680 },
  { type: 'm5.xlarge', cpu: 4096, memory: 15360 },
  { type: 'c5.large', cpu: 2048, memory: 3584 },
  { type: 'r5.large', cpu: 2048, memory: 15616 },
];
const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

export const b1EcsMaxService: Workload = {
  id: 'B1',
  title: 'ECS-max service: spread(AZ) → binpack(memory) + memberOf(instance-type =~ m5.*)',
  goalWasm: '≤ 2 ms (≥ 2.5 M/s)',
  goalReference: '≤ 10 ms',
  literal: 'small',
  build(scale) {
    const M = sized(scale, 5000, 1000, 60);
    const N = sized(scale, 5000, 1000, 60);
    const b = aPlacementProblem().withTask({ cpu: 256, memory: 512 }).withSeed(1)
      .withStrategy(spread('az')).withStrategy(binpack('memory'))
      .withConstraint(memberOf(leaf(0))).withCount(N);
    for (let i = 0; i < M; i++) {
      const t = TYPES[i % TYPES.length];
      b.withInstance({
        cpu: t.cpu, memory: t.memory, az: AZS[Math.floor(i / 7) % AZS.length],
        attributes: { 'ecs.instance-type': t.type, team: `t${i % 5}`, stage: i % 2 ? 'prod' : 'test', rack: `r${i % 40}`, tier: `${i % 3}`, owner: `o${i % 11}` },
        leaves: t.type.startsWith('m5.') ? [0] : [],
      });
    }
    return b.build();
  },
};

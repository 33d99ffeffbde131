// B5: pathological constraints — spread(instanceId) + distinctInstance + memberOf on a
// high-cardinality attribute (rack, 5,000 values; the expression keeps 2,500 of them), 50,000
// instances. The metric is the p99 of one placement (measured per placement in the indexed core).
import { aPlacementProblem, distinctInstance, leaf, memberOf, spread } from '../../builders/placement-problem.ts';
import { sized, type Workload } from '../workload.ts';

export const b5PathologicalConstraints: Workload = {
  id: 'B5',
  title: 'Pathological: spread(instanceId) + distinctInstance + memberOf(rack in 2,500 of 5,000)',
  goalWasm: 'p99 ≤ 20 µs per placement',
  goalReference: 'p99 ≤ 100 µs per placement',
  literal: 'never',
  perPlacement: true,
  remarks: ['p50/p99 are the indexed TS core per placement; the WASM core is one call per batch, so only its mean (wasmMs / placed) is known'],
  build(scale) {
    const M = sized(scale, 50_000, 5000, 60);
    const N = sized(scale, 20_000, 2000, 25);
    const racks = Math.max(2, Math.floor(M / 10));
    const b = aPlacementProblem().withTask({ cpu: 256, memory: 512 }).withSeed(5)
      .withStrategy(spread('instanceId')).withConstraint(distinctInstance()).withConstraint(memberOf(leaf(0))).withCount(N);
    for (let i = 0; i < M; i++) {
      const rack = (i * 7919) % racks;
      b.withInstance({ az: 'a', attributes: { rack: `rack-${rack}` }, leaves: rack % 2 === 0 ? [0] : [] });
    }
    return b.build();
  },
};

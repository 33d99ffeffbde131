// B7: the WASM/TS ratio on the same run and the same output — the indexed best-fit binpack of the
// project measurement (performance notes §2: M = 100 k, N = 1 M; 1.9× AS over TS). The ratio column
// of every other row is reported too.
import { aPlacementProblem, binpack } from '../../builders/placement-problem.ts';
import { sized, type Workload } from '../workload.ts';

export const b7IndexedBinpackRatio: Workload = {
  id: 'B7',
  title: 'WASM/TS ratio: indexed binpack(memory)',
  goalWasm: '≥ 1.8× the indexed TS',
  goalReference: '—',
  literal: 'never',
  build(scale) {
    const M = sized(scale, 100_000, 10_000, 40);
    return aPlacementProblem().withInstances(M, { cpu: 4096, memory: 5120, az: 'a' })
      .withTask({ cpu: 256, memory: 512 }).withStrategy(binpack('memory')).withSeed(7).withCount(M * 10).build();
  },
};

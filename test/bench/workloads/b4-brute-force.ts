// B4: the brute-force cross-check mode — every instance judged for every task, M = 100,000, 2,000
// tasks. The metric is instance-checks per second (M × N / time). The WASM column is the core's scan
// mode (placeTasksScan, src/wasm/wasm-scan-placement-core.ts); the reference column is the typed TS
// scan (src/reference/scan-placement-core.ts); the literal oracle runs once as the cross-check and
// its time is reported too. binpack(memory) keeps the literal O(M) per task (its spread is O(M²)).
import { aPlacementProblem, binpack } from '../../builders/placement-problem.ts';
import { sized, type Workload } from '../workload.ts';

export const b4BruteForce: Workload = {
  id: 'B4',
  title: 'Brute-force cross-check: WASM scan vs typed TS scan (the literal oracle once), binpack(memory)',
  goalWasm: 'scalar ≥ 0.8, SIMD ≥ 3 G checks/s',
  goalReference: '≥ 0.4 G checks/s',
  literal: 'always',
  referenceIsScan: true,
  wasmIsScan: true,
  remarks: ['WASM column: the brute-force scan mode (placeTasksScan), not the indexed placement'],
  build(scale) {
    const M = sized(scale, 100_000, 10_000, 50);
    const N = sized(scale, 2000, 200, 20);
    const b = aPlacementProblem().withTask({ cpu: 128, memory: 256 }).withSeed(4).withStrategy(binpack('memory')).withCount(N);
    for (let i = 0; i < M; i++) b.withInstance({ cpu: 4096, memory: 8192 + 256 * (i % 16), az: 'a' });
    return b.build();
  },
};

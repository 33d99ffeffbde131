// B14: memory at M = 100,000, N = 1,000,000 (the B3 problem): the WASM core's linear memory after
// the batch, on a fresh instance; the JS heap of the indexed reference is reported alongside.
import { sized, type Workload } from '../workload.ts';
import { buildStress } from './b3-stress.ts';

export const b14Memory: Workload = {
  id: 'B14',
  title: 'Memory: linear memory after the B3 batch (fresh instance)',
  goalWasm: '≤ 64 MB linear memory',
  goalReference: 'JS heap ≤ 128 MB',
  literal: 'never',
  build: (scale) => buildStress(sized(scale, 100_000, 10_000, 40), sized(scale, 1_000_000, 100_000, 400), 14),
};

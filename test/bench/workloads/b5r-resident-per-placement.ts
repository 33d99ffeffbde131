// B5r: B5's problem (pathological constraints, 50,000 instances) on a resident store, ONE placement
// per batch — the series that gives B5's per-placement p99 for the WASM core, which one batch call
// cannot show. Each batch is applyDeltas (the previous placement's task) + placeTasks (count 1).
import { sized, type ResidentWorkload } from '../workload.ts';
import { b5PathologicalConstraints } from './b5-pathological-constraints.ts';

export const b5rResidentPerPlacement: ResidentWorkload = {
  kind: 'resident',
  id: 'B5r',
  title: 'B5 per placement on a resident store: one task per batch, each placed task sent back as a delta',
  goalWasm: b5PathologicalConstraints.goalWasm,
  goalReference: b5PathologicalConstraints.goalReference,
  build: (scale) => b5PathologicalConstraints.build(scale),
  // The indexed TS store gathers and indexes all M instances per batch (tens of ms at M = 50,000):
  // it runs the first `reference` batches of the WASM series.
  placements: (scale) => ({ wasm: sized(scale, 1000, 500, 25), reference: sized(scale, 200, 200, 25) }),
  remarks: [
    'wasmMs / referenceMs are the median of one batch (applyDeltas + placeTasks, count 1); p50 / p99 / max in the latency fields',
  ],
};

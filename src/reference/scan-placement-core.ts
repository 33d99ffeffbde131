// The brute-force TypeScript core, B4's "cross-check mode" (performance notes §2, §7): no index — every
// task judges every instance over typed columns, then runs the whole strategy chain over the
// candidates. O(M) per task like the literal oracle, but without its per-verdict objects, so it
// measures what a plain scan costs in JS. Same answers as the literal and indexed cores.
import type { PlacementCore } from '../placement-core.ts';
import type { PlacementProblem, PlacementResult } from '../placement/placement-problem.ts';
import { IndexedBatch, runPlacementBatch } from './indexed-placement-core.ts';
import { literalSelectTasksToStop } from './literal-select-tasks-to-stop.ts';

export function scanPlaceTasks(p: PlacementProblem): PlacementResult {
  const batch = new IndexedBatch(p, false);
  return runPlacementBatch(p, batch, () => batch.chooseByScan(), false);
}

export const scanPlacementCore: PlacementCore = {
  name: 'brute-force TypeScript scan',
  placeTasks: scanPlaceTasks,
  selectTasksToStop: literalSelectTasksToStop,
};

// placeTasks in the brute-force cross-check mode (performance notes §2, §7 B4): no index at all. Every
// task judges every instance (scan-choose.ts), fused with the first strategy; the batch loop and the
// explanation follow the contract (src/placement/README.md, steps 1–5) like place-tasks.ts does.
import * as abi from '../../abi';
import { setWord } from '../../memory/words';
import { loadPlacementBatch, outRejectCode, outRejectConstraint, taskCount } from '../placement-batch';
import { countSpreadKeys } from '../strategies/spread';
import { loadStream, storeStream } from '../strategies/placement-random';
import { closestMatch } from '../closest-match';
import { buildStaticColumn, gatedCpuPlaced, scanExplain } from './scan-judge';
import { resetUsedPorts } from '../indexes/used-ports';
import { planFirstStrategy, scanChoose } from './scan-choose';
import { placeTask } from '../place-task';

export function scanPlaceTasksIn(base: usize): i32 {
  loadPlacementBatch(base);
  resetUsedPorts(false);
  countSpreadKeys();
  buildStaticColumn();
  planFirstStrategy();
  loadStream(base + (<usize>abi.PH_RANDOM << 2));
  // Contract 5: the first task's vector, on the input state, explains the batch unless a task fails.
  let hasCandidate = scanExplain() > 0;
  let placed = 0;
  if (hasCandidate) {
    for (let t = 0; t < taskCount; t++) {
      const chosen = scanChoose();
      if (chosen < 0) {
        scanExplain(); // the failing task's vector explains the batch
        hasCandidate = false;
        break;
      }
      placeTask(chosen, t, false);
      gatedCpuPlaced(chosen);
      placed++;
    }
  }
  storeStream(base + (<usize>abi.PH_RANDOM << 2));
  setWord(base, abi.PH_PLACED, placed);
  setWord(base, abi.PH_CLOSEST_MATCH, hasCandidate ? -1 : closestMatch(outRejectCode, outRejectConstraint));
  return placed;
}

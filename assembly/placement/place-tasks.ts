// placeTasks (semantics 4–6; /work/notes/placement-contract.md): one task at a time through the
// stages, the strategy chain and the tie-break; placing stops at the first task with no candidate.
//
// An instance's verdict depends only on its own columns (resources, ports, group counts, leaves), and
// a placement changes only the chosen instance's. So the stages run over every instance once, for the
// batch's first task, and after that only on the instance that received the task: the per-instance
// codes (the explanation, contract 5) and the candidate set stay exact at O(1) stage runs per task.
import * as abi from '../abi';
import { copyWords, setWord, word } from '../memory/words';
import {
  candidates, loadPlacementBatch, M, outRejectCode, outRejectConstraint, S, scratchCode, scratchConstraint,
  strategyType, taskCount,
} from './placement-batch';
import { evaluateInstance, rejectedConstraint } from './stages/evaluate-instance';
import { resetUsedPorts } from './indexes/used-ports';
import { candidateCount, clearCandidates, listCandidates, setCandidate } from './indexes/candidate-set';
import { buildTieTree, firstUnindexedStrategy, listTies, planTieTree, queryTies, selectTie, updateTieTree } from './indexes/tie-tree';
import { buildBuckets, listBucketTies, queryBuckets, selectBucketTie, updateBuckets, usable } from './indexes/best-fit-buckets';
import { countSpreadKeys } from './strategies/spread';
import { loadStream, pickOneOf, storeStream } from './strategies/placement-random';
import { chooseInstance } from './strategies/choose-instance';
import { placeTask } from './place-task';
import { closestMatch } from './closest-match';

/** Runs the stages on instance i for the next task: its code, constraint and candidacy. */
function judge(i: i32): void {
  const code = evaluateInstance(i);
  setWord(scratchCode, i, code);
  setWord(scratchConstraint, i, rejectedConstraint);
  setCandidate(i, code == abi.REJECT_NONE);
}

let useTieTree = false;
// [spread(attribute)?, binpack]: the best-fit buckets answer what the tie tree would, faster.
let useBuckets = false;

/** The strategy chain and the final tie-break over the current candidates (6.2, 6.6). */
function chooseAmongCandidates(): i32 {
  if (!useTieTree) return chooseInstance(candidates, listCandidates(candidates), 0);
  const ties = useBuckets ? queryBuckets() : queryTies();
  const from = firstUnindexedStrategy;
  // Nothing left to narrow, or random next: both draw once over the tie set, count-and-select (6.5, 6.6).
  if (from == S || word(strategyType, from) == abi.STRATEGY_RANDOM) {
    const r = pickOneOf(ties);
    return useBuckets ? selectBucketTie(r) : selectTie(r);
  }
  return chooseInstance(candidates, useBuckets ? listBucketTies(candidates) : listTies(candidates), from);
}

export function placeTasksIn(base: usize): i32 {
  loadPlacementBatch(base);
  resetUsedPorts();
  countSpreadKeys();
  clearCandidates();
  loadStream(base + (<usize>abi.PH_RANDOM << 2));
  for (let i = 0; i < M; i++) judge(i);
  useTieTree = planTieTree();
  useBuckets = useTieTree && usable();
  if (useBuckets) buildBuckets();
  else if (useTieTree) buildTieTree();
  // Contract 5: the first task's vector, on the input state, explains the batch unless a task fails.
  copyWords(outRejectCode, scratchCode, M);
  copyWords(outRejectConstraint, scratchConstraint, M);
  let placed = 0;
  let closest = -1;
  if (candidateCount() == 0) {
    closest = closestMatch(outRejectCode, outRejectConstraint);
  } else {
    for (let t = 0; t < taskCount; t++) {
      if (candidateCount() == 0) {
        copyWords(outRejectCode, scratchCode, M);
        copyWords(outRejectConstraint, scratchConstraint, M);
        closest = closestMatch(outRejectCode, outRejectConstraint);
        break;
      }
      const chosen = chooseAmongCandidates();
      placeTask(chosen, t);
      placed++;
      judge(chosen); // the only instance whose verdict can have changed
      if (useBuckets) updateBuckets(chosen, word(scratchCode, chosen) == abi.REJECT_NONE);
      else if (useTieTree) updateTieTree(chosen, word(scratchCode, chosen) == abi.REJECT_NONE);
    }
  }
  storeStream(base + (<usize>abi.PH_RANDOM << 2));
  setWord(base, abi.PH_PLACED, placed);
  setWord(base, abi.PH_CLOSEST_MATCH, closest);
  return placed;
}

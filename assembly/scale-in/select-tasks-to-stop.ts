// Scale-in selection (semantics 8): one task at a time, draining instances first, the strategy chain
// with each strategy reversed, then PENDING first, most recent first, and a draw among the rest.
// The chains the stop tree answers (stop-tree.ts: every chain of the form [spread(attribute)]?
// [value]? [random …]?, the default included) cost O(log M) per pick; any other chain walks T.
import * as abi from '../abi';
import { regionAt, setWord, word } from '../memory/words';
import { useSpreadColumns } from '../placement/placement-batch';
import { addToSpreadCounts, countSpreadKeys, narrowBySpread } from '../placement/strategies/spread';
import { narrowByValue } from '../placement/strategies/binpack';
import { loadStream, pickOneOf, storeStream } from '../placement/strategies/placement-random';
import { groupTasksByInstance } from './tasks-by-instance';
import { buildStopTree, planStopTree, queryStopTies, selectStopTie, updateStopTree } from './stop-tree';

// The batch's columns (abi.ts SH_*).
let instances: i32 = 0;
let strategies: i32 = 0;
let instanceState: usize = 0;
let cpuFree: usize = 0;
let memoryFree: usize = 0;
let groupActive: usize = 0;
let strategyType: usize = 0;
let strategyField: usize = 0;
let taskInstance: usize = 0;
let taskPending: usize = 0;
let taskCpu: usize = 0;
let taskMemory: usize = 0;
let taskCreatedRank: usize = 0;
let remaining: usize = 0; // candidate tasks left per instance
let tie: usize = 0;
let value: usize = 0;
let taskStart: usize = 0;
let taskSorted: usize = 0;
let taskChosen: usize = 0;
let taskList: usize = 0;

// @ts-ignore: decorator
@inline function isDraining(i: i32): bool {
  return word(instanceState, i) == abi.INSTANCE_DRAINING;
}

/** The not-yet-chosen tasks on the n instances of `tie`, in (instance, taskOrder) order; returns the length. */
function listCandidateTasks(n: i32): i32 {
  let length = 0;
  for (let k = 0; k < n; k++) {
    const i = word(tie, k);
    const end = word(taskStart, i + 1);
    for (let a = word(taskStart, i); a < end; a++) {
      const t = word(taskSorted, a);
      if (word(taskChosen, t) == 0) setWord(taskList, length++, t);
    }
  }
  return length;
}

/** Rule 1: keeps the PENDING listed tasks (taskPending ≠ 0) if there are any; returns the new length. */
function keepPending(length: i32): i32 {
  let kept = 0;
  for (let k = 0; k < length; k++) {
    const t = word(taskList, k);
    if (word(taskPending, t) != 0) setWord(taskList, kept++, t);
  }
  return kept > 0 ? kept : length;
}

/** Rule 2: keeps the most recently created listed tasks; returns the new length. */
function keepNewest(length: i32): i32 {
  let newest = word(taskCreatedRank, word(taskList, 0));
  for (let k = 1; k < length; k++) newest = max(newest, word(taskCreatedRank, word(taskList, k)));
  let kept = 0;
  for (let k = 0; k < length; k++) {
    const t = word(taskList, k);
    if (word(taskCreatedRank, t) == newest) setWord(taskList, kept++, t);
  }
  return kept;
}

/** One pick by walking T: the reversed chain over instances, then rules 1–3 over their tasks. */
function chooseByWalking(drainingOnly: bool): i32 {
  let n = 0;
  for (let i = 0; i < instances; i++) {
    if (word(remaining, i) > 0 && (!drainingOnly || isDraining(i))) setWord(tie, n++, i);
  }
  for (let s = 0; s < strategies; s++) {
    const type = word(strategyType, s);
    if (type == abi.STRATEGY_RANDOM) return word(taskList, pickOneOf(listCandidateTasks(n))); // ends the chain
    if (type == abi.STRATEGY_SPREAD) {
      n = narrowBySpread(tie, n, word(strategyField, s), true); // the LARGEST count
    } else {
      // D49: the remaining resource after stopping the instance's largest candidate task.
      const byCpu = word(strategyField, s) == abi.BINPACK_CPU;
      const free = byCpu ? cpuFree : memoryFree;
      const need = byCpu ? taskCpu : taskMemory;
      for (let k = 0; k < n; k++) {
        const i = word(tie, k);
        let largest = i32.MIN_VALUE;
        const end = word(taskStart, i + 1);
        for (let a = word(taskStart, i); a < end; a++) {
          const t = word(taskSorted, a);
          if (word(taskChosen, t) == 0) largest = max(largest, word(need, t));
        }
        setWord(value, i, word(free, i) + largest);
      }
      n = narrowByValue(tie, n, value, true);
    }
  }
  let length = listCandidateTasks(n);
  length = keepPending(length); // rule 1
  length = keepNewest(length); // rule 2
  return word(taskList, pickOneOf(length)); // rule 3
}

function loadScaleInBatch(base: usize): void {
  instances = word(base, abi.SH_INSTANCE_COUNT);
  strategies = word(base, abi.SH_STRATEGY_COUNT);
  instanceState = regionAt(base, abi.SH_INSTANCE_STATE);
  cpuFree = regionAt(base, abi.SH_CPU_FREE);
  memoryFree = regionAt(base, abi.SH_MEMORY_FREE);
  groupActive = regionAt(base, abi.SH_GROUP_ACTIVE);
  strategyType = regionAt(base, abi.SH_STRATEGY_TYPE);
  strategyField = regionAt(base, abi.SH_STRATEGY_FIELD);
  taskInstance = regionAt(base, abi.SH_TASK_INSTANCE);
  taskPending = regionAt(base, abi.SH_TASK_PENDING);
  taskCpu = regionAt(base, abi.SH_TASK_CPU);
  taskMemory = regionAt(base, abi.SH_TASK_MEMORY);
  taskCreatedRank = regionAt(base, abi.SH_TASK_CREATED_RANK);
  remaining = regionAt(base, abi.SH_SCRATCH_REMAINING);
  tie = regionAt(base, abi.SH_SCRATCH_INSTANCES);
  value = regionAt(base, abi.SH_SCRATCH_VALUE);
  taskStart = regionAt(base, abi.SH_SCRATCH_TASK_START);
  taskSorted = regionAt(base, abi.SH_SCRATCH_TASK_SORTED);
  taskChosen = regionAt(base, abi.SH_SCRATCH_TASK_CHOSEN);
  taskList = regionAt(base, abi.SH_SCRATCH_TASK_LIST);
  useSpreadColumns(
    instances, word(base, abi.SH_SPREAD_ROW_COUNT), regionAt(base, abi.SH_SPREAD_KEYS),
    regionAt(base, abi.SH_SPREAD_KEY_COUNT), groupActive, regionAt(base, abi.SH_SCRATCH_KEY_START),
    regionAt(base, abi.SH_SCRATCH_KEY_COUNTS),
  );
}

export function selectTasksToStopIn(base: usize): i32 {
  loadScaleInBatch(base);
  const tasks = word(base, abi.SH_TASK_COUNT);
  countSpreadKeys();
  loadStream(base + (<usize>abi.SH_RANDOM << 2));
  groupTasksByInstance(
    instances, tasks, taskInstance, regionAt(base, abi.SH_TASK_ORDER), taskStart, taskSorted, taskList, taskChosen,
  );
  let drainingLeft = 0;
  for (let i = 0; i < instances; i++) {
    const held = word(taskStart, i + 1) - word(taskStart, i);
    setWord(remaining, i, held);
    if (isDraining(i)) drainingLeft += held;
  }
  for (let t = 0; t < tasks; t++) setWord(taskChosen, t, 0);

  const wanted = min(word(base, abi.SH_COUNT), tasks);
  const useTree = planStopTree(
    instances, strategies, regionAt(base, abi.SH_SCRATCH_STOP_TREE), strategyType, strategyField,
    regionAt(base, abi.SH_SPREAD_KEYS), regionAt(base, abi.SH_SPREAD_KEY_COUNT), regionAt(base, abi.SH_SCRATCH_KEY_START),
    regionAt(base, abi.SH_SCRATCH_KEY_COUNTS), cpuFree, memoryFree, taskCpu, taskMemory, taskPending, taskCreatedRank,
    taskStart, taskSorted, taskChosen,
  );
  // The tree holds DRAINING instances only while draining-first applies, then every instance.
  let treeDrainingOnly = drainingLeft > 0;
  if (useTree && wanted > 0) buildStopTree(remaining, treeDrainingOnly, instanceState);
  for (let pick = 0; pick < wanted; pick++) {
    // Draining first: while a stoppable task runs on a DRAINING instance, only those are candidates.
    const drainingOnly = drainingLeft > 0;
    let chosen: i32;
    if (useTree) {
      if (treeDrainingOnly && !drainingOnly) {
        treeDrainingOnly = false;
        buildStopTree(remaining, false, instanceState);
      }
      chosen = selectStopTie(pickOneOf(queryStopTies()));
    } else {
      chosen = chooseByWalking(drainingOnly);
    }
    // After a pick the task is taken and its instance's spread count drops; nothing else changes.
    const i = word(taskInstance, chosen);
    setWord(base + (<usize>word(base, abi.SH_OUT_CHOSEN) << 2), pick, chosen);
    setWord(taskChosen, chosen, 1);
    setWord(remaining, i, word(remaining, i) - 1);
    setWord(groupActive, i, word(groupActive, i) - 1);
    addToSpreadCounts(i, -1);
    if (isDraining(i)) drainingLeft--;
    if (useTree) updateStopTree(i, word(remaining, i) > 0 && (!treeDrainingOnly || isDraining(i)));
  }
  storeStream(base + (<usize>abi.SH_RANDOM << 2));
  setWord(base, abi.SH_CHOSEN_COUNT, wanted);
  return wanted;
}

// Scale-in selection, literally (semantics 8; placement contract "selectTasksToStop"): one pick at a
// time over plain arrays, the strategy chain of 6.2 reversed, then rules 1–3 for the task.
import {
  BINPACK_CPU, INSTANCE_DRAINING, STRATEGY_BINPACK, STRATEGY_RANDOM, STRATEGY_SPREAD,
} from '../placement/placement-codes.ts';
import type { ScaleInProblem, ScaleInResult } from '../placement/placement-problem.ts';
import { uniformInt, type RandomState } from '../shared/xoshiro128.ts';

/** 8, draining first: if any candidate task is on a DRAINING instance, only those are candidates. */
function drainingFirst(p: ScaleInProblem, remaining: number[]): number[] {
  const onDraining = remaining.filter((t) => p.instanceState[p.taskInstance[t]] === INSTANCE_DRAINING);
  return onDraining.length > 0 ? onDraining : remaining;
}

/** T: the instances (registration order) that hold at least one candidate task. */
const instancesHolding = (p: ScaleInProblem, tasks: number[]): number[] =>
  [...new Set(tasks.map((t) => p.taskInstance[t]))].sort((a, b) => a - b);

/** The members of T whose value is the largest among T's values (ties survive, order kept). */
function keepMost(T: number[], value: (i: number) => number): number[] {
  let most = -Infinity;
  for (const i of T) most = Math.max(most, value(i));
  return T.filter((i) => value(i) === most);
}

/** 6.4 counts (every instance, DRAINING included), reversed: keep the keys with the LARGEST count in T. */
function reversedSpread(p: ScaleInProblem, groupActive: number[], row: number, T: number[]): number[] {
  const M = p.instanceCount;
  const counts = new Map<number, number>();
  for (let j = 0; j < M; j++) counts.set(p.spreadKeys[row * M + j], (counts.get(p.spreadKeys[row * M + j]) ?? 0) + groupActive[j]);
  return keepMost(T, (i) => counts.get(p.spreadKeys[row * M + i])!);
}

/** 8 + D49, reversed binpack: free(i) + the largest candidate task on i; keep the LARGEST value. */
function reversedBinpack(p: ScaleInProblem, field: number, tasks: number[], T: number[]): number[] {
  const free = (i: number) => (field === BINPACK_CPU ? p.cpuFree[i] : p.memoryFree[i]);
  const size = (t: number) => (field === BINPACK_CPU ? p.taskCpu[t] : p.taskMemory[t]);
  const largestTask = new Map<number, number>();
  for (const t of tasks) largestTask.set(p.taskInstance[t], Math.max(largestTask.get(p.taskInstance[t]) ?? -Infinity, size(t)));
  return keepMost(T, (i) => free(i) + largestTask.get(i)!);
}

/** Rule 3's order: (instance index, taskOrder). */
const inRuleThreeOrder = (p: ScaleInProblem, tasks: number[]): number[] =>
  [...tasks].sort((a, b) => p.taskInstance[a] - p.taskInstance[b] || p.taskOrder[a] - p.taskOrder[b]);

/** One task of `tasks` by a draw in rule-3 order; draws only when there are ≥ 2 (3.3). */
function drawTask(p: ScaleInProblem, random: RandomState, tasks: number[]): number {
  const ordered = inRuleThreeOrder(p, tasks);
  return ordered.length < 2 ? ordered[0] : ordered[uniformInt(random, ordered.length)];
}

/** 8, rules 1–3: PENDING first, then the most recently created, then a draw. */
function chooseTaskOnInstances(p: ScaleInProblem, random: RandomState, tasks: number[]): number {
  const pending = tasks.filter((t) => p.taskPending[t] !== 0);
  const rule1 = pending.length > 0 ? pending : tasks;
  const newest = rule1.reduce((most, t) => Math.max(most, p.taskCreatedRank[t]), -Infinity);
  const rule2 = rule1.filter((t) => p.taskCreatedRank[t] === newest);
  return drawTask(p, random, rule2);
}

/** One pick: the reversed chain over T, then the task among the instances left. */
function pickOne(p: ScaleInProblem, groupActive: number[], random: RandomState, remaining: number[]): number {
  const candidates = drainingFirst(p, remaining);
  let T = instancesHolding(p, candidates);
  const onT = () => {
    const left = new Set(T);
    return candidates.filter((t) => left.has(p.taskInstance[t]));
  };
  for (let k = 0; k < p.strategyType.length; k++) {
    const type = p.strategyType[k];
    if (type === STRATEGY_SPREAD) T = reversedSpread(p, groupActive, p.strategyField[k], T);
    else if (type === STRATEGY_BINPACK) T = reversedBinpack(p, p.strategyField[k], candidates, T);
    else if (type === STRATEGY_RANDOM) return drawTask(p, random, onT()); // the chain ends
    else throw new Error(`unknown strategy type ${type}`);
  }
  return chooseTaskOnInstances(p, random, onT());
}

export function literalSelectTasksToStop(p: ScaleInProblem): ScaleInResult {
  const groupActive = Array.from(p.groupActive);
  const random: RandomState = [p.random[0], p.random[1], p.random[2], p.random[3]];
  let remaining = Array.from(p.taskInstance, (_, t) => t);
  const chosen: number[] = [];
  while (chosen.length < p.count && remaining.length > 0) {
    const t = pickOne(p, groupActive, random, remaining);
    chosen.push(t);
    remaining = remaining.filter((r) => r !== t);
    groupActive[p.taskInstance[t]]--; // the only count that changes after a pick
  }
  return { chosen: Int32Array.from(chosen), random: Uint32Array.from(random) };
}

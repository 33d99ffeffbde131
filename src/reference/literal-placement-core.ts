// The literal TypeScript placement core: the oracle every other core is tested against (performance
// notes §6). It applies semantics §4–§6 to every instance, every task, with ordinary arrays: O(N·M)
// and readable over fast. Each stage is one small function named after it. The exact rules are
// /work/notes/placement-contract.md; the numbered comments below refer to its steps.
import type { PlacementCore } from '../placement-core.ts';
import { createTsResidentClusterStore } from './ts-resident-cluster-store.ts';
import { deploymentStep } from './deployment-step.ts';
import {
  BINPACK_CPU, CONSTRAINT_DISTINCT_INSTANCE, CONSTRAINT_MEMBER_OF, INSTANCE_DRAINING, PROTOCOL_TCP,
  REJECT_AGENT, REJECT_ATTRIBUTE, REJECT_CPU, REJECT_DISTINCT_INSTANCE, REJECT_DRAINING, REJECT_ENI,
  REJECT_MEMBER_OF, REJECT_MEMORY, REJECT_NONE, REJECT_PORTS, STRATEGY_BINPACK, STRATEGY_RANDOM, STRATEGY_SPREAD,
} from '../placement/placement-codes.ts';
import type { PlacementProblem, PlacementResult } from '../placement/placement-problem.ts';
import { uniformInt, type RandomState } from '../shared/xoshiro128.ts';
import { evaluateMemberOfProgram } from './evaluate-member-of-program.ts';
import { placePorts } from './place-ports.ts';
import { literalSelectTasksToStop } from './literal-select-tasks-to-stop.ts';

/** The batch's view of the cluster: copies of the problem's columns that placements change (4.1). */
interface ClusterState {
  cpuFree: number[];
  memoryFree: number[];
  eniFree: number[];
  usedPorts: Set<number>[];
  reservedTcpCount: number[];
  reservedUdpCount: number[];
  groupActive: number[];
  groupLive: number[];
  liveTasks: number[];
  groupLiveByGroup: number[];
}

/** One instance's verdict for one task: the first stage it failed (4.2) and the ports it would bind. */
interface Verdict {
  code: number;
  constraint: number; // the failing constraint's index, else -1
  ports: number[]; // the encoded host ports the task would bind (candidates only)
}

/** The per-instance vector of one placement attempt (contract 5). */
interface Attempt {
  verdicts: Verdict[];
  candidates: number[]; // instance indices with REJECT_NONE, in registration order
}

// ── 1. The stages, in order (semantics 4.2) ─────────────────────────────────────────────────────────

/** 4.2: DRAINING instances receive no new tasks; nothing else is checked. */
const isDraining = (p: PlacementProblem, i: number) => p.instanceState[i] === INSTANCE_DRAINING;

/** 4.3: remaining CPU ≥ the task's CPU. */
const fitsCpu = (p: PlacementProblem, s: ClusterState, i: number) => s.cpuFree[i] >= p.taskCpu;

/** 4.4: remaining memory ≥ the task's memory. */
const fitsMemory = (p: PlacementProblem, s: ClusterState, i: number) => s.memoryFree[i] >= p.taskMemory;

/** 4.5: every mapping gets a host port; returns the encoded ports, or null. */
const fitPorts = (p: PlacementProblem, s: ClusterState, i: number) =>
  placePorts(p.taskPortMappings, {
    used: s.usedPorts[i],
    reservedTcpCount: s.reservedTcpCount[i],
    reservedUdpCount: s.reservedUdpCount[i],
    ephemeralFirst: p.ephemeralFirst[i],
    ephemeralLast: p.ephemeralLast[i],
  });

/** 4.6: an awsvpc task needs a free ENI. */
const fitsEni = (p: PlacementProblem, s: ClusterState, i: number) => !p.taskNeedsEni || s.eniFree[i] >= 1;

/** 4.7: required attributes (precomputed by the builder). */
const hasRequiredAttributes = (p: PlacementProblem, i: number) => p.attributesOk[i] !== 0;

/** 4.8: the agent is connected. */
const hasAgentConnected = (p: PlacementProblem, i: number) => p.agentConnected[i] !== 0;

/** 4.9 / 5: memberOf constraint c holds on instance i, with the batch's current group counts. */
const satisfiesMemberOf = (p: PlacementProblem, s: ClusterState, c: number, i: number) =>
  evaluateMemberOfProgram(p.programOps, p.programStart[c], p.programStart[c + 1], {
    instanceCount: p.instanceCount, leafBits: p.leafBits, groupLiveByGroup: s.groupLiveByGroup, liveTasks: s.liveTasks,
  }, i);

/** 4.9: distinctInstance holds when no live task of the group is on i (stopping ones included). */
const satisfiesDistinctInstance = (s: ClusterState, i: number) => s.groupLive[i] === 0;

/** 4.9: the first constraint (task definition's, then the service's) that i fails, or null. */
function firstFailingConstraint(p: PlacementProblem, s: ClusterState, i: number): { constraint: number; code: number } | null {
  for (let c = 0; c < p.constraintKind.length; c++) {
    if (p.constraintKind[c] === CONSTRAINT_MEMBER_OF && !satisfiesMemberOf(p, s, c, i)) return { constraint: c, code: REJECT_MEMBER_OF };
    if (p.constraintKind[c] === CONSTRAINT_DISTINCT_INSTANCE && !satisfiesDistinctInstance(s, i)) {
      return { constraint: c, code: REJECT_DISTINCT_INSTANCE };
    }
  }
  return null;
}

/** Contract 1: runs the stages in order on instance i; the first failure is its code. */
function judgeInstance(p: PlacementProblem, s: ClusterState, i: number): Verdict {
  const reject = (code: number, constraint = -1): Verdict => ({ code, constraint, ports: [] });
  if (isDraining(p, i)) return reject(REJECT_DRAINING);
  if (!fitsCpu(p, s, i)) return reject(REJECT_CPU);
  if (!fitsMemory(p, s, i)) return reject(REJECT_MEMORY);
  const ports = fitPorts(p, s, i);
  if (ports === null) return reject(REJECT_PORTS);
  if (!fitsEni(p, s, i)) return reject(REJECT_ENI);
  if (!hasRequiredAttributes(p, i)) return reject(REJECT_ATTRIBUTE);
  if (!hasAgentConnected(p, i)) return reject(REJECT_AGENT);
  const failed = firstFailingConstraint(p, s, i);
  if (failed) return reject(failed.code, failed.constraint);
  return { code: REJECT_NONE, constraint: -1, ports };
}

function attemptPlacement(p: PlacementProblem, s: ClusterState): Attempt {
  const verdicts: Verdict[] = [];
  const candidates: number[] = [];
  for (let i = 0; i < p.instanceCount; i++) {
    verdicts.push(judgeInstance(p, s, i));
    if (verdicts[i].code === REJECT_NONE) candidates.push(i);
  }
  return { verdicts, candidates };
}

// ── 2. Closest matching instance (semantics 4.10) ───────────────────────────────────────────────────

/** Stages passed before the failing one: CPU 0, MEMORY 1, PORTS 2, ENI 3, ATTRIBUTE 4, AGENT 5, constraint c → 6 + c. */
function stagesPassed(v: Verdict): number {
  switch (v.code) {
    case REJECT_CPU: return 0;
    case REJECT_MEMORY: return 1;
    case REJECT_PORTS: return 2;
    case REJECT_ENI: return 3;
    case REJECT_ATTRIBUTE: return 4;
    case REJECT_AGENT: return 5;
    case REJECT_MEMBER_OF:
    case REJECT_DISTINCT_INSTANCE: return 6 + v.constraint;
    default: throw new Error(`no stage count for code ${v.code}`);
  }
}

/** The non-DRAINING instance that passed the most stages, ties to the lowest index; -1 if none. */
function closestMatchingInstance(verdicts: Verdict[]): number {
  let best = -1;
  for (let i = 0; i < verdicts.length; i++) {
    if (verdicts[i].code === REJECT_DRAINING) continue; // never a closest match
    if (best < 0 || stagesPassed(verdicts[i]) > stagesPassed(verdicts[best])) best = i;
  }
  return best;
}

// ── 3. Strategies narrow the candidates lexicographically (semantics 6.2) ───────────────────────────

/** 6.4: count(key) = tasks of the group on every instance (DRAINING included) whose key is `key`. */
function spreadCounts(p: PlacementProblem, s: ClusterState, row: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (let j = 0; j < p.instanceCount; j++) {
    const key = p.spreadKeys[row * p.instanceCount + j];
    counts.set(key, (counts.get(key) ?? 0) + s.groupActive[j]);
  }
  return counts;
}

/** The members of T whose value is the smallest among T's values (ties survive, order kept). */
function keepLeast(T: number[], value: (i: number) => number): number[] {
  let least = Infinity;
  for (const i of T) least = Math.min(least, value(i));
  return T.filter((i) => value(i) === least);
}

/** 6.4: keep the members of T whose key has the smallest count among the keys present in T. */
function spread(p: PlacementProblem, s: ClusterState, row: number, T: number[]): number[] {
  const counts = spreadCounts(p, s, row);
  return keepLeast(T, (i) => counts.get(p.spreadKeys[row * p.instanceCount + i])!);
}

/** 6.3: keep the members of T with the least remaining CPU or memory (before this placement). */
function binpack(s: ClusterState, field: number, T: number[]): number[] {
  return keepLeast(T, (i) => (field === BINPACK_CPU ? s.cpuFree[i] : s.memoryFree[i]));
}

/** 6.5 / 6.6 / 3.3: the r-th member of T by registration order; draws only when |T| ≥ 2. */
function drawOne(random: RandomState, T: number[]): number[] {
  if (T.length < 2) return T;
  return [T[uniformInt(random, T.length)]];
}

/** 6.2: apply the strategies in order; `random` picks one and ends the chain. */
function applyStrategies(p: PlacementProblem, s: ClusterState, random: RandomState, candidates: number[]): number[] {
  let T = candidates;
  for (let k = 0; k < p.strategyType.length; k++) {
    const type = p.strategyType[k];
    if (type === STRATEGY_SPREAD) T = spread(p, s, p.strategyField[k], T);
    else if (type === STRATEGY_BINPACK) T = binpack(s, p.strategyField[k], T);
    else if (type === STRATEGY_RANDOM) return drawOne(random, T);
    else throw new Error(`unknown strategy type ${type}`);
  }
  return T;
}

/** 6.6: the final tie-break among what the chain left. */
const finalTieBreak = (random: RandomState, T: number[]): number => drawOne(random, T)[0];

// ── 4. Placing updates the instance and the group counts (semantics 4.1) ────────────────────────────

function placeOn(p: PlacementProblem, s: ClusterState, i: number, ports: number[]): void {
  s.cpuFree[i] -= p.taskCpu;
  s.memoryFree[i] -= p.taskMemory;
  s.eniFree[i] -= p.taskNeedsEni;
  ports.forEach((encoded, m) => {
    s.usedPorts[i].add(encoded);
    const isStatic = (p.taskPortMappings[m] & 0xffff) > 0;
    if (isStatic && encoded >>> 16 === PROTOCOL_TCP) s.reservedTcpCount[i]++;
    else if (isStatic) s.reservedUdpCount[i]++;
  });
  s.groupActive[i]++;
  s.groupLive[i]++;
  s.liveTasks[i]++;
  if (p.batchGroupIndex >= 0) s.groupLiveByGroup[p.batchGroupIndex * p.instanceCount + i]++;
}

// ── The batch ───────────────────────────────────────────────────────────────────────────────────────

function copyClusterState(p: PlacementProblem): ClusterState {
  const M = p.instanceCount;
  const usedPorts: Set<number>[] = [];
  for (let i = 0; i < M; i++) usedPorts.push(new Set(p.usedPorts.subarray(p.usedPortsStart[i], p.usedPortsStart[i + 1])));
  return {
    cpuFree: Array.from(p.cpuFree),
    memoryFree: Array.from(p.memoryFree),
    eniFree: Array.from(p.eniFree),
    usedPorts,
    reservedTcpCount: Array.from(p.reservedTcpCount),
    reservedUdpCount: Array.from(p.reservedUdpCount),
    groupActive: Array.from(p.groupActive),
    groupLive: Array.from(p.groupLive),
    liveTasks: Array.from(p.liveTasks),
    groupLiveByGroup: Array.from(p.groupLiveByGroup),
  };
}

const copyRandom = (r: Uint32Array): RandomState => [r[0], r[1], r[2], r[3]];

export function literalPlaceTasks(p: PlacementProblem): PlacementResult {
  const s = copyClusterState(p);
  const random = copyRandom(p.random);
  const P = p.taskPortMappings.length;
  const assignments: number[] = [];
  const assignedPorts: number[] = [];
  // Contract 5: the batch's first task explains the batch unless a later task fails.
  let explained: Attempt = attemptPlacement(p, s);
  for (let t = 0; t < p.count; t++) {
    const attempt = t === 0 ? explained : attemptPlacement(p, s);
    if (attempt.candidates.length === 0) { // 2. stop at the first task that cannot be placed
      explained = attempt;
      break;
    }
    const chosen = finalTieBreak(random, applyStrategies(p, s, random, attempt.candidates));
    placeOn(p, s, chosen, attempt.verdicts[chosen].ports);
    assignments.push(chosen);
    assignedPorts.push(...attempt.verdicts[chosen].ports);
    if (assignedPorts.length !== (t + 1) * P) throw new Error('a candidate bound the wrong number of ports');
  }
  // The closest match is named only when the explained attempt had no candidate (4.10).
  const noCandidate = explained.candidates.length === 0;
  return {
    assignments: Int32Array.from(assignments),
    assignedPorts: Int32Array.from(assignedPorts),
    placed: assignments.length,
    random: Uint32Array.from(random),
    rejectCode: Int32Array.from(explained.verdicts, (v) => v.code),
    rejectConstraint: Int32Array.from(explained.verdicts, (v) => v.constraint),
    closestMatch: noCandidate ? closestMatchingInstance(explained.verdicts) : -1,
  };
}

export const literalPlacementCore: PlacementCore = {
  name: 'literal TypeScript reference',
  placeTasks: literalPlaceTasks,
  selectTasksToStop: literalSelectTasksToStop,
  createClusterStore: () => createTsResidentClusterStore({ placeTasks: literalPlaceTasks }),
  deploymentStep,
};

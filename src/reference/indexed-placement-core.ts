// The indexed TypeScript placement core: the baseline every WASM benchmark is compared against
// (performance notes §6). Same answers as the literal oracle (literal-placement-core.ts), including
// every PRNG draw, but per placement it touches only the chosen instance and the index, not all M:
//
// - Feasibility of an instance depends only on its own columns (CPU, memory, ports, ENIs, its group
//   counts), so after a placement only the chosen instance is judged again (performance notes 3.1).
// - The strategy chain (6.2) is indexed over its first one or two levels (performance notes 3.3):
//   a spread whose row puts several instances under a key is a "key level" (a count per key, the
//   smallest count among keys with a feasible instance: O(K)); a binpack, or a spread whose row has one
//   instance per key (instanceId), is a "value level": per key, the feasible instances bucketed by the
//   value (ValueBuckets: min-heap of values, each bucket in registration order).
// - The tie set is the union of the best buckets; it is counted, and the r-th by registration order
//   is selected with Fenwick trees (count-and-select, 3.1), so the draws are the literal core's.
// - Strategies beyond the indexed levels are applied to the materialised tie set, as in 3.3.
// The explanation vector comes from an O(M) pass, needed only for the first task and at a failure.
import type { PlacementCore } from '../placement-core.ts';
import { createTsResidentClusterStore } from './ts-resident-cluster-store.ts';
import { deploymentStep } from './deployment-step.ts';
import {
  BINPACK_CPU, CONSTRAINT_DISTINCT_INSTANCE, CONSTRAINT_MEMBER_OF, INSTANCE_DRAINING, REJECT_AGENT,
  REJECT_ATTRIBUTE, REJECT_CPU, REJECT_DISTINCT_INSTANCE, REJECT_DRAINING, REJECT_ENI, REJECT_MEMBER_OF,
  REJECT_MEMORY, REJECT_NONE, REJECT_PORTS, STRATEGY_BINPACK, STRATEGY_RANDOM, STRATEGY_SPREAD,
} from '../placement/placement-codes.ts';
import type { PlacementProblem, PlacementResult } from '../placement/placement-problem.ts';
import { uniformInt, type RandomState } from '../shared/xoshiro128.ts';
import { evaluateMemberOfProgram, type MemberOfView } from './evaluate-member-of-program.ts';
import { PortTable } from './indexes/port-table.ts';
import { selectInUnion, type OrderedIdSet } from './indexes/ordered-id-set.ts';
import { ValueBuckets } from './indexes/value-buckets.ts';
import { literalSelectTasksToStop } from './literal-select-tasks-to-stop.ts';

/** Stages passed before the failing one (contract 2): CPU 0 … AGENT 5, constraint c → 6 + c. */
function stagesPassed(code: number, constraint: number): number {
  if (code >= REJECT_CPU && code <= REJECT_AGENT) return code - REJECT_CPU;
  return 6 + constraint; // REJECT_MEMBER_OF, REJECT_DISTINCT_INSTANCE
}

/** True when every instance has its own key in spreadKeys row `row` (spread(instanceId), host). */
function oneInstancePerKey(p: PlacementProblem, row: number): boolean {
  const M = p.instanceCount;
  const seen = new Uint8Array(p.spreadKeyCount[row]);
  for (let i = 0; i < M; i++) {
    const key = p.spreadKeys[row * M + i];
    if (seen[key] !== 0) return false;
    seen[key] = 1;
  }
  return true;
}

/** One batch's indexes; exported so that the benchmark can time single placements (B5). */
export class IndexedBatch {
  private readonly M: number;
  private readonly cpuFree: Int32Array;
  private readonly memoryFree: Int32Array;
  private readonly eniFree: Int32Array;
  private readonly groupActive: Int32Array;
  private readonly groupLive: Int32Array;
  private readonly liveTasks: Int32Array;
  private readonly groupLiveByGroup: Int32Array;
  private readonly view: MemberOfView;
  private readonly ports: PortTable;
  readonly random: RandomState;

  /** The strategies that matter: up to and including the first random (6.5). */
  private readonly chainType: number[] = [];
  private readonly chainField: number[] = [];
  /** Spread counts (6.4) per spreadKeys row any strategy reads: Σ groupActive by key over ALL instances. */
  private readonly countsByRow = new Map<number, Int32Array>();
  private readonly spreadRows: number[] = [];
  private readonly spreadCounts: Int32Array[] = [];

  /** The key level's spreadKeys row, or -1 (then every instance is under key 0). */
  private readonly keyRow: number;
  private readonly keyCount: number;
  /** The chain index whose value the buckets order by, or -1 (one bucket, value 0). */
  private readonly valueLevel: number;
  /** The first chain index applied to the materialised tie set. */
  private readonly restStart: number;
  private readonly perKey: ValueBuckets[] = [];
  private readonly keyFeasible: Int32Array;
  private readonly feasible: Uint8Array;
  private readonly heldValue: Float64Array;
  feasibleTotal = 0;

  /** Scratch of judge(): the failing constraint and the ports a candidate would bind. */
  private judgedConstraint = -1;
  private readonly bound: number[] = [];
  /** Scratch of chooseByScan(): the candidates, then the survivors of each strategy. */
  private readonly scanScratch: Int32Array;
  /** Scratch of choose(): the buckets whose union is the tie set. */
  private readonly tieBuckets: OrderedIdSet[] = [];

  /** indexed = false: no index at all; chooseByScan() judges every instance for every task (B4's brute force). */
  constructor(private readonly p: PlacementProblem, private readonly indexed = true) {
    const M = p.instanceCount;
    this.M = M;
    this.cpuFree = Int32Array.from(p.cpuFree);
    this.memoryFree = Int32Array.from(p.memoryFree);
    this.eniFree = Int32Array.from(p.eniFree);
    this.groupActive = Int32Array.from(p.groupActive);
    this.groupLive = Int32Array.from(p.groupLive);
    this.liveTasks = Int32Array.from(p.liveTasks);
    this.groupLiveByGroup = Int32Array.from(p.groupLiveByGroup);
    this.view = { instanceCount: M, leafBits: p.leafBits, groupLiveByGroup: this.groupLiveByGroup, liveTasks: this.liveTasks };
    this.ports = new PortTable(p);
    this.random = [p.random[0], p.random[1], p.random[2], p.random[3]];

    for (let s = 0; s < p.strategyType.length; s++) {
      const type = p.strategyType[s];
      if (type !== STRATEGY_RANDOM && type !== STRATEGY_SPREAD && type !== STRATEGY_BINPACK) throw new Error(`unknown strategy type ${type}`);
      this.chainType.push(type);
      this.chainField.push(p.strategyField[s]);
      if (type === STRATEGY_SPREAD && !this.countsByRow.has(p.strategyField[s])) {
        const row = p.strategyField[s];
        const counts = new Int32Array(p.spreadKeyCount[row]);
        for (let j = 0; j < M; j++) counts[p.spreadKeys[row * M + j]] += this.groupActive[j];
        this.countsByRow.set(row, counts);
        this.spreadRows.push(row);
        this.spreadCounts.push(counts);
      }
      if (type === STRATEGY_RANDOM) break;
    }

    // The indexed levels (performance notes 3.3).
    let level = 0;
    let keyRow = -1;
    const isValueLevel = (s: number) =>
      s < this.chainType.length &&
      (this.chainType[s] === STRATEGY_BINPACK || (this.chainType[s] === STRATEGY_SPREAD && oneInstancePerKey(p, this.chainField[s])));
    if (this.chainType.length > 0 && this.chainType[0] === STRATEGY_SPREAD && !isValueLevel(0)) {
      keyRow = this.chainField[0];
      level = 1;
    }
    this.keyRow = keyRow;
    this.keyCount = keyRow >= 0 ? p.spreadKeyCount[keyRow] : 1;
    this.valueLevel = isValueLevel(level) ? level++ : -1;
    this.restStart = level;

    for (let k = 0; k < this.keyCount; k++) this.perKey.push(new ValueBuckets());
    this.keyFeasible = new Int32Array(this.keyCount);
    this.feasible = new Uint8Array(M);
    this.heldValue = new Float64Array(M);
    this.scanScratch = new Int32Array(indexed ? 0 : M);
  }

  private keyOf(i: number): number {
    return this.keyRow < 0 ? 0 : this.p.spreadKeys[this.keyRow * this.M + i];
  }

  private valueOf(i: number): number {
    const s = this.valueLevel;
    if (s < 0) return 0;
    const field = this.chainField[s];
    if (this.chainType[s] === STRATEGY_BINPACK) return field === BINPACK_CPU ? this.cpuFree[i] : this.memoryFree[i];
    return (this.countsByRow.get(field) as Int32Array)[this.p.spreadKeys[field * this.M + i]];
  }

  /** Contract 1: the first stage instance i fails now, REJECT_NONE for a candidate (ports in this.bound). */
  judge(i: number): number {
    const p = this.p;
    this.judgedConstraint = -1;
    if (p.instanceState[i] === INSTANCE_DRAINING) return REJECT_DRAINING;
    if (this.cpuFree[i] < p.taskCpu) return REJECT_CPU;
    if (this.memoryFree[i] < p.taskMemory) return REJECT_MEMORY;
    if (p.taskPortMappings.length > 0 && !this.ports.bind(i, this.bound)) return REJECT_PORTS;
    if (p.taskNeedsEni && this.eniFree[i] < 1) return REJECT_ENI;
    if (p.attributesOk[i] === 0) return REJECT_ATTRIBUTE;
    if (p.agentConnected[i] === 0) return REJECT_AGENT;
    for (let c = 0; c < p.constraintKind.length; c++) {
      const kind = p.constraintKind[c];
      if (kind === CONSTRAINT_MEMBER_OF && !evaluateMemberOfProgram(p.programOps, p.programStart[c], p.programStart[c + 1], this.view, i)) {
        this.judgedConstraint = c;
        return REJECT_MEMBER_OF;
      }
      if (kind === CONSTRAINT_DISTINCT_INSTANCE && this.groupLive[i] > 0) {
        this.judgedConstraint = c;
        return REJECT_DISTINCT_INSTANCE;
      }
    }
    return REJECT_NONE;
  }

  /** The O(M) pass: every instance's verdict, and the index rebuilt from it when `index` is set. */
  explain(rejectCode: Int32Array, rejectConstraint: Int32Array, index: boolean): void {
    for (let i = 0; i < this.M; i++) {
      const code = this.judge(i);
      rejectCode[i] = code;
      rejectConstraint[i] = this.judgedConstraint;
      if (index && this.indexed && code === REJECT_NONE) this.insert(i);
    }
  }

  private insert(i: number): void {
    const value = this.valueOf(i);
    const key = this.keyOf(i);
    this.perKey[key].add(i, value);
    this.heldValue[i] = value;
    this.keyFeasible[key]++;
    this.feasible[i] = 1;
    this.feasibleTotal++;
  }

  private remove(i: number): void {
    const key = this.keyOf(i);
    this.perKey[key].delete(i, this.heldValue[i]);
    this.keyFeasible[key]--;
    this.feasible[i] = 0;
    this.feasibleTotal--;
  }

  /** Steps 3 of the contract: the instance the chain and the final tie-break choose. */
  choose(): number {
    // The tie set is the union of buckets[0 .. used); (`length = 0` is a slow runtime call in V8.)
    const buckets = this.tieBuckets;
    let used = 0;
    if (this.keyRow >= 0) {
      // 6.4: the smallest count among keys that still have a feasible instance.
      const counts = this.countsByRow.get(this.keyRow) as Int32Array;
      let least = Infinity;
      let bestValue = Infinity;
      for (let k = 0; k < this.keyCount; k++) {
        if (this.keyFeasible[k] === 0 || counts[k] > least) continue;
        const value = this.perKey[k].minValue();
        if (counts[k] < least) {
          least = counts[k];
          bestValue = value;
          used = 0;
        } else if (value > bestValue) continue;
        else if (value < bestValue) {
          bestValue = value;
          used = 0;
        }
        buckets[used++] = this.perKey[k].bucket(value) as OrderedIdSet;
      }
    } else {
      const only = this.perKey[0];
      buckets[used++] = only.bucket(only.minValue()) as OrderedIdSet;
    }
    let n = 0;
    for (let b = 0; b < used; b++) n += buckets[b].size;

    if (this.restStart >= this.chainType.length || this.chainType[this.restStart] === STRATEGY_RANDOM) {
      // Count and select: a random strategy here and the final tie-break draw alike (6.5, 6.6).
      if (n < 2) return buckets[0].select(0);
      return selectInUnion(buckets, used, uniformInt(this.random, n), this.M);
    }
    let T: number[] = [];
    for (let b = 0; b < used; b++) buckets[b].appendTo(T);
    if (used > 1) T.sort((a, b) => a - b);
    for (let s = this.restStart; s < this.chainType.length; s++) {
      const type = this.chainType[s];
      if (type === STRATEGY_RANDOM) break; // it draws exactly like the final tie-break below
      T = type === STRATEGY_SPREAD ? this.narrowBySpread(this.chainField[s], T) : this.narrowByBinpack(this.chainField[s], T);
    }
    return T.length < 2 ? T[0] : T[uniformInt(this.random, T.length)];
  }

  /** The brute-force mode: every instance judged, then the whole chain over the candidates; -1 when none. */
  chooseByScan(): number {
    const T = this.scanScratch;
    const p = this.p;
    let n = 0;
    if (p.taskPortMappings.length === 0 && p.constraintKind.length === 0) {
      // No ports and no constraints: the stages are plain column tests (a candidate passes them all).
      const { instanceState, attributesOk, agentConnected, taskCpu, taskMemory, taskNeedsEni } = p;
      const cpu = this.cpuFree;
      const memory = this.memoryFree;
      const eni = this.eniFree;
      for (let i = 0; i < this.M; i++) {
        if (instanceState[i] !== INSTANCE_DRAINING && cpu[i] >= taskCpu && memory[i] >= taskMemory
          && (taskNeedsEni === 0 || eni[i] >= 1) && attributesOk[i] !== 0 && agentConnected[i] !== 0) T[n++] = i;
      }
    } else {
      for (let i = 0; i < this.M; i++) if (this.judge(i) === REJECT_NONE) T[n++] = i;
    }
    if (n === 0) return -1;
    for (let s = 0; s < this.chainType.length && n > 1; s++) {
      const type = this.chainType[s];
      if (type === STRATEGY_RANDOM) break; // it draws exactly like the final tie-break below
      const field = this.chainField[s];
      // 6.3 / 6.4: keep, in place and in order, the members with the least value.
      const spreadKey = type === STRATEGY_SPREAD ? field * this.M : -1;
      const counts = type === STRATEGY_SPREAD ? (this.countsByRow.get(field) as Int32Array) : null;
      const free = field === BINPACK_CPU ? this.cpuFree : this.memoryFree;
      let least = Infinity;
      for (let k = 0; k < n; k++) {
        const v = counts !== null ? counts[this.p.spreadKeys[spreadKey + T[k]]] : free[T[k]];
        if (v < least) least = v;
      }
      let kept = 0;
      for (let k = 0; k < n; k++) {
        const v = counts !== null ? counts[this.p.spreadKeys[spreadKey + T[k]]] : free[T[k]];
        if (v === least) T[kept++] = T[k];
      }
      n = kept;
    }
    return n < 2 ? T[0] : T[uniformInt(this.random, n)];
  }

  private narrowBySpread(row: number, T: number[]): number[] {
    const counts = this.countsByRow.get(row) as Int32Array;
    const keyOf = (i: number) => this.p.spreadKeys[row * this.M + i];
    let least = Infinity;
    for (const i of T) least = Math.min(least, counts[keyOf(i)]);
    return T.filter((i) => counts[keyOf(i)] === least);
  }

  private narrowByBinpack(field: number, T: number[]): number[] {
    const free = field === BINPACK_CPU ? this.cpuFree : this.memoryFree;
    let least = Infinity;
    for (const i of T) least = Math.min(least, free[i]);
    return T.filter((i) => free[i] === least);
  }

  /** Step 4: place one task on i; only i's verdict and value can change, so only i is judged again. */
  place(i: number, assignedPorts: number[]): void {
    const p = this.p;
    // The index holds only candidates; judging again yields the ports (only needed when there are any).
    if (p.taskPortMappings.length > 0 && this.judge(i) !== REJECT_NONE) throw new Error(`indexed core: instance ${i} is not a candidate`);
    const bound = this.bound;
    for (let m = 0; m < bound.length; m++) assignedPorts.push(bound[m]);
    this.ports.commit(i, bound);
    this.cpuFree[i] -= p.taskCpu;
    this.memoryFree[i] -= p.taskMemory;
    this.eniFree[i] -= p.taskNeedsEni;
    this.groupActive[i]++;
    this.groupLive[i]++;
    this.liveTasks[i]++;
    if (p.batchGroupIndex >= 0) this.groupLiveByGroup[p.batchGroupIndex * this.M + i]++;
    for (let r = 0; r < this.spreadRows.length; r++) this.spreadCounts[r][p.spreadKeys[this.spreadRows[r] * this.M + i]]++;
    if (!this.indexed) return;
    if (this.judge(i) !== REJECT_NONE) this.remove(i);
    else { // still a candidate: only its value can have changed
      const value = this.valueOf(i);
      this.perKey[this.keyOf(i)].move(i, this.heldValue[i], value);
      this.heldValue[i] = value;
    }
  }
}

/** 4.10: the non-DRAINING instance that passed the most stages, ties to the lowest index; -1 if none. */
export function closestMatch(rejectCode: Int32Array, rejectConstraint: Int32Array): number {
  let best = -1;
  let bestStages = -1;
  for (let i = 0; i < rejectCode.length; i++) {
    if (rejectCode[i] === REJECT_DRAINING) continue;
    const stages = stagesPassed(rejectCode[i], rejectConstraint[i]);
    if (stages > bestStages) {
      best = i;
      bestStages = stages;
    }
  }
  return best;
}

/**
 * The batch loop both TS index-free and indexed cores share: explain the first task (contract 5),
 * then place one task at a time with `choose` (an instance, or -1 when none qualifies) until the
 * count is reached or a task fails, whose vector then explains the batch.
 */
export function runPlacementBatch(p: PlacementProblem, batch: IndexedBatch, choose: () => number, indexed: boolean): PlacementResult {
  const M = p.instanceCount;
  const rejectCode = new Int32Array(M);
  const rejectConstraint = new Int32Array(M);
  batch.explain(rejectCode, rejectConstraint, indexed);
  let explainedHasCandidate = rejectCode.includes(REJECT_NONE);
  const assignments = new Int32Array(Math.max(0, p.count));
  const assignedPorts: number[] = [];
  let placed = 0;
  for (let t = 0; t < p.count; t++) {
    const chosen = choose();
    if (chosen < 0) {
      if (t > 0) batch.explain(rejectCode, rejectConstraint, false); // the failing task explains the batch
      explainedHasCandidate = false;
      break;
    }
    batch.place(chosen, assignedPorts);
    assignments[placed++] = chosen;
  }
  return {
    assignments: assignments.slice(0, placed),
    assignedPorts: Int32Array.from(assignedPorts),
    placed,
    random: Uint32Array.from(batch.random),
    rejectCode,
    rejectConstraint,
    closestMatch: explainedHasCandidate ? -1 : closestMatch(rejectCode, rejectConstraint),
  };
}

export function indexedPlaceTasks(p: PlacementProblem): PlacementResult {
  const batch = new IndexedBatch(p);
  return runPlacementBatch(p, batch, () => (batch.feasibleTotal === 0 ? -1 : batch.choose()), true);
}

export const indexedPlacementCore: PlacementCore = {
  name: 'indexed TypeScript reference',
  placeTasks: indexedPlaceTasks,
  // Scale-in is off the hot path; the literal selection is exact (semantics 8).
  selectTasksToStop: literalSelectTasksToStop,
  createClusterStore: () => createTsResidentClusterStore({ placeTasks: indexedPlaceTasks }),
  deploymentStep,
};

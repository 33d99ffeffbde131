// The brute-force TypeScript core, B4's "cross-check mode" (performance notes §2, §7): no index — every
// task judges every instance. Same answers as the literal and indexed cores.
//
// When every stage is a column test (no port mappings, no constraints) the scan is the §2 kernel: one
// pass that tests each instance and keeps, in the same loop, the least value of the chain's first
// strategy and the candidates sharing it, in registration order (a smaller value restarts the list).
// That list is T after the first strategy (6.2); the rest of the chain and the final tie-break run on
// it, drawing exactly as the literal core does. DRAINING, ATTRIBUTE and AGENT cannot change during a
// batch, so they are folded once into a gated CPU column (cpuFree where they pass, else −2^31).
// The changing columns are plain number arrays, not Int32Arrays: once a WebAssembly.Memory has grown
// in the process (the WASM core does), V8 drops its "no ArrayBuffer was ever detached" assumption and
// every typed-array access in a hot loop pays a detach check. B4 measured the pass at 0.9 G checks/s
// on Int32Arrays alone, 0.45 after the WASM core had run, and 0.8 on arrays either way.
// Otherwise the stages of the indexed core are run on every instance (IndexedBatch.chooseByScan).
import type { PlacementCore } from '../placement-core.ts';
import { createTsResidentClusterStore } from './ts-resident-cluster-store.ts';
import { deploymentStep } from './deployment-step.ts';
import {
  BINPACK_CPU, INSTANCE_DRAINING, REJECT_AGENT, REJECT_ATTRIBUTE, REJECT_CPU, REJECT_DRAINING, REJECT_ENI,
  REJECT_MEMORY, REJECT_NONE, STRATEGY_BINPACK, STRATEGY_RANDOM, STRATEGY_SPREAD,
} from '../placement/placement-codes.ts';
import type { PlacementProblem, PlacementResult } from '../placement/placement-problem.ts';
import { uniformInt, type RandomState } from '../shared/xoshiro128.ts';
import { closestMatch, IndexedBatch, runPlacementBatch } from './indexed-placement-core.ts';
import { literalSelectTasksToStop } from './literal-select-tasks-to-stop.ts';

const CLOSED = -2147483648; // the gated CPU of an instance a static stage rejects
const NO_VALUE = 2147483647;

/** B4's kernel (performance notes §2): the test and binpack's least value and ties in one pass; returns |T|. */
function scanBinpack(
  gated: number[], memory: number[], values: number[], needCpu: number, needMemory: number, tie: Int32Array, M: number,
): number {
  let n = 0;
  let best = NO_VALUE;
  for (let i = 0; i < M; i++) {
    if (gated[i] < needCpu || memory[i] < needMemory) continue;
    const v = values[i];
    if (v > best) continue;
    if (v < best || n === 0) {
      best = v;
      n = 0;
    }
    tie[n++] = i;
  }
  return n;
}

/** scanBinpack for a task that needs an ENI (4.6). */
function scanBinpackWithEni(
  gated: number[], memory: number[], eni: number[], values: number[], needCpu: number, needMemory: number,
  tie: Int32Array, M: number,
): number {
  let n = 0;
  let best = NO_VALUE;
  for (let i = 0; i < M; i++) {
    if (gated[i] < needCpu || memory[i] < needMemory || eni[i] < 1) continue;
    const v = values[i];
    if (v > best) continue;
    if (v < best || n === 0) {
      best = v;
      n = 0;
    }
    tie[n++] = i;
  }
  return n;
}

/** The batch's columns that placements change, and the spread counts per row (6.4). */
class ColumnBatch {
  readonly M: number;
  readonly cpu: number[];
  readonly memory: number[];
  readonly eni: number[];
  readonly gated: number[];
  readonly counts: (Int32Array | null)[] = [];
  readonly rows: number[] = [];
  readonly random: RandomState;

  constructor(readonly p: PlacementProblem) {
    const M = p.instanceCount;
    this.M = M;
    this.cpu = Array.from(p.cpuFree);
    this.memory = Array.from(p.memoryFree);
    this.eni = Array.from(p.eniFree);
    this.gated = Array.from(p.cpuFree, (cpu, i) => {
      const open = p.instanceState[i] !== INSTANCE_DRAINING && p.attributesOk[i] !== 0 && p.agentConnected[i] !== 0;
      return open ? cpu : CLOSED;
    });
    for (let row = 0; row < p.spreadKeyCount.length; row++) this.counts.push(null);
    for (let s = 0; s < p.strategyType.length; s++) {
      const row = p.strategyField[s];
      if (p.strategyType[s] !== STRATEGY_SPREAD || this.counts[row] !== null) continue;
      const counts = new Int32Array(p.spreadKeyCount[row]);
      for (let j = 0; j < M; j++) counts[p.spreadKeys[row * M + j]] += p.groupActive[j];
      this.counts[row] = counts;
      this.rows.push(row);
    }
    this.random = [p.random[0], p.random[1], p.random[2], p.random[3]];
  }

  /** Contract 1 and 5 for the next task: every instance's code (the column stages only); the candidate count. */
  explain(rejectCode: Int32Array): number {
    const p = this.p;
    let candidates = 0;
    for (let i = 0; i < this.M; i++) {
      let code = REJECT_NONE;
      if (p.instanceState[i] === INSTANCE_DRAINING) code = REJECT_DRAINING;
      else if (this.cpu[i] < p.taskCpu) code = REJECT_CPU;
      else if (this.memory[i] < p.taskMemory) code = REJECT_MEMORY;
      else if (p.taskNeedsEni && this.eni[i] < 1) code = REJECT_ENI;
      else if (p.attributesOk[i] === 0) code = REJECT_ATTRIBUTE;
      else if (p.agentConnected[i] === 0) code = REJECT_AGENT;
      else candidates++;
      rejectCode[i] = code;
    }
    return candidates;
  }

  /** The fused pass: T after the first strategy into `tie`; returns |T| (0: no candidate). */
  scan(tie: Int32Array): number {
    const p = this.p;
    const { gated, memory, eni, M } = this;
    const needCpu = p.taskCpu;
    const needMemory = p.taskMemory;
    const needEni = p.taskNeedsEni !== 0;
    const type = p.strategyType.length > 0 ? p.strategyType[0] : STRATEGY_RANDOM;
    let n = 0;
    let best = NO_VALUE;
    if (type === STRATEGY_BINPACK) {
      const values = p.strategyField[0] === BINPACK_CPU ? this.cpu : memory;
      return needEni
        ? scanBinpackWithEni(gated, memory, eni, values, needCpu, needMemory, tie, M)
        : scanBinpack(gated, memory, values, needCpu, needMemory, tie, M);
    }
    if (type === STRATEGY_SPREAD) {
      const row = p.strategyField[0];
      const counts = this.counts[row] as Int32Array;
      const keys = p.spreadKeys;
      const base = row * M;
      for (let i = 0; i < M; i++) {
        if (gated[i] < needCpu || memory[i] < needMemory || (needEni && eni[i] < 1)) continue;
        const v = counts[keys[base + i]];
        if (v > best) continue;
        if (v < best || n === 0) {
          best = v;
          n = 0;
        }
        tie[n++] = i;
      }
    } else {
      for (let i = 0; i < M; i++) {
        if (gated[i] < needCpu || memory[i] < needMemory || (needEni && eni[i] < 1)) continue;
        tie[n++] = i;
      }
    }
    return n;
  }

  /** The chain from strategy `from` on over tie[0 .. n), then the final tie-break (6.2, 6.5, 6.6). */
  choose(tie: Int32Array, n: number, from: number): number {
    const p = this.p;
    for (let s = from; s < p.strategyType.length && n > 1; s++) {
      const type = p.strategyType[s];
      if (type === STRATEGY_RANDOM) break; // it draws exactly like the final tie-break below
      const field = p.strategyField[s];
      const counts = type === STRATEGY_SPREAD ? (this.counts[field] as Int32Array) : null;
      const free = field === BINPACK_CPU ? this.cpu : this.memory;
      const value = (i: number) => (counts !== null ? counts[p.spreadKeys[field * this.M + i]] : free[i]);
      let least = NO_VALUE;
      for (let k = 0; k < n; k++) least = Math.min(least, value(tie[k]));
      let kept = 0;
      for (let k = 0; k < n; k++) if (value(tie[k]) === least) tie[kept++] = tie[k];
      n = kept;
    }
    return n < 2 ? tie[0] : tie[uniformInt(this.random, n)];
  }

  /** Step 4 for the columns the scan reads (no ports, no constraints: group-live counts are never read). */
  place(i: number): void {
    const p = this.p;
    this.cpu[i] -= p.taskCpu;
    this.memory[i] -= p.taskMemory;
    this.eni[i] -= p.taskNeedsEni;
    this.gated[i] = this.cpu[i];
    for (const row of this.rows) (this.counts[row] as Int32Array)[p.spreadKeys[row * this.M + i]]++;
  }
}

function columnScanPlaceTasks(p: PlacementProblem): PlacementResult {
  const M = p.instanceCount;
  const batch = new ColumnBatch(p);
  const rejectCode = new Int32Array(M);
  const tie = new Int32Array(M);
  const first = p.strategyType.length > 0 && p.strategyType[0] !== STRATEGY_RANDOM ? 1 : 0;
  let hasCandidate = batch.explain(rejectCode) > 0; // contract 5: the first task's vector
  const assignments = new Int32Array(Math.max(0, p.count));
  let placed = 0;
  for (let t = 0; hasCandidate && t < p.count; t++) {
    const n = batch.scan(tie);
    if (n === 0) {
      batch.explain(rejectCode); // the failing task's vector explains the batch
      hasCandidate = false;
      break;
    }
    const chosen = batch.choose(tie, n, first);
    batch.place(chosen);
    assignments[placed++] = chosen;
  }
  const rejectConstraint = new Int32Array(M).fill(-1);
  return {
    assignments: assignments.slice(0, placed),
    assignedPorts: new Int32Array(0),
    placed,
    random: Uint32Array.from(batch.random),
    rejectCode,
    rejectConstraint,
    closestMatch: hasCandidate ? -1 : closestMatch(rejectCode, rejectConstraint),
  };
}

export function scanPlaceTasks(p: PlacementProblem): PlacementResult {
  const columnsOnly = p.taskPortMappings.length === 0 && p.constraintKind.length === 0 && p.taskCpu > CLOSED
    && p.strategyType.every((type) => type === STRATEGY_RANDOM || type === STRATEGY_SPREAD || type === STRATEGY_BINPACK);
  if (columnsOnly) return columnScanPlaceTasks(p);
  const batch = new IndexedBatch(p, false);
  return runPlacementBatch(p, batch, () => batch.chooseByScan(), false);
}

export const scanPlacementCore: PlacementCore = {
  name: 'brute-force TypeScript scan',
  placeTasks: scanPlaceTasks,
  selectTasksToStop: literalSelectTasksToStop,
  createClusterStore: () => createTsResidentClusterStore({ placeTasks: scanPlaceTasks }),
  deploymentStep,
};

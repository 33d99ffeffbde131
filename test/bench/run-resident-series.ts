// B5r (performance notes 4, §7 B5): B5's problem loaded into a resident store by delta records, then
// placed ONE TASK PER BATCH — after each placement the placed task goes back to the store as a
// DELTA_TASK record, as the engine's reconciliation sends it — and each batch (applyDeltas +
// placeTasks) is timed. The WASM store and the indexed TS store must give the same result batch by
// batch (instance, bound ports, PRNG state; the first batch's explanation too), and the sequence must
// equal what ONE batch of N on the original problem gives (the WASM core's placeTasks): placing one at
// a time with deltas must equal placing all at once. Before any timing, store.problemOf(batch) must
// equal the problem's instance columns.
import type { PlacementCore } from '../../src/placement-core.ts';
import { indexedPlacementCore } from '../../src/reference/indexed-placement-core.ts';
import type { PlacementProblem, PlacementResult } from '../../src/placement/placement-problem.ts';
import type { ResidentClusterStore } from '../../src/placement/resident-cluster-store.ts';
import { DeltaWriter } from '../../src/placement/resident-deltas.ts';
import { firstDifference } from './compare-results.ts';
import { percentile } from './measure.ts';
import type { BenchRow, WasmFactory } from './run-bench.ts';
import type { ResidentWorkload, Scale } from './workload.ts';
import { identitySlots, placedTaskDelta, residentBatchOf, residentDeltasOf } from './problem-deltas.ts';

const INSTANCE_FIELDS = [
  'instanceCount', 'instanceState', 'agentConnected', 'cpuFree', 'memoryFree', 'eniFree', 'attributesOk', 'usedPortsStart', 'usedPorts',
  'reservedTcpCount', 'reservedUdpCount', 'ephemeralFirst', 'ephemeralLast', 'groupActive', 'groupLive', 'liveTasks',
  'referencedGroupCount', 'groupLiveByGroup',
] as const;

/** null when the store gathers exactly the problem's instance columns, else the first field that differs. */
export function gatheredDifference(store: ResidentClusterStore, problem: PlacementProblem): string | null {
  const gathered = store.problemOf(residentBatchOf(problem, identitySlots(problem), problem.count, problem.random, false));
  for (const field of INSTANCE_FIELDS) {
    if (String(gathered[field]) !== String(problem[field])) return `problemOf(batch).${field} differs from the problem's`;
  }
  return null;
}

export interface ResidentSeries {
  /** Per placement (applyDeltas + placeTasks), µs, in order. */
  samplesUs: Float64Array;
  /** Instance index of each placement, in order. */
  assignments: Int32Array;
  /** Bound ports of each placement, mappings in order. */
  assignedPorts: Int32Array;
  /** The PRNG state after the last batch. */
  random: Uint32Array;
  /** The PRNG state after each batch: 4 words per placement. */
  randomAfter: Uint32Array;
  /** The first batch's whole result (its explanation is compared too). */
  first: PlacementResult | null;
  /** Set when a batch placed nothing before N: the series stops there. */
  stoppedAt: number | null;
  /** problemOf(batch) vs the problem, before the series; null when equal. */
  gatheredMismatch: string | null;
}

/** One series of `placements` one-task batches on a fresh store of `core`. */
export function residentSeries(core: PlacementCore, problem: PlacementProblem, placements: number): ResidentSeries {
  const store = core.createClusterStore();
  try {
    store.applyDeltas(residentDeltasOf(problem));
    const gatheredMismatch = gatheredDifference(store, problem);
    const P = problem.taskPortMappings.length;
    const samplesUs = new Float64Array(placements);
    const assignments = new Int32Array(placements);
    const assignedPorts = new Int32Array(placements * P);
    const randomAfter = new Uint32Array(placements * 4);
    const writer = new DeltaWriter();
    let random: Uint32Array = Uint32Array.from(problem.random);
    let first: PlacementResult | null = null;
    let stoppedAt: number | null = null;
    let sent = false;
    const slots = identitySlots(problem);
    for (let t = 0; t < placements; t++) {
      const batch = residentBatchOf(problem, slots, 1, random, sent);
      const start = performance.now();
      store.applyDeltas(writer.records());
      const result = store.placeTasks(batch);
      samplesUs[t] = (performance.now() - start) * 1000;
      first ??= result;
      random = result.random;
      randomAfter.set(random, t * 4);
      if (result.placed !== 1) {
        stoppedAt = t;
        break;
      }
      const slot = result.assignments[0];
      assignments[t] = slot;
      assignedPorts.set(result.assignedPorts.subarray(0, P), t * P);
      writer.clear();
      placedTaskDelta(writer, problem, slot, result.assignedPorts);
      sent = true;
    }
    const done = stoppedAt ?? placements;
    return {
      samplesUs: samplesUs.slice(0, done), assignments: assignments.slice(0, done), assignedPorts: assignedPorts.slice(0, done * P),
      random, randomAfter: randomAfter.slice(0, done * 4), first, stoppedAt, gatheredMismatch,
    };
  } finally {
    store.dispose();
  }
}

const differs = (x: ArrayLike<number>, y: ArrayLike<number>, what: string): string | null => {
  if (x.length !== y.length) return `${what}.length ${x.length} vs ${y.length}`;
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return `${what}[${k}] ${x[k]} vs ${y[k]}`;
  return null;
};

/** null when the series placed exactly what the one-batch result did, in order, with the same final PRNG state. */
export function seriesDifference(series: ResidentSeries, batch: PlacementResult): string | null {
  return differs(series.assignments, batch.assignments.subarray(0, batch.placed), 'assignments')
    ?? differs(series.assignedPorts, batch.assignedPorts, 'assignedPorts')
    ?? differs(series.random, batch.random, 'random');
}

/**
 * null when series `b` (the shorter one, or as long) is the start of series `a`, batch by batch: the
 * same instances and ports, the same PRNG state after its last batch and the same first-batch
 * explanation.
 */
export function seriesPrefixDifference(a: ResidentSeries, b: ResidentSeries): string | null {
  if (a.gatheredMismatch || b.gatheredMismatch) return a.gatheredMismatch ?? b.gatheredMismatch;
  const n = b.assignments.length;
  if (n > a.assignments.length) return `the second series is longer (${n} vs ${a.assignments.length})`;
  if (b.stoppedAt !== null && b.stoppedAt !== a.stoppedAt) return `stopped at ${a.stoppedAt} vs ${b.stoppedAt}`;
  if (a.first && b.first) {
    const diff = firstDifference(a.first, b.first);
    if (diff) return `first batch: ${diff}`;
  }
  const P = n === 0 ? 0 : b.assignedPorts.length / n;
  return differs(a.assignments.subarray(0, n), b.assignments, 'assignments')
    ?? differs(a.assignedPorts.subarray(0, n * P), b.assignedPorts, 'assignedPorts')
    ?? differs(a.randomAfter.subarray(0, n * 4), b.randomAfter, 'random after each batch');
}

export interface Latency {
  p50Us: number;
  p99Us: number;
  maxUs: number;
  minUs: number;
  meanUs: number;
}

export function latencyOf(samplesUs: Float64Array): Latency {
  let sum = 0;
  let max = 0;
  let min = Infinity;
  for (const s of samplesUs) {
    sum += s;
    max = Math.max(max, s);
    min = Math.min(min, s);
  }
  return { p50Us: percentile(samplesUs, 50), p99Us: percentile(samplesUs, 99), maxUs: max, minUs: min, meanUs: sum / samplesUs.length };
}

/** The per-placement (or per-call) latency columns of a row: the reference's, and the WASM core's when it ran. */
export function latencyColumns(reference: Latency, wasm: Latency | null) {
  return {
    referenceP50Us: reference.p50Us,
    referenceP99Us: reference.p99Us,
    referenceMaxUs: reference.maxUs,
    wasmP50Us: wasm?.p50Us ?? null,
    wasmP99Us: wasm?.p99Us ?? null,
    wasmMaxUs: wasm?.maxUs ?? null,
  };
}

/** Warm-up series are this long (each on a fresh store, loaded afresh). */
const WARM_UP_PLACEMENTS = 20;

/**
 * The B5r row: ≥ 3 warm-up series per store, then one timed series per store (the WASM one on a fresh
 * instance, whose linear memory is the row's memory figure). wasmMs / referenceMs are the median
 * batch, wasmMinMs / referenceMinMs the fastest.
 */
export async function runResidentWorkload(w: ResidentWorkload, scale: Scale, wasm: WasmFactory | null, warmups: number): Promise<BenchRow> {
  const problem = w.build(scale);
  const counts = w.placements(scale);
  const notes: string[] = [...(w.remarks ?? [])];
  const mismatches: string[] = [];
  const compared: string[] = [];
  let wasmSeries: ResidentSeries | null = null;
  let wasmMemoryBytes: number | null = null;
  if (wasm) {
    const fresh = await wasm();
    for (let k = 0; k < warmups; k++) residentSeries(fresh.core, problem, Math.min(WARM_UP_PLACEMENTS, counts.wasm));
    wasmSeries = residentSeries(fresh.core, problem, counts.wasm);
    wasmMemoryBytes = fresh.memory();
    const diff = wasmSeries.gatheredMismatch ?? seriesDifference(wasmSeries, fresh.core.placeTasks({ ...problem, count: counts.wasm }));
    if (diff) mismatches.push(`wasm store, one per batch, vs the WASM core's one batch of ${counts.wasm}: ${diff}`);
    compared.push('wasm', 'wasm one batch');
  } else notes.push('WASM core unavailable');
  for (let k = 0; k < warmups; k++) residentSeries(indexedPlacementCore, problem, Math.min(WARM_UP_PLACEMENTS, counts.reference));
  const reference = residentSeries(indexedPlacementCore, problem, counts.reference);
  compared.push('indexed', 'indexed one batch');
  const refDiff = reference.gatheredMismatch ?? seriesDifference(reference, indexedPlacementCore.placeTasks({ ...problem, count: counts.reference }));
  if (refDiff) mismatches.push(`indexed store, one per batch, vs the indexed core's one batch of ${counts.reference}: ${refDiff}`);
  if (wasmSeries) {
    const diff = seriesPrefixDifference(wasmSeries, reference);
    if (diff) mismatches.push(`wasm store vs indexed store (first ${counts.reference} batches): ${diff}`);
  }
  if (counts.reference < counts.wasm && wasmSeries) notes.push(`the indexed TS store ran the first ${counts.reference} of the ${counts.wasm} batches`);
  const wasmLatency = wasmSeries && wasmSeries.samplesUs.length > 0 ? latencyOf(wasmSeries.samplesUs) : null;
  const refLatency = latencyOf(reference.samplesUs);
  const placed = wasmSeries ? wasmSeries.assignments.length : reference.assignments.length;
  const mismatch = mismatches.length === 0 ? null : mismatches.join('; ');
  return {
    workload: w.id,
    title: w.title,
    instances: problem.instanceCount,
    tasks: counts.wasm,
    placed,
    wasmMs: wasmLatency ? wasmLatency.p50Us / 1000 : null,
    wasmMinMs: wasmLatency ? wasmLatency.minUs / 1000 : null,
    referenceEngine: 'indexed',
    referenceMs: refLatency.p50Us / 1000,
    referenceMinMs: refLatency.minUs / 1000,
    literalMs: null,
    ratio: wasmLatency ? refLatency.p50Us / wasmLatency.p50Us : null,
    placementsPerSecond: 1e6 / (wasmLatency ?? refLatency).meanUs,
    referencePlacementsPerSecond: 1e6 / refLatency.meanUs,
    wasmGChecksPerSecond: null,
    referenceGChecksPerSecond: null,
    literalGChecksPerSecond: null,
    ...latencyColumns(refLatency, wasmLatency),
    wasmMemoryBytes,
    referenceHeapBytes: null,
    identicalOutput: mismatch === null,
    comparedEngines: compared,
    mismatch,
    notes,
    goalWasm: w.goalWasm,
    goalReference: w.goalReference,
  };
}

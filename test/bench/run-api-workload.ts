// A1 (an API-level row): the same scenario set up on two SandboxApis, one placing with the WASM core
// and one with the indexed TS core, the same timed calls made on each (after ≥ 3 warm-up calls, also
// the same on each), per-call latencies reported, and the two documents compared whole
// (JSON.stringify) before any time counts. Then, on the WASM API's final state, the same batch by two
// paths outside the API: the literal builder (buildPlacementProblem + the WASM core's placeTasks, a
// whole problem per call) and the resident path (RegionLedgers reconciliation + buildResidentBatch +
// the store's placeTasks) — which must answer the same — and one reconciliation with nothing changed.
import { buildPlacementProblem } from '../../src/engine/placement/build-placement-problem.ts';
import { buildResidentBatch } from '../../src/engine/placement/build-resident-batch.ts';
import { RegionLedgers } from '../../src/engine/placement/region-ledgers.ts';
import type { PlacementCore } from '../../src/placement-core.ts';
import { indexedPlacementCore } from '../../src/reference/indexed-placement-core.ts';
import { firstDifference } from './compare-results.ts';
import { sampleUs } from './measure.ts';
import type { BenchRow, WasmFactory } from './run-bench.ts';
import { latencyColumns, latencyOf } from './run-resident-series.ts';
import type { ApiScenario, ApiWorkload, Scale } from './workload.ts';

export interface ApiExtras {
  /** buildPlacementProblem + the WASM core's placeTasks, per batch: median, min, p99 (ms). */
  builderPathMs: number | null;
  builderPathMinMs: number | null;
  builderPathP99Ms: number | null;
  /** RegionLedgers reconciliation + buildResidentBatch + the WASM store's placeTasks, per batch (ms). */
  residentPathMs: number | null;
  residentPathMinMs: number | null;
  /** The WASM store's placeTasks alone (gather + place), per batch (ms). */
  storePlaceMs: number | null;
  /** RegionLedgers.ledgerFor on the unchanged state: median and min (ms). */
  reconcileMs: number | null;
  reconcileMinMs: number | null;
  /** The first ledgerFor (every instance and task sent to a new store), ms. */
  firstLoadMs: number | null;
  /** The tasks the region holds at the end (the preplaced, the warm-up calls' and the timed calls'). */
  tasksAtEnd: number;
}

/** The first character at which two documents differ, with some context. */
function documentDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return `documents differ at character ${k}: …${a.slice(Math.max(0, k - 80), k + 40)}… vs …${b.slice(Math.max(0, k - 80), k + 40)}…`;
}

const ms = (us: number) => us / 1000;

/** The batch by the literal builder and by the resident path, on the scenario's current state. */
function otherPaths(scenario: ApiScenario, wasmCore: PlacementCore, warmups: number, runs: number) {
  const state = scenario.state();
  const settings = scenario.placementSettings();
  const era = scenario.api.era;
  const builder = sampleUs(() => wasmCore.placeTasks(buildPlacementProblem(state, settings).problem), warmups, runs);
  const ledgers = new RegionLedgers(wasmCore);
  try {
    const loadStart = performance.now();
    ledgers.ledgerFor(state, settings.clusterName, era);
    const firstLoadMs = performance.now() - loadStart;
    const reconcile = sampleUs(() => ledgers.ledgerFor(state, settings.clusterName, era), warmups, runs);
    const resident = sampleUs(() => {
      const ledger = ledgers.ledgerFor(state, settings.clusterName, era);
      return ledger.store.placeTasks(buildResidentBatch(ledger, settings).batch);
    }, warmups, runs);
    const ledger = ledgers.ledgerFor(state, settings.clusterName, era);
    const batch = buildResidentBatch(ledger, settings).batch;
    const store = sampleUs(() => ledger.store.placeTasks(batch), warmups, runs);
    const diff = firstDifference(builder.result, resident.result);
    return { builder, reconcile, resident, store, firstLoadMs, mismatch: diff === null ? null : `literal builder vs resident path: ${diff}` };
  } finally {
    ledgers.dispose();
  }
}

export async function runApiWorkload(w: ApiWorkload, scale: Scale, wasm: WasmFactory | null, warmups: number): Promise<BenchRow> {
  const sizes = w.sizes(scale);
  const notes: string[] = [...(w.remarks ?? [])];
  const mismatches: string[] = [];
  const reference = w.setUp(scale, indexedPlacementCore);
  for (let k = 0; k < warmups; k++) reference.call();
  const tasksBefore = reference.state().tasks.length;
  const refCalls = sampleUs(() => reference.call(), 0, sizes.timedCalls);
  const compared = ['indexed'];
  let wasmCalls: { samplesUs: Float64Array } | null = null;
  let extras: ReturnType<typeof otherPaths> | null = null;
  let wasmMemoryBytes: number | null = null;
  if (wasm) {
    const fresh = await wasm();
    const scenario = w.setUp(scale, fresh.core);
    wasmCalls = sampleUs(() => scenario.call(), warmups, sizes.timedCalls);
    const diff = documentDifference(JSON.stringify(scenario.api.document), JSON.stringify(reference.api.document));
    if (diff) mismatches.push(`wasm API vs indexed API: ${diff}`);
    compared.unshift('wasm');
    extras = otherPaths(scenario, fresh.core, warmups, sizes.timedCalls);
    if (extras.mismatch) mismatches.push(extras.mismatch);
    compared.push('literal builder + wasm', 'resident path (wasm)');
    wasmMemoryBytes = fresh.memory();
    scenario.api.dispose();
  } else notes.push('WASM core unavailable');
  reference.api.dispose();
  const tasksAtEnd = reference.state().tasks.length;
  const refLatency = latencyOf(refCalls.samplesUs);
  const wasmLatency = wasmCalls ? latencyOf(wasmCalls.samplesUs) : null;
  const perCall = (l: ReturnType<typeof latencyOf>) => ({ median: ms(l.p50Us), min: ms(l.minUs), p99: ms(l.p99Us) });
  const builder = extras ? perCall(latencyOf(extras.builder.samplesUs)) : null;
  const resident = extras ? perCall(latencyOf(extras.resident.samplesUs)) : null;
  const reconcile = extras ? perCall(latencyOf(extras.reconcile.samplesUs)) : null;
  const store = extras ? perCall(latencyOf(extras.store.samplesUs)) : null;
  const mismatch = mismatches.length === 0 ? null : mismatches.join('; ');
  const tasksPerCall = 10;
  return {
    workload: w.id,
    title: w.title,
    instances: sizes.instances,
    tasks: sizes.timedCalls * tasksPerCall,
    placed: tasksAtEnd - tasksBefore,
    wasmMs: wasmLatency ? ms(wasmLatency.p50Us) : null,
    wasmMinMs: wasmLatency ? ms(wasmLatency.minUs) : null,
    referenceEngine: 'indexed',
    referenceMs: ms(refLatency.p50Us),
    referenceMinMs: ms(refLatency.minUs),
    literalMs: null,
    ratio: wasmLatency ? refLatency.p50Us / wasmLatency.p50Us : null,
    placementsPerSecond: (tasksPerCall * 1e6) / (wasmLatency ?? refLatency).p50Us,
    referencePlacementsPerSecond: (tasksPerCall * 1e6) / refLatency.p50Us,
    wasmGChecksPerSecond: null,
    referenceGChecksPerSecond: null,
    literalGChecksPerSecond: null,
    ...latencyColumns(refLatency, wasmLatency),
    api: {
      builderPathMs: builder?.median ?? null,
      builderPathMinMs: builder?.min ?? null,
      builderPathP99Ms: builder?.p99 ?? null,
      residentPathMs: resident?.median ?? null,
      residentPathMinMs: resident?.min ?? null,
      storePlaceMs: store?.median ?? null,
      reconcileMs: reconcile?.median ?? null,
      reconcileMinMs: reconcile?.min ?? null,
      firstLoadMs: extras?.firstLoadMs ?? null,
      tasksAtEnd,
    },
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

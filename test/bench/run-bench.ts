// `npm run bench` (performance notes §7): for each workload, ONE PlacementProblem is placed by the WASM
// core, the indexed TS reference (for B4 also the brute-force TS scan) and, where affordable, the
// literal oracle (scale-in rows S*: one ScaleInProblem, the WASM core and the literal scale-in, see
// runScaleInWorkload) — in this process, on the same input, after ≥ 3 warm-ups (the oracle: its answer is
// what matters, so one warm-up, or none where one run takes seconds) — and the min and median are
// reported. Before any time is reported
// the answers must be identical; a mismatch fails the run. Not part of `npm test`; no test asserts a
// duration (the smoke test checks only the shape of the rows).
//
//   npm run bench                  full sizes (the goals' sizes)
//   npm run bench -- --quick       smaller sizes for a smoke run
//   npm run bench -- --json FILE   also write the rows as JSON
//   npm run bench -- --only B1,B5  a subset
//   npm run bench -- --no-wasm     the TS references only
// Node 20 has no --experimental-strip-types: run-bench.mjs loads this file through Vite's module runner.
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import type { PlacementCore } from '../../src/placement-core.ts';
import type { PlacementProblem, PlacementResult, ScaleInResult } from '../../src/placement/placement-problem.ts';
import { IndexedBatch, indexedPlacementCore } from '../../src/reference/indexed-placement-core.ts';
import { literalPlacementCore } from '../../src/reference/literal-placement-core.ts';
import { scanPlacementCore } from '../../src/reference/scan-placement-core.ts';
import { loadSchedulerCore } from '../../src/wasm/load-scheduler-core.ts';
import { createWasmPlacementCore } from '../../src/wasm/wasm-placement-core.ts';
import { createWasmScanPlacementCore, type ScanCoreExports } from '../../src/wasm/wasm-scan-placement-core.ts';
import { firstDifference, firstScaleInDifference } from './compare-results.ts';
import { measure, percentile, type Timing } from './measure.ts';
import { runApiWorkload, type ApiExtras } from './run-api-workload.ts';
import { runDeploymentWorkload, type DeploymentExtras } from './run-deployment-workload.ts';
import { runResidentWorkload } from './run-resident-series.ts';
import { isApi, isDeployment, isResident, isScaleIn, type Scale, type ScaleInWorkload, type Workload } from './workload.ts';
import { WORKLOADS } from './workloads/index.ts';

export interface BenchRow {
  workload: string;
  title: string;
  instances: number;
  tasks: number;
  placed: number;
  /** Median and minimum of the WASM core, ms; null when the core could not be loaded. */
  wasmMs: number | null;
  wasmMinMs: number | null;
  /**
   * The reference this row compares against: the indexed TS core (the brute-force scan for B4; the
   * literal scale-in for the scale-in rows S*, timed on `literalProblem` where that is set).
   */
  referenceEngine: 'indexed' | 'scan' | 'literal';
  referenceMs: number;
  referenceMinMs: number;
  /** The literal oracle's time, where it ran (one run after one warm-up, or a single run for B4). */
  literalMs: number | null;
  /** referenceMs / wasmMs (> 1: WASM is faster); null without WASM. */
  ratio: number | null;
  /** Placements per second of the WASM core (of the reference when WASM is missing). */
  placementsPerSecond: number;
  referencePlacementsPerSecond: number;
  /** B4: instance checks (M × placed) per second, in G/s, of WASM, the reference (scan) and the literal oracle. */
  wasmGChecksPerSecond: number | null;
  referenceGChecksPerSecond: number | null;
  literalGChecksPerSecond: number | null;
  /** B5: p50 / p99 of one placement in the indexed core, µs (B5r: of one batch of one; A1: of one call). */
  referenceP50Us: number | null;
  referenceP99Us: number | null;
  /** B5r, A1: the slowest batch / call of the reference, and p50 / p99 / max of the WASM core's, µs. */
  referenceMaxUs?: number | null;
  wasmP50Us?: number | null;
  wasmP99Us?: number | null;
  wasmMaxUs?: number | null;
  /** A1 only: the same placement by other paths, on the state after the timed calls. */
  api?: ApiExtras;
  /** B6 only: each deployment's core and whole times, steps, and the 500-task-batch steps/s. */
  deployment?: DeploymentExtras;
  /** Linear memory of a fresh WASM instance after this workload, bytes. */
  wasmMemoryBytes: number | null;
  /** The live JS memory (heap + ArrayBuffers) of the indexed core's batch (needs --expose-gc), bytes. */
  referenceHeapBytes: number | null;
  /** Every engine that ran gave the same answer. */
  identicalOutput: boolean;
  comparedEngines: string[];
  mismatch: string | null;
  /** Why a column is empty, and similar remarks. */
  notes: string[];
  goalWasm: string;
  goalReference: string;
  /** Scale-in rows only, when the literal ran on a smaller problem of the same shape than the WASM timing. */
  literalProblem?: { instances: number; tasks: number; picks: number };
}

export interface BenchOptions {
  scale: Scale;
  only?: string[];
  json?: string;
  /** Print the table (default true). */
  print?: boolean;
  warmups?: number;
  runs?: number;
  /** Leave the WASM core out (profiling the references). */
  noWasm?: boolean;
  /** A WASM run estimated (from a smaller probe, scaled by M·N) to take longer than this is skipped. */
  wasmBudgetMs?: number;
}

/** A fresh instance: its indexed core, its brute-force scan mode (B4) and its linear memory. */
export type WasmFactory = () => Promise<{ core: PlacementCore; scanCore: PlacementCore; memory: () => number }>;

/** Loads build/scheduler-core.wasm once; each workload gets a fresh instance (for its memory figure). */
async function wasmFactory(): Promise<{ factory: WasmFactory | null; reason: string | null }> {
  try {
    const bytes = readFileSync(new URL('../../build/scheduler-core.wasm', import.meta.url));
    const factory: WasmFactory = async () => {
      const exports = await loadSchedulerCore({ bytes });
      return {
        core: createWasmPlacementCore(exports),
        scanCore: createWasmScanPlacementCore(exports as ScanCoreExports),
        memory: () => exports.memory.buffer.byteLength,
      };
    };
    await factory(); // fail here, not in the middle of the table
    return { factory, reason: null };
  } catch (error) {
    return { factory: null, reason: error instanceof Error ? error.message : String(error) };
  }
}

const perSecond = (count: number, ms: number) => (ms > 0 ? (count * 1000) / ms : 0);

/** B5: the latency of each placement of the batch in the indexed core (outside the batch setup). */
function indexedPerPlacementUs(problem: PlacementProblem): Float64Array {
  const batch = new IndexedBatch(problem);
  const M = problem.instanceCount;
  batch.explain(new Int32Array(M), new Int32Array(M), true);
  const samples: number[] = [];
  const ports: number[] = [];
  for (let t = 0; t < problem.count && batch.feasibleTotal > 0; t++) {
    const start = performance.now();
    batch.place(batch.choose(), ports);
    samples.push((performance.now() - start) * 1000);
  }
  return Float64Array.from(samples);
}

/**
 * The live memory of one indexed batch (JS heap + ArrayBuffers: its indexes and its copies of the
 * columns), the larger of right after the index is built and at the end of the batch; bytes. Needs
 * --expose-gc (npm run bench passes it); null without.
 */
async function indexedLiveHeapBytes(problem: PlacementProblem): Promise<number | null> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  const live = async () => {
    // ArrayBuffer backing stores are released after the collection: collect, yield, collect.
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = await live();
  const batch = new IndexedBatch(problem);
  const M = problem.instanceCount;
  batch.explain(new Int32Array(M), new Int32Array(M), true);
  const built = await live();
  const ports: number[] = [];
  const assignments = new Int32Array(Math.max(0, problem.count));
  for (let t = 0; t < problem.count && batch.feasibleTotal > 0; t++) {
    assignments[t] = batch.choose();
    batch.place(assignments[t], ports);
  }
  const end = await live(); // the batch is still referenced below
  void batch.feasibleTotal;
  return Math.max(0, Math.max(built, end) - before);
}

const work = (p: PlacementProblem) => p.instanceCount * Math.max(1, p.count);

/**
 * At full scale: one run of the WASM core on the quick-scale problem, scaled by M·N (ms per run), so
 * that an O(M·N) core does not hold the suite for minutes. Smaller scales are not estimated (a tiny
 * probe measures call overhead, not placement).
 */
async function estimateWasmMs(w: Workload, scale: Scale, problem: PlacementProblem, wasm: WasmFactory): Promise<number> {
  if (scale !== 'full') return 0;
  const probe = w.build('quick');
  const fresh = await wasm();
  const core = w.wasmIsScan ? fresh.scanCore : fresh.core;
  const start = performance.now();
  core.placeTasks(probe);
  return ((performance.now() - start) * work(problem)) / work(probe);
}

async function runWorkload(w: Workload, scale: Scale, wasm: WasmFactory | null, warmups: number, runs: number, wasmBudgetMs: number): Promise<BenchRow> {
  const problem = w.build(scale);
  const M = problem.instanceCount;
  const answers: [string, PlacementResult][] = [];
  const notes: string[] = [...(w.remarks ?? [])];

  let wasmTiming: Timing<PlacementResult> | null = null;
  let wasmMemoryBytes: number | null = null;
  if (wasm) {
    const estimate = await estimateWasmMs(w, scale, problem, wasm);
    if (estimate > wasmBudgetMs) {
      notes.push(`WASM not run: a probe at the smaller scale, scaled by M·N, estimates ${(estimate / 1000).toFixed(0)} s per run`);
      wasm = null;
    }
  } else notes.push('WASM core unavailable');
  if (wasm) {
    const fresh = await wasm();
    const core = w.wasmIsScan ? fresh.scanCore : fresh.core;
    wasmTiming = measure(() => core.placeTasks(problem), warmups, runs);
    wasmMemoryBytes = fresh.memory();
    answers.push(['wasm', wasmTiming.result]);
  }
  const indexed = measure(() => indexedPlacementCore.placeTasks(problem), warmups, runs);
  answers.push(['indexed', indexed.result]);
  let scan: Timing<PlacementResult> | null = null;
  if (w.referenceIsScan) {
    scan = measure(() => scanPlacementCore.placeTasks(problem), warmups, runs);
    answers.push(['scan', scan.result]);
  }
  let literal: Timing<PlacementResult> | null = null;
  if (w.literal === 'always' || (w.literal === 'small' && scale !== 'full')) {
    // The oracle is O(M·N) or worse and is here for its answer: one warm-up and one run, or a single
    // run where it takes seconds (B4 at full scale).
    literal = w.referenceIsScan && scale === 'full'
      ? measure(() => literalPlacementCore.placeTasks(problem), 0, 1)
      : measure(() => literalPlacementCore.placeTasks(problem), 1, 1);
    answers.push(['literal', literal.result]);
  } else if (w.literal === 'small') notes.push('literal oracle not run at full scale (O(M²·N) with spread)');
  let mismatch: string | null = null;
  for (const [name, answer] of answers.slice(1)) {
    const diff = firstDifference(answers[0][1], answer);
    if (diff !== null && mismatch === null) mismatch = `${answers[0][0]} vs ${name}: ${diff}`;
  }

  const reference = scan ?? indexed;
  const placed = indexed.result.placed;
  const latencies = w.perPlacement ? indexedPerPlacementUs(problem) : null;
  const checks = (ms: number) => (M * placed) / (ms / 1000) / 1e9;
  return {
    workload: w.id,
    title: w.title,
    instances: M,
    tasks: problem.count,
    placed,
    wasmMs: wasmTiming?.medianMs ?? null,
    wasmMinMs: wasmTiming?.minMs ?? null,
    referenceEngine: scan ? 'scan' : 'indexed',
    referenceMs: reference.medianMs,
    referenceMinMs: reference.minMs,
    literalMs: literal?.medianMs ?? null,
    ratio: wasmTiming ? reference.medianMs / wasmTiming.medianMs : null,
    placementsPerSecond: perSecond(placed, wasmTiming?.medianMs ?? reference.medianMs),
    referencePlacementsPerSecond: perSecond(placed, reference.medianMs),
    wasmGChecksPerSecond: scan && wasmTiming ? checks(wasmTiming.medianMs) : null,
    referenceGChecksPerSecond: scan ? checks(reference.medianMs) : null,
    literalGChecksPerSecond: scan && literal ? checks(literal.medianMs) : null,
    referenceP50Us: latencies && latencies.length > 0 ? percentile(latencies, 50) : null,
    referenceP99Us: latencies && latencies.length > 0 ? percentile(latencies, 99) : null,
    wasmMemoryBytes,
    referenceHeapBytes: await indexedLiveHeapBytes(problem),
    identicalOutput: mismatch === null,
    comparedEngines: answers.map(([name]) => name),
    mismatch,
    notes,
    goalWasm: w.goalWasm,
    goalReference: w.goalReference,
  };
}

/**
 * A scale-in row (semantics 8): the WASM core's selectTasksToStop, timed on a fresh instance (its
 * linear memory after the batch is the row's memory figure), and the literal scale-in — the only TS
 * scale-in (the indexed core reuses it) — on w.buildForLiteral(scale), which the WASM core answers
 * too: `chosen` and the PRNG state must be identical there. Where that problem is smaller than the
 * timed one (the literal is O(picks · N)), the reference columns are the literal's at its own size,
 * the ratio is left empty and the notes say so.
 */
async function runScaleInWorkload(w: ScaleInWorkload, scale: Scale, wasm: WasmFactory | null, warmups: number, runs: number): Promise<BenchRow> {
  const problem = w.build(scale);
  const small = w.buildForLiteral(scale);
  const N = problem.taskInstance.length;
  const sameSize = small.instanceCount === problem.instanceCount && small.taskInstance.length === N && small.count === problem.count;
  const notes: string[] = [...(w.remarks ?? [])];
  let wasmTiming: Timing<ScaleInResult> | null = null;
  let wasmMemoryBytes: number | null = null;
  let wasmOnSmall: ScaleInResult | null = null;
  if (wasm) {
    const fresh = await wasm();
    wasmTiming = measure(() => fresh.core.selectTasksToStop(problem), warmups, runs);
    wasmMemoryBytes = fresh.memory();
    wasmOnSmall = sameSize ? wasmTiming.result : fresh.core.selectTasksToStop(small);
  } else notes.push('WASM core unavailable');
  // Here for its answer, as in runWorkload: one warm-up and one run, or a single run where it takes seconds.
  const literal = measure(() => literalPlacementCore.selectTasksToStop(small), scale === 'full' && !sameSize ? 0 : 1, 1);
  const picks = Math.min(Math.max(0, problem.count), N);
  const smallPicks = literal.result.chosen.length;
  if (!sameSize) {
    notes.push(`literal scale-in run at M = ${small.instanceCount}, N = ${small.taskInstance.length}, ${smallPicks} picks (O(picks · N): too slow at this size); the identity check is WASM vs literal there`);
  }
  const diff = wasmOnSmall ? firstScaleInDifference(wasmOnSmall, literal.result) : null;
  const mismatch = diff === null ? null : `wasm vs literal: ${diff}`;
  return {
    workload: w.id,
    title: w.title,
    instances: problem.instanceCount,
    tasks: problem.count,
    placed: wasmTiming ? wasmTiming.result.chosen.length : picks,
    wasmMs: wasmTiming?.medianMs ?? null,
    wasmMinMs: wasmTiming?.minMs ?? null,
    referenceEngine: 'literal',
    referenceMs: literal.medianMs,
    referenceMinMs: literal.minMs,
    literalMs: literal.medianMs,
    ratio: wasmTiming && sameSize ? literal.medianMs / wasmTiming.medianMs : null,
    placementsPerSecond: wasmTiming ? perSecond(wasmTiming.result.chosen.length, wasmTiming.medianMs) : perSecond(smallPicks, literal.medianMs),
    referencePlacementsPerSecond: perSecond(smallPicks, literal.medianMs),
    wasmGChecksPerSecond: null,
    referenceGChecksPerSecond: null,
    literalGChecksPerSecond: null,
    referenceP50Us: null,
    referenceP99Us: null,
    wasmMemoryBytes,
    referenceHeapBytes: null,
    identicalOutput: mismatch === null,
    comparedEngines: wasmOnSmall ? ['wasm', 'literal'] : ['literal'],
    mismatch,
    notes,
    goalWasm: w.goalWasm,
    goalReference: w.goalReference,
    ...(sameSize ? {} : { literalProblem: { instances: small.instanceCount, tasks: small.taskInstance.length, picks: smallPicks } }),
  };
}

const fixed = (x: number | null, digits: number) => (x === null ? '—' : x.toFixed(digits));
const big = (x: number | null) => (x === null ? '—' : x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(0));

function deploymentExtra(d: DeploymentExtras): string {
  const each = d.deployments.map((x) => `(${x.minimumHealthyPercent},${x.maximumPercent}): core wasm ${fixed(x.wasmCoreMs, 2)} / ref ${fixed(x.referenceCoreMs, 2)} ms, whole wasm ${fixed(x.wasmWallMs, 0)} / ref ${fixed(x.referenceWallMs, 0)} ms, ${x.serviceSteps} steps (${x.workingSteps} working, mean batch ${fixed(x.meanBatch, 0)}), ${fixed(x.simulatedSeconds, 0)} s simulated`);
  const b = d.batchSteps;
  const batch = b ? `; ${b.batch}-task steps: core ${fixed(b.wasmCoreStepsPerSecond, 0)} steps/s wasm, ${fixed(b.referenceCoreStepsPerSecond, 0)} ref; whole step ${fixed(b.wasmWholeStepsPerSecond, 0)} steps/s wasm` : '';
  return `${each.join('; ')}${batch}; setup ${fixed(d.setupMs, 0)} ms`;
}

export function formatTable(rows: BenchRow[]): string {
  const header = ['workload', 'M', 'N placed', 'wasmMs (min)', 'referenceMs (min)', 'engine', 'ratio', 'placements/s', 'wasmMemoryBytes', 'extra', 'identicalOutput'];
  const lines = rows.map((r) => [
    r.workload, String(r.instances), String(r.placed),
    r.wasmMs === null ? '—' : `${fixed(r.wasmMs, 2)} (${fixed(r.wasmMinMs, 2)})`,
    `${fixed(r.referenceMs, 2)} (${fixed(r.referenceMinMs, 2)})`, r.referenceEngine, fixed(r.ratio, 2), big(r.placementsPerSecond),
    r.wasmMemoryBytes === null ? '—' : String(r.wasmMemoryBytes),
    r.referenceGChecksPerSecond !== null
      ? `G checks/s: wasm ${fixed(r.wasmGChecksPerSecond, 3)}, scan ${fixed(r.referenceGChecksPerSecond, 3)}, literal ${fixed(r.literalGChecksPerSecond, 4)}`
      : r.deployment ? deploymentExtra(r.deployment)
      : r.api ? `per call p99: wasm ${fixed(r.wasmP99Us ?? null, 0)} µs, ref ${fixed(r.referenceP99Us, 0)} µs; wasm builder path ${fixed(r.api.builderPathMs, 3)} ms, resident path ${fixed(r.api.residentPathMs, 3)} ms (store ${fixed(r.api.storePlaceMs, 3)}), reconcile unchanged ${fixed(r.api.reconcileMs, 3)} ms, first load ${fixed(r.api.firstLoadMs, 1)} ms`
      : r.wasmP99Us !== undefined ? `per batch of one: wasm p50 ${fixed(r.wasmP50Us ?? null, 1)} µs, p99 ${fixed(r.wasmP99Us, 1)} µs, max ${fixed(r.wasmMaxUs ?? null, 1)} µs; ref p50 ${fixed(r.referenceP50Us, 1)} µs, p99 ${fixed(r.referenceP99Us, 1)} µs, max ${fixed(r.referenceMaxUs ?? null, 1)} µs`
      : r.referenceP99Us !== null ? `ref per placement p50 ${fixed(r.referenceP50Us, 2)} µs, p99 ${fixed(r.referenceP99Us, 2)} µs`
        : r.literalProblem ? `literal ${fixed(r.literalMs, 1)} ms at M = ${r.literalProblem.instances}, N = ${r.literalProblem.tasks}, ${r.literalProblem.picks} picks`
          : r.literalMs !== null ? `literal ${fixed(r.literalMs, 1)} ms` : '',
    r.identicalOutput ? 'yes' : `NO: ${r.mismatch}`,
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  const fmt = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

export function describeMachine(): string {
  let model = cpus()[0]?.model ?? 'unknown CPU';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) model = line.split(':')[1].trim();
  } catch { /* not Linux */ }
  return `${availableParallelism()} CPUs, ${model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`;
}

export async function runBench(options: BenchOptions): Promise<BenchRow[]> {
  const print = options.print ?? true;
  const warmups = Math.max(3, options.warmups ?? 3);
  const runs = options.runs ?? (options.scale === 'full' ? 5 : 3);
  const { factory, reason } = options.noWasm ? { factory: null, reason: '--no-wasm' } : await wasmFactory();
  if (print) {
    console.log(`machine: ${describeMachine()}; scale ${options.scale}; ${warmups} warm-ups, ${runs} runs (median and min)`);
    if (!factory) console.log(`WASM core unavailable (${reason}): the WASM columns are empty`);
  }
  const rows: BenchRow[] = [];
  for (const w of WORKLOADS) {
    if (options.only && !options.only.includes(w.id)) continue;
    const row = isScaleIn(w) ? await runScaleInWorkload(w, options.scale, factory, warmups, runs)
      : isResident(w) ? await runResidentWorkload(w, options.scale, factory, warmups)
        : isApi(w) ? await runApiWorkload(w, options.scale, factory, warmups)
          : isDeployment(w) ? await runDeploymentWorkload(w, options.scale, factory)
          : await runWorkload(w, options.scale, factory, warmups, runs, options.wasmBudgetMs ?? 5000);
    rows.push(row);
    if (print) console.log(`${w.id} done: ${w.title}${row.notes.length ? ` (${row.notes.join('; ')})` : ''}`);
  }
  if (print) console.log(formatTable(rows));
  if (options.json) writeFileSync(options.json, `${JSON.stringify(rows, null, 2)}\n`);
  return rows;
}

/** The command line: --quick, --tiny, --json FILE, --only B1,B2, --no-wasm. Exit code 1 on any mismatch. */
export async function main(argv: string[]): Promise<number> {
  const at = (flag: string) => argv.indexOf(flag);
  const scale: Scale = argv.includes('--tiny') ? 'tiny' : argv.includes('--quick') ? 'quick' : 'full';
  const json = at('--json') >= 0 ? argv[at('--json') + 1] : undefined;
  const only = at('--only') >= 0 ? argv[at('--only') + 1].split(',') : undefined;
  const rows = await runBench({ scale, json, only, noWasm: argv.includes('--no-wasm') });
  const failed = rows.filter((r) => !r.identicalOutput);
  for (const r of failed) console.error(`MISMATCH in ${r.workload}: ${r.mismatch}`);
  return failed.length === 0 ? 0 : 1;
}

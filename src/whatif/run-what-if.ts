// Runs a what-if request (what-if-types.ts): the scenario is loaded once, then every variant × seed
// runs on a fresh SandboxApi with a manual clock over a copy of it: the variant's changes, the
// baseline to steady state, the request's timeline, then steady state again (or maxSeconds), with
// the faults injected at their times. The report is read from each run's document (what-if-report.ts).
import { SandboxApi } from '../api/handler.ts';
import { AwsError } from '../api/aws-error.ts';
import { SANDBOX_TARGET_PREFIX } from '../api/operations/registry.ts';
import { newDocument } from '../domain/new-document.ts';
import type { SandboxDocument } from '../domain/sandbox-document.ts';
import { SANDBOX, WHATIF } from '../messages.ts';
import { seedStreams } from '../shared/xoshiro128.ts';
import type { PlacementCore } from '../placement-core.ts';
import { loadScenario } from '../scenarios/load-scenario.ts';
import { runScenarioCalls } from '../scenarios/scenario-call.ts';
import { applyChanges, injectFault, type PendingFault } from './apply-changes.ts';
import { readRun, reportVariants, type RunResult } from './what-if-report.ts';
import { validateWhatIfRequest } from './validate-what-if.ts';
import type { WhatIfReport, WhatIfRequest } from './what-if-types.ts';

export type { WhatIfRequest, WhatIfReport };

export interface RunWhatIfOptions {
  /** The core every run places with (the worker: the WASM core; it is shared, runs go one after another). */
  placementCore: () => PlacementCore;
  /** After each variant × seed run. */
  onProgress?: (done: number, total: number) => void;
}

const withPath = (path: string, error: unknown): unknown =>
  error instanceof AwsError ? new AwsError(error.code, WHATIF.at(path, error.message), error.httpStatus) : error;

/**
 * Validates the request (AwsError InvalidParameterException naming the JSON path of the fault, e.g.
 * `variants[2].changes[0].service: no service "x" in cluster "default"`), runs it and reports.
 * Every variant's changes are applied once before any run, so that a bad change fails fast.
 */
export function runWhatIf(request: WhatIfRequest, options: RunWhatIfOptions): WhatIfReport {
  const req = validateWhatIfRequest(request);
  const loaded = loadOnce(req.scenario, options.placementCore());
  const base = loaded.seed >>> 0;
  const seeds = Array.from({ length: req.seeds }, (_, k) => (base + k) >>> 0);

  // Every variant's first run is set up (copy, changes) before any time passes, so that a bad change
  // of any variant fails fast; the last one takes the loaded document itself (a copy less).
  const total = req.variants.length * seeds.length;
  const prepared: (Prepared | undefined)[] = [];
  try {
    req.variants.forEach((variant, i) => {
      const last = i === req.variants.length - 1 && seeds.length === 1;
      prepared.push(prepare(last ? loaded : copyDocument(loaded), req, i, undefined, options));
    });
    let done = 0;
    const runs: RunResult[][] = req.variants.map((variant, i) => seeds.map((seed, k) => {
      const run = k === 0 ? prepared[i]! : prepare(copyDocument(loaded), req, i, seed, options);
      if (k === 0) prepared[i] = undefined; // its document can go once run: less for the collector to trace
      try {
        const result = runVariant(run.api, req, run.faults, variant.name);
        options.onProgress?.(++done, total);
        return result;
      } finally {
        run.api.dispose();
      }
    }));
    return { region: req.region, seeds, maxSeconds: req.maxSeconds, variants: reportVariants(req.variants.map((v) => v.name), runs) };
  } finally {
    for (const run of prepared) run?.api.dispose(); // after an error; disposing twice is harmless
  }
}

/**
 * A run's own copy of the loaded document: plain objects and arrays are copied member by member (about
 * 4× faster than structuredClone on a 5,000-task document: 4 ms, not 16); frozen values are shared, not copied — they
 * are the interned attribute lists and resources (domain/intern-value.ts), which nothing edits in place;
 * anything else goes through structuredClone.
 */
function copyDocument<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return structuredClone(value); // a hole stays a hole
      out[i] = copyDocument(value[i]);
    }
    return out as T;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const member = copyDocument((value as Record<string, unknown>)[key]);
    if (key === '__proto__') Object.defineProperty(out, key, { value: member, enumerable: true, writable: true, configurable: true });
    else out[key] = member;
  }
  return out as T;
}

interface Prepared {
  api: SandboxApi;
  faults: PendingFault[];
}

/** A run's sandbox over `doc`, reseeded when `seed` is given, with variant i's changes applied. */
function prepare(doc: SandboxDocument, req: ValidRequest, i: number, seed: number | undefined, options: RunWhatIfOptions): Prepared {
  const api = new SandboxApi({ document: doc, placementCore: options.placementCore() });
  try {
    if (seed !== undefined) reseed(doc, seed);
    return { api, faults: applyChanges(api, req.region, req.variants[i].changes, `variants[${i}]`) };
  } catch (error) {
    api.dispose();
    throw error;
  }
}

const IMPORT_SCENARIO = `${SANDBOX_TARGET_PREFIX}.ImportScenario`;
const REFERENCE_START = '${';

/** Whether a string anywhere in `value` could be a scenario reference (scenario-call.ts `${name…}`). */
function mentionsReference(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith(REFERENCE_START);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const v of value) if (mentionsReference(v)) return true;
    return false;
  }
  for (const key in value) if (mentionsReference((value as Record<string, unknown>)[key])) return true;
  return false;
}

/**
 * The document of a scenario given as a document (load-scenario.ts plan: bare or as ExportScenario's
 * `{scenario: …}`), when it holds no string a reference could be; else undefined (loadScenario then).
 * Such a document is imported as loadScenario would, without its copy of the whole input that
 * resolving references makes (ImportScenario copies it anyway): ≈ 45 ms for 5,000 tasks.
 */
function plainDocument(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  const record = value as Record<string, unknown>;
  if ('calls' in record) return undefined;
  const document = 'scenario' in record && !('schemaVersion' in record) ? record.scenario : record;
  return mentionsReference(document) ? undefined : document;
}

/** runScenarioCalls of the one ImportScenario call, its error texts included, without resolving references. */
function importDocument(api: SandboxApi, scenario: unknown): void {
  try {
    api.call(IMPORT_SCENARIO, { scenario });
  } catch (error) {
    const e = error instanceof AwsError ? error : new AwsError('ServerException', String(error), 500);
    throw new AwsError(e.code, SANDBOX.scenarioCallFailed(1, IMPORT_SCENARIO, e.message), e.httpStatus);
  }
}

/** The scenario loaded into a manual-clock document, once; every run starts from a copy. */
function loadOnce(scenario: unknown, core: PlacementCore): SandboxDocument {
  const api = new SandboxApi({ document: newDocument(), placementCore: core });
  try {
    const document = plainDocument(scenario);
    if (document !== undefined) importDocument(api, document);
    else loadScenario(api, scenario);
  } catch (error) {
    throw withPath('scenario', error);
  } finally {
    api.dispose();
  }
  const doc = api.document;
  doc.clock.mode = 'manual'; // a realtime scenario would otherwise read the (absent) wall clock
  return doc;
}

/** Seed base + k: both streams restart from it, as Reset({seed}) would, keeping everything loaded. */
function reseed(doc: SandboxDocument, seed: number): void {
  doc.seed = seed;
  doc.random = seedStreams(seed);
}

function advance(api: SandboxApi, region: string, input: { seconds: number } | { untilSteady: true; maxSeconds: number }): boolean {
  const { output } = api.call(`${SANDBOX_TARGET_PREFIX}.AdvanceTime`, input, { region });
  return (output as { steady: boolean }).steady;
}

/**
 * Steady state (9.9) counts RUNNING tasks; behind a load balancer they are healthy only once their
 * targets pass the health checks (9.2, 150 s with ALB defaults). The baseline waits for that too, so
 * a deployment's lowest healthy count measures the deployment, not the start-up (at most maxSeconds).
 */
function untilHealthy(api: SandboxApi, region: string, maxSeconds: number): void {
  const limit = api.document.clock.nowMs + Math.round(maxSeconds * 1000);
  const allHealthy = () => (api.document.regions[region]?.services ?? []).every((service) =>
    service.status !== 'ACTIVE' || (service.timeline[service.timeline.length - 1]?.healthy ?? 0) >= service.desiredCount);
  while (!allHealthy() && api.document.clock.nowMs < limit) {
    advance(api, region, { seconds: Math.min(10, (limit - api.document.clock.nowMs) / 1000) });
  }
}

type ValidRequest = ReturnType<typeof validateWhatIfRequest>;

function runVariant(api: SandboxApi, req: ValidRequest, faults: PendingFault[], name: string): RunResult {
  const region = req.region;
  const maxSeconds = req.maxSeconds;
  advance(api, region, { untilSteady: true, maxSeconds }); // the baseline
  untilHealthy(api, region, maxSeconds);
  const startMs = api.document.clock.nowMs;
  try {
    runScenarioCalls(api, req.timeline.map((c) => ({ region, ...c })));
  } catch (error) {
    throw withPath('timeline', error instanceof AwsError ? new AwsError(error.code, WHATIF.inVariant(error.message, name), error.httpStatus) : error);
  }
  // Faults in time order (a stable sort keeps change order for equal times).
  const due = [...faults].sort((a, b) => a.atSeconds - b.atSeconds);
  const endMs = startMs + Math.round(maxSeconds * 1000);
  for (const fault of due) {
    const at = startMs + Math.round(fault.atSeconds * 1000);
    if (at > endMs) break;
    const now = api.document.clock.nowMs;
    if (at > now) advance(api, region, { seconds: (at - now) / 1000 });
    injectFault(api, region, fault);
  }
  const left = (endMs - api.document.clock.nowMs) / 1000;
  const steady = left > 0 ? advance(api, region, { untilSteady: true, maxSeconds: left }) : advance(api, region, { seconds: 0 });
  return readRun(api.document, region, startMs, steady);
}

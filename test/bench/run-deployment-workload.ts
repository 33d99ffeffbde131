// B6 (a deployment row): the steady starting document is built once (with the WASM core, else the
// indexed TS core) and each repetition starts two SandboxApis from copies of it, one placing with the
// WASM core and one with the indexed TS core. Both load the cluster's resident state before anything
// is timed (the first load is not a deployment's cost). Then, per deployment, the same untimed calls
// (new revision, UpdateService) and the timed AdvanceTime untilSteady on each; after each deployment
// the two documents must be identical (JSON.stringify), or the row fails.
//
// Each core is wrapped (meteredCore) to add up the time spent inside it: the resident store's
// applyDeltas and placeTasks (launches, place-batch.ts), selectTasksToStop (retire and scale-in,
// select-stops.ts) and deploymentStep (the 9.3 arithmetic). That sum is the row's "core time"; the
// AdvanceTime call's wall time is the whole simulated deployment (transitions, service steps, events,
// targets, reconciliation). Core time is attributed to the service step whose deploymentStep call
// preceded it, which gives the per-step figures (the 500-task batches of (90, 110) at full size).
import { SandboxApi } from '../../src/api/handler.ts';
import { regionState } from '../../src/domain/new-document.ts';
import { DEFAULT_REGION, type SandboxDocument } from '../../src/domain/sandbox-document.ts';
import type { PlacementCore } from '../../src/placement-core.ts';
import type { ResidentClusterStore } from '../../src/placement/resident-cluster-store.ts';
import { indexedPlacementCore } from '../../src/reference/indexed-placement-core.ts';
import type { BenchRow, WasmFactory } from './run-bench.ts';
import type { DeploymentWorkload, Scale } from './workload.ts';

/** One service step as the metered core saw it. */
interface StepRecord {
  launch: number;
  retire: number;
  scaleIn: number;
  /** Core time in this step (deploymentStep and everything after it until the next step), µs. */
  coreUs: number;
  /** performance.now() at the step's deploymentStep call. */
  at: number;
}

type CoreCall = 'applyDeltas' | 'placeTasks' | 'selectTasksToStop' | 'deploymentStep';

interface Meter {
  core: PlacementCore;
  coreMs: number;
  /** coreMs by call. */
  byCall: Record<CoreCall, number>;
  steps: StepRecord[];
  reset(): void;
}

const noCalls = (): Record<CoreCall, number> => ({ applyDeltas: 0, placeTasks: 0, selectTasksToStop: 0, deploymentStep: 0 });

/** Wraps a core (and the stores it creates) so that the time inside it adds up in `coreMs`. */
function meteredCore(inner: PlacementCore): Meter {
  const meter: Meter = {
    core: undefined as unknown as PlacementCore,
    coreMs: 0,
    byCall: noCalls(),
    steps: [],
    reset() { this.coreMs = 0; this.byCall = noCalls(); this.steps = []; },
  };
  const add = (ms: number, what: CoreCall) => {
    meter.coreMs += ms;
    meter.byCall[what] += ms;
    const step = meter.steps[meter.steps.length - 1];
    if (step) step.coreUs += ms * 1000;
  };
  const timed = <T>(what: CoreCall, run: () => T): T => {
    const start = performance.now();
    try { return run(); } finally { add(performance.now() - start, what); }
  };
  meter.core = {
    name: inner.name,
    placeTasks: (problem) => timed('placeTasks', () => inner.placeTasks(problem)),
    selectTasksToStop: (problem) => timed('selectTasksToStop', () => inner.selectTasksToStop(problem)),
    deploymentStep: (input) => {
      const at = performance.now();
      const step = inner.deploymentStep(input);
      const ms = performance.now() - at;
      meter.steps.push({ launch: step.launch, retire: step.retire, scaleIn: step.scaleIn, coreUs: 0, at });
      add(ms, 'deploymentStep');
      return step;
    },
    createClusterStore: () => {
      const store = inner.createClusterStore();
      const wrapped: ResidentClusterStore = {
        applyDeltas: (records) => timed('applyDeltas', () => store.applyDeltas(records)),
        placeTasks: (batch) => timed('placeTasks', () => store.placeTasks(batch)),
        problemOf: (batch) => store.problemOf(batch),
        dispose: () => store.dispose(),
      };
      return wrapped;
    },
  };
  return meter;
}

export interface DeploymentFigures {
  minimumHealthyPercent: number;
  maximumPercent: number;
  /** Median over the timed runs: core time (ms) and the AdvanceTime call's wall time (ms). */
  wasmCoreMs: number | null;
  wasmWallMs: number | null;
  referenceCoreMs: number;
  referenceWallMs: number;
  /** The core time by call (median over the runs of each), ms. */
  wasmCoreByCall: Record<CoreCall, number> | null;
  referenceCoreByCall: Record<CoreCall, number>;
  /** Service steps run (deploymentStep calls; quiet steps the clock passes over are not run). */
  serviceSteps: number;
  /** Steps that launched or stopped something, and the mean batch (launch + retire + scale-in) of those. */
  workingSteps: number;
  meanBatch: number;
  /** Simulated seconds the deployment took (AdvanceTime untilSteady). */
  simulatedSeconds: number;
  placed: number;
  /** Per working step, mean: core µs and wall µs (from its deploymentStep to the next one's). */
  wasmCoreUsPerWorkingStep: number | null;
  wasmWallUsPerWorkingStep: number | null;
  referenceCoreUsPerWorkingStep: number;
}

export interface DeploymentExtras {
  /** The steady starting document: build time (one run) and its tasks. */
  setupMs: number;
  setupCore: string;
  tasksAtStart: number;
  deployments: DeploymentFigures[];
  /** Whole simulated deployment, sum of the three medians (ms). */
  wasmWallTotalMs: number | null;
  referenceWallTotalMs: number;
  /** Steps with the largest batches (N / 10: 500 at full size, the (90, 110) rounds): core steps/s. */
  batchSteps: { batch: number; steps: number; wasmCoreStepsPerSecond: number | null; referenceCoreStepsPerSecond: number; wasmWholeStepsPerSecond: number | null } | null;
}

interface Sample {
  coreMs: number;
  byCall: Record<CoreCall, number>;
  wallMs: number;
  steps: StepRecord[];
  endAt: number;
  simulatedSeconds: number;
  placed: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function documentDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return `documents differ at character ${k}: …${a.slice(Math.max(0, k - 80), k + 40)}… vs …${b.slice(Math.max(0, k - 80), k + 40)}…`;
}

function timedDeployment(w: DeploymentWorkload, api: SandboxApi, meter: Meter): Sample {
  const state = () => regionState(api.document, DEFAULT_REGION);
  const tasksBefore = state().tasks.length;
  const nowBefore = api.document.clock.nowMs;
  meter.reset();
  const start = performance.now();
  const steady = w.runDeployment(api);
  const endAt = performance.now();
  if (!steady) throw new Error(`${w.id}: the deployment did not reach a steady state in 3600 s`);
  return {
    coreMs: meter.coreMs, byCall: meter.byCall, wallMs: endAt - start, steps: meter.steps, endAt,
    simulatedSeconds: (api.document.clock.nowMs - nowBefore) / 1000, placed: state().tasks.length - tasksBefore,
  };
}

function byCallMedian(samples: Sample[]): Record<CoreCall, number> {
  const out = noCalls();
  for (const key of Object.keys(out) as CoreCall[]) out[key] = median(samples.map((s) => s.byCall[key]));
  return out;
}

const working = (s: StepRecord) => s.launch + s.retire + s.scaleIn > 0;
const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Wall µs of each step: from its deploymentStep call to the next one's (the last: to the end of the call). */
function stepWallUs(sample: Sample): number[] {
  return sample.steps.map((s, k) => ((k + 1 < sample.steps.length ? sample.steps[k + 1].at : sample.endAt) - s.at) * 1000);
}

export async function runDeploymentWorkload(w: DeploymentWorkload, scale: Scale, wasm: WasmFactory | null): Promise<BenchRow> {
  const sizes = w.sizes(scale);
  const notes: string[] = [...(w.remarks ?? [])];
  const mismatches: string[] = [];
  const fresh = wasm ? await wasm() : null;
  if (!fresh) notes.push('WASM core unavailable');
  const wasmMeter = fresh ? meteredCore(fresh.core) : null;
  const refMeter = meteredCore(indexedPlacementCore);
  const setupCore = fresh ? fresh.core : indexedPlacementCore;
  const setupStart = performance.now();
  const base: SandboxDocument = w.buildSteady(scale, setupCore);
  const setupMs = performance.now() - setupStart;
  const tasksAtStart = regionState(base, DEFAULT_REGION).tasks.length;
  const K = w.configurations.length;
  const wasmSamples: Sample[][] = w.configurations.map(() => []);
  const refSamples: Sample[][] = w.configurations.map(() => []);
  for (let rep = 0; rep < sizes.warmups + sizes.runs; rep++) {
    const timedRun = rep >= sizes.warmups;
    const wasmApi = wasmMeter ? new SandboxApi({ document: structuredClone(base), placementCore: wasmMeter.core }) : null;
    const refApi = new SandboxApi({ document: structuredClone(base), placementCore: refMeter.core });
    try {
      if (wasmApi) w.prime(wasmApi);
      w.prime(refApi);
      for (let k = 0; k < K; k++) {
        if (wasmApi && wasmMeter) {
          w.startDeployment(wasmApi, k);
          const s = timedDeployment(w, wasmApi, wasmMeter);
          if (timedRun) wasmSamples[k].push(s);
        }
        w.startDeployment(refApi, k);
        const s = timedDeployment(w, refApi, refMeter);
        if (timedRun) refSamples[k].push(s);
        if (wasmApi) {
          const diff = documentDifference(JSON.stringify(wasmApi.document), JSON.stringify(refApi.document));
          if (diff) mismatches.push(`run ${rep}, deployment ${w.configurations[k].join('/')}: wasm API vs indexed API: ${diff}`);
        }
      }
    } finally {
      wasmApi?.dispose();
      refApi.dispose();
    }
    if (mismatches.length > 0) break;
  }
  const deployments: DeploymentFigures[] = w.configurations.map(([minimumHealthyPercent, maximumPercent], k) => {
    const ref = refSamples[k];
    const was = wasmSamples[k];
    const last = ref[ref.length - 1];
    const workingOf = (s: Sample) => s.steps.filter(working);
    const perWorking = (samples: Sample[], pick: (s: Sample) => number[]) => median(samples.map((s) => mean(pick(s))));
    return {
      minimumHealthyPercent, maximumPercent,
      wasmCoreMs: was.length ? median(was.map((s) => s.coreMs)) : null,
      wasmWallMs: was.length ? median(was.map((s) => s.wallMs)) : null,
      referenceCoreMs: median(ref.map((s) => s.coreMs)),
      referenceWallMs: median(ref.map((s) => s.wallMs)),
      wasmCoreByCall: was.length ? byCallMedian(was) : null,
      referenceCoreByCall: byCallMedian(ref),
      serviceSteps: last.steps.length,
      workingSteps: workingOf(last).length,
      meanBatch: mean(workingOf(last).map((s) => s.launch + s.retire + s.scaleIn)),
      simulatedSeconds: last.simulatedSeconds,
      placed: last.placed,
      wasmCoreUsPerWorkingStep: was.length ? perWorking(was, (s) => workingOf(s).map((x) => x.coreUs)) : null,
      wasmWallUsPerWorkingStep: was.length ? perWorking(was, (s) => stepWallUs(s).filter((_, i) => working(s.steps[i]))) : null,
      referenceCoreUsPerWorkingStep: perWorking(ref, (s) => workingOf(s).map((x) => x.coreUs)),
    };
  });
  // B6's second goal: steps whose batch (launch or retire) is N / 10, the (90, 110) rounds.
  const batch = Math.max(1, Math.floor(sizes.tasks / 10));
  const bigSteps = (s: Sample) => s.steps.filter((x) => x.launch === batch || x.retire === batch);
  const allBig = (samples: Sample[][]) => samples.flat().flatMap(bigSteps);
  const refBig = allBig(refSamples);
  const wasBig = allBig(wasmSamples);
  const wasWholeUs = wasmSamples.flat().flatMap((s) => stepWallUs(s).filter((_, i) => s.steps[i].launch === batch || s.steps[i].retire === batch));
  const batchSteps = refBig.length === 0 ? null : {
    batch,
    steps: bigSteps(refSamples[K - 1][refSamples[K - 1].length - 1]).length,
    wasmCoreStepsPerSecond: wasBig.length ? 1e6 / mean(wasBig.map((x) => x.coreUs)) : null,
    referenceCoreStepsPerSecond: 1e6 / mean(refBig.map((x) => x.coreUs)),
    wasmWholeStepsPerSecond: wasWholeUs.length ? 1e6 / mean(wasWholeUs) : null,
  };
  const worst = (pick: (d: DeploymentFigures) => number | null) => {
    const xs = deployments.map(pick);
    return xs.some((x) => x === null) ? null : Math.max(...(xs as number[]));
  };
  const sum = (pick: (d: DeploymentFigures) => number | null) => {
    const xs = deployments.map(pick);
    return xs.some((x) => x === null) ? null : (xs as number[]).reduce((a, b) => a + b, 0);
  };
  const wasmMs = worst((d) => d.wasmCoreMs);
  const referenceMs = worst((d) => d.referenceCoreMs)!;
  const minOf = (samples: Sample[][]) => Math.max(...samples.map((ss) => Math.min(...ss.map((s) => s.coreMs))));
  const placed = deployments.reduce((a, d) => a + d.placed, 0);
  const coreTotal = (pick: (d: DeploymentFigures) => number | null) => sum(pick);
  const mismatch = mismatches.length === 0 ? null : mismatches.join('; ');
  const wasmCoreTotal = coreTotal((d) => d.wasmCoreMs);
  const refCoreTotal = coreTotal((d) => d.referenceCoreMs)!;
  if (sizes.runs < 5 || sizes.warmups < 3) notes.push(`${sizes.warmups} warm-up and ${sizes.runs} timed repetitions of the three deployments (each from a copy of the steady document), not 3 + 5: one repetition takes seconds`);
  return {
    workload: w.id,
    title: w.title,
    instances: sizes.instances,
    tasks: sizes.tasks,
    placed,
    wasmMs,
    wasmMinMs: wasmSamples[0].length ? minOf(wasmSamples) : null,
    referenceEngine: 'indexed',
    referenceMs,
    referenceMinMs: minOf(refSamples),
    literalMs: null,
    ratio: wasmMs === null ? null : referenceMs / wasmMs,
    placementsPerSecond: (placed * 1000) / (wasmCoreTotal ?? refCoreTotal),
    referencePlacementsPerSecond: (placed * 1000) / refCoreTotal,
    wasmGChecksPerSecond: null,
    referenceGChecksPerSecond: null,
    literalGChecksPerSecond: null,
    referenceP50Us: null,
    referenceP99Us: null,
    deployment: {
      setupMs, setupCore: setupCore.name, tasksAtStart, deployments,
      wasmWallTotalMs: sum((d) => d.wasmWallMs), referenceWallTotalMs: sum((d) => d.referenceWallMs)!, batchSteps,
    },
    wasmMemoryBytes: fresh ? fresh.memory() : null,
    referenceHeapBytes: null,
    identicalOutput: mismatch === null,
    comparedEngines: fresh ? ['wasm', 'indexed'] : ['indexed'],
    mismatch,
    notes,
    goalWasm: w.goalWasm,
    goalReference: w.goalReference,
  };
}

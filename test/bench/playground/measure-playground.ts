// `npm run bench:web` (issue 5 "Performance"; performance notes §7 B10, B12, B13): the playground's time
// budgets measured in Debian's Chromium against the built site on 127.0.0.1, and the autosave also in
// Node on fake-indexeddb. A measurement script, never a test: nothing here asserts a duration, and
// `npm test` does not run it. It prints a report (and writes it as JSON with `--json FILE`).
//
//   1. Cold load: a fresh profile each time, navigation start → the `ecs-first-view` mark (the cluster
//      map's first instance cards in the DOM, ecs-cluster-map.component.ts); the median of 5.
//   2. Long tasks: a steady scenario of 5,000 container instances and 5,000 tasks (the B6 cluster,
//      built here in Node) imported into the page's worker; the clock plays at 60× and a rolling
//      deployment (a new revision, UpdateService) runs while a PerformanceObserver records every
//      'longtask' on the main thread for 20 s.
//   3. Autosave of that 5,000-instance scenario: the session's `lastSaveMs` (one readwrite transaction,
//      the copy of the document included) after mutating calls — in Chromium through the real IndexedDB,
//      and in Node through idb-keyval on fake-indexeddb (which is NOT IndexedDB: a JS implementation
//      with its own structured clone and no disk, so its figure says little about a browser). Saves
//      write only the sections that changed (document-sections.ts): the steady samples write the record
//      and index; after the long-task window, samples during a second rolling deployment write tasks too.
//
//   npm run bench:web                      everything
//   npm run bench:web -- --only cold,long,save-node,save-browser
//   npm run bench:web -- --seconds 20 --loads 5 --json FILE
// fake-indexeddb's globals (indexedDB, IDBKeyRange…) for the Node autosave figure; the page has its own.
import 'fake-indexeddb/auto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { SandboxApi } from '../../../src/api/handler.ts';
import { newDocument } from '../../../src/domain/new-document.ts';
import type { SandboxDocument } from '../../../src/domain/sandbox-document.ts';
import { ScenarioLibrary } from '../../../src/persistence/scenario-library.ts';
import { indexedDbScenarioStore } from '../../../src/persistence/scenario-store.ts';
import { indexedPlacementCore } from '../../../src/reference/indexed-placement-core.ts';
import { createSchedulerService } from '../../../src/worker/scheduler-service.ts';
import { identityDocument } from '../../builders/container-instances.ts';
import { launchChromium } from '../../e2e/support/launch-chromium.ts';
import { serveWebBuild, type ServedBuild } from '../../e2e/support/serve-web-build.ts';

const ECS = 'AmazonEC2ContainerServiceV20141113';
const FIRST_VIEW_MARK = 'ecs-first-view'; // ecs-cluster-map.component.ts
const CLUSTER = 'bench';
const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

interface Options {
  only: Set<string>;
  loads: number;
  seconds: number;
  instances: number;
  tasks: number;
  json?: string;
  profile: boolean;
}

function parseArgs(args: string[]): Options {
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  return {
    only: new Set((value('--only') ?? 'cold,long,save-node,save-browser').split(',')),
    loads: Number(value('--loads') ?? 5),
    seconds: Number(value('--seconds') ?? 20),
    instances: Number(value('--instances') ?? 5000),
    tasks: Number(value('--tasks') ?? 5000),
    json: value('--json'),
    profile: args.includes('--profile'),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : `${x.toFixed(1)} ms`);

// ── the scenario ────────────────────────────────────────────────────────────────────────────────

function registerRevision(api: SandboxApi, k: number): void {
  api.call(`${ECS}.RegisterTaskDefinition`, {
    family: 'web',
    containerDefinitions: [{ name: 'web', image: `nginx:1.${k}`, memory: 256, cpu: 128, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
  });
}

/**
 * The B6 cluster (test/bench/workloads/b6-rolling-deployment.ts): M m5.xlarge instances over 3 AZs and
 * a service of N tasks, spread(AZ) → binpack(memory), run until steady. The clock is manual.
 */
export function steadyScenario(instances: number, tasks: number): SandboxDocument {
  const api = new SandboxApi({ document: newDocument({ seed: 6 }), placementCore: indexedPlacementCore });
  try {
    api.call(`${ECS}.CreateCluster`, { clusterName: CLUSTER });
    for (let n = 0; n < instances; n++) {
      api.call(`${ECS}.RegisterContainerInstance`, {
        cluster: CLUSTER,
        instanceIdentityDocument: identityDocument({
          instanceId: `i-${n.toString(16).padStart(17, '0')}`, instanceType: 'm5.xlarge', availabilityZone: AZS[n % 3],
          privateIp: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        }),
        instanceIdentityDocumentSignature: 'c2lnbmF0dXJlIG5vdCB2ZXJpZmllZA==',
      });
    }
    registerRevision(api, 0);
    api.call(`${ECS}.CreateService`, {
      cluster: CLUSTER, serviceName: 'web', taskDefinition: 'web', desiredCount: tasks,
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
      deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 },
    });
    const out = api.call('EcsSandbox.AdvanceTime', { untilSteady: true, maxSeconds: 3600 }).output as { steady: boolean };
    if (!out.steady) throw new Error('the 5,000-task scenario did not reach a steady state');
    return structuredClone(api.document);
  } finally {
    api.dispose();
  }
}

// ── 1. cold load ────────────────────────────────────────────────────────────────────────────────

interface ColdLoad {
  firstViewMs: number;
  domContentLoadedMs: number;
  loadEventMs: number;
  /** Transferred bytes of the navigation's resources (scripts, wasm, document). */
  transferredBytes: number;
}

async function coldLoad(url: string): Promise<ColdLoad> {
  const browser = await launchChromium();
  try {
    const page = browser.page;
    await page.goto(url);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_VIEW_MARK, { timeout: 30_000 });
    const timing = await page.evaluate((mark) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return {
        firstViewMs: performance.getEntriesByName(mark)[0].startTime, // relative to the navigation start
        domContentLoadedMs: nav.domContentLoadedEventEnd,
        loadEventMs: nav.loadEventEnd,
        transferredBytes: nav.transferSize + resources.reduce((n, r) => n + r.transferSize, 0),
      };
    }, FIRST_VIEW_MARK);
    if (browser.problems.length) throw new Error(`cold load: ${browser.problems.join('; ')}`);
    return timing;
  } finally {
    await browser.close();
  }
}

// ── 2. long tasks while 5,000 tasks move ────────────────────────────────────────────────────────

interface LongTaskRun {
  scenarioLoadLongestMs: number;
  scenarioLoadMs: number;
  seconds: number;
  count: number;
  longestMs: number;
  totalMs: number;
  durations: number[];
  /** Views the page received during the window, and the median size of one (tasks in it). */
  views: number;
  viewTasks: number;
  /** The deployment at the end of the window, as DescribeServices shows it. */
  deployments: { status: string; running: number; pending: number; desired: number }[];
  simulatedSeconds: number;
  /** Per-view main-thread cost measured in the page: the ecs-view handler to the next frame. */
  renderMs: { median: number; max: number };
  saveBrowserMs?: number[];
  /** The same during a rolling deployment (tasks change at every save). */
  saveDeployingMs?: number[];
}

/** Installs the long-task observer and the view counters on the page (buffered from now). */
async function observe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as { __bench: { longtasks: number[]; views: number[]; render: number[] } };
    w.__bench = { longtasks: [], views: [], render: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__bench.longtasks.push(e.duration);
    }).observe({ type: 'longtask' });
    document.addEventListener('ecs-view', (e) => {
      const began = performance.now();
      w.__bench.views.push((e as CustomEvent<{ view: { tasks: unknown[] } }>).detail.view.tasks.length);
      // the render this view causes finishes before the next frame's callbacks run
      requestAnimationFrame(() => setTimeout(() => w.__bench.render.push(performance.now() - began), 0));
    });
  });
}

async function collect(page: Page): Promise<{ longtasks: number[]; views: number[]; render: number[] }> {
  return page.evaluate(() => {
    const w = globalThis as unknown as { __bench: { longtasks: number[]; views: number[]; render: number[] } };
    const out = { longtasks: [...w.__bench.longtasks], views: [...w.__bench.views], render: [...w.__bench.render] };
    w.__bench.longtasks.length = 0;
    w.__bench.views.length = 0;
    w.__bench.render.length = 0;
    return out;
  });
}

async function saveTimesInPage(page: Page, samples: number): Promise<number[]> {
  return page.evaluate(async ({ samples }) => {
    const s = ecsSandbox.scheduler;
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      // a mutating call saves at once (scenario-session.ts recordCall); the status says how long it took
      const tagged = await s.call('EcsSandbox.AdvanceTime', { seconds: 1 });
      if ('error' in tagged) throw new Error(JSON.stringify(tagged.error));
      const status = await s.currentScenario();
      if ('error' in status) throw new Error(JSON.stringify(status.error));
      if (status.output.saveError) throw new Error(JSON.stringify(status.output.saveError));
      times.push(status.output.lastSaveMs ?? Number.NaN);
    }
    return times;
  }, { samples });
}

/**
 * Autosave while a rolling deployment moves tasks (the clock manual, one AdvanceTime of 1 s per
 * sample): every save then writes the tasks section too (document-sections.ts), not only the record.
 */
async function saveTimesDeploying(page: Page, samples: number): Promise<number[]> {
  const started = await page.evaluate(async ({ ECS, CLUSTER }) => {
    const s = ecsSandbox.scheduler;
    return [
      await s.call('EcsSandbox.SetClock', { clock: 'manual' }),
      await s.call(`${ECS}.RegisterTaskDefinition`, {
        family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.2', memory: 256, cpu: 128, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
      }),
      await s.call(`${ECS}.UpdateService`, { cluster: CLUSTER, service: 'web', taskDefinition: 'web' }),
    ].filter((r) => 'error' in r);
  }, { ECS, CLUSTER });
  if (started.length) throw new Error(`starting the deployment for the saves: ${JSON.stringify(started)}`);
  return saveTimesInPage(page, samples);
}

async function longTasks(url: string, scenario: SandboxDocument, options: Options): Promise<LongTaskRun> {
  const browser = await launchChromium();
  try {
    const page = browser.page;
    await page.goto(url);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_VIEW_MARK, { timeout: 30_000 });
    await observe(page);
    // The import itself (a 5,000-instance document through postMessage, and the first full render) is
    // setup: reported on its own, not in the window.
    const began = Date.now();
    const imported = await page.evaluate(async (scenario) => {
      const r = await ecsSandbox.scheduler.call('EcsSandbox.ImportScenario', { scenario });
      await ecsSandbox.refresh();
      return r;
    }, scenario as unknown);
    if ('error' in (imported as object)) throw new Error(`ImportScenario: ${JSON.stringify(imported)}`);
    await page.locator('[data-testid="instance-card"]').nth(options.instances - 1).waitFor({ state: 'attached', timeout: 120_000 });
    const scenarioLoadMs = Date.now() - began;
    await page.waitForTimeout(1500);
    const load = await collect(page);
    if (options.profile) {
      // where one view's main-thread time goes: the round trip (clone out, transfer, clone in) vs a clone here
      const diag = await page.evaluate(async () => {
        const w = globalThis as unknown as { __bench: { longtasks: number[] } };
        w.__bench.longtasks.length = 0;
        const t0 = performance.now();
        const v = await ecsSandbox.scheduler.view({});
        const t1 = performance.now();
        await new Promise((r) => setTimeout(r, 100));
        const during = [...w.__bench.longtasks];
        const t2 = performance.now();
        structuredClone(v);
        const t3 = performance.now();
        return { roundTripMs: t1 - t0, longtasksDuringView: during, cloneInPageMs: t3 - t2, json: JSON.stringify(v).length };
      });
      console.log(`  one full view: ${JSON.stringify(diag)}`);
    }
    const saveBrowserMs = options.only.has('save-browser') ? await saveTimesInPage(page, 7) : undefined;
    await page.waitForTimeout(500);
    await collect(page);

    // The window: play at 60×, start a rolling deployment, record for `seconds`.
    const started = await page.evaluate(async ({ ECS, CLUSTER }) => {
      const s = ecsSandbox.scheduler;
      const before = await s.view({});
      const out = [
        await s.call(`${ECS}.RegisterTaskDefinition`, {
          family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.1', memory: 256, cpu: 128, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
        }),
        await s.call(`${ECS}.UpdateService`, {
          cluster: CLUSTER, service: 'web', taskDefinition: 'web', deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 100 },
        }),
        await s.call('EcsSandbox.SetClock', { clock: 'realtime:60' }),
      ];
      await ecsSandbox.refresh();
      return { errors: out.filter((r) => 'error' in r), now: 'now' in before ? before.now : 0 };
    }, { ECS, CLUSTER });
    if (started.errors.length) throw new Error(`starting the deployment: ${JSON.stringify(started.errors)}`);
    const cdp = options.profile ? await page.context().newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.waitForTimeout(options.seconds * 1000);
    const window = await collect(page);
    if (cdp) printProfile((await cdp.send('Profiler.stop')).profile as CpuProfile);
    const end = await page.evaluate(async ({ ECS, CLUSTER }) => {
      const s = ecsSandbox.scheduler;
      await s.call('EcsSandbox.SetClock', { clock: 'manual' });
      const d = await s.call(`${ECS}.DescribeServices`, { cluster: CLUSTER, services: ['web'] });
      const view = await s.view({});
      const service = 'output' in d ? (d.output as { services: { deployments: { status: string; runningCount: number; pendingCount: number; desiredCount: number }[] }[] }).services[0] : undefined;
      return {
        deployments: service?.deployments.map((x) => ({ status: x.status, running: x.runningCount, pending: x.pendingCount, desired: x.desiredCount })) ?? [],
        now: 'now' in view ? view.now : 0,
      };
    }, { ECS, CLUSTER });
    const saveDeployingMs = options.only.has('save-browser') ? await saveTimesDeploying(page, 7) : undefined;
    if (browser.problems.length) throw new Error(`long tasks: ${browser.problems.join('; ')}`);
    return {
      ...(saveDeployingMs ? { saveDeployingMs } : {}),
      scenarioLoadLongestMs: Math.max(0, ...load.longtasks),
      scenarioLoadMs,
      seconds: options.seconds,
      count: window.longtasks.length,
      longestMs: Math.max(0, ...window.longtasks),
      totalMs: window.longtasks.reduce((a, b) => a + b, 0),
      durations: window.longtasks.sort((a, b) => b - a),
      views: window.views.length,
      viewTasks: median(window.views),
      deployments: end.deployments,
      simulatedSeconds: (end.now - started.now) / 1000,
      renderMs: { median: median(window.render), max: Math.max(0, ...window.render) },
      ...(saveBrowserMs ? { saveBrowserMs } : {}),
    };
  } finally {
    await browser.close();
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** `--profile`: the main thread's self time by function over the window, top 20 (where a long task goes). */
function printProfile(profile: CpuProfile): void {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  const top = [...byName].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 20);
  console.log('  main-thread self time (profile):');
  for (const [k, us] of top) console.log(`    ${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}

// ── 3. autosave in Node, on fake-indexeddb ──────────────────────────────────────────────────────

async function saveInNode(scenario: SandboxDocument, samples: number): Promise<{ times: number[]; documentBytes: number }> {
  const wallClock = () => performance.timeOrigin + performance.now();
  const bytes = readFileSync(new URL('../../../build/scheduler-core.wasm', import.meta.url));
  const service = createSchedulerService({
    core: { bytes }, wallClock, scenario: null,
    library: new ScenarioLibrary({ store: indexedDbScenarioStore(`bench-${process.pid}`), now: wallClock }),
  });
  try {
    const imported = await service.call('EcsSandbox.ImportScenario', { scenario: scenario });
    if ('error' in imported) throw new Error(JSON.stringify(imported.error));
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const r = await service.call('EcsSandbox.AdvanceTime', { seconds: 1 });
      if ('error' in r) throw new Error(JSON.stringify(r.error));
      const status = await service.currentScenario();
      if ('error' in status) throw new Error(JSON.stringify(status.error));
      if (status.output.saveError) throw new Error(JSON.stringify(status.output.saveError));
      times.push(status.output.lastSaveMs ?? Number.NaN);
    }
    return { times, documentBytes: JSON.stringify(service.api.document).length };
  } finally {
    service.close();
  }
}

// ── the report ──────────────────────────────────────────────────────────────────────────────────

function chromiumVersion(): string {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim().split('\n').pop() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function main(args: string[]): Promise<number> {
  const options = parseArgs(args);
  const report: Record<string, unknown> = {
    machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`,
    chromium: chromiumVersion(),
  };
  console.log(`machine: ${report.machine}\nchromium: ${report.chromium}`);
  let scenario: SandboxDocument | undefined;
  const needScenario = ['long', 'save-node', 'save-browser'].some((k) => options.only.has(k));
  if (needScenario) {
    const t = performance.now();
    scenario = steadyScenario(options.instances, options.tasks);
    const region = scenario.regions['us-east-1'];
    console.log(`scenario: ${region.containerInstances.length} instances, ${region.tasks.filter((x) => x.lastStatus === 'RUNNING').length} running tasks, ` +
      `${(JSON.stringify(scenario).length / 2 ** 20).toFixed(1)} MiB as JSON (built in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }

  if (options.only.has('save-node') && scenario) {
    const node = await saveInNode(scenario, 7);
    report.saveNode = node;
    console.log(`autosave, Node + fake-indexeddb: median ${ms(median(node.times))}, min ${ms(Math.min(...node.times))} ` +
      `(samples ${node.times.map((x) => x.toFixed(1)).join(', ')}; document ${(node.documentBytes / 2 ** 20).toFixed(2)} MiB JSON) — budget ≤ 20 ms`);
  }

  let served: ServedBuild | undefined;
  try {
    if (['cold', 'long', 'save-browser'].some((k) => options.only.has(k))) served = await serveWebBuild();
    if (options.only.has('cold') && served) {
      await coldLoad(served.url); // one load to warm the OS file cache and the preview server; not counted
      const loads: ColdLoad[] = [];
      for (let i = 0; i < options.loads; i++) loads.push(await coldLoad(served.url));
      const first = loads.map((l) => l.firstViewMs);
      report.cold = { loads, medianFirstViewMs: median(first) };
      console.log(`cold load → first view (fresh profile each): median ${ms(median(first))}, min ${ms(Math.min(...first))}, max ${ms(Math.max(...first))} ` +
        `(DOMContentLoaded median ${ms(median(loads.map((l) => l.domContentLoadedMs)))}; ${(loads[0].transferredBytes / 1024).toFixed(1)} KiB transferred) — budget ≤ 1000 ms`);
    }
    if ((options.only.has('long') || options.only.has('save-browser')) && served && scenario) {
      const run = await longTasks(served.url, scenario, options);
      report.long = run;
      if (run.saveBrowserMs) {
        console.log(`autosave, Chromium IndexedDB (worker): median ${ms(median(run.saveBrowserMs))}, min ${ms(Math.min(...run.saveBrowserMs))} ` +
          `(samples ${run.saveBrowserMs.map((x) => x.toFixed(1)).join(', ')}) — budget ≤ 20 ms`);
      }
      if (run.saveDeployingMs) {
        console.log(`autosave during a rolling deployment (tasks change each save): median ${ms(median(run.saveDeployingMs))}, ` +
          `min ${ms(Math.min(...run.saveDeployingMs))} (samples ${run.saveDeployingMs.map((x) => x.toFixed(1)).join(', ')})`);
      }
      console.log(`scenario import + first full render: ${run.scenarioLoadMs} ms wall, longest main-thread task ${ms(run.scenarioLoadLongestMs)} (setup, outside the window)`);
      console.log(`long tasks in ${run.seconds} s at 60× during a rolling deployment: ${run.count}, longest ${ms(run.longestMs)}, total ${ms(run.totalMs)} ` +
        `(${run.views} views of ~${run.viewTasks} tasks; per-view render median ${ms(run.renderMs.median)}, max ${ms(run.renderMs.max)}; ` +
        `${run.simulatedSeconds.toFixed(0)} simulated s) — budget: none over 50 ms`);
      console.log(`  durations: ${run.durations.map((x) => x.toFixed(0)).join(', ') || 'none'}`);
      console.log(`  deployments at the end: ${JSON.stringify(run.deployments)}`);
    }
  } finally {
    await served?.close();
  }
  if (options.json) writeFileSync(options.json, JSON.stringify(report, null, 2));
  return 0;
}

// The service scheduler in Chromium's worker (the WASM core, the realtime playground switched to the
// manual clock by EcsSandbox.Reset) against a SandboxApi in Node with the same core: the same calls
// must give byte-identical outputs, event logs and exported documents (semantics 3.3, 3.1 manual
// clock). The calls are the scenarios of test/builders/scheduler-scenarios.ts, made through the
// page's window hook `ecsSandbox.scheduler.call` (web/index.ts). Every wait is on a condition.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { SandboxApi } from '../../src/api/handler.ts';
import { AwsError } from '../../src/api/aws-error.ts';
import { newDocument } from '../../src/domain/new-document.ts';
import type { SandboxDocument } from '../../src/domain/sandbox-document.ts';
import type { PlacementCore } from '../../src/placement-core.ts';
import { literalPlacementCore } from '../../src/reference/literal-placement-core.ts';
import { loadSchedulerCore } from '../../src/wasm/load-scheduler-core.ts';
import { createWasmPlacementCore } from '../../src/wasm/wasm-placement-core.ts';
import { FIXED_SCENARIO, anyScenario, scenarioCalls, type Call, type ScenarioSpec } from '../builders/scheduler-scenarios.ts';
import { launchChromium, type LaunchedChromium } from './support/launch-chromium.ts';
import { ROOT, serveWebBuild, type ServedBuild } from './support/serve-web-build.ts';

type Outcome = { output: unknown } | { error: { code: string; message: string } };

interface Run {
  outcomes: Outcome[];
  document: SandboxDocument;
}

let served: ServedBuild;
let browser: LaunchedChromium;
let page: Page;
let wasm: PlacementCore;

/** The calls, then ExportScenario, in Node: outcomes in the worker's CallOutcome form. */
function runInNode(calls: Call[], core: PlacementCore): Run {
  const api = new SandboxApi({ document: newDocument(), placementCore: core });
  try {
    const outcomes = calls.map((c): Outcome => {
      try {
        return { output: api.call(c.target, c.input).output };
      } catch (e) {
        if (!(e instanceof AwsError)) throw e;
        return { error: { code: e.code, message: e.message } };
      }
    });
    const { scenario } = api.call('EcsSandbox.ExportScenario', {}).output as { scenario: SandboxDocument };
    return { outcomes, document: scenario };
  } finally {
    api.dispose();
  }
}

/** The same through the page's worker. */
async function runInBrowser(calls: Call[]): Promise<Run> {
  return page.evaluate(async (cs) => {
    const outcomes = [];
    for (const c of cs) outcomes.push(await ecsSandbox.scheduler.call(c.target, c.input));
    const exported = await ecsSandbox.scheduler.call('EcsSandbox.ExportScenario', {});
    if (!('output' in exported)) throw new Error(`ExportScenario failed: ${JSON.stringify(exported)}`);
    return { outcomes, document: (exported.output as { scenario: never }).scenario };
  }, calls) as Promise<Run>;
}

const eventLogs = (doc: SandboxDocument) =>
  Object.entries(doc.regions).map(([region, st]) => [region, st.services.map((s) => [s.serviceName, s.eventLog])]);

/** Byte-identical outputs, event logs and documents; the event logs first, for a readable diff. */
function expectSame(browserRun: Run, nodeRun: Run, label: string): void {
  expect(JSON.stringify(eventLogs(browserRun.document)), `${label}: event logs`).toBe(JSON.stringify(eventLogs(nodeRun.document)));
  expect(JSON.stringify(browserRun.outcomes), `${label}: call outputs`).toBe(JSON.stringify(nodeRun.outcomes));
  expect(JSON.stringify(browserRun.document), `${label}: exported document`).toBe(JSON.stringify(nodeRun.document));
}

beforeAll(async () => {
  wasm = createWasmPlacementCore(await loadSchedulerCore({ bytes: readFileSync(join(ROOT, 'build/scheduler-core.wasm')) }));
  served = await serveWebBuild();
  browser = await launchChromium();
  page = browser.page;
  await page.goto(served.url);
  // the worker has compiled the core and loaded its scenario (coreStatus waits for both)
  await page.waitForFunction(() => typeof globalThis.ecsSandbox?.scheduler?.coreStatus === 'function');
  await page.evaluate(() => globalThis.ecsSandbox.scheduler.coreStatus());
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('the scheduler in the browser worker = the scheduler in Node (semantics 3.3)', () => {
  it('the worker places with the WASM core', async () => {
    expect(await page.evaluate(() => ecsSandbox.scheduler.coreStatus())).toMatchObject({ placementCore: 'wasm' });
  });

  it('a fixed scenario (two services, deployments, scaling both ways): byte-identical event logs, outputs and documents', async () => {
    const calls = scenarioCalls(FIXED_SCENARIO);
    const inNode = runInNode(calls, wasm);
    // the scenario does something: deployments were started, tasks placed and stopped, nothing failed
    expect(inNode.outcomes.filter((o) => 'error' in o)).toEqual([]);
    const logs = inNode.document.regions['us-east-1'].services.flatMap((s) => s.eventLog.map((e) => e.message));
    expect(logs.some((m) => m.includes('has started'))).toBe(true);
    expect(logs.some((m) => m.includes('has stopped'))).toBe(true);
    expect(logs.some((m) => m.includes('steady state'))).toBe(true);

    const inBrowser = await runInBrowser(calls);
    expectSame(inBrowser, inNode, 'fixed scenario');
    // and the literal TS core in Node agrees with both
    expectSame(runInNode(calls, literalPlacementCore), inNode, 'fixed scenario, TS core');
  });

  it('a fixed scenario run twice in the worker gives the same document (Reset restarts everything)', async () => {
    const calls = scenarioCalls(FIXED_SCENARIO);
    const first = await runInBrowser(calls);
    const second = await runInBrowser(calls);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('12 random scenarios (fixed fast-check seed): byte-identical event logs, outputs and documents', async () => {
    const specs: ScenarioSpec[] = fc.sample(anyScenario, { numRuns: 12, seed: 2018 });
    for (const [n, spec] of specs.entries()) {
      const calls = scenarioCalls(spec);
      expectSame(await runInBrowser(calls), runInNode(calls, wasm), `scenario ${n} ${JSON.stringify(spec)}`);
    }
  });

  it('logged no console errors, page errors or failed requests', () => {
    expect(browser.problems).toEqual([]);
  });
});

// W1 in a browser worker (issue 6: "≤ 1 s in the worker"): the playground's worker in Chromium runs
// SchedulerService.whatIf on the W1 request (8 variants on the steady 1,000-instance / 5,000-task
// scenario built in Node, test/bench/workloads/w1-what-if.ts). Timed from the page, so the transfer of
// the request (the whole scenario) into the worker is included. The first call is cold (the worker's
// JIT has not seen the scheduler yet); later ones are warm. A measurement, never a test.
import { readFileSync } from 'node:fs';
import { loadSchedulerCore } from '../../../src/wasm/load-scheduler-core.ts';
import { createWasmPlacementCore } from '../../../src/wasm/wasm-placement-core.ts';
import { w1Request, w1WhatIf } from '../workloads/w1-what-if.ts';
import { launchChromium } from '../../e2e/support/launch-chromium.ts';
import { serveWebBuild } from '../../e2e/support/serve-web-build.ts';

const RUNS = 5;

export async function main(): Promise<number> {
  const core = createWasmPlacementCore(await loadSchedulerCore({ bytes: readFileSync(new URL('../../../build/scheduler-core.wasm', import.meta.url)) }));
  const request = JSON.parse(JSON.stringify(w1Request(w1WhatIf.buildSteady('full', core))));
  const served = await serveWebBuild();
  const browser = await launchChromium();
  try {
    const page = browser.page;
    await page.goto(served.url);
    await page.waitForFunction(() => typeof globalThis.ecsSandbox?.scheduler?.coreStatus === 'function');
    await page.evaluate(() => globalThis.ecsSandbox.scheduler.coreStatus());
    const times = await page.evaluate(async ({ req, runs }) => {
      const out: number[] = [];
      for (let k = 0; k < runs; k++) {
        const t0 = performance.now();
        const result = await (globalThis.ecsSandbox.scheduler as unknown as { whatIf(r: unknown): Promise<{ error?: { message: string } }> }).whatIf(req);
        if (result.error) throw new Error(result.error.message);
        out.push(performance.now() - t0);
      }
      return out;
    }, { req: request, runs: RUNS });
    const warm = times.slice(1).sort((a, b) => a - b);
    console.log(`W1 in the playground's worker (Chromium): cold ${Math.round(times[0])} ms; warm median ${Math.round(warm[warm.length >> 1])} ms, ` +
      `min ${Math.round(warm[0])} ms (runs: ${times.map((t) => Math.round(t)).join(', ')} ms) — goal ≤ 1 s`);
    if (browser.problems.length > 0) console.log(`problems: ${browser.problems.join('; ')}`);
    return 0;
  } finally {
    await browser.close();
    await served.close();
  }
}

// The playground's what-if view (issue 6) in Debian's Chromium: on the demo scenario, two variants of
// `web`'s deployment configuration built with the quick form, run against a new revision of its task
// definition: 50/200 rolls out (MIN 2, MAX 8 of 4 tasks), 100/100 is stuck (MIN = MAX = 4 = running,
// nothing may stop or start: 9.5). The variants are saved with the scenario and are back after a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WhatIfSetup } from '../../src/worker/scheduler-api.ts';
import { launchChromium, type LaunchedChromium } from './support/launch-chromium.ts';
import { serveWebBuild, type ServedBuild } from './support/serve-web-build.ts';
import { pause, shot, waitForPlayground } from './support/playground-page.ts';

let served: ServedBuild;
let browser: LaunchedChromium;
let page: Page;

beforeAll(async () => {
  served = await serveWebBuild();
  browser = await launchChromium();
  page = browser.page;
  await page.goto(served.url);
  await waitForPlayground(page);
  await pause(page);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const whatIf = () => page.locator('ecs-what-if');

async function openWhatIfTab(): Promise<void> {
  await page.getByTestId('tab-whatif').click();
  await whatIf().getByTestId('what-if-run').waitFor();
}

/** One variant through the quick form: its name, then a deployment configuration change. */
async function deploymentVariant(index: number, name: string, min: number, max: number): Promise<void> {
  const view = whatIf();
  const nameInput = view.getByTestId('what-if-variant-name').nth(index);
  await nameInput.fill(name);
  await nameInput.press('Tab'); // commits (change)
  await view.getByTestId('quick-target').selectOption({ label: name });
  await view.getByTestId('quick-kind').selectOption('deployment');
  await view.getByTestId('quick-min').fill(String(min));
  await view.getByTestId('quick-max').fill(String(max));
  await view.getByTestId('quick-add').click();
  await view.getByTestId('what-if-variant').nth(index).getByText(`web: deployment ${min}/${max}`).waitFor();
}

/** The setup the worker has saved with the open scenario. */
const savedSetup = () => page.evaluate(async () => {
  const status = await ecsSandbox.scheduler.currentScenario();
  return 'output' in status ? status.output.whatIf : undefined;
}) as Promise<WhatIfSetup | undefined>;

async function waitForSaved(check: (setup: WhatIfSetup | undefined) => boolean): Promise<void> {
  for (let i = 0; !check(await savedSetup()); i++) {
    if (i >= 100) throw new Error(`the what-if setup was not saved: ${JSON.stringify(await savedSetup())}`);
    await page.waitForTimeout(100);
  }
}

describe('the what-if view', () => {
  it('runs 50/200 against 100/100 for web: the first deploys in some seconds, the second is stuck', async () => {
    await openWhatIfTab();
    const view = whatIf();
    await view.getByTestId('what-if-service').selectOption('demo/web');
    await deploymentVariant(0, '50/200', 50, 200);
    await view.getByTestId('what-if-add-variant').click();
    await deploymentVariant(1, '100/100', 100, 100);

    await view.getByTestId('what-if-run').click();
    const table = view.getByTestId('what-if-table');
    await table.waitFor();
    expect(await view.getByTestId('what-if-column').allTextContents()).toEqual(['50/200', '100/100']);
    const deployment = await table.locator('tr[data-row="deployment"] td').allTextContents();
    expect(deployment[0]).toMatch(/^\d+(\.\d+)? s$/);
    expect(Number.parseFloat(deployment[0])).toBeGreaterThan(0);
    expect(deployment[1]).toBe('stuck: DEPLOYMENT_CONFIGURATION');
    // 4 tasks: 50% → MIN 2, 200% → MAX 8; 100/100 → MIN = MAX = 4 (9.1). (The lowest healthy count
    // itself is 0 in both: web's targets are still `initial` when the baseline reaches steady state.)
    const lowest = await table.locator('tr[data-row="lowest-healthy"] td').allTextContents();
    expect(lowest[0]).toMatch(/\(MIN 2\)$/);
    expect(lowest[1]).toMatch(/\(MIN 4\)$/);
    const highest = await table.locator('tr[data-row="highest-total"] td').allTextContents();
    expect(highest[0]).toMatch(/\(MAX 8\)$/);
    expect(highest[1]).toBe('4 (MAX 4)');

    const chart = view.getByTestId('what-if-chart');
    expect(await chart.locator('path.line').count()).toBe(2);
    const summary = await view.getByTestId('what-if-summary').locator('li').allTextContents();
    expect(summary[0]).toMatch(/^50\/200: .*deployment \d+(\.\d+)? s\.$/);
    expect(summary[1]).toBe('100/100: stays at 4 running; deployment stuck: DEPLOYMENT_CONFIGURATION.');
    await table.scrollIntoViewIfNeeded();
    await shot(page, 'playground-what-if', page.locator('section.bottom'));
    await shot(page, 'playground-what-if-table', table);
    await shot(page, 'playground-what-if-chart', chart);
  });

  it('the variants are saved with the scenario and are there after a reload', async () => {
    await waitForSaved((s) => s?.variants.map((v) => v.name).join() === '50/200,100/100' &&
      s.variants[1].changes.length === 1 && s.service === 'demo/web');
    await page.reload();
    await waitForPlayground(page);
    await openWhatIfTab();
    const view = whatIf();
    const names = view.getByTestId('what-if-variant-name');
    expect(await names.count()).toBe(2);
    expect([await names.nth(0).inputValue(), await names.nth(1).inputValue()]).toEqual(['50/200', '100/100']);
    expect(JSON.parse(await view.getByTestId('what-if-changes').nth(1).inputValue())).toEqual([
      { service: 'web', cluster: 'demo', deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 100 } },
    ]);
    expect(await view.getByTestId('what-if-service').inputValue()).toBe('demo/web');
  });

  it('is keyboard-operable: the tab is reached with the arrow keys and Run with Enter', async () => {
    await page.getByTestId('tab-events').focus();
    await page.keyboard.press('End');
    expect(await page.getByTestId('tab-whatif').getAttribute('aria-selected')).toBe('true');
    await whatIf().getByTestId('what-if-run').focus();
    await page.keyboard.press('Enter');
    await whatIf().getByTestId('what-if-table').waitFor();
  });

  it('is usable at 390 px wide: the controls fit, Run is reachable', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const run = whatIf().getByTestId('what-if-run');
    await run.scrollIntoViewIfNeeded();
    const box = await run.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    await shot(page, 'playground-what-if-narrow', page.locator('section.bottom'));
    await page.setViewportSize({ width: 1500, height: 900 });
  });

  it('another scenario has its own setup: a new empty one shows a single unchanged variant', async () => {
    await page.getByTestId('new-scenario-empty').click();
    const names = whatIf().getByTestId('what-if-variant-name');
    for (let i = 0; (await names.count()) !== 1; i++) {
      if (i >= 100) throw new Error('the what-if view kept the previous scenario\'s variants');
      await page.waitForTimeout(100);
    }
    expect(await names.nth(0).inputValue()).toBe('As is');
  });

  it('had no console errors', () => {
    expect(browser.problems).toEqual([]);
  });
});

// The playground's user journeys of issue 5 in Debian's Chromium, through the UI only (the forms,
// the toolbar, the tree): create, run until steady, roll a new revision out, reload, go offline, two
// tabs, a corrupt import, the keyboard and a narrow screen, and screenshots of the main views.
// The journeys build on each other (one browser profile, one scenario). Reads through
// `ecsSandbox.scheduler` only check what the UI did; nothing is created that way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedChromium } from './support/launch-chromium.ts';
import { serveWebBuild, type ServedBuild } from './support/serve-web-build.ts';
import {
  TREE, describeService, editor, eventTexts, focusedTestId, pause, runUntilSteady, selectInTree, shot, startCreating, taskBlocksOf,
  treeItem, waitForCount, waitForPlayground,
} from './support/playground-page.ts';

const SERVICE = 'e2e-web';
const FAMILY = 'e2e-web';
const CLUSTER = 'default';
const STEADY = `(service ${SERVICE}) has reached a steady state.`;

let served: ServedBuild;
let browser: LaunchedChromium;
let page: Page;

beforeAll(async () => {
  served = await serveWebBuild();
  browser = await launchChromium();
  page = browser.page;
  browser.context.on('dialog', (d) => void d.accept()); // the editors' confirm() (deadlock warnings, deletes)
  page.on('dialog', (d) => void d.accept().catch(() => {}));
  await page.goto(served.url);
  await waitForPlayground(page);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('the playground journeys (issue 5)', () => {
  it('1. creates an instance, a task definition and a service through the editors; runs until steady', async () => {
    // a new empty scenario: the default cluster only
    await page.getByTestId('new-scenario-empty').click();
    await treeItem(page, 'cluster', CLUSTER).waitFor();
    await waitForCount(page.getByTestId('instance-card'), 0);
    await pause(page);

    const panel = editor(page);
    await startCreating(page, 'New container instance');
    await panel.getByLabel('Instance type').selectOption('m5.large');
    await panel.getByLabel('Availability Zone').selectOption('us-east-1b');
    await panel.getByRole('button', { name: 'Register instance' }).click();
    await page.locator('[data-testid="zone"][data-zone="us-east-1b"] [data-testid="instance-card"]').waitFor();
    expect(await page.getByTestId('instance-card').count()).toBe(1);

    await startCreating(page, 'New task definition');
    await panel.getByLabel('Family').fill(FAMILY);
    await panel.getByLabel('Memory (MiB, hard)').fill('512');
    await panel.getByRole('button', { name: 'Add port mapping' }).click();
    await panel.getByLabel('Mapping 1 container port').fill('8080');
    await panel.getByLabel('Host port').fill('0'); // dynamic (bridge)
    await panel.getByRole('button', { name: 'Register task definition' }).click();
    await panel.getByText(`Registered ${FAMILY}:1.`).waitFor();
    await treeItem(page, 'taskDefinition', `${FAMILY}:1`).waitFor();

    await startCreating(page, 'New service');
    await panel.getByLabel('Service name').fill(SERVICE);
    await panel.getByLabel('Task definition').selectOption(`${FAMILY}:1`);
    await panel.getByLabel('Desired count').fill('2');
    await panel.getByRole('button', { name: 'Create service' }).click();
    await panel.getByText(`Service ${SERVICE} created.`).waitFor();
    await treeItem(page, 'service', SERVICE).waitFor();

    await runUntilSteady(page);
    await waitForCount(taskBlocksOf(page, SERVICE), 2);
    expect(await eventTexts(page)).toContain(STEADY);
    const td = await page.evaluate((ecs) => ecsSandbox.scheduler.call(`${ecs}.DescribeTaskDefinition`, { taskDefinition: 'e2e-web:1' }), 'AmazonEC2ContainerServiceV20141113');
    expect(td).toMatchObject({ output: { taskDefinition: { containerDefinitions: [{ memory: 512, portMappings: [{ containerPort: 8080, hostPort: 0, protocol: 'tcp' }] }] } } });
    await shot(page, 'journey-1-created-steady');
  });

  it('2. a new revision rolled out through the service editor shows as a rolling deployment on the timeline', async () => {
    const panel = editor(page);
    await selectInTree(page, 'taskDefinition', `${FAMILY}:1`);
    await panel.getByRole('heading', { name: `Task definition ${FAMILY}:1` }).waitFor();
    await expectValue(panel.getByLabel('Family'), FAMILY); // loaded by DescribeTaskDefinition
    await panel.getByLabel('Memory (MiB, hard)').fill('384');
    await panel.getByRole('button', { name: 'Register new revision' }).click();
    await panel.getByText(`Registered ${FAMILY}:2.`).waitFor();
    await treeItem(page, 'taskDefinition', `${FAMILY}:2`).waitFor();

    await selectInTree(page, 'service', SERVICE);
    await panel.getByRole('heading', { name: `Service ${SERVICE}` }).waitFor();
    await expectValue(panel.getByLabel('Desired count'), '2');
    await panel.getByLabel('Task definition').selectOption(`${FAMILY}:2`);
    await panel.getByRole('button', { name: 'Update service' }).click();
    await panel.getByText('Service updated.').waitFor();

    // one step in: two deployments, the new PRIMARY and the old one still ACTIVE
    await page.getByTestId('tab-timeline').click();
    const summary = page.getByTestId('timeline-summary');
    const rolling = summary.filter({ hasText: /^(?=.*ACTIVE deployment \d+: 2 running)(?=.*PRIMARY deployment \d+: )/ });
    // the scheduler looks at the service on its own cadence: step second by second until it has
    const clock = page.getByTestId('clock');
    for (let step = 0; step < 30 && !(await rolling.count()); step++) {
      const before = await clock.textContent();
      await page.getByTestId('step').click();
      await page.waitForFunction((t) => {
        const c = document.querySelector('ecs-playground')?.shadowRoot?.querySelector('ecs-toolbar')?.shadowRoot?.querySelector('[data-testid="clock"]');
        return c?.textContent !== t;
      }, before);
      await rolling.waitFor({ timeout: 1000 }).catch(() => {}); // the chart fetches GetTimeline after the view
    }
    expect(await summary.textContent()).toMatch(/^(?=.*ACTIVE deployment \d+: 2 running)(?=.*PRIMARY deployment \d+: )/);
    await shot(page, 'journey-2-timeline-rolling');

    await runUntilSteady(page);
    // steady: the old deployment ran down to 0 and is gone; the chart keeps both series, and the summary
    // still tells the rollout: the replaced deployment with its peak
    await summary.filter({ hasText: /\. PRIMARY deployment \d+: 2 running, 0 pending\. Replaced: deployment \d+ \(up to 2 running\)\./ }).waitFor();
    const series = await page.locator('[data-testid="timeline-chart"] path.running').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-deployment')));
    expect(new Set(series).size).toBe(2);
    const legend = await page.locator('ecs-deployment-timeline .legend li').allTextContents();
    expect(legend.filter((l) => /running 0,/.test(l))).toHaveLength(1);
    expect(legend.filter((l) => /^\s*PRIMARY \w+\s+running 2,/.test(l))).toHaveLength(1);
    await waitForCount(taskBlocksOf(page, SERVICE), 2);
    const blocks = await taskBlocksOf(page, SERVICE).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(blocks.every((l) => l?.includes('primary deployment'))).toBe(true);
    expect((await describeService(page, CLUSTER, SERVICE))?.taskDefinition).toMatch(/task-definition\/e2e-web:2$/);
    await shot(page, 'journey-2-timeline-steady');
  });

  it('3. after a reload everything is still there: the service, the instance, both revisions, the same events', async () => {
    const before = await eventTexts(page);
    const clock = await page.getByTestId('clock').textContent();
    await page.reload();
    await waitForPlayground(page);
    await treeItem(page, 'service', SERVICE).waitFor();
    await treeItem(page, 'taskDefinition', `${FAMILY}:1`).waitFor();
    await treeItem(page, 'taskDefinition', `${FAMILY}:2`).waitFor();
    expect(await page.getByTestId('instance-card').count()).toBe(1);
    await waitForCount(taskBlocksOf(page, SERVICE), 2);
    expect(await eventTexts(page)).toEqual(before);
    expect(await page.getByTestId('clock').textContent()).toBe(clock); // paused before the reload, paused after
    await shot(page, 'journey-3-restored');
  });

  it('5. two tabs on the same scenario: an edit in each survives reloading both', async () => {
    const pageB = await browser.context.newPage();
    pageB.on('pageerror', (e) => browser.problems.push(`page B error: ${e.message}`));
    pageB.on('dialog', (d) => void d.accept().catch(() => {}));
    try {
      await pageB.goto(served.url);
      await waitForPlayground(pageB);
      await treeItem(pageB, 'service', SERVICE).waitFor();
      // both editors open on the service before either edit
      for (const p of [page, pageB]) {
        await selectInTree(p, 'service', SERVICE);
        await editor(p).getByRole('heading', { name: `Service ${SERVICE}` }).waitFor();
        await expectValue(editor(p).getByLabel('Desired count'), '2');
      }
      await editor(page).getByLabel('Desired count').fill('3');
      await editor(page).getByRole('button', { name: 'Update service' }).click();
      await editor(page).getByText('Service updated.').waitFor();

      await editor(pageB).getByLabel('Minimum healthy percent').fill('50');
      await editor(pageB).getByRole('button', { name: 'Update service' }).click();
      await editor(pageB).getByText('Service updated.').waitFor();

      for (const p of [page, pageB]) {
        await p.reload();
        await waitForPlayground(p);
        const service = await describeService(p, CLUSTER, SERVICE);
        expect(service).toMatchObject({ desiredCount: 3, deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 } });
      }
      await selectInTree(pageB, 'service', SERVICE);
      await expectValue(editor(pageB).getByLabel('Desired count'), '3');
      await expectValue(editor(pageB).getByLabel('Minimum healthy percent'), '50');
      await shot(pageB, 'journey-5-second-tab');
    } finally {
      await pageB.close();
    }
  });

  it('6. a corrupt scenario file is refused with an error naming the fault, and nothing is lost', async () => {
    await page.getByTestId('scenario-item').first().waitFor();
    const library = () => page.getByTestId('scenario-item').evaluateAll((items) => items.map((li) => ({
      id: li.getAttribute('data-scenario-id'), name: li.getAttribute('data-scenario-name'), open: li.getAttribute('data-open'),
    })));
    const exportScenario = () => page.evaluate(() => ecsSandbox.scheduler.call('EcsSandbox.ExportScenario', {}));
    const libraryBefore = await library();
    const scenarioBefore = await exportScenario();
    expect(libraryBefore.filter((s) => s.open === 'true')).toHaveLength(1);
    expect(scenarioBefore).toHaveProperty('output.scenario');

    const error = page.getByTestId('library-error');
    const importFile = (name: string, text: string) =>
      page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

    // not JSON at all
    await importFile('broken.ecs-sandbox.json', '{"scenario": {"schemaVersion": ');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/JSON/);
    await shot(page, 'journey-6-import-invalid-json');
    await page.getByTestId('dismiss-library-error').click();
    await error.waitFor({ state: 'detached' });

    // JSON of the right shape with one wrong type: the service's desiredCount is "x"
    const wrong = structuredClone((scenarioBefore as { output: { scenario: { regions: Record<string, { services: { serviceName: string; desiredCount: unknown }[] }> } } }).output);
    const service = wrong.scenario.regions['us-east-1'].services.find((x) => x.serviceName === SERVICE)!;
    service.desiredCount = 'x';
    await importFile('wrong-type.ecs-sandbox.json', JSON.stringify(wrong));
    await error.filter({ hasText: 'desiredCount' }).waitFor();
    await shot(page, 'journey-6-import-wrong-type');

    expect(await library()).toEqual(libraryBefore);
    expect(await exportScenario()).toEqual(scenarioBefore);
    await treeItem(page, 'service', SERVICE).waitFor();
    await page.getByTestId('dismiss-library-error').click();
  });

  it('7. keyboard: the toolbar and the resource tree work with Tab, Enter and the arrow keys; 390 px wide without overflow', async () => {
    await page.getByTestId('play').focus();
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('speed-1');
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('speed-10');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="speed-10"][aria-pressed="true"]').waitFor();
    await page.getByTestId('speed-1').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="speed-1"][aria-pressed="true"]').waitFor();

    // the tree: focus its first item, move down with the arrows, select with Enter
    await page.locator(`${TREE} [role="treeitem"]`).first().focus();
    expect(await focusedTestId(page)).toBe('tree-group:clusters');
    await page.keyboard.press('ArrowDown');
    expect(await focusedTestId(page)).toBe(`tree-cluster:${CLUSTER}`);
    await page.keyboard.press('Enter');
    await page.locator(`${TREE} [data-key="cluster:${CLUSTER}"][aria-selected="true"]`).waitFor();
    await editor(page).getByRole('heading', { name: new RegExp(`Cluster ${CLUSTER}`) }).waitFor();
    await page.keyboard.press('ArrowLeft'); // collapse the cluster
    await page.locator(`${TREE} [data-key="cluster:${CLUSTER}"][aria-expanded="false"]`).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.locator(`${TREE} [data-key="cluster:${CLUSTER}"][aria-expanded="true"]`).waitFor();

    const size = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.getByTestId('run-until-steady').waitFor();
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth, bodyScrollWidth: document.body.scrollWidth, width: window.innerWidth,
      }));
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
      expect(layout.bodyScrollWidth).toBeLessThanOrEqual(layout.width);
      for (const selector of ['ecs-toolbar', 'ecs-cluster-map', '[data-testid="instance-card"]']) {
        const box = await page.locator(selector).first().boundingBox();
        expect(box, selector).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, selector).toBeLessThanOrEqual(390 + 0.5);
      }
      await shot(page, 'journey-7-390px');
      await shot(page, 'journey-7-390px-full', 'full-page');
    } finally {
      await page.setViewportSize(size ?? { width: 1500, height: 900 });
    }
  });

  it('8. screenshots of the main views: map and events, timeline, editor, placement explanation, dark scheme', async () => {
    await page.getByTestId('tab-events').click();
    await page.getByTestId('event').first().waitFor();
    await shot(page, 'view-map-events');
    await selectInTree(page, 'service', SERVICE);
    await page.getByTestId('tab-timeline').click();
    await page.getByTestId('timeline-summary').filter({ hasText: SERVICE }).waitFor();
    await shot(page, 'view-timeline');
    await editor(page).getByRole('heading', { name: `Service ${SERVICE}` }).waitFor();
    await shot(page, 'view-editor', page.locator('ecs-editor-panel'));
    await page.getByTestId('tab-placement').click();
    await page.getByTestId('placement-explain').click();
    await page.getByTestId('placement-row').first().waitFor();
    await shot(page, 'view-placement');
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      await page.getByTestId('tab-events').click();
      const background = await page.locator('ecs-playground').evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(luminance(background)).toBeLessThan(0.3);
      await shot(page, 'view-dark');
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  it('4. offline: after one visit the playground loads from the service worker and runs with the network off', async () => {
    const active = await page.evaluate(() => Promise.race([
      navigator.serviceWorker.ready.then((r) => r.active?.state ?? 'none'),
      new Promise<string>((resolve) => { setTimeout(() => resolve('no service worker became ready'), 10_000); }),
    ]));
    expect(active).toBe('activated');
    await page.reload(); // from now on the worker controls the page
    await waitForPlayground(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');

    await browser.context.setOffline(true);
    try {
      await page.reload();
      await waitForPlayground(page); // the page, its scripts and the WASM core came from the cache: core status ready
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
      await treeItem(page, 'service', SERVICE).waitFor();
      await waitForCount(taskBlocksOf(page, SERVICE), 2);
      const clock = await page.getByTestId('clock').textContent();
      await page.getByTestId('step').click();
      await page.getByTestId('status').filter({ hasText: /^Stepped 1 s/ }).waitFor();
      expect(await page.getByTestId('clock').textContent()).not.toBe(clock);
      await shot(page, 'journey-4-offline');
    } finally {
      await browser.context.setOffline(false);
    }
  });

  it('logged no console errors, page errors or failed requests', () => {
    expect(browser.problems).toEqual([]);
  });
});

async function expectValue(locator: import('playwright-core').Locator, value: string): Promise<void> {
  await locator.page().waitForFunction(
    ([el, v]) => (el as HTMLInputElement).value === v, [await locator.elementHandle(), value] as const,
  );
}

/** Relative luminance of an `rgb(...)` colour, 0 (black) … 1 (white). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['255', '255', '255']).slice(0, 3).map((c) => Number(c) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

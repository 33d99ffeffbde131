// Helpers for driving the playground like a user: every wait is on something the page shows
// (Playwright's CSS and role locators pierce the open shadow roots of the Lit elements).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from './serve-web-build.ts';

export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
export const ECS = 'AmazonEC2ContainerServiceV20141113';
export const TREE = '[data-testid="resource-tree"]';

/** Opens (or reloads) the page and waits until the worker answered and the tree shows the scenario. */
export async function waitForPlayground(page: Page): Promise<void> {
  await page.locator('ecs-core-status[state="ready"]').waitFor({ state: 'attached' });
  await page.locator(`${TREE} [data-key^="cluster:"]`).first().waitFor();
}

/** Stops the realtime clock (the playground starts playing): every later change comes from the test. */
export async function pause(page: Page): Promise<void> {
  const toolbar = page.locator('ecs-toolbar');
  await toolbar.locator('[data-testid="play"], [data-testid="pause"]').first().waitFor();
  if (await toolbar.getByTestId('pause').count()) await toolbar.getByTestId('pause').click();
  await toolbar.getByTestId('play').waitFor();
}

export async function runUntilSteady(page: Page): Promise<void> {
  await page.getByTestId('run-until-steady').click();
  await page.getByTestId('steady-result').filter({ hasText: /^Steady$/ }).waitFor();
}

/** The editor panel (the create buttons, or the editor of the selected resource). */
export const editor = (page: Page): Locator => page.locator('ecs-editor-panel');

/** Back to the editor panel's Create buttons, then one of them. */
export async function startCreating(page: Page, button: 'New container instance' | 'New task definition' | 'New service' | 'New cluster'): Promise<void> {
  const panel = editor(page);
  if (await panel.getByTestId('editor-create').count()) await panel.getByTestId('editor-create').click();
  await panel.getByRole('button', { name: button, exact: true }).click();
}

/** A tree item by its key prefix and label (clicking its row selects it). */
export function treeItem(page: Page, kind: string, label: string): Locator {
  return page.locator(`${TREE} [data-key^="${kind}:"]`).filter({ has: page.locator(`:scope > .row > .label`, { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
}

export async function selectInTree(page: Page, kind: string, label: string): Promise<void> {
  await treeItem(page, kind, label).locator(':scope > .row').click();
}

/** The task blocks the map shows for one service. */
export const taskBlocksOf = (page: Page, service: string): Locator =>
  page.locator(`[data-testid="task-block"][aria-label*="service ${service}, "]`);

/** Polls until the locator matches exactly `count` elements (at most 200 polls, 100 ms apart). */
export async function waitForCount(locator: Locator, count: number): Promise<void> {
  for (let i = 0; ; i++) {
    const n = await locator.count();
    if (n === count) return;
    if (i >= 200) throw new Error(`expected ${count} elements, still ${n}`);
    await locator.page().waitForTimeout(100);
  }
}

/** The texts of the events list, newest first. */
export async function eventTexts(page: Page): Promise<string[]> {
  await page.getByTestId('tab-events').click();
  await page.getByTestId('events-list').waitFor({ state: 'attached' });
  return page.getByTestId('event').locator('.message').allTextContents();
}

export async function describeService(page: Page, cluster: string, service: string): Promise<Record<string, unknown> | undefined> {
  const out = await page.evaluate(([ecs, c, s]) => ecsSandbox.scheduler.call(`${ecs}.DescribeServices`, { cluster: c, services: [s] }), [ECS, cluster, service]);
  return 'output' in out ? ((out.output as { services?: Record<string, unknown>[] }).services?.[0]) : undefined;
}

export async function shot(page: Page, name: string, target?: Locator | 'full-page'): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  if (target === 'full-page') await page.screenshot({ path, fullPage: true });
  else if (target) await target.screenshot({ path });
  else await page.screenshot({ path });
}

/** The data-testid (or tag) of the focused element, looking through shadow roots. */
export function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? el.getAttribute('data-testid') ?? el.getAttribute('data-key') ?? el.tagName.toLowerCase() : null;
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

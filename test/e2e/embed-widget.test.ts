// The <ecs-sandbox> widget (issue 6 item 2) in Chromium: the embed build (vite.embed.config.ts) in a
// fresh directory next to a copy of docs/example, served on 127.0.0.1 as any static host would. All
// four widgets of the page's three examples render and run, the page's styles and the widgets' stay
// apart, one worker serves every widget, nothing is stored, no console errors; a screenshot, and the
// widget's own JS size (issue 6: ≤ 40 KB gzip beyond what the playground shares).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedChromium } from './support/launch-chromium.ts';
import { shot, waitForCount } from './support/playground-page.ts';
import { ROOT } from './support/serve-web-build.ts';

const KB = 1000;
let site: string;
let server: PreviewServer;
let url: string;
let chromium: LaunchedChromium;
let page: Page;

/** Builds the widget into <site>/dist/embed and copies the example page to <site>/docs/example. */
async function buildSite(): Promise<string> {
  if (!existsSync(join(ROOT, 'build/scheduler-core.wasm'))) {
    throw new Error('build/scheduler-core.wasm is missing: run `npm run asbuild` first (npm test does)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'ecs-sandbox-embed-'));
  await build({ root: ROOT, configFile: join(ROOT, 'vite.embed.config.ts'), logLevel: 'warn', build: { outDir: join(dir, 'dist/embed'), emptyOutDir: true } });
  mkdirSync(join(dir, 'docs'), { recursive: true });
  cpSync(join(ROOT, 'docs/example'), join(dir, 'docs/example'), { recursive: true });
  return dir;
}

const widget = (example: string): Locator => page.locator(`ecs-sandbox[data-example="${example}"]`);
const steadyEvents = (w: Locator) => w.locator('[data-testid="event"] .message').filter({ hasText: /has reached a steady state\.$/ });

/** Polls until `read` gives `true` (at most 300 polls, 100 ms apart). */
async function until(what: string, read: () => Promise<boolean>): Promise<void> {
  for (let i = 0; ; i++) {
    if (await read()) return;
    if (i >= 300) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(100);
  }
}

beforeAll(async () => {
  site = await buildSite();
  server = await preview({
    root: ROOT, configFile: false, logLevel: 'warn',
    build: { outDir: site },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('vite preview did not report a URL');
  url = new URL('docs/example/', base).href;
  chromium = await launchChromium();
  page = chromium.page;
  // Count every Worker the page makes, before any module runs.
  await page.addInitScript(() => {
    const Original = window.Worker;
    const made: string[] = [];
    Object.assign(window, { __workersMade: made });
    window.Worker = class extends Original {
      constructor(scriptURL: string | URL, options?: WorkerOptions) {
        super(scriptURL, options);
        made.push(String(scriptURL));
      }
    };
  });
  await page.goto(url);
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

describe('<ecs-sandbox> on the example documentation page', () => {
  it('spread vs binpack: both maps fill, one task per instance against all six on one, then steady', async () => {
    await widget('spread').scrollIntoViewIfNeeded();
    for (const example of ['spread', 'binpack']) {
      const w = widget(example);
      await waitForCount(w.locator('[data-testid="instance-card"]'), 6);
      await waitForCount(w.locator('[data-testid="task-block"]'), 6);
      await steadyEvents(w).first().waitFor({ state: 'attached', timeout: 60_000 });
    }
    const perCard = (example: string) => widget(example).locator('[data-testid="instance-card"]').evaluateAll(
      (cards) => cards.map((c) => c.querySelectorAll('[data-testid="task-block"]').length).sort((a, b) => b - a));
    expect(await perCard('spread')).toEqual([1, 1, 1, 1, 1, 1]);
    expect(await perCard('binpack')).toEqual([6, 0, 0, 0, 0, 0]);
    await shot(page, 'embed-spread-vs-binpack', page.locator('.pair'));
  });

  it('the rolling deployment at 50/200 plays to web:2 and a steady state, with its timeline', async () => {
    const w = widget('rolling');
    await w.scrollIntoViewIfNeeded();
    await w.locator('[data-testid="timeline-chart"]').waitFor();
    await until('the rollout to finish', async () => {
      const services = await w.getByTestId('widget-services').textContent();
      return /web: 6 running, 0 pending of 6$/m.test(services?.trim() ?? '') && (await steadyEvents(w).count()) >= 2;
    });
    await waitForCount(w.locator('[data-testid="task-block"]'), 6);
    expect(await w.getByTestId('timeline-summary').textContent()).toBeTruthy();
    await shot(page, 'embed-rolling-deployment', w);
  });

  it('bridge-mode discovery: an SRV record per task, each with its own dynamic port', async () => {
    const w = widget('bridge-discovery');
    await w.scrollIntoViewIfNeeded();
    await waitForCount(w.locator('[data-testid="discovery-record"]'), 4);
    await steadyEvents(w).first().waitFor({ state: 'attached', timeout: 60_000 });
    const rows = await w.locator('[data-testid="discovery-record"]').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['web.docs.local']));
    expect(new Set(rows.map((r) => `${r[2]}:${r[3]}`)).size).toBe(4); // instance IP + its task's host port
    await waitForCount(w.locator('[data-testid="task-block"]'), 4);
  });

  it('the page and the widgets keep their own styles', async () => {
    const styles = await page.evaluate(() => {
      const style = (el: Element | null | undefined) => {
        if (!el) throw new Error('element not found');
        const s = getComputedStyle(el);
        return { color: s.color, fontFamily: s.fontFamily, textAlign: s.textAlign, background: s.backgroundColor, marginBottom: s.marginBottom };
      };
      const spread = document.querySelector('ecs-sandbox[data-example="spread"]')!;
      const map = spread.shadowRoot!.querySelector('ecs-cluster-map')!;
      const rolling = document.querySelector('ecs-sandbox[data-example="rolling"]')!;
      return {
        pageH2: style(document.querySelector('h2')),
        pageP: style(document.querySelector('h2 + p')),
        pageButtonRule: [...document.styleSheets].some((sheet) => [...sheet.cssRules].some((r) => r.cssText.startsWith('button'))),
        zoneHeading: style(map.shadowRoot!.querySelector('section.zone h2')),
        widgetHeading: style(rolling.shadowRoot!.querySelector('h3')),
        widgetStatus: style(spread.shadowRoot!.querySelector('[part~="status"]')),
        widgetButton: style(spread.shadowRoot!.querySelector('button')),
        host: style(spread),
      };
    });
    // the page's own look (docs/example/index.html): serif, coloured h2, justified paragraphs
    expect(styles.pageH2.color).toBe('rgb(192, 57, 43)');
    expect(styles.pageP.fontFamily).toMatch(/^Georgia/);
    expect(styles.pageP.textAlign).toBe('justify');
    expect(styles.pageP.marginBottom).toBe('18px');
    expect(styles.pageButtonRule).toBe(true);
    // none of it reaches into a widget: not the h2 colour, the serif, the justified text or the pink buttons
    for (const inside of [styles.zoneHeading, styles.widgetHeading, styles.widgetStatus, styles.widgetButton, styles.host]) {
      expect(inside.color).not.toBe('rgb(192, 57, 43)');
      expect(inside.fontFamily).not.toMatch(/Georgia|Times/);
      expect(inside.textAlign).not.toBe('justify');
    }
    expect(styles.widgetButton.background).not.toBe('rgb(255, 105, 180)');
  });

  it('one worker serves every widget, nothing is stored, and there were no console errors', async () => {
    const made = await page.evaluate(() => (window as unknown as { __workersMade: string[] }).__workersMade);
    expect(await page.locator('ecs-sandbox').count()).toBe(4);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatch(/\/dist\/embed\/assets\/embed\.worker-[^/]+\.js$/);
    expect(page.workers()).toHaveLength(1);
    // stateless: no IndexedDB database, nothing in the page's storage
    expect(await page.evaluate(async () => ({ dbs: (await indexedDB.databases()).length, local: localStorage.length, session: sessionStorage.length })))
      .toEqual({ dbs: 0, local: 0, session: 0 });
    await shot(page, 'embed-example-page', 'full-page');
    expect(chromium.problems).toEqual([]);
  });

  it('view="full" readonly loads the playground without editors; view="what-if" shows the comparison or says why not', async () => {
    await page.evaluate(() => {
      const calls = JSON.stringify([{ target: 'AmazonEC2ContainerServiceV20141113.CreateCluster', input: { clusterName: 'extra' } }]);
      for (const [view, text] of [['full', calls], ['what-if', JSON.stringify({ scenario: JSON.parse(calls), variants: [{ name: 'as is', changes: [] }] })]]) {
        const el = document.createElement('ecs-sandbox');
        el.setAttribute('view', view);
        el.setAttribute('readonly', '');
        el.dataset.example = `added-${view}`;
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = text;
        el.append(script);
        document.body.append(el);
      }
    });
    const full = widget('added-full');
    await full.scrollIntoViewIfNeeded();
    await full.locator('ecs-playground ecs-toolbar').waitFor();
    await full.locator('[data-testid="resource-tree"] [data-key^="cluster:"]').first().waitFor();
    expect(await full.locator('ecs-editor-panel').count()).toBe(0); // readonly: no editors
    const whatIf = widget('added-what-if');
    await whatIf.getByTestId('widget-whatif').locator('table').or(whatIf.getByTestId('widget-status').filter({ hasText: /what-if/i })).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __workersMade: string[] }).__workersMade.length)).toBe(1);
    expect(chromium.problems).toEqual([]);
  });

  it('works offline once visited: the page\'s service worker and the widget\'s (embed-sw.js) keep what they load', async () => {
    // both service workers active; the first visit ran before they controlled anything, so one reload
    // under them keeps every file (the page's, and the worker script and .wasm under the embed folder)
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistrations()).filter((r) => r.active).length === 2);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await widget('spread').scrollIntoViewIfNeeded(); // autoplay runs while the widget is on screen
    await waitForCount(widget('spread').locator('[data-testid="task-block"]'), 6);
    const problemsBefore = chromium.problems.length;
    await page.context().setOffline(true);
    try {
      await page.reload();
      await widget('spread').scrollIntoViewIfNeeded();
      await waitForCount(widget('spread').locator('[data-testid="instance-card"]'), 6);
      await waitForCount(widget('spread').locator('[data-testid="task-block"]'), 6);
      await steadyEvents(widget('spread')).first().waitFor({ state: 'attached', timeout: 60_000 });
      await shot(page, 'embed-offline', page.locator('.pair'));
    } finally {
      await page.context().setOffline(false);
    }
    expect(chromium.problems.slice(problemsBefore)).toEqual([]);
  });

  it('the widget\'s JS: ≤ 40 KB gzip at load (issue 6), printed with the worker and the lazy full view', () => {
    const out = join(site, 'dist/embed');
    const gzip = (file: string) => gzipSync(readFileSync(join(out, file)), { level: 9 }).length;
    const entry = readFileSync(join(out, 'embed.js'), 'utf8');
    // embed.js and the chunks it imports statically (not `import(…)`: the full view loads on first use)
    const eager = ['embed.js', ...[...entry.matchAll(/(?:from|import)\s*"\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1])];
    const files = readdirSync(join(out, 'assets'));
    const size = (re: RegExp) => files.filter((f) => re.test(f)).map((f) => `${f} ${(gzip(join('assets', f)) / KB).toFixed(1)} KB`).join(', ');
    const eagerBytes = eager.reduce((n, f) => n + gzip(f), 0);
    console.log(`<ecs-sandbox> JS at load (${eager.join(' + ')}): ${(eagerBytes / KB).toFixed(1)} KB gzip, all of it (lit and the ` +
      `playground's map, timeline, events, discovery and placement elements included); worker: ${size(/^embed\.worker-.*\.js$/)}; ` +
      `full view (lazy): ${size(/^embed-full-.*\.js$/)}; core: ${size(/\.wasm$/)}`);
    // the whole of it, shared parts included, is within the budget for the widget's own part
    expect(eagerBytes).toBeLessThanOrEqual(40 * KB);
    expect(files.filter((f) => f.endsWith('.wasm'))).toHaveLength(1);
  });
});

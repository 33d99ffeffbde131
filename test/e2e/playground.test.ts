// The playground in Debian's Chromium: built by Vite, served by `vite preview`, the sandbox in a
// module Web Worker with the WASM core, and the AWS SDK running in the page against that worker.
// Every wait is on a condition; nothing here measures time.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SandboxApi } from '../../src/api/handler.ts';
import { WIRE } from '../../src/messages.ts';
import { newDocument } from '../../src/domain/new-document.ts';
import type { DescribeServicesResponse, ListServicesResponse, Service } from '../../src/model/ecs-types.ts';
import { loadScenario } from '../../src/scenarios/load-scenario.ts';
import { nextU32, seedStreams } from '../../src/shared/xoshiro128.ts';
import { ABI_VERSION } from '../../src/wasm/abi.ts';
import { launchChromium, type LaunchedChromium } from './support/launch-chromium.ts';
import { ROOT, serveWebBuild, type ServedBuild } from './support/serve-web-build.ts';

const ECS = 'AmazonEC2ContainerServiceV20141113';
const SCREENSHOTS = join(ROOT, 'test-results/screenshots');

let served: ServedBuild;
let browser: LaunchedChromium;
let page: Page;
const wasmResponses: { url: string; contentType: string | undefined }[] = [];

/** The demo scenario's services as a sandbox in Node describes them: what the page must show. */
async function expectedDemoServices(): Promise<Service[]> {
  const api = new SandboxApi({ document: newDocument({ clock: 'manual' }) });
  await loadScenario(api, 'demo');
  const arns = (api.call(`${ECS}.ListServices`, { cluster: 'demo' }).output as ListServicesResponse).serviceArns ?? [];
  const services: Service[] = [];
  for (let i = 0; i < arns.length; i += 10) {
    services.push(...((api.call(`${ECS}.DescribeServices`, { cluster: 'demo', services: arns.slice(i, i + 10) }).output as DescribeServicesResponse).services ?? []));
  }
  return services;
}

/** Waits until an element's `state` attribute settles on ready or error (Playwright's CSS pierces the shadow roots). */
async function settled(selector: string): Promise<string | null> {
  await page.locator(`${selector}[state="ready"], ${selector}[state="error"]`).first().waitFor({ state: 'attached' });
  return page.locator(selector).getAttribute('state');
}

const TREE = '[data-testid="resource-tree"]';

beforeAll(async () => {
  served = await serveWebBuild();
  browser = await launchChromium();
  page = browser.page;
  page.on('response', (r) => {
    if (r.url().endsWith('.wasm')) wasmResponses.push({ url: r.url(), contentType: r.headers()['content-type'] });
  });
  await page.goto(served.url);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('the playground in Chromium', () => {
  it('builds the core as a separate .wasm asset, fetched as application/wasm', async () => {
    expect(served.files.filter((f) => f.endsWith('.wasm'))).toHaveLength(1);
    await settled('ecs-core-status');
    expect(wasmResponses).toEqual([{ url: expect.stringMatching(/\/assets\/scheduler-core-[\w-]+\.wasm$/), contentType: 'application/wasm' }]);
  });

  it('opens the playground on the demo scenario: its services in the sidebar, its instances on the map by zone', async () => {
    const expected = await expectedDemoServices();
    expect(expected.length).toBeGreaterThan(0);
    await page.locator(`${TREE} [data-key^="service:"]`).first().waitFor();
    const services = await page.locator(`${TREE} [data-key^="service:"]`).evaluateAll((items) =>
      items.map((li) => ({ key: li.getAttribute('data-key'), name: li.querySelector('.label')?.textContent })));
    expect(services).toEqual(expected.map((s) => ({ key: `service:${s.serviceArn}`, name: s.serviceName })));
    // the demo's six instances, two per zone (demo-scenario.ts)
    await page.locator('[data-testid="instance-card"]').nth(5).waitFor();
    expect(await page.locator('[data-testid="instance-card"]').count()).toBe(6);
    expect(await page.getByTestId('zone').evaluateAll((zones) => zones.map((z) => z.getAttribute('data-zone'))))
      .toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-demo.png') });
  });

  it('the WASM core in the worker draws the same numbers as the TypeScript twin for the same seed', async () => {
    expect(await settled('ecs-core-status')).toBe('ready');
    const seed = Number(await page.locator('ecs-core-status .seed').textContent());
    const shown = (await page.locator('ecs-core-status .draw').allTextContents()).map(Number);
    const { placement } = seedStreams(seed);
    const twin = shown.map(() => nextU32(placement));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(twin);
    const status = await page.evaluate(() => ecsSandbox.scheduler.coreStatus());
    expect(status).toEqual({ abiVersion: ABI_VERSION, seed, placementDraws: twin, memoryBytes: expect.any(Number), placementCore: 'wasm' });
  });

  it('places exactly as Node does: the WASM core in the worker answers DescribePlacement like the TS oracle', async () => {
    // Dry runs change nothing, so the worker's demo state stays the one Node rebuilds here.
    const requests = [
      { cluster: 'demo', taskDefinition: 'web', count: 6 },
      { cluster: 'demo', taskDefinition: 'web', count: 5, placementStrategy: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }] },
      { cluster: 'demo', taskDefinition: 'web', count: 4, placementStrategy: [{ type: 'random' }],
        placementConstraints: [{ type: 'distinctInstance' }] },
      { cluster: 'demo', taskDefinition: 'web', count: 3,
        placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ m5.* and not(attribute:ecs.availability-zone == us-east-1a)' }] },
      { cluster: 'demo', taskDefinition: 'web', count: 10, placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == t2.micro' }] },
    ];
    const api = new SandboxApi({ document: newDocument({ clock: 'manual' }) });
    await loadScenario(api, 'demo');
    const inNode = requests.map((r) => api.call('EcsSandbox.DescribePlacement', r).output);
    const inBrowser = await page.evaluate(async (rs) => {
      const out = [];
      for (const r of rs) out.push(await ecsSandbox.scheduler.call('EcsSandbox.DescribePlacement', r));
      return out;
    }, requests);
    expect(inBrowser).toEqual(inNode.map((output) => ({ output })));
    // the last request cannot place: every instance is explained and a closest match is named
    expect((inNode[4] as { placements: unknown[] }).placements).toEqual([]);
  });

  it('the AWS SDK in the page drives CreateService, DescribeServices, UpdateService and DeleteService through the worker', async () => {
    const run = await page.evaluate(async () => {
      const ecs = await ecsSandbox.ecs();
      const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: { name: string; message: string; $metadata?: { httpStatusCode?: number } }) =>
        ({ name: e.name, message: e.message, status: e.$metadata?.httpStatusCode }));
      const listed = await ecs.listServices({ cluster: 'demo' });
      const [template] = (await ecs.describeServices({ cluster: 'demo', services: (listed.serviceArns ?? []).slice(0, 1) })).services ?? [];
      const created = await ecs.createService({
        cluster: 'demo', serviceName: 'e2e-sdk', taskDefinition: template.taskDefinition, desiredCount: 1,
        launchType: template.launchType, networkConfiguration: template.networkConfiguration,
      });
      const described = await ecs.describeServices({ cluster: 'demo', services: ['e2e-sdk', 'ghost'] });
      const deleteScaled = await failure(ecs.deleteService({ cluster: 'demo', service: 'e2e-sdk' }));
      const updated = await ecs.updateService({ cluster: 'demo', service: 'e2e-sdk', desiredCount: 0 });
      const deleted = await ecs.deleteService({ cluster: 'demo', service: 'e2e-sdk' });
      const afterDelete = await ecs.describeServices({ cluster: 'demo', services: ['e2e-sdk'] });
      const updateDeleted = await failure(ecs.updateService({ cluster: 'demo', service: 'e2e-sdk', desiredCount: 1 }));
      const relisted = await ecs.listServices({ cluster: 'demo' });
      return {
        template: template.taskDefinition,
        created: { name: created.service?.serviceName, status: created.service?.status, desired: created.service?.desiredCount, taskDefinition: created.service?.taskDefinition, requestId: created.$metadata.requestId },
        described: { names: described.services?.map((s) => s.serviceName), failures: described.failures },
        deleteScaled,
        updated: updated.service?.desiredCount,
        deleted: deleted.service?.status,
        afterDelete: afterDelete.services?.map((s) => s.status),
        updateDeleted,
        relisted: relisted.serviceArns,
        listedBefore: listed.serviceArns,
      };
    });
    expect(run.created).toEqual({ name: 'e2e-sdk', status: 'ACTIVE', desired: 1, taskDefinition: run.template, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(run.described).toEqual({
      names: ['e2e-sdk'],
      failures: [{ arn: 'arn:aws:ecs:us-east-1:123456789012:service/ghost', reason: 'MISSING' }], // 15.4 #4: a name becomes the short ARN
    });
    expect(run.deleteScaled).toEqual({ name: 'InvalidParameterException', message: 'The service cannot be stopped while it is scaled above 0.', status: 400 }); // 12
    expect(run.updated).toBe(0);
    expect(run.deleted).toBe('DRAINING'); // 12: the response shows DRAINING
    expect(['DRAINING', 'INACTIVE']).toContain(run.afterDelete?.[0]);
    expect(run.updateDeleted).toEqual({ name: 'ServiceNotActiveException', message: 'Service was not ACTIVE.', status: 400 }); // 15.2 #3
    expect(run.relisted).toEqual(run.listedBefore); // 12: DRAINING and INACTIVE services are not listed
  });

  it('the page and the SDK share one sandbox: a service the SDK creates appears in the sidebar', async () => {
    await page.evaluate(async () => {
      const ecs = await ecsSandbox.ecs();
      const [arn] = (await ecs.listServices({ cluster: 'demo' })).serviceArns ?? [];
      const [template] = (await ecs.describeServices({ cluster: 'demo', services: [arn] })).services ?? [];
      await ecs.createService({
        cluster: 'demo', serviceName: 'e2e-visible', taskDefinition: template.taskDefinition, desiredCount: 0,
        launchType: template.launchType, networkConfiguration: template.networkConfiguration,
      });
      await ecsSandbox.refresh();
    });
    const item = page.locator(`${TREE} [data-key="service:arn:aws:ecs:us-east-1:123456789012:service/e2e-visible"]`);
    await item.waitFor();
    expect(await item.getAttribute('aria-label')).toBe('e2e-visible, demo · 0/0 running');
  });

  it('malformed and hostile requests get the right AWS errors, and the worker keeps answering', async () => {
    const replies = await page.evaluate(async (ECS) => {
      const s = ecsSandbox.scheduler;
      const wire = (target: string, body: string, extra: object = {}) => ({
        method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target }, body, ...extra,
      });
      const answer = async (p: Promise<{ status: number; body: string }>) => {
        const r = await p;
        return { status: r.status, body: JSON.parse(r.body) };
      };
      const ecs = await ecsSandbox.ecs();
      return {
        malformedJson: await answer(s.request(wire(`${ECS}.ListServices`, '{"cluster": '))),
        wrongType: await answer(s.request(wire(`${ECS}.ListServices`, '{"cluster": 5}'))),
        listBody: await answer(s.request(wire(`${ECS}.ListServices`, '[]'))),
        missingRequired: await answer(s.request(wire(`${ECS}.DeleteCluster`, '{}'))),
        unknownOperation: await answer(s.request(wire(`${ECS}.__proto__`, '{}'))),
        noTarget: await answer(s.request({ method: 'POST', headers: {}, body: '{}' })),
        get: await answer(s.request(wire(`${ECS}.ListServices`, '', { method: 'GET' }))),
        tooLarge: await answer(s.request(wire(`${ECS}.ListServices`, ' '.repeat(1024 * 1024 + 1)))),
        notAnObject: await answer(s.request(null as never)),
        deepNesting: await answer(s.request(wire(`${ECS}.DescribeServices`, `{"cluster":"demo","services":${'['.repeat(50_000)}${']'.repeat(50_000)}}`))),
        callConstructor: await s.call('constructor', {}),
        callHasOwn: await s.call(`${ECS}.hasOwnProperty`, {}),
        badEnumThroughSdk: await ecs.listServices({ cluster: 'demo', launchType: 'SPOT' as never }).then(
          () => undefined, (e: { name: string; message: string }) => ({ name: e.name, message: e.message })),
        // Functions cannot be cloned: postMessage refuses in the page, and the worker never sees it.
        uncloneable: await s.request({ method: 'POST', headers: {}, body: (() => '{}') as never }).then(
          () => 'sent', (e: Error) => e.name),
        stillAnswers: await s.call(`${ECS}.DescribeClusters`, { clusters: ['demo'] }),
      };
    }, ECS);
    const error = (status: number, __type: string, message: unknown) => ({ status, body: { __type, message } });
    expect(replies).toEqual({
      malformedJson: error(400, 'SerializationException', expect.stringMatching(/^Could not parse request body into json: /)),
      wrongType: error(400, 'SerializationException', 'NUMBER_VALUE can not be converted to a String'),
      listBody: error(400, 'SerializationException', WIRE.listNotExpected),
      missingRequired: error(400, 'InvalidParameterException', 'cluster is required.'),
      unknownOperation: error(400, 'UnknownOperationException', WIRE.unknownOperation(`${ECS}.__proto__`)),
      noTarget: error(400, 'UnknownOperationException', WIRE.missingTarget),
      get: error(404, 'UnknownOperationException', WIRE.methodNotAllowed),
      tooLarge: error(413, 'RequestEntityTooLargeException', WIRE.bodyTooLarge(1024 * 1024)),
      notAnObject: error(404, 'UnknownOperationException', WIRE.methodNotAllowed),
      deepNesting: { status: expect.any(Number), body: { __type: expect.stringMatching(/Exception$/), message: expect.any(String) } },
      callConstructor: { error: { code: 'UnknownOperationException', message: WIRE.unknownOperation('constructor') } },
      callHasOwn: { error: { code: 'UnknownOperationException', message: WIRE.unknownOperation(`${ECS}.hasOwnProperty`) } },
      badEnumThroughSdk: { name: 'InvalidParameterException', message: WIRE.enumValue('launchType', ['EC2', 'FARGATE']) }, // D52
      uncloneable: 'DataCloneError',
      stillAnswers: { output: { clusters: [expect.objectContaining({ clusterName: 'demo', status: 'ACTIVE' })], failures: [] } },
    });
    // The page itself still talks to the worker.
    await page.evaluate(() => ecsSandbox.refresh());
    expect(await page.locator('[data-testid="instance-card"]').count()).toBe(6);
  });

  it('runs the demo from the toolbar until steady: tasks on the map, the steady-state event, the timeline and the placement matrix', async () => {
    await page.getByTestId('pause').click();
    await page.getByTestId('play').waitFor(); // paused: the clock is manual
    await page.getByTestId('run-until-steady').click();
    await page.getByTestId('steady-result').waitFor();
    expect(await page.getByTestId('steady-result').textContent()).toBe('Steady');
    // every live task on an instance is one block on the map, named by its task id
    const view = await page.evaluate(() => ecsSandbox.scheduler.view());
    const placed = 'tasks' in view ? view.tasks.filter((t) => t.instanceId !== undefined) : [];
    expect(placed.length).toBeGreaterThan(0);
    await page.waitForFunction((n) => document.querySelector('ecs-playground')?.shadowRoot?.querySelector('ecs-cluster-map')?.shadowRoot
      ?.querySelectorAll('[data-testid="task-block"]').length === n, placed.length);
    const labels = await page.getByTestId('task-block').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(labels.map((l) => /^Task (\S+),/.exec(l ?? '')?.[1]).sort()).toEqual(placed.map((t) => t.id).sort());
    // events, newest first
    await page.getByTestId('tab-events').click();
    await page.getByTestId('event').filter({ hasText: 'has reached a steady state.' }).first().waitFor();
    // the deployment timeline of the first service, with its text summary
    await page.getByTestId('tab-timeline').click();
    await page.getByTestId('timeline-summary').filter({ hasText: 'samples over' }).waitFor();
    // DescribePlacement's matrix: one row per instance
    await page.getByTestId('tab-placement').click();
    await page.getByTestId('placement-explain').click();
    await page.getByTestId('placement-row').nth(5).waitFor();
    expect(await page.getByTestId('placement-row').count()).toBe(6);
    await page.getByTestId('tab-events').click();
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-steady.png') });
  });

  it('logged no console errors, page errors or failed requests', () => {
    expect(browser.problems).toEqual([]);
  });
});

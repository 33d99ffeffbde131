// The worker with a scenario library in (fake) IndexedDB: start-up, autosave, switching, restart,
// and two tabs on one scenario that never lose an update.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SANDBOX } from '../../../src/messages.ts';
import { ScenarioLibrary, docKey } from '../../../src/persistence/scenario-library.ts';
import { startingDocument } from '../../../src/worker/scheduler-service.ts';
import { indexedDbScenarioStore } from '../../../src/persistence/scenario-store.ts';
import { broadcastTabSync } from '../../../src/persistence/tab-sync.ts';
import type { SchedulerService } from '../../../src/worker/scheduler-service.ts';
import { aDatabaseName } from '../../builders/scenario-library.ts';
import { aSchedulerService, aWallClock, ECS_TARGET, aWireRequest } from '../../builders/scheduler-service.ts';

const L = SANDBOX.library;
const open: SchedulerService[] = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));

/** A tab: a worker over the database `databaseName`, hearing the other tabs on `channel` (if given). */
function aTab(databaseName: string, options: { channel?: string; scenario?: null } = {}) {
  const clock = aWallClock();
  const library = new ScenarioLibrary({ store: indexedDbScenarioStore(databaseName), now: clock.wallClock });
  const service = aSchedulerService({
    wallClock: clock.wallClock, library, ...(options.channel ? { tabSync: broadcastTabSync(options.channel) } : {}),
    ...(options.scenario === null ? { scenario: null } : {}),
  });
  open.push(service);
  return { service, library, clock };
}

const output = <T>(outcome: { output: T } | { error: unknown }): T => {
  if (!('output' in outcome)) throw new Error(`expected output, got ${JSON.stringify(outcome)}`);
  return outcome.output;
};
const clusterNames = async (service: SchedulerService) => {
  const { clusterArns } = output(await service.call(`${ECS_TARGET}.ListClusters`, {})) as { clusterArns: string[] };
  return clusterArns.map((arn) => arn.split('/')[1]).sort();
};
const createCluster = (service: SchedulerService, clusterName: string) => service.call(`${ECS_TARGET}.CreateCluster`, { clusterName });

describe('start-up', () => {
  it('an empty library gets "Demo", made from the demo scenario, and it is the current one', async () => {
    const { service, library } = aTab(aDatabaseName());
    const status = output(await service.currentScenario());
    expect(status).toMatchObject({ scenario: { name: 'Demo', revision: 1 }, unsaved: false, dropped: [] });
    expect(await library.currentId()).toBe(status.scenario!.id);
    expect(await clusterNames(service)).toEqual(['default', 'demo']);
    expect(output(await service.listScenarios())).toEqual([status.scenario]);
  });

  it('scenario null makes the first one empty', async () => {
    const { service } = aTab(aDatabaseName(), { scenario: null });
    expect(await clusterNames(service)).toEqual(['default']);
  });

  it('a restarted worker opens the last used scenario, with its changes', async () => {
    const db = aDatabaseName();
    const first = aTab(db).service;
    const other = output(await first.newScenario('Other', 'empty'));
    output(await createCluster(first, 'kept'));
    first.close();

    const again = aTab(db).service;
    expect(output(await again.currentScenario()).scenario).toMatchObject({ id: other.id, name: 'Other', revision: 2 });
    expect(await clusterNames(again)).toEqual(['default', 'kept']);
  });

  it('a last used scenario that cannot be read: the error is reported, the most recent readable one opens', async () => {
    const db = aDatabaseName();
    const { service, library } = aTab(db);
    const demo = output(await service.currentScenario()).scenario!;
    const broken = output(await service.newScenario('Broken', 'empty'));
    service.close();
    await library.store.set(docKey(broken.id), '{"revision": 2, ');

    const again = aTab(db).service;
    const status = output(await again.currentScenario());
    expect(status.scenario).toMatchObject({ id: demo.id });
    expect(status.openError).toEqual({ code: 'CorruptScenarioException', message: expect.stringMatching(/^The stored record is not valid JSON/) });
    expect(output(await again.listScenarios()).find((s) => s.id === broken.id)?.problem).toBe(status.openError!.message);
    expect(output(await again.readRawScenario(broken.id))).toBe('{"revision": 2, ');
  });

  it('without a library the scenario methods say so and the sandbox works as before', async () => {
    const service = aSchedulerService();
    const unavailable = { error: { code: 'PersistenceUnavailableException', message: L.unavailable } };
    expect(await service.listScenarios()).toEqual(unavailable);
    expect(await service.flush()).toEqual(unavailable);
    expect(await clusterNames(service)).toEqual(['default', 'demo']);
  });
});

describe('autosave', () => {
  it('every successful mutating call is saved at once, through call() and request(); reads and failures are not', async () => {
    const { service, library } = aTab(aDatabaseName());
    const id = output(await service.currentScenario()).scenario!.id;
    const revision = async () => output(await library.open(id)).summary.revision;

    output(await createCluster(service, 'one'));
    expect(await revision()).toBe(2);
    await service.request(aWireRequest('CreateCluster', { clusterName: 'two' }));
    expect(await revision()).toBe(3);
    output(await service.call(`${ECS_TARGET}.ListClusters`, {}));
    await service.call(`${ECS_TARGET}.DeleteCluster`, { cluster: 'no-such' }); // an error: nothing changed
    expect(await revision()).toBe(3);
    expect(output(await library.open(id)).document.regions['us-east-1'].clusters.map((c) => c.clusterName))
      .toEqual(['default', 'demo', 'one', 'two']);
    expect(output(await service.currentScenario()).unsaved).toBe(false);
  });

  it('while the realtime clock runs, view() saves at most once every 2 s; flush() saves the rest', async () => {
    const { service, library, clock } = aTab(aDatabaseName());
    const id = output(await service.currentScenario()).scenario!.id;
    const saves: number[] = [];
    let last = 1;
    // 0.5 s a view, 4 s in all: the demo's tasks start meanwhile, so the document keeps changing
    for (let t = 500; t <= 4000; t += 500) {
      clock.advance(500);
      await service.view();
      await service.settled();
      const stored = output(await library.open(id)).summary.revision;
      if (stored !== last) saves.push(t);
      last = stored;
    }
    // the clock moved on every tick: the first tick saves (t=500), the next one 2 s later (2500),
    // then 4500 would be next, after the loop ends
    expect(saves).toEqual([500, 2500]);
    clock.advance(100);
    await service.view();
    const flushed = output(await service.flush());
    expect(flushed.unsaved).toBe(false);
    // the clock's own movement counts as a change: the stored time is the tab's time
    const exported = output(await service.call('EcsSandbox.ExportScenario', {})) as { scenario: { clock: { nowMs: number } } };
    expect(output(await library.open(id)).document.clock.nowMs).toBe(exported.scenario.clock.nowMs);
  });
});

describe('the library through the worker', () => {
  it('new, rename, duplicate, open and delete; the view revision moves on every switch', async () => {
    const { service, clock } = aTab(aDatabaseName());
    const demo = output(await service.currentScenario()).scenario!;
    const viewRevision = async () => ((await service.view()) as { revision: number }).revision;
    const r0 = await viewRevision();

    const empty = output(await service.newScenario('Empty', 'empty'));
    expect(await clusterNames(service)).toEqual(['default']);
    expect(await viewRevision()).toBeGreaterThan(r0);
    clock.advance(1000); // so that Empty is the most recently saved
    output(await createCluster(service, 'mine'));

    expect(output(await service.renameScenario(empty.id, 'Mine'))).toMatchObject({ name: 'Mine', revision: 2 });
    expect(output(await service.currentScenario()).scenario!.name).toBe('Mine');
    const copy = output(await service.duplicateScenario(empty.id, 'Mine 2'));
    expect(output(await service.currentScenario()).scenario!.id).toBe(empty.id); // a copy is not opened

    output(await service.openScenario(demo.id));
    expect(await clusterNames(service)).toEqual(['default', 'demo']);
    output(await service.openScenario(copy.id));
    expect(await clusterNames(service)).toEqual(['default', 'mine']);

    // deleting the open scenario opens the most recently saved other one
    output(await service.deleteScenario(copy.id));
    expect(output(await service.currentScenario()).scenario!.id).toBe(empty.id);
    expect(output(await service.listScenarios()).map((s) => s.name)).toEqual(['Demo', 'Mine']);
    expect(await service.openScenario(copy.id)).toEqual({ error: { code: 'ScenarioNotFoundException', message: L.notFound(copy.id) } });
  });

  it('a corrupt scenario cannot be opened: an error, and the open one is untouched', async () => {
    const { service, library } = aTab(aDatabaseName());
    output(await createCluster(service, 'before'));
    const bad = output(await library.create('Bad', startingDocument('empty')));
    await library.store.set(docKey(bad.id), { revision: 1, document: { schemaVersion: 99 } });
    const outcome = await service.openScenario(bad.id);
    expect(outcome).toEqual({ error: { code: 'UnsupportedSchemaException', message: expect.stringContaining('scenario.schemaVersion is 99') } });
    expect(await clusterNames(service)).toEqual(['before', 'default', 'demo']);
    expect(JSON.parse(output(await service.readRawScenario(bad.id)))).toEqual({ revision: 1, document: { schemaVersion: 99 } });
  });

  it('import: a good file becomes a scenario and opens; a corrupt one is an error and nothing is lost', async () => {
    const { service } = aTab(aDatabaseName());
    const before = output(await service.listScenarios());
    const refused = await service.importScenario('{"scenario": {"schemaVersion": 2, "seed": -1}}', 'Bad file');
    expect(refused).toEqual({ error: { code: 'InvalidParameterException', message: SANDBOX.invalidScenario('scenario.seed', SANDBOX.scenario.mustBe('an integer from 0 to 4294967295')) } });
    expect(output(await service.listScenarios())).toEqual(before);
    expect(await clusterNames(service)).toEqual(['default', 'demo']);

    const imported = output(await service.importScenario(JSON.stringify({ scenario: startingDocument('empty') }), 'Good file'));
    expect(output(await service.currentScenario()).scenario!.id).toBe(imported.id);
    expect(await clusterNames(service)).toEqual(['default']);
  });
});

describe('two tabs on one scenario never lose an update', () => {
  it('without messages: the second save conflicts, reloads the stored document, replays its call and saves again', async () => {
    const db = aDatabaseName();
    const a = aTab(db).service;
    await a.ready;
    const b = aTab(db).service; // opens A's current scenario
    await b.ready;
    output(await createCluster(a, 'from-a')); // revision 2
    output(await createCluster(b, 'from-b')); // B holds 1: conflict → reload 2, replay, save 3
    expect(await clusterNames(b)).toEqual(['default', 'demo', 'from-a', 'from-b']);
    expect(output(await b.currentScenario()).scenario!.revision).toBe(3);

    const restarted = aTab(db).service;
    expect(await clusterNames(restarted)).toEqual(['default', 'demo', 'from-a', 'from-b']);
  });

  it('with tab sync: the other tab reloads on a newer save, and both see both changes', async () => {
    const db = aDatabaseName();
    const channel = `test-${crypto.randomUUID()}`;
    const a = aTab(db, { channel }).service;
    await a.ready;
    const b = aTab(db, { channel }).service;
    await b.ready;
    const rB = ((await b.view()) as { revision: number }).revision;
    output(await createCluster(a, 'from-a'));
    // B reloads on A's message alone, without any call of its own; its view revision moves
    await vi.waitFor(async () => expect(await clusterNames(b)).toContain('from-a'));
    expect(((await b.view()) as { revision: number }).revision).toBeGreaterThan(rB);
    output(await createCluster(b, 'from-b'));
    await vi.waitFor(async () => expect(await clusterNames(a)).toContain('from-b'));
    await Promise.all([a.settled(), b.settled()]);
    for (const tab of [a, b]) expect(await clusterNames(tab)).toEqual(['default', 'demo', 'from-a', 'from-b']);
  });

  it('a replayed call that fails on the newer document is dropped and reported', async () => {
    const db = aDatabaseName();
    const a = aTab(db).service;
    await a.ready;
    const b = aTab(db).service;
    await b.ready;
    const taskDefinition = 'node-exporter';
    output(await a.call(`${ECS_TARGET}.CreateService`, { cluster: 'demo', serviceName: 'twin', taskDefinition, desiredCount: 0 }));
    output(await b.call(`${ECS_TARGET}.CreateService`, { cluster: 'demo', serviceName: 'twin', taskDefinition, desiredCount: 2 }));
    const status = output(await b.currentScenario());
    expect(status.dropped).toEqual([{ target: `${ECS_TARGET}.CreateService`, error: { code: 'InvalidParameterException', message: expect.any(String) } }]);
    expect(status.unsaved).toBe(false);
    const described = output(await b.call(`${ECS_TARGET}.DescribeServices`, { cluster: 'demo', services: ['twin'] })) as { services: { desiredCount: number }[] };
    expect(described.services[0].desiredCount).toBe(0); // A's, the one stored first
  });

  it('a tab that hears of a newer schema stops writing and says so', async () => {
    const db = aDatabaseName();
    const channel = `test-${crypto.randomUUID()}`;
    const { service, library } = aTab(db, { channel });
    const id = output(await service.currentScenario()).scenario!.id;
    const newer = new BroadcastChannel(channel);
    newer.postMessage({ type: 'changed', schemaVersion: 99 });
    await vi.waitFor(async () => expect(output(await service.currentScenario()).readOnly).toEqual({
      code: 'ReadOnlyException', message: L.newerSchema(99, 2),
    }));
    newer.close();
    output(await createCluster(service, 'unsaved'));
    expect(output(await library.open(id)).summary.revision).toBe(1);
    expect(output(await service.currentScenario()).unsaved).toBe(true);
  });
});

describe('autosave writes only the sections that changed (document-sections.ts)', () => {
  it('a call that changes no instance and no task writes the record and the index, not the instances or tasks', async () => {
    const databaseName = aDatabaseName();
    const { service } = aTab(databaseName);
    await service.currentScenario(); // started: the demo scenario is open
    await createCluster(service, 'first'); // the first save of this tab writes every section
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');
    await createCluster(service, 'second');
    const keys = puts.mock.calls.map((c) => String(c[1]));
    puts.mockRestore();
    expect(keys.filter((k) => k.startsWith('docpart:'))).toEqual([]);
    expect(keys.filter((k) => k.startsWith('doc:'))).toHaveLength(1);
    expect(keys).toContain('index');
    // and another tab reads the stored scenario back whole: both clusters, the sections written before
    const instances = async (s: SchedulerService) =>
      (output(await s.call(`${ECS_TARGET}.ListContainerInstances`, { cluster: 'demo' })) as { containerInstanceArns: string[] }).containerInstanceArns;
    const other = aTab(databaseName).service;
    expect(await clusterNames(other)).toEqual(await clusterNames(service));
    expect(await clusterNames(other)).toEqual(expect.arrayContaining(['first', 'second']));
    expect((await instances(other)).length).toBeGreaterThan(0);
    expect(await instances(other)).toEqual(await instances(service));
  });
});

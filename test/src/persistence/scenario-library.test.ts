// The scenario library over IndexedDB (fake-indexeddb): its operations, their errors, one transaction
// per save, damaged records that take nothing else with them, and migrations on load.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { SANDBOX } from '../../../src/messages.ts';
import { DOCUMENT_SCHEMA_VERSION } from '../../../src/domain/sandbox-document.ts';
import { CURRENT_KEY, INDEX_KEY, MAX_NAME_LENGTH, docKey } from '../../../src/persistence/scenario-library.ts';
import { startingDocument } from '../../../src/worker/scheduler-service.ts';
import { aLibrary } from '../../builders/scenario-library.ts';

const L = SANDBOX.library;
const S = SANDBOX.scenario;
const v1Text = readFileSync(new URL('./fixtures/v1-demo.json', import.meta.url), 'utf8');
const output = <T>(outcome: { output: T } | { error: unknown }): T => {
  if (!('output' in outcome)) throw new Error(`expected output, got ${JSON.stringify(outcome)}`);
  return outcome.output;
};

describe('ScenarioLibrary: create, list, open', () => {
  it('creates an empty and a demo scenario at revision 1 and lists them in order', async () => {
    const { library, clock } = aLibrary();
    const empty = output(await library.create('  Scratch  ', startingDocument('empty')));
    clock.now += 1000;
    const demo = output(await library.create('Demo', startingDocument('demo')));
    expect(empty).toEqual({ id: expect.any(String), name: 'Scratch', savedAt: 1_700_000_000_000, revision: 1, schemaVersion: DOCUMENT_SCHEMA_VERSION });
    expect(demo).toMatchObject({ name: 'Demo', savedAt: 1_700_000_001_000, revision: 1 });
    expect(await library.list()).toEqual([empty, demo]);
    const opened = output(await library.open(demo.id));
    expect(opened.summary).toEqual(demo);
    expect(opened.document).toEqual(startingDocument('demo'));
    expect(opened.document.regions['us-east-1'].clusters.map((c) => c.clusterName)).toEqual(['default', 'demo']);
    expect(opened.migrations).toEqual([]);
  });

  it('stores the record as {schemaVersion, revision, savedAt, document} under doc:<id>', async () => {
    const { library, store } = aLibrary();
    const { id } = output(await library.create('A', startingDocument('empty')));
    expect(await store.get(docKey(id))).toEqual({
      schemaVersion: DOCUMENT_SCHEMA_VERSION, revision: 1, savedAt: 1_700_000_000_000, document: startingDocument('empty'),
    });
    expect(await store.get(INDEX_KEY)).toEqual([{ id, name: 'A', savedAt: 1_700_000_000_000, revision: 1, schemaVersion: DOCUMENT_SCHEMA_VERSION }]);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['101 characters', 'x'.repeat(MAX_NAME_LENGTH + 1)],
  ])('a name that is %s is refused and nothing is stored', async (_case, name) => {
    const { library, store } = aLibrary();
    expect(await library.create(name, startingDocument('empty'))).toEqual({ error: { code: 'InvalidParameterException', message: L.badName(100) } });
    expect(await store.keys()).toEqual([]);
  });

  it('opening an unknown id is ScenarioNotFoundException', async () => {
    const { library } = aLibrary();
    expect(await library.open('nope')).toEqual({ error: { code: 'ScenarioNotFoundException', message: L.notFound('nope') } });
  });

  it('runs the migrations on load: a stored v1 document opens as the current schema', async () => {
    const { library, store } = aLibrary();
    const { id } = output(await library.create('Old', startingDocument('empty')));
    await store.set(docKey(id), { schemaVersion: 1, revision: 4, savedAt: 5, document: JSON.parse(v1Text) });
    const opened = output(await library.open(id));
    expect(opened.migrations).toEqual(['v2 scheduler-state']);
    expect(opened.document.schemaVersion).toBe(DOCUMENT_SCHEMA_VERSION);
    expect(opened.summary).toMatchObject({ revision: 4, schemaVersion: 1 }); // as stored, until the next save
    expect(opened.document.regions['us-east-1'].targets).toEqual([]);
  });
});

describe('ScenarioLibrary.save: compare-and-set on the revision, one transaction', () => {
  it('saves the next revision when the stored one is the one this tab holds, in ONE readwrite transaction', async () => {
    const { library, store, clock } = aLibrary();
    const { id } = output(await library.create('A', startingDocument('empty')));
    const doc = startingDocument('demo');
    clock.now += 5000;
    const before = store.total();
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const saved = output(await library.save(id, 1, () => doc));
    expect(spy.mock.calls.map((c) => c[1])).toEqual(['readwrite']); // index and document together
    spy.mockRestore();
    expect(store.total() - before).toBe(1);
    expect(saved).toEqual({ id, name: 'A', savedAt: 1_700_000_005_000, revision: 2, schemaVersion: DOCUMENT_SCHEMA_VERSION });
    expect(await library.list()).toEqual([saved]);
    expect(output(await library.open(id)).document).toEqual(doc);
  });

  it('a stale revision is a conflict and writes nothing; the snapshot is never taken', async () => {
    const { library } = aLibrary();
    const { id } = output(await library.create('A', startingDocument('empty')));
    output(await library.save(id, 1, () => startingDocument('demo'))); // another tab: revision 2
    const snapshot = vi.fn(() => startingDocument('empty'));
    expect(await library.save(id, 1, snapshot)).toEqual({
      error: { code: 'ScenarioConflictException', message: L.conflict(id, '2', 1) },
    });
    expect(snapshot).not.toHaveBeenCalled();
    expect((await library.list())[0].revision).toBe(2);
  });

  it('saving a deleted scenario is ScenarioNotFoundException and recreates nothing', async () => {
    const { library, store } = aLibrary();
    const { id } = output(await library.create('A', startingDocument('empty')));
    output(await library.delete(id));
    expect(await library.save(id, 1, () => startingDocument('empty'))).toEqual({
      error: { code: 'ScenarioNotFoundException', message: L.notFound(id) },
    });
    expect(await store.keys()).toEqual([INDEX_KEY]);
  });

  it('a save keeps a rename another tab made meanwhile (the name is read inside the transaction)', async () => {
    const { library } = aLibrary();
    const { id } = output(await library.create('A', startingDocument('empty')));
    output(await library.rename(id, 'B'));
    expect(output(await library.save(id, 1, () => startingDocument('empty'))).name).toBe('B');
  });
});

describe('ScenarioLibrary: duplicate, rename, delete', () => {
  it('duplicates the stored document under a new id at revision 1', async () => {
    const { library } = aLibrary({ sequentialIds: true });
    const a = output(await library.create('A', startingDocument('demo')));
    output(await library.save(a.id, 1, () => startingDocument('empty')));
    const copy = output(await library.duplicate(a.id, 'A copy'));
    expect(copy).toMatchObject({ name: 'A copy', revision: 1 });
    expect(copy.id).not.toBe(a.id);
    expect(output(await library.open(copy.id)).document).toEqual(startingDocument('empty'));
    expect((await library.list()).map((s) => s.name)).toEqual(['A', 'A copy']);
  });

  it('renames in the index only; the revision stays', async () => {
    const { library, store } = aLibrary();
    const a = output(await library.create('A', startingDocument('empty')));
    const before = store.total();
    expect(output(await library.rename(a.id, ' Renamed '))).toEqual({ ...a, name: 'Renamed' });
    expect(store.total() - before).toBe(1);
  });

  it('deletes the record and its index entry in one transaction; the others stay', async () => {
    const { library, store } = aLibrary();
    const a = output(await library.create('A', startingDocument('empty')));
    const b = output(await library.create('B', startingDocument('empty')));
    const before = store.total();
    expect(await library.delete(a.id)).toEqual({ output: { id: a.id } });
    expect(store.total() - before).toBe(1);
    expect(await library.list()).toEqual([b]);
    expect(await store.get(docKey(a.id))).toBeUndefined();
  });

  it.each(['duplicate', 'rename', 'delete', 'readRaw'] as const)('%s of an unknown id is ScenarioNotFoundException', async (op) => {
    const { library } = aLibrary();
    const outcome = op === 'delete' || op === 'readRaw' ? await library[op]('gone') : await library[op]('gone', 'Name');
    expect(outcome).toEqual({ error: { code: 'ScenarioNotFoundException', message: L.notFound('gone') } });
  });
});

describe('a damaged record: an error naming why, the others untouched, the raw data exportable', () => {
  const future = DOCUMENT_SCHEMA_VERSION + 7;
  it.each([
    ['garbage text', '{"revision": 3, "document": {', L.recordNotJson(jsonError('{"revision": 3, "document": {'))],
    ['not an object', 42, L.recordNotObject],
    ['no revision', { schemaVersion: 2, savedAt: 1, document: {} }, L.recordField('record.revision', S.missing)],
    ['no document', { schemaVersion: 2, revision: 1, savedAt: 1 }, L.recordField('record.document', S.missing)],
    ['a future schemaVersion', { schemaVersion: future, revision: 1, savedAt: 1, document: { schemaVersion: future } },
      SANDBOX.invalidScenario('record.schemaVersion', S.futureVersion(future, DOCUMENT_SCHEMA_VERSION))],
    ['a future document schemaVersion', { revision: 1, savedAt: 1, document: { schemaVersion: future } },
      SANDBOX.invalidScenario('scenario.schemaVersion', S.futureVersion(future, DOCUMENT_SCHEMA_VERSION))],
    ['a document missing a field', { schemaVersion: 2, revision: 1, savedAt: 1, document: { seed: 1 } },
      SANDBOX.invalidScenario('scenario.schemaVersion', S.missing)],
  ])('%s', async (_case, raw, problem) => {
    const { library, store } = aLibrary();
    const good = output(await library.create('Good', startingDocument('demo')));
    const bad = output(await library.create('Bad', startingDocument('empty')));
    await store.set(docKey(bad.id), raw);

    const code = /future/.test(_case) ? 'UnsupportedSchemaException' : 'CorruptScenarioException';
    expect(await library.open(bad.id)).toEqual({ error: { code, message: problem } });
    // its summary says why; the other scenario is listed and opens as before
    expect(await library.list()).toEqual([good, { ...bad, problem }]);
    expect(output(await library.open(good.id)).document).toEqual(startingDocument('demo'));
    // the raw data, as it is stored, for export
    expect(output(await library.readRaw(bad.id))).toBe(typeof raw === 'string' ? raw : JSON.stringify(raw, null, 1));
    // duplicating it fails the same way; deleting it works
    expect(await library.duplicate(bad.id, 'Copy')).toEqual({ error: { code, message: problem } });
    expect(await library.delete(bad.id)).toEqual({ output: { id: bad.id } });
    expect(await library.list()).toEqual([good]);
  });

  it('a record repaired later (another tab saved it) opens and loses its problem', async () => {
    const { library, store } = aLibrary();
    const a = output(await library.create('A', startingDocument('empty')));
    const record = await store.get(docKey(a.id));
    await store.set(docKey(a.id), 'garbage');
    await library.open(a.id);
    expect((await library.list())[0].problem).toBeDefined();
    await store.set(docKey(a.id), record);
    output(await library.open(a.id));
    expect((await library.list())[0]).toEqual(a);
  });

  it('a damaged index loses no scenario: a record it does not name is listed as recovered', async () => {
    const { library, store } = aLibrary();
    const a = output(await library.create('A', startingDocument('empty')));
    await store.set(INDEX_KEY, 'not a list');
    expect(await library.list()).toEqual([{ id: a.id, name: L.recovered(a.id), savedAt: 0, revision: 0, schemaVersion: 0 }]);
    expect(output(await library.open(a.id)).summary).toMatchObject({ id: a.id, revision: 1 });
    expect(output(await library.rename(a.id, 'A again')).name).toBe('A again');
    expect((await library.list()).map((s) => s.name)).toEqual(['A again']);
  });
});

describe('ScenarioLibrary.import', () => {
  it('imports ExportScenario output and a bare document; v1 files are migrated', async () => {
    const { library } = aLibrary();
    const doc = startingDocument('demo');
    const a = output(await library.import(JSON.stringify({ scenario: doc }), 'Exported'));
    const b = output(await library.import(v1Text, 'Old file'));
    expect(output(await library.open(a.id)).document).toEqual(doc);
    expect(output(await library.open(b.id)).document.schemaVersion).toBe(DOCUMENT_SCHEMA_VERSION);
    expect((await library.list()).map((s) => s.name)).toEqual(['Exported', 'Old file']);
  });

  it.each([
    ['not JSON', '{"scenario": ', SANDBOX.scenarioNotJson(jsonError('{"scenario": '))],
    ['not an object', '[1, 2]', SANDBOX.invalidScenario('scenario', S.notObject)],
    ['a future version', JSON.stringify({ schemaVersion: 99 }), SANDBOX.invalidScenario('scenario.schemaVersion', S.futureVersion(99, DOCUMENT_SCHEMA_VERSION))],
    ['a bad reference', JSON.stringify({
      schemaVersion: 2,
      regions: { 'us-east-1': { services: [{ serviceName: 's', clusterName: 'nope' }] } },
    }), undefined],
  ])('a file that is %s is refused with the path of the fault; nothing is stored', async (_case, text, message) => {
    const { library, store } = aLibrary();
    const existing = output(await library.create('Kept', startingDocument('empty')));
    const outcome = await library.import(text, 'New');
    expect(outcome).toEqual({ error: { code: 'InvalidParameterException', message: message ?? expect.stringMatching(/^Invalid scenario: scenario\.regions\.us-east-1\.services\[0\]/) } });
    expect(await library.list()).toEqual([existing]);
    expect((await store.keys()).sort()).toEqual([INDEX_KEY, docKey(existing.id)].sort());
  });
});

describe('the current scenario', () => {
  it('is remembered under the `current` key', async () => {
    const { library, store } = aLibrary();
    expect(await library.currentId()).toBeUndefined();
    await library.setCurrentId('abc');
    expect(await library.currentId()).toBe('abc');
    expect(await store.get(CURRENT_KEY)).toBe('abc');
  });
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('valid JSON');
}

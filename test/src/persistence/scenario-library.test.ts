// The scenario library over IndexedDB (fake-indexeddb): its operations, their errors, one transaction
// per save, damaged records that take nothing else with them, and migrations on load.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { SANDBOX } from '../../../src/messages.ts';
import { DOCUMENT_SCHEMA_VERSION } from '../../../src/domain/sandbox-document.ts';
import { CURRENT_KEY, INDEX_KEY, MAX_NAME_LENGTH, docKey } from '../../../src/persistence/scenario-library.ts';
import { sectionKey } from '../../../src/persistence/document-sections.ts';
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

  it('stores the record as {layout: 2, schemaVersion, revision, savedAt, document, sections} under doc:<id>', async () => {
    const { library, store } = aLibrary();
    const { id } = output(await library.create('A', startingDocument('empty')));
    expect(await store.get(docKey(id))).toEqual({
      layout: 2, schemaVersion: DOCUMENT_SCHEMA_VERSION, revision: 1, savedAt: 1_700_000_000_000, document: startingDocument('empty'),
      sections: {}, // an empty document has no region, so no section
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

describe('layout 2: the document in sections, only changed sections written (document-sections.ts)', () => {
  const R = 'us-east-1';
  const demo = () => startingDocument('demo');

  it('stores the instances and tasks of each region under their own keys; the record names them with their revision', async () => {
    const { library, store } = aLibrary();
    const doc = demo();
    const { id } = output(await library.create('A', doc));
    const record = await store.get<Record<string, unknown>>(docKey(id));
    const instances = sectionKey(id, R, 'containerInstances');
    const tasks = sectionKey(id, R, 'tasks');
    expect(record?.sections).toEqual({ [instances]: 1, [tasks]: 1 });
    expect(Object.keys((record?.document as typeof doc).regions[R])).not.toContain('tasks');
    expect(await store.get(instances)).toEqual({ revision: 1, records: doc.regions[R].containerInstances });
    expect(await store.get(tasks)).toEqual({ revision: 1, records: doc.regions[R].tasks });
    expect(output(await library.open(id)).document).toEqual(doc);
  });

  it('a save writes only the sections that changed since the last one, in ONE readwrite transaction', async () => {
    const { library, store } = aLibrary();
    const doc = demo();
    const { id } = output(await library.create('A', doc));
    const holder = {};
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');
    const written = () => puts.mock.calls.map((c) => c[1]).sort();
    // the first save with a memo writes everything (it has nothing to compare with)
    output(await library.save(id, 1, () => doc, holder));
    expect(written()).toEqual([INDEX_KEY, docKey(id), sectionKey(id, R, 'containerInstances'), sectionKey(id, R, 'tasks')].sort());
    // only the clock moved: the record and the index
    puts.mockClear();
    doc.clock.nowMs += 1000;
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    output(await library.save(id, 2, () => doc, holder));
    expect(transactions.mock.calls.map((c) => c[1])).toEqual(['readwrite']);
    transactions.mockRestore();
    expect(written()).toEqual([INDEX_KEY, docKey(id)].sort());
    // a member of one instance changed (in place, as the scheduler changes records): that section too
    puts.mockClear();
    doc.regions[R].containerInstances[1].status = 'DRAINING';
    output(await library.save(id, 3, () => doc, holder));
    expect(written()).toEqual([INDEX_KEY, docKey(id), sectionKey(id, R, 'containerInstances')].sort());
    // an instance replaced by an equal copy is a change too (compared by reference)
    puts.mockClear();
    doc.regions[R].containerInstances[0] = { ...doc.regions[R].containerInstances[0] };
    output(await library.save(id, 4, () => doc, holder));
    expect(written()).toEqual([INDEX_KEY, docKey(id), sectionKey(id, R, 'containerInstances')].sort());
    puts.mockRestore();
    // the unchanged sections keep the revision that wrote them; the whole reads back as saved
    expect((await store.get<Record<string, unknown>>(docKey(id)))?.sections).toEqual({
      [sectionKey(id, R, 'containerInstances')]: 5, [sectionKey(id, R, 'tasks')]: 2,
    });
    expect(output(await library.open(id)).document).toEqual(structuredClone(doc));
  });

  it('a memo of another revision (another tab saved meanwhile) writes every section again', async () => {
    const { library, store } = aLibrary();
    const doc = demo();
    const { id } = output(await library.create('A', doc));
    const mine = {};
    output(await library.save(id, 1, () => doc, mine)); // revision 2, memo at 2
    output(await library.save(id, 2, () => demo())); // "another tab": revision 3, no memo
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');
    output(await library.save(id, 3, () => doc, mine));
    expect(puts.mock.calls.map((c) => c[1]).sort()).toEqual([INDEX_KEY, docKey(id), sectionKey(id, R, 'containerInstances'), sectionKey(id, R, 'tasks')].sort());
    puts.mockRestore();
    expect(output(await library.open(id)).document).toEqual(doc);
    void store;
  });

  it('a region that is gone loses its sections; delete removes every section', async () => {
    const { library, store } = aLibrary();
    const { id } = output(await library.create('A', demo()));
    output(await library.save(id, 1, () => startingDocument('empty')));
    expect((await store.keys()).filter((k) => k.startsWith('docpart:'))).toEqual([]);
    output(await library.save(id, 2, () => demo()));
    expect((await store.keys()).filter((k) => k.startsWith('docpart:'))).toHaveLength(2);
    output(await library.delete(id));
    expect(await store.keys()).toEqual([INDEX_KEY]);
  });

  it('reads layout 1 (the whole document in the record) and writes layout 2 on the next save', async () => {
    const { library, store } = aLibrary();
    const doc = demo();
    const { id } = output(await library.create('Old', startingDocument('empty')));
    await store.set(docKey(id), { schemaVersion: DOCUMENT_SCHEMA_VERSION, revision: 7, savedAt: 5, document: doc });
    expect(output(await library.open(id)).document).toEqual(doc);
    output(await library.save(id, 7, () => doc, {}));
    expect(await store.get(docKey(id))).toMatchObject({ layout: 2, revision: 8 });
    expect(output(await library.open(id)).document).toEqual(doc);
  });

  it.each([
    ['a missing section', (id: string) => [sectionKey(id, R, 'tasks'), undefined],
      (id: string) => L.recordField(`record.sections["${sectionKey(id, R, 'tasks')}"]`, S.missing)],
    ['a section of another revision', (id: string) => [sectionKey(id, R, 'tasks'), { revision: 9, records: [] }],
      (id: string) => L.recordField(`record.sections["${sectionKey(id, R, 'tasks')}"]`, S.mustBe('the records written by revision 1'))],
    ['a section that is not a list', (id: string) => [sectionKey(id, R, 'containerInstances'), { revision: 1, records: 'x' }],
      (id: string) => L.recordField(`record.sections["${sectionKey(id, R, 'containerInstances')}"]`, S.mustBe('the records written by revision 1'))],
  ] as const)('%s: a damaged record with the reason, the raw data exportable, the others untouched', async (_case, damage, problem) => {
    const { library, store } = aLibrary();
    const good = output(await library.create('Good', demo()));
    const bad = output(await library.create('Bad', demo()));
    const [key, value] = damage(bad.id) as [string, unknown];
    if (value === undefined) await store.del(key);
    else await store.set(key, value);
    expect(await library.open(bad.id)).toEqual({ error: { code: 'CorruptScenarioException', message: problem(bad.id) } });
    expect(await library.list()).toEqual([good, { ...bad, problem: problem(bad.id) }]);
    expect(output(await library.open(good.id)).document).toEqual(demo());
    const raw = JSON.parse(output(await library.readRaw(bad.id))) as { record: { revision: number }; sections: Record<string, unknown> };
    expect(raw.record.revision).toBe(1);
    expect(raw.sections[key]).toEqual(value ?? null);
    expect(await library.delete(bad.id)).toEqual({ output: { id: bad.id } });
    expect((await store.keys()).filter((k) => k.includes(bad.id))).toEqual([]);
  });

  it('a record of a newer layout is UnsupportedSchemaException, not damage', async () => {
    const { library, store } = aLibrary();
    const { id } = output(await library.create('A', demo()));
    await store.set(docKey(id), { ...(await store.get<object>(docKey(id))), layout: 3 });
    expect(await library.open(id)).toEqual({
      error: { code: 'UnsupportedSchemaException', message: L.recordField('record.layout', S.mustBe('1 or 2')) },
    });
  });

  it('readRaw of a readable sectioned record is the whole record in one piece', async () => {
    const { library } = aLibrary();
    const doc = demo();
    const { id } = output(await library.create('A', doc));
    expect(JSON.parse(output(await library.readRaw(id)))).toEqual({
      schemaVersion: DOCUMENT_SCHEMA_VERSION, revision: 1, savedAt: 1_700_000_000_000, document: JSON.parse(JSON.stringify(doc)),
    });
  });
});

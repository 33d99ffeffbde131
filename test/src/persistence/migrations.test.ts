import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateDocument, type Migration } from '../../../src/persistence/migrations.ts';
import { DOCUMENT_SCHEMA_VERSION } from '../../../src/domain/sandbox-document.ts';

describe('migrations', () => {
  it('name every schema version from 1 to the current one, with no gap', () => {
    const versions = Object.keys(MIGRATIONS).map(Number).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: DOCUMENT_SCHEMA_VERSION }, (_, i) => i + 1));
    for (const v of versions) expect(MIGRATIONS[v].name).toMatch(/^[a-z0-9-]+$/);
  });

  it('a current document passes through unchanged', () => {
    const doc = { schemaVersion: DOCUMENT_SCHEMA_VERSION, seed: 3 };
    expect(migrateDocument(doc, DOCUMENT_SCHEMA_VERSION)).toEqual({ ok: true, document: doc, from: DOCUMENT_SCHEMA_VERSION, applied: [] });
  });

  it('refuses a version newer than the target', () => {
    expect(migrateDocument({}, DOCUMENT_SCHEMA_VERSION + 1)).toEqual({ ok: false, reason: 'future', version: DOCUMENT_SCHEMA_VERSION + 1 });
  });

  // A made-up history of three schemas shows how a chain runs.
  const chain: Record<number, Migration> = {
    1: { name: 'initial-document', up: (d) => d },
    2: { name: 'rename-seed', up: ({ seed, ...rest }) => ({ ...rest, randomSeed: seed }) },
    3: { name: 'add-era', up: (d) => ({ ...d, era: '2018' }) },
  };

  it.each([
    // [from, applied migrations, result]
    [1, ['v2 rename-seed', 'v3 add-era'], { schemaVersion: 3, randomSeed: 9, era: '2018' }],
    [2, ['v3 add-era'], { schemaVersion: 3, seed: 9, era: '2018' }], // a v2 document is past the rename: only v3 runs
    [3, [], { schemaVersion: 3, seed: 9 }],
  ])('from v%d runs %j', (from, applied, document) => {
    expect(migrateDocument({ schemaVersion: from, seed: 9 }, from, 3, chain)).toEqual({ ok: true, document, from, applied });
  });

  it('refuses a version no migration leads from', () => {
    const gap: Record<number, Migration> = { 1: chain[1], 3: chain[3] };
    expect(migrateDocument({}, 1, 3, gap)).toEqual({ ok: false, reason: 'no-migration', version: 1 });
    expect(migrateDocument({}, 2, 3, gap)).toEqual({ ok: false, reason: 'no-migration', version: 2 });
  });

  describe('v2 scheduler-state', () => {
    const e1 = { id: 'e1', createdAt: 1000, message: '(service web) has started 1 tasks: (task t1).' };
    const e2 = { id: 'e2', createdAt: 2000, message: '(service web) has reached a steady state.' };

    it('gives every region no targets and no behaviours, and every service its log (the events, oldest first), no failures, nothing suppressed, no timeline', () => {
      const v1 = {
        schemaVersion: 1, seed: 9,
        regions: {
          'us-east-1': { clusters: [{ clusterName: 'demo' }], services: [{ serviceName: 'web', events: [e2, e1] }, { serviceName: 'api', events: [] }], tasks: [] },
          'eu-west-1': {}, // no services: none are added
        },
      };
      const scheduler = { startFailures: 0, suppressed: {}, timeline: [] };
      expect(migrateDocument(structuredClone(v1), 1)).toEqual({
        ok: true, from: 1, applied: ['v2 scheduler-state'],
        document: {
          schemaVersion: 2, seed: 9,
          regions: {
            'us-east-1': {
              clusters: [{ clusterName: 'demo' }],
              services: [
                { serviceName: 'web', events: [e2, e1], eventLog: [e1, e2], ...scheduler },
                { serviceName: 'api', events: [], eventLog: [], ...scheduler },
              ],
              tasks: [], targets: [], taskBehaviours: [],
            },
            'eu-west-1': { targets: [], taskBehaviours: [] },
          },
        },
      });
      expect(Object.keys((migrateDocument(structuredClone(v1), 1) as any).document.regions['eu-west-1'])).toEqual(['targets', 'taskBehaviours']);
    });

    it('does not change its input', () => {
      const v1 = { schemaVersion: 1, regions: { 'us-east-1': { services: [{ serviceName: 'web', events: [e2, e1] }] } } };
      const copy = structuredClone(v1);
      migrateDocument(v1, 1);
      expect(v1).toEqual(copy);
    });

    it.each([
      // [what, regions, what the migration leaves]
      ['no regions', undefined, undefined],
      ['regions that are a list', [1], [1]],
      ['a region that is not an object', { 'us-east-1': 'full', 'eu-west-1': null }, { 'us-east-1': 'full', 'eu-west-1': null }],
      ['services that are not a list', { 'us-east-1': { services: 'web' } }, { 'us-east-1': { services: 'web', targets: [], taskBehaviours: [] } }],
      ['a service that is not an object', { 'us-east-1': { services: [7] } }, { 'us-east-1': { services: [7], targets: [], taskBehaviours: [] } }],
      ['events that are not a list', { 'us-east-1': { services: [{ events: 'x' }] } },
        { 'us-east-1': { services: [{ events: 'x', eventLog: [], startFailures: 0, suppressed: {}, timeline: [] }], targets: [], taskBehaviours: [] } }],
    ])('leaves a malformed v1 document for restore to report: %s', (_what, regions, expected) => {
      const result = migrateDocument({ schemaVersion: 1, regions }, 1);
      expect(result).toEqual({ ok: true, from: 1, applied: ['v2 scheduler-state'], document: { schemaVersion: 2, regions: expected } });
    });
  });
});

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
});

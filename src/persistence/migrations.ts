// Named migrations of the stored document, keyed by the schemaVersion they produce. The stored
// value is versioned, not the IndexedDB schema (architecture.md §5, idb-keyval). To change the
// document's shape: bump DOCUMENT_SCHEMA_VERSION, add the entry for the new number here (its `up`
// takes a document of the previous version as plain JSON) and teach restore-document the new shape.
// Never edit a published migration: documents in the wild depend on it.
import { DOCUMENT_SCHEMA_VERSION } from '../domain/sandbox-document.ts';

export type JsonObject = Record<string, unknown>;

export interface Migration {
  /** A short name that says what changed, for logs and the UI. */
  name: string;
  /** Lifts a document of version `key − 1` to version `key`. Never throws on a well-formed input. */
  up(document: JsonObject): JsonObject;
}

export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // v1 is the first stored schema: nothing older exists, so nothing leads into it.
  1: { name: 'initial-document', up: (document) => ({ ...document, schemaVersion: 1 }) },
  // The service scheduler (issue 4): load balancer targets and task behaviours per region; per
  // service the full event log (the stored newest-first events, oldest first), the start-failure
  // count, the suppressed messages and the timeline. Tasks gain optional members only.
  2: {
    name: 'scheduler-state',
    up: (document) => {
      // a malformed document is left as it is, for restore-document to name its fault
      const regions = document.regions;
      if (!isObject(regions)) return document;
      const lifted = Object.fromEntries(Object.entries(regions).map(([name, region]) => {
        if (!isObject(region)) return [name, region];
        // a region without services gains none: absent stays absent (restore fills it in)
        const services = Array.isArray(region.services) ? {
          services: region.services.map((service) => isObject(service) ? {
            ...service,
            eventLog: Array.isArray(service.events) ? [...service.events].reverse() : [],
            startFailures: 0,
            suppressed: {},
            timeline: [],
          } : service),
        } : {};
        return [name, { ...region, ...services, targets: [], taskBehaviours: [] }];
      }));
      return { ...document, regions: lifted };
    },
  },
};

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

export type MigrationResult =
  | { ok: true; document: JsonObject; from: number; applied: string[] }
  | { ok: false; reason: 'future'; version: number }
  | { ok: false; reason: 'no-migration'; version: number };

/**
 * Runs the migrations from `version` + 1 up to `target`, in order. The caller has checked that
 * `version` is a positive integer. A version newer than `target` is refused (an older ecs-sandbox
 * must not guess at a newer shape), as is one no chain of migrations leads from.
 */
export function migrateDocument(
  document: JsonObject, version: number, target = DOCUMENT_SCHEMA_VERSION, migrations = MIGRATIONS,
): MigrationResult {
  if (version > target) return { ok: false, reason: 'future', version };
  if (!migrations[version]) return { ok: false, reason: 'no-migration', version };
  let current = document;
  const applied: string[] = [];
  for (let v = version + 1; v <= target; v++) {
    const migration = migrations[v];
    if (!migration) return { ok: false, reason: 'no-migration', version };
    current = { ...migration.up(current), schemaVersion: v };
    applied.push(`v${v} ${migration.name}`);
  }
  return { ok: true, document: current, from: version, applied };
}

// The stored layout of a scenario (scenario-library.ts), version 2: the document in sections, so an
// autosave writes only what changed (issue 5: autosave of a 5,000-instance scenario ≤ 20 ms; B13: still
// ONE readwrite transaction, the compare-and-set on the record's revision included).
//   `doc:<id>`                          → the record: {layout: 2, schemaVersion, revision, savedAt,
//                                          document (without the sectioned lists), sections}
//   `docpart:<id>:<region>:<list>`      → {revision, records}: one region's containerInstances or tasks
// `sections` maps every section key to the revision that last wrote it; a section must carry exactly
// that revision, so a missing, stale or foreign section reads as a damaged record. Layout 1 (the whole
// document inside the record, no `layout`) is still read; every save writes layout 2.
import type { RegionState, SandboxDocument } from '../domain/sandbox-document.ts';

export const LAYOUT_SECTIONED = 2;
/** The region lists stored under their own keys: the big ones (5,000 instances, 5,000 tasks). */
export const SECTIONED_LISTS = ['containerInstances', 'tasks'] as const;
export type SectionedList = (typeof SECTIONED_LISTS)[number];

export const SECTION_PREFIX = 'docpart:';
export const sectionKey = (id: string, region: string, list: SectionedList) => `${SECTION_PREFIX}${id}:${region}:${list}`;

export interface StoredSection {
  /** The record revision that wrote it. */
  revision: number;
  records: unknown[];
}

/** The document without its sectioned lists (shallow copies; the document is not changed). */
export function documentWithoutSections(document: SandboxDocument): SandboxDocument {
  const regions: Record<string, RegionState> = {};
  for (const [name, state] of Object.entries(document.regions)) {
    const rest = { ...state } as Partial<RegionState>;
    for (const list of SECTIONED_LISTS) delete rest[list];
    regions[name] = rest as RegionState;
  }
  return { ...document, regions };
}

/** Every section of `document`: key, region, list and the records. */
export function sectionsOf(id: string, document: SandboxDocument): { key: string; region: string; list: SectionedList; records: readonly object[] }[] {
  const out: { key: string; region: string; list: SectionedList; records: readonly object[] }[] = [];
  for (const [region, state] of Object.entries(document.regions)) {
    for (const list of SECTIONED_LISTS) out.push({ key: sectionKey(id, region, list), region, list, records: state[list] });
  }
  return out;
}

const END = Symbol('end of record');

/**
 * A list's records flattened: each record's reference, then its own members' names and values, then an
 * end mark. Records are changed by setting members, and their nested values are replaced, never edited
 * in place (intern-value.ts freezes the shared ones), so an equal flattening means an equal list.
 */
export function flattenList(records: readonly object[]): unknown[] {
  const out: unknown[] = [];
  for (const r of records) {
    out.push(r);
    for (const k in r) out.push(k, (r as Record<string, unknown>)[k]);
    out.push(END);
  }
  return out;
}

/** True when `records` flattens to `flat` (without building a new flattening). */
export function listUnchanged(records: readonly object[], flat: readonly unknown[] | undefined): boolean {
  if (!flat) return false;
  let i = 0;
  for (const r of records) {
    if (flat[i++] !== r) return false;
    for (const k in r) {
      if (flat[i++] !== k || flat[i++] !== (r as Record<string, unknown>)[k]) return false;
    }
    if (flat[i++] !== END) return false;
  }
  return i === flat.length;
}

/**
 * What this tab last stored of one scenario: per section, the flattening written at `revision`. Owned
 * by the session; the library reads it inside the save's transaction and replaces it once the
 * transaction has committed. Invalid (everything is written) after a reload, an open or a failure.
 */
export interface SectionMemo {
  id: string;
  revision: number;
  flats: Map<string, unknown[]>;
}

// The scenario library over a ScenarioStore (issue 5 item 4). Keys:
//   `index`     → ScenarioSummary[]: what the sidebar lists (names live only here);
//   `doc:<id>`  → the record {layout, schemaVersion, revision, savedAt, document, sections}: since layout 2
//                 (document-sections.ts) the big region lists live under `docpart:<id>:…` keys and a save
//                 writes only the ones that changed; layout 1 (the whole document here) is still read;
//   `current`   → the id of the scenario last opened, for the next start.
// The stored value is versioned, not the IndexedDB schema (idb-keyval's advice): reading a record
// runs restore-document.ts, migrations included. A record that cannot be read is reported with the
// reason, marked in the index (`problem`) and kept as it is for export; no other scenario is touched.
// Saves are compare-and-set on `revision`, index and document in ONE transaction (B13).
import type { SandboxDocument } from '../domain/sandbox-document.ts';
import { DOCUMENT_SCHEMA_VERSION } from '../domain/sandbox-document.ts';
import { SANDBOX } from '../messages.ts';
import type { CallError, ScenarioSummary, WhatIfSetup } from '../worker/scheduler-api.ts';
import {
  LAYOUT_SECTIONED, documentWithoutSections, flattenList, listUnchanged, sectionsOf, type SectionMemo,
} from './document-sections.ts';
import { restoreDocument } from './restore-document.ts';
import type { ScenarioStore } from './scenario-store.ts';

export interface StoredRecord {
  /** The stored layout (document-sections.ts): absent in layout 1. */
  layout?: number;
  schemaVersion: number;
  /** 1 when created; each save adds one. */
  revision: number;
  /** Wall-clock epoch milliseconds. */
  savedAt: number;
  document: SandboxDocument;
  /** Layout 2: section key → the revision that wrote it. */
  sections?: Record<string, number>;
  /** The playground's what-if setup (issue 6), kept beside the document: no document schema change. */
  whatIf?: WhatIfSetup;
}

/** What the session keeps between saves so a save writes only changed sections (document-sections.ts). */
export interface SectionMemoHolder {
  memo?: SectionMemo;
}

export type LibraryOutcome<T> = { output: T } | { error: CallError };

export interface OpenedScenario {
  summary: ScenarioSummary;
  document: SandboxDocument;
  /** Migrations applied while reading, oldest first. */
  migrations: string[];
  /** The saved what-if setup, when there is one and it reads well. */
  whatIf?: WhatIfSetup;
  /** Why a saved what-if setup was ignored (WHAT_IF_SETUP.ignored): the scenario opens all the same. */
  whatIfProblem?: string;
}

/** Error codes of the library (synthesised, in the style of AWS's). */
export const LIBRARY_ERRORS = {
  badName: 'InvalidParameterException',
  invalidScenario: 'InvalidParameterException',
  notFound: 'ScenarioNotFoundException',
  conflict: 'ScenarioConflictException',
  corrupt: 'CorruptScenarioException',
  /** Written by a newer ecs-sandbox: readable there, not here. */
  newer: 'UnsupportedSchemaException',
  storage: 'StorageException',
} as const;

export const INDEX_KEY = 'index';
export const CURRENT_KEY = 'current';
export const docKey = (id: string) => `doc:${id}`;
export const MAX_NAME_LENGTH = 100;

const L = SANDBOX.library;
const S = SANDBOX.scenario;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const failure = (code: string, message: string): { error: CallError } => ({ error: { code, message } });

export interface ScenarioLibraryOptions {
  store: ScenarioStore;
  /** Wall-clock epoch milliseconds for `savedAt`: a host concern, injected. */
  now: () => number;
  newId?: () => string;
}

export class ScenarioLibrary {
  readonly store: ScenarioStore;
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(options: ScenarioLibraryOptions) {
    this.store = options.store;
    this.now = options.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  /** Every scenario, in the index's order; a `doc:` record the index lost is listed as recovered. */
  async list(): Promise<ScenarioSummary[]> {
    const [index, keys] = await Promise.all([this.store.get(INDEX_KEY), this.store.keys()]);
    const summaries = readIndex(index);
    const known = new Set(summaries.map((s) => s.id));
    for (const key of keys) {
      const id = typeof key === 'string' && key.startsWith('doc:') ? key.slice(4) : undefined;
      if (id !== undefined && !known.has(id)) {
        summaries.push({ id, name: L.recovered(id), savedAt: 0, revision: 0, schemaVersion: 0 });
      }
    }
    return summaries;
  }

  /**
   * Stores `document` as a new scenario (revision 1), the index and record in one transaction. The
   * worker makes the document (empty, or the demo scenario: src/worker startingDocument).
   */
  async create(name: string, document: SandboxDocument): Promise<LibraryOutcome<ScenarioSummary>> {
    const checked = checkName(name);
    if (typeof checked !== 'string') return checked;
    return this.insert(checked, document);
  }

  async open(id: string): Promise<LibraryOutcome<OpenedScenario>> {
    const [index, stored] = await this.store.getMany([INDEX_KEY, docKey(id)]);
    if (stored === undefined) return failure(LIBRARY_ERRORS.notFound, L.notFound(id));
    const raw = await this.withSections(id, stored);
    if (raw === undefined) return failure(LIBRARY_ERRORS.notFound, L.notFound(id));
    const read = 'problem' in raw ? raw : readRecord(raw.record);
    const entry = readIndex(index).find((s) => s.id === id);
    if ('problem' in read) {
      await this.markProblem(id, read.problem);
      return failure(read.newer ? LIBRARY_ERRORS.newer : LIBRARY_ERRORS.corrupt, read.problem);
    }
    const { record, document, migrations } = read;
    const summary: ScenarioSummary = {
      id, name: entry?.name ?? L.recovered(id), savedAt: record.savedAt, revision: record.revision,
      schemaVersion: record.schemaVersion,
    };
    if (entry?.problem !== undefined) await this.markProblem(id, undefined); // readable again (fixed elsewhere)
    return { output: { summary, document, migrations, ...whatIfOf('record' in raw ? raw.record : undefined) } };
  }

  /**
   * Saves `snapshot()` as revision `expectedRevision + 1` if the stored revision is still
   * `expectedRevision`; otherwise a ScenarioConflictException. `snapshot` runs inside the
   * transaction, so the caller knows exactly which state was stored.
   */
  async save(
    id: string, expectedRevision: number, snapshot: () => SandboxDocument, holder?: SectionMemoHolder,
  ): Promise<LibraryOutcome<ScenarioSummary>> {
    const savedAt = this.now();
    let memo: SectionMemo | undefined;
    const saved = await this.store.updateMany<LibraryOutcome<ScenarioSummary>>([INDEX_KEY, docKey(id)], ([index, raw]) => {
      if (raw === undefined) return { result: failure(LIBRARY_ERRORS.notFound, L.notFound(id)) };
      const stored = isObj(raw) ? raw.revision : undefined;
      if (stored !== expectedRevision) {
        return { result: failure(LIBRARY_ERRORS.conflict, L.conflict(id, String(stored), expectedRevision)) };
      }
      const document = snapshot();
      const before = holder?.memo?.id === id && holder.memo.revision === expectedRevision ? holder.memo : undefined;
      const old = isObj(raw) && raw.layout === LAYOUT_SECTIONED && isObj(raw.sections) ? raw.sections : {};
      const written = sectionWrites(id, expectedRevision + 1, document, before, old, holder !== undefined);
      memo = written.memo;
      const record: StoredRecord = {
        layout: LAYOUT_SECTIONED, schemaVersion: document.schemaVersion, revision: expectedRevision + 1, savedAt,
        document: documentWithoutSections(document), sections: written.sections,
        // the what-if setup is written by saveWhatIf only; a document save keeps it as stored
        ...(isObj(raw) && raw.whatIf !== undefined ? { whatIf: raw.whatIf as WhatIfSetup } : {}),
      };
      const summaries = readIndex(index);
      const at = summaries.findIndex((s) => s.id === id);
      const name = at < 0 ? L.recovered(id) : summaries[at].name;
      const summary: ScenarioSummary = { id, name, savedAt, revision: record.revision, schemaVersion: record.schemaVersion };
      if (at < 0) summaries.push(summary);
      else summaries[at] = summary;
      return {
        set: [[INDEX_KEY, summaries], [docKey(id), record], ...written.set],
        del: Object.keys(old).filter((key) => !(key in written.sections)),
        result: { output: summary },
      };
    });
    // committed: the next save compares against what this one wrote
    if (holder && 'output' in saved) holder.memo = memo;
    return saved;
  }

  /**
   * The stored value of `doc:<id>` as a layout-1 record (sections put back into the document), or why
   * its sections cannot be read. Sections are read in one transaction with the record again, so a save
   * by another tab in between is seen (and read again), never mistaken for damage.
   */
  private async withSections(id: string, stored: unknown): Promise<{ record: unknown } | { problem: string; newer?: boolean } | undefined> {
    let raw = stored;
    for (let attempt = 0; ; attempt++) {
      if (!isObj(raw) || raw.layout === undefined) return { record: raw };
      if (raw.layout !== LAYOUT_SECTIONED) {
        const newer = typeof raw.layout === 'number' && raw.layout > LAYOUT_SECTIONED;
        return { problem: L.recordField('record.layout', S.mustBe(`1 or ${LAYOUT_SECTIONED}`)), ...(newer ? { newer } : {}) };
      }
      const keys = isObj(raw.sections) ? Object.keys(raw.sections) : [];
      const [again, ...parts] = await this.store.getMany([docKey(id), ...keys]);
      if (again === undefined) return undefined;
      // the same record read again with its sections; else another tab saved in between: read that one
      const same = isObj(again) && again.revision === raw.revision && again.layout === raw.layout &&
        isObj(again.sections) && Object.keys(again.sections).join('\n') === keys.join('\n');
      if (same || attempt >= 4) return isObj(again) ? assembleSections(again, keys, parts) : { record: again };
      raw = again;
    }
  }

  /** A copy under a new id, of the stored document as it reads now (migrated). */
  async duplicate(id: string, name: string): Promise<LibraryOutcome<ScenarioSummary>> {
    const checked = checkName(name);
    if (typeof checked !== 'string') return checked;
    const opened = await this.open(id);
    if ('error' in opened) return opened;
    return this.insert(checked, opened.output.document, opened.output.whatIf);
  }

  /**
   * Keeps `setup` as the scenario's what-if setup. The record's revision does not move: the setup is
   * not part of the document, and a document save (this tab's or another's) keeps it as stored.
   */
  async saveWhatIf(id: string, setup: unknown): Promise<LibraryOutcome<WhatIfSetup>> {
    const read = readWhatIfSetup(setup);
    if ('problem' in read) return failure(LIBRARY_ERRORS.invalidScenario, WHAT_IF_SETUP.invalid(read.problem));
    return this.store.updateMany<LibraryOutcome<WhatIfSetup>>([docKey(id)], ([raw]) => {
      if (raw === undefined) return { result: failure(LIBRARY_ERRORS.notFound, L.notFound(id)) };
      if (!isObj(raw)) return { result: failure(LIBRARY_ERRORS.corrupt, L.recordNotObject) };
      return { set: [[docKey(id), { ...raw, whatIf: read.setup }]], result: { output: read.setup } };
    });
  }

  async rename(id: string, name: string): Promise<LibraryOutcome<ScenarioSummary>> {
    const checked = checkName(name);
    if (typeof checked !== 'string') return checked;
    // The index alone: a rename needs no compare-and-set with the document's saves.
    return this.store.updateMany<LibraryOutcome<ScenarioSummary>>([INDEX_KEY, docKey(id)], ([index, raw]) => {
      const summaries = readIndex(index);
      const at = summaries.findIndex((s) => s.id === id);
      if (at < 0 && raw === undefined) return { result: failure(LIBRARY_ERRORS.notFound, L.notFound(id)) };
      const summary: ScenarioSummary = at < 0
        ? { id, name: checked, savedAt: 0, revision: 0, schemaVersion: 0 }
        : { ...summaries[at], name: checked };
      if (at < 0) summaries.push(summary);
      else summaries[at] = summary;
      return { set: [[INDEX_KEY, summaries]], result: { output: summary } };
    });
  }

  /** Removes the record and its index entry in one transaction. */
  async delete(id: string): Promise<LibraryOutcome<{ id: string }>> {
    return this.store.updateMany<LibraryOutcome<{ id: string }>>([INDEX_KEY, docKey(id)], ([index, raw]) => {
      const summaries = readIndex(index);
      const rest = summaries.filter((s) => s.id !== id);
      if (rest.length === summaries.length && raw === undefined) {
        return { result: failure(LIBRARY_ERRORS.notFound, L.notFound(id)) };
      }
      const sections = isObj(raw) && isObj(raw.sections) ? Object.keys(raw.sections) : [];
      return { set: [[INDEX_KEY, rest]], del: [docKey(id), ...sections], result: { output: { id } } };
    });
  }

  /** The stored record as text, whatever it holds: what "export the raw data" downloads. */
  async readRaw(id: string): Promise<LibraryOutcome<string>> {
    let raw = await this.store.get(docKey(id));
    if (raw === undefined) return failure(LIBRARY_ERRORS.notFound, L.notFound(id));
    if (isObj(raw) && raw.layout === LAYOUT_SECTIONED) {
      // readable sections: the whole record in one piece (layout 1); damaged ones: the record and every section as stored
      const keys = isObj(raw.sections) ? Object.keys(raw.sections) : [];
      const parts = await this.store.getMany(keys);
      const assembled = assembleSections(raw, keys, parts);
      raw = 'record' in assembled ? assembled.record : { record: raw, sections: Object.fromEntries(keys.map((k, i) => [k, parts[i] ?? null])) };
    }
    if (typeof raw === 'string') return { output: raw };
    try {
      const text = JSON.stringify(raw, null, 1);
      return { output: text ?? String(raw) };
    } catch {
      return { output: String(raw) };
    }
  }

  /**
   * A scenario file's text (ExportScenario's output, or the bare document) as a new scenario.
   * Errors name the path of the fault (restore-document.ts); nothing is stored on failure.
   */
  async import(text: string, name: string): Promise<LibraryOutcome<ScenarioSummary>> {
    const checked = checkName(name);
    if (typeof checked !== 'string') return checked;
    let value: unknown;
    try {
      value = JSON.parse(String(text));
    } catch (error) {
      return failure(LIBRARY_ERRORS.invalidScenario, SANDBOX.scenarioNotJson((error as Error).message));
    }
    // ExportScenario's output is `{scenario: document}`; a saved file may hold either form (load-scenario.ts).
    const scenario = isObj(value) && 'scenario' in value && !('schemaVersion' in value) ? value.scenario : value;
    const restored = restoreDocument(scenario, 'scenario');
    if (!restored.ok) return failure(LIBRARY_ERRORS.invalidScenario, SANDBOX.invalidScenario(restored.path, restored.problem));
    return this.insert(checked, restored.document);
  }

  async currentId(): Promise<string | undefined> {
    const id = await this.store.get(CURRENT_KEY);
    return typeof id === 'string' ? id : undefined;
  }

  setCurrentId(id: string): Promise<void> {
    return this.store.set(CURRENT_KEY, id);
  }

  private async insert(name: string, document: SandboxDocument, whatIf?: WhatIfSetup): Promise<LibraryOutcome<ScenarioSummary>> {
    const id = this.newId();
    const savedAt = this.now();
    const written = sectionWrites(id, 1, document, undefined, {}, false);
    const record: StoredRecord = {
      layout: LAYOUT_SECTIONED, schemaVersion: document.schemaVersion, revision: 1, savedAt,
      document: documentWithoutSections(document), sections: written.sections, ...(whatIf ? { whatIf } : {}),
    };
    const summary: ScenarioSummary = { id, name, savedAt, revision: 1, schemaVersion: document.schemaVersion };
    return this.store.updateMany<LibraryOutcome<ScenarioSummary>>([INDEX_KEY], ([index]) => ({
      set: [[INDEX_KEY, [...readIndex(index), summary]], [docKey(id), record], ...written.set],
      result: { output: summary },
    }));
  }

  /** Sets (or clears) the index entry's `problem`; only the index is written. */
  private markProblem(id: string, problem: string | undefined): Promise<void> {
    return this.store.update(INDEX_KEY, (index) => readIndex(index).map((s) => {
      if (s.id !== id) return s;
      const { problem: _old, ...rest } = s;
      return problem === undefined ? rest : { ...rest, problem };
    }));
  }
}

// ── The what-if setup (issue 6) ───────────────────────────────────────────────────────────────
// Its texts are synthesised; they live here, beside the only code that emits them.

/** Variants per setup: runWhatIf's own limit (what-if-types.ts). */
export const MAX_WHAT_IF_VARIANTS = 32;
/** Runs per variant the playground offers. */
export const MAX_WHAT_IF_SEEDS = 20;
/** A generous cap on the stored setup's JSON, so a damaged value cannot grow the record without bound. */
export const MAX_WHAT_IF_SETUP_CHARS = 256 * 1024;

export const WHAT_IF_SETUP = {
  ignored: (problem: string) => `The saved what-if setup of this scenario was ignored (it is damaged): ${problem}.`,
  invalid: (problem: string) => `The what-if setup is not valid: ${problem}.`,
  mustBe: (path: string, what: string) => `${path} must be ${what}`,
  tooLarge: (max: number) => `the setup is larger than ${max} characters of JSON`,
} as const;

/**
 * A stored or submitted what-if setup checked for its shape: service, timeline, 1–32 variants with
 * names and change lists, seeds 1–20. What each change means is judged when it runs (runWhatIf).
 */
export function readWhatIfSetup(raw: unknown): { setup: WhatIfSetup } | { problem: string } {
  const W = WHAT_IF_SETUP;
  if (!isObj(raw)) return { problem: W.mustBe('whatIf', 'an object') };
  let size: number;
  try {
    size = JSON.stringify(raw).length;
  } catch {
    return { problem: W.mustBe('whatIf', 'plain JSON') };
  }
  if (size > MAX_WHAT_IF_SETUP_CHARS) return { problem: W.tooLarge(MAX_WHAT_IF_SETUP_CHARS) };
  const { service, timeline, variants, seeds } = raw;
  if (typeof service !== 'string' || service.trim() === '') return { problem: W.mustBe('whatIf.service', 'a service name (cluster/service)') };
  if (timeline !== 'new-revision' && timeline !== 'steady') return { problem: W.mustBe('whatIf.timeline', '"new-revision" or "steady"') };
  if (typeof seeds !== 'number' || !Number.isInteger(seeds) || seeds < 1 || seeds > MAX_WHAT_IF_SEEDS) {
    return { problem: W.mustBe('whatIf.seeds', `an integer from 1 to ${MAX_WHAT_IF_SEEDS}`) };
  }
  if (!Array.isArray(variants) || variants.length < 1 || variants.length > MAX_WHAT_IF_VARIANTS) {
    return { problem: W.mustBe('whatIf.variants', `a list of 1 to ${MAX_WHAT_IF_VARIANTS} variants`) };
  }
  for (let i = 0; i < variants.length; i++) {
    const v: unknown = variants[i];
    const path = `whatIf.variants[${i}]`;
    if (!isObj(v)) return { problem: W.mustBe(path, 'an object') };
    if (typeof v.name !== 'string' || v.name.trim() === '') return { problem: W.mustBe(`${path}.name`, 'a non-empty string') };
    if (!Array.isArray(v.changes)) return { problem: W.mustBe(`${path}.changes`, 'a list') };
    const bad = v.changes.findIndex((c) => !isObj(c));
    if (bad >= 0) return { problem: W.mustBe(`${path}.changes[${bad}]`, 'an object') };
  }
  const copy = structuredClone({ service, timeline, seeds, variants }) as WhatIfSetup;
  copy.variants = copy.variants.map((v) => ({ name: v.name, changes: v.changes }));
  return { setup: copy };
}

/** The record's what-if setup as OpenedScenario carries it: absent, read, or ignored with a note. */
function whatIfOf(record: unknown): Pick<OpenedScenario, 'whatIf' | 'whatIfProblem'> {
  let value = record;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return {}; // the record itself is judged by readRecord
    }
  }
  if (!isObj(value) || value.whatIf === undefined) return {};
  const read = readWhatIfSetup(value.whatIf);
  return 'setup' in read ? { whatIf: read.setup } : { whatIfProblem: WHAT_IF_SETUP.ignored(read.problem) };
}

function checkName(name: unknown): string | { error: CallError } {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed.length < 1 || trimmed.length > MAX_NAME_LENGTH) return failure(LIBRARY_ERRORS.badName, L.badName(MAX_NAME_LENGTH));
  return trimmed;
}

/** The index's well-formed entries; anything else (a damaged index) reads as fewer entries, never as a failure. */
export function readIndex(raw: unknown): ScenarioSummary[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  return raw.flatMap((s): ScenarioSummary[] => {
    if (!isObj(s) || typeof s.id !== 'string' || seen.has(s.id)) return [];
    seen.add(s.id);
    const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
    return [{
      id: s.id, name: typeof s.name === 'string' ? s.name : L.recovered(s.id), savedAt: n(s.savedAt),
      revision: n(s.revision), schemaVersion: n(s.schemaVersion),
      ...(typeof s.problem === 'string' ? { problem: s.problem } : {}),
    }];
  });
}

/**
 * The sections `document` needs written at `revision`: those whose records differ from `before` (what
 * this tab wrote at the stored revision), all of them without it. `remember` builds the next memo.
 */
function sectionWrites(
  id: string, revision: number, document: SandboxDocument, before: SectionMemo | undefined, old: Obj, remember: boolean,
): { set: [string, unknown][]; sections: Record<string, number>; memo: SectionMemo | undefined } {
  const set: [string, unknown][] = [];
  const sections: Record<string, number> = {};
  const flats = new Map<string, unknown[]>();
  for (const { key, records } of sectionsOf(id, document)) {
    const flat = before?.flats.get(key);
    const kept = old[key];
    if (flat && typeof kept === 'number' && listUnchanged(records, flat)) {
      sections[key] = kept;
      flats.set(key, flat);
    } else {
      set.push([key, { revision, records }]);
      sections[key] = revision;
      if (remember) flats.set(key, flattenList(records));
    }
  }
  return { set, sections, memo: remember ? { id, revision, flats } : undefined };
}

/**
 * A layout-2 record and its sections (`parts`, in `keys` order) as a layout-1 record, or the first
 * reason they do not fit together (a missing section, one written by another revision, a section of a
 * region the document lacks). What the sections hold is judged later, by restore-document.
 */
export function assembleSections(meta: Obj, keys: string[], parts: unknown[]): { record: unknown } | { problem: string } {
  const { layout: _layout, sections, ...record } = meta;
  if (!isObj(sections)) return { problem: L.recordField('record.sections', sections === undefined ? S.missing : S.mustBe('an object')) };
  const document = record.document;
  if (!isObj(document) || !isObj(document.regions)) return { record }; // restore-document says what is wrong
  const regions: Obj = { ...document.regions };
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const path = `record.sections["${key}"]`;
    const part = parts[i];
    const at = key.lastIndexOf(':');
    const list = key.slice(at + 1);
    const region = key.slice(0, at).split(':').pop() ?? '';
    if (part === undefined) return { problem: L.recordField(path, S.missing) };
    if (!isObj(part) || part.revision !== sections[key] || !Array.isArray(part.records)) {
      return { problem: L.recordField(path, S.mustBe(`the records written by revision ${String(sections[key])}`)) };
    }
    const state = regions[region];
    if (!isObj(state)) return { problem: L.recordField(`record.document.regions.${region}`, S.missing) };
    regions[region] = { ...state, [list]: part.records };
  }
  return { record: { ...record, document: { ...document, regions } } };
}

type ReadRecord =
  | { record: StoredRecord; document: SandboxDocument; migrations: string[] }
  | { problem: string; newer?: boolean };

/** A stored value as a record and its restored document, or why it cannot be read. */
export function readRecord(raw: unknown): ReadRecord {
  let value = raw;
  if (typeof value === 'string') {
    // a record written as text (by hand, or by an export pasted back) is read as the JSON it holds
    try {
      value = JSON.parse(value);
    } catch (error) {
      return { problem: L.recordNotJson((error as Error).message) };
    }
  }
  if (!isObj(value)) return { problem: L.recordNotObject };
  const revision = value.revision;
  if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 1) {
    return { problem: L.recordField('record.revision', revision === undefined ? S.missing : S.mustBe('a positive integer')) };
  }
  if (value.document === undefined || value.document === null) return { problem: L.recordField('record.document', S.missing) };
  const envelopeVersion = value.schemaVersion;
  if (typeof envelopeVersion === 'number' && envelopeVersion > DOCUMENT_SCHEMA_VERSION) {
    return { problem: SANDBOX.invalidScenario('record.schemaVersion', S.futureVersion(envelopeVersion, DOCUMENT_SCHEMA_VERSION)), newer: true };
  }
  const restored = restoreDocument(value.document, 'scenario');
  if (!restored.ok) {
    const documentVersion = isObj(value.document) ? value.document.schemaVersion : undefined;
    const newer = typeof documentVersion === 'number' && documentVersion > DOCUMENT_SCHEMA_VERSION;
    return { problem: SANDBOX.invalidScenario(restored.path, restored.problem), ...(newer ? { newer } : {}) };
  }
  const savedAt = typeof value.savedAt === 'number' && Number.isFinite(value.savedAt) ? value.savedAt : 0;
  const schemaVersion = isObj(value.document) && typeof value.document.schemaVersion === 'number'
    ? value.document.schemaVersion : restored.document.schemaVersion;
  return {
    record: { schemaVersion, revision, savedAt, document: restored.document },
    document: restored.document,
    migrations: restored.migrations,
  };
}

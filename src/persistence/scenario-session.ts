// The open scenario of one tab: which one it is, the stored revision this tab loaded or last saved,
// and the mutating calls made since that save. The worker (scheduler-service.ts) drives it:
//   - after every successful mutating call it saves at once; while a realtime clock runs, view()
//     ticks save at most once every 2 s; flush() saves now (the page calls it on `pagehide`);
//   - a save is compare-and-set on the revision (scenario-library.ts). On a conflict, or when
//     another tab announces a newer save of this scenario (tab-sync.ts), the stored document is
//     reloaded and this tab's unsaved calls are replayed on it, then saved: neither tab loses an
//     update. A replayed call that now fails (say, both tabs created the same service) is dropped
//     and reported.
// Every library operation runs through one queue, so saves, reloads and switches never interleave.
import type { SandboxDocument } from '../domain/sandbox-document.ts';
import { DOCUMENT_SCHEMA_VERSION } from '../domain/sandbox-document.ts';
import { SANDBOX } from '../messages.ts';
import type { CallError, CallOutcome, ScenarioStatus, ScenarioSummary, WhatIfSetup } from '../worker/scheduler-api.ts';
import {
  LIBRARY_ERRORS, type LibraryOutcome, type OpenedScenario, type ScenarioLibrary, type SectionMemoHolder,
} from './scenario-library.ts';
import { judgeTabMessage, type TabMessage, type TabSync } from './tab-sync.ts';

/** At most one save per this many wall-clock ms while only the clock moves. */
export const AUTOSAVE_INTERVAL_MS = 2000;
/** The name of the scenario a first start creates. */
export const FIRST_SCENARIO_NAME = 'Demo';
/** Conflicts resolved in a row before a save gives up (another tab saving faster than this one replays). */
const MAX_SAVE_ATTEMPTS = 5;

export interface SessionCall {
  /** Shown when the call is dropped on replay. */
  target: string;
}

/** What the session needs of the sandbox (the worker's SandboxApi): its document and revision. */
export interface SessionSandbox {
  document: SandboxDocument;
  /** Moves whenever the document may have changed. */
  readonly revision: number;
  /** Replaces the whole document; moves the revision. */
  replaceDocument(document: SandboxDocument): void;
}

export interface ScenarioSessionOptions<C extends SessionCall> {
  library: ScenarioLibrary;
  sync?: TabSync;
  api: SessionSandbox;
  /** The document a new scenario starts from: empty (the default cluster only) or the demo scenario. */
  startingDocument: (from: 'empty' | 'demo') => SandboxDocument;
  /** Wall-clock ms, for the autosave interval only. */
  wallClock: () => number;
  /** Runs a recorded call again on the current document; the error when it fails. */
  replay: (call: C) => CallError | undefined;
}

const L = SANDBOX.library;

export class ScenarioSession<C extends SessionCall = SessionCall> {
  private readonly library: ScenarioLibrary;
  private readonly sync: TabSync | undefined;
  private readonly api: SessionSandbox;
  private readonly startingDocument: (from: 'empty' | 'demo') => SandboxDocument;
  private readonly wallClock: () => number;
  private readonly replay: (call: C) => CallError | undefined;
  private readonly unsubscribe: () => void;
  private queue: Promise<unknown> = Promise.resolve();

  private current: ScenarioSummary | undefined;
  /** Mutating calls since the last successful save, oldest first. */
  private pending: C[] = [];
  /** api.revision when the stored document was last equal to the one in memory. */
  private savedApiRevision = -1;
  /** The document's clock when it was last stored: a realtime clock moves it without a revision. */
  private savedNowMs = Number.NaN;
  private lastSaveWall = -Infinity;
  private readOnly: CallError | undefined;
  private saveError: CallError | undefined;
  private openError: CallError | undefined;
  private dropped: { target: string; error: CallError }[] = [];
  private libraryChanges = 0;
  /** Wall-clock ms the last successful save took (its one readwrite transaction, the copy included). */
  private lastSaveMs: number | undefined;
  /** What the last save wrote, so the next writes only the sections that changed (document-sections.ts). */
  private sections: SectionMemoHolder = {};
  /** The open scenario's what-if setup (issue 6), and why a stored one was ignored. */
  private whatIf: Pick<OpenedScenario, 'whatIf' | 'whatIfProblem'> = {};

  constructor(options: ScenarioSessionOptions<C>) {
    this.library = options.library;
    this.sync = options.sync;
    this.api = options.api;
    this.startingDocument = options.startingDocument;
    this.wallClock = options.wallClock;
    this.replay = options.replay;
    this.unsubscribe = this.sync?.subscribe((message) => this.onTabMessage(message)) ?? (() => {});
  }

  /** Opens the last used scenario, else the most recently saved readable one, else creates the first. */
  start(first: 'empty' | 'demo'): Promise<void> {
    return this.enqueue(async () => {
      const tried = new Set<string>();
      const currentId = await this.library.currentId();
      if (currentId !== undefined) {
        tried.add(currentId);
        const opened = await this.library.open(currentId);
        if ('output' in opened) {
          await this.adopt(opened.output.summary, opened.output.document, opened.output);
          return;
        }
        this.openError = opened.error;
      }
      if (await this.openMostRecent(tried)) return;
      const created = await this.library.create(FIRST_SCENARIO_NAME, this.startingDocument(first));
      if ('error' in created) throw new Error(created.error.message);
      await this.openCreated(created.output);
    });
  }

  close(): void {
    this.unsubscribe();
    this.sync?.close();
  }

  /** A successful mutating call: remember it for a replay, and save at once. */
  async recordCall(call: C): Promise<void> {
    this.pending.push(call);
    await this.enqueue(() => this.save());
  }

  /** A view() read: while the clock moves the document, save at most once per interval. */
  tick(): void {
    if (!this.unsaved() || this.wallClock() - this.lastSaveWall < AUTOSAVE_INTERVAL_MS) return;
    void this.enqueue(() => this.save()).catch(() => {});
  }

  async flush(): Promise<CallOutcome<ScenarioStatus>> {
    await this.enqueue(() => this.save());
    return this.saveError ? { error: this.saveError } : { output: this.status() };
  }

  /** Waits for every queued library operation (tests; a reload another tab caused). */
  settled(): Promise<void> {
    return this.enqueue(async () => {});
  }

  status(): ScenarioStatus {
    return {
      ...(this.current ? { scenario: { ...this.current } } : {}),
      unsaved: this.unsaved(),
      ...(this.readOnly ? { readOnly: this.readOnly } : {}),
      ...(this.saveError ? { saveError: this.saveError } : {}),
      ...(this.openError ? { openError: this.openError } : {}),
      dropped: [...this.dropped],
      libraryChanges: this.libraryChanges,
      ...(this.lastSaveMs !== undefined ? { lastSaveMs: this.lastSaveMs } : {}),
      ...(this.whatIf.whatIf ? { whatIf: structuredClone(this.whatIf.whatIf) } : {}),
      ...(this.whatIf.whatIfProblem ? { whatIfProblem: this.whatIf.whatIfProblem } : {}),
    };
  }

  /** Keeps the what-if view's setup with the open scenario's record (scenario-library.ts saveWhatIf). */
  saveWhatIf(setup: WhatIfSetup): Promise<CallOutcome<ScenarioStatus>> {
    return this.enqueue(async () => {
      const open = this.current;
      if (!open) return { error: { code: 'PersistenceUnavailableException', message: L.unavailable } };
      const saved = await this.library.saveWhatIf(open.id, setup);
      if ('error' in saved) return saved;
      if (this.current?.id === open.id) this.whatIf = { whatIf: saved.output };
      return { output: this.status() };
    });
  }

  list(): Promise<CallOutcome<ScenarioSummary[]>> {
    return this.enqueue(async () => ({ output: await this.library.list() }));
  }

  newScenario(name: string, from: 'empty' | 'demo'): Promise<CallOutcome<ScenarioSummary>> {
    return this.enqueue(async () => {
      const created = await this.library.create(name, this.startingDocument(from === 'empty' ? 'empty' : 'demo'));
      if ('error' in created) return created;
      await this.save(); // the scenario being left keeps its last changes
      return this.openCreated(created.output);
    });
  }

  importScenario(text: string, name: string): Promise<CallOutcome<ScenarioSummary>> {
    return this.enqueue(async () => {
      const imported = await this.library.import(text, name);
      if ('error' in imported) return imported;
      await this.save();
      return this.openCreated(imported.output);
    });
  }

  openScenario(id: string): Promise<CallOutcome<ScenarioSummary>> {
    return this.enqueue(async () => {
      if (id === this.current?.id) {
        await this.save();
        return { output: { ...this.current } };
      }
      await this.save();
      const opened = await this.library.open(String(id));
      if ('error' in opened) return opened; // the open scenario stays as it is
      return this.adopt(opened.output.summary, opened.output.document, opened.output);
    });
  }

  duplicateScenario(id: string, name: string): Promise<CallOutcome<ScenarioSummary>> {
    return this.enqueue(async () => {
      if (id === this.current?.id) await this.save(); // the copy has the latest changes
      return this.announce(await this.library.duplicate(String(id), name));
    });
  }

  renameScenario(id: string, name: string): Promise<CallOutcome<ScenarioSummary>> {
    return this.enqueue(async () => {
      const renamed = await this.library.rename(String(id), name);
      if ('output' in renamed && this.current?.id === id) this.current = { ...this.current, name: renamed.output.name };
      return this.announce(renamed);
    });
  }

  deleteScenario(id: string): Promise<CallOutcome<{ id: string }>> {
    return this.enqueue(async () => {
      const deleted = this.announce(await this.library.delete(String(id)));
      if ('output' in deleted && this.current?.id === id) {
        this.current = undefined;
        this.pending = [];
        if (!(await this.openMostRecent(new Set([id])))) {
          const created = await this.library.create(FIRST_SCENARIO_NAME, this.startingDocument('demo'));
          if ('output' in created) await this.openCreated(created.output);
        }
      }
      return deleted;
    });
  }

  readRawScenario(id: string): Promise<CallOutcome<string>> {
    return this.enqueue(() => this.library.readRaw(String(id)));
  }

  // ── inside the queue ──────────────────────────────────────────────────────────────────────────

  /** The memory equals the store. */
  private markClean(): void {
    this.savedApiRevision = this.api.revision;
    this.savedNowMs = this.api.document.clock.nowMs;
  }

  private unsaved(): boolean {
    return this.current !== undefined &&
      (this.api.revision !== this.savedApiRevision || this.api.document.clock.nowMs !== this.savedNowMs);
  }

  /** Saves when anything is unsaved; resolves conflicts by reload and replay. Never throws. */
  private async save(): Promise<void> {
    for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
      const open = this.current;
      if (!open || this.readOnly || !this.unsaved()) return;
      let stored = { apiRevision: this.api.revision, nowMs: this.api.document.clock.nowMs, calls: this.pending.length };
      let saved: LibraryOutcome<ScenarioSummary>;
      const began = this.wallClock();
      try {
        saved = await this.library.save(open.id, open.revision, () => {
          // the state as it is at the moment of writing: later calls stay pending
          stored = { apiRevision: this.api.revision, nowMs: this.api.document.clock.nowMs, calls: this.pending.length };
          return this.api.document;
        }, this.sections);
      } catch (error) {
        this.saveError = { code: LIBRARY_ERRORS.storage, message: L.storage(describe(error)) };
        return;
      }
      if (this.current?.id !== open.id) return;
      if ('output' in saved) {
        this.current = saved.output;
        this.savedApiRevision = stored.apiRevision;
        this.savedNowMs = stored.nowMs;
        this.pending.splice(0, stored.calls);
        this.lastSaveWall = this.wallClock();
        this.lastSaveMs = this.lastSaveWall - began;
        this.saveError = undefined;
        this.post({ type: 'saved', id: open.id, revision: saved.output.revision, schemaVersion: saved.output.schemaVersion });
        return;
      }
      if (saved.error.code !== LIBRARY_ERRORS.conflict) {
        this.saveError = saved.error;
        return;
      }
      if (!(await this.reload())) return;
    }
  }

  /**
   * Replaces the document with the stored one and replays the unsaved calls on it. False when the
   * stored one cannot be read (the error is kept, and this tab stops writing it).
   */
  private async reload(): Promise<boolean> {
    const open = this.current;
    if (!open) return false;
    let opened;
    try {
      opened = await this.library.open(open.id);
    } catch (error) {
      this.saveError = { code: LIBRARY_ERRORS.storage, message: L.storage(describe(error)) };
      return false;
    }
    if ('error' in opened) {
      if (opened.error.code === LIBRARY_ERRORS.newer) {
        this.readOnly = opened.error;
      } else {
        this.saveError = opened.error;
      }
      return false;
    }
    if (this.current?.id !== open.id) return false;
    this.api.replaceDocument(opened.output.document); // moves the revision: the page renders again
    this.sections = {};
    this.current = opened.output.summary;
    this.whatIf = whatIfPart(opened.output);
    const calls = this.pending;
    this.pending = [];
    this.markClean();
    for (const call of calls) {
      const error = this.replay(call);
      if (error) this.dropped.push({ target: call.target, error });
      else this.pending.push(call);
    }
    // Replayed calls are unsaved again; with none, the memory equals the store.
    if (this.pending.length === 0) this.markClean();
    return true;
  }

  private onTabMessage(message: TabMessage): void {
    this.libraryChanges++;
    const action = judgeTabMessage(message, this.current);
    if (action === 'stop-writing') {
      this.readOnly ??= { code: 'ReadOnlyException', message: L.newerSchema(message.schemaVersion, DOCUMENT_SCHEMA_VERSION) };
    } else if (action === 'reload') {
      void this.enqueue(async () => {
        const open = this.current;
        if (!open || open.id !== (message as { id: string }).id || open.revision >= (message as { revision: number }).revision) return;
        if (await this.reload()) await this.save();
      }).catch(() => {});
    }
  }

  private async openMostRecent(skip: Set<string>): Promise<boolean> {
    const candidates = (await this.library.list())
      .filter((s) => !skip.has(s.id) && s.problem === undefined)
      .sort((a, b) => b.savedAt - a.savedAt);
    for (const candidate of candidates) {
      const opened = await this.library.open(candidate.id);
      if ('output' in opened) {
        await this.adopt(opened.output.summary, opened.output.document, opened.output);
        return true;
      }
    }
    return false;
  }

  private async openCreated(summary: ScenarioSummary): Promise<CallOutcome<ScenarioSummary>> {
    this.post({ type: 'saved', id: summary.id, revision: summary.revision, schemaVersion: summary.schemaVersion });
    const opened = await this.library.open(summary.id);
    if ('error' in opened) return opened;
    return this.adopt(opened.output.summary, opened.output.document, opened.output);
  }

  private async adopt(
    summary: ScenarioSummary, document: SandboxDocument, opened?: Pick<OpenedScenario, 'whatIf' | 'whatIfProblem'>,
  ): Promise<CallOutcome<ScenarioSummary>> {
    this.api.replaceDocument(document);
    this.sections = {};
    this.current = summary;
    this.whatIf = whatIfPart(opened ?? {});
    this.pending = [];
    this.markClean();
    this.saveError = undefined;
    this.dropped = [];
    this.libraryChanges++;
    await this.library.setCurrentId(summary.id);
    return { output: { ...summary } };
  }

  private announce<T>(outcome: LibraryOutcome<T>): LibraryOutcome<T> {
    if ('output' in outcome) {
      this.libraryChanges++;
      this.post({ type: 'changed', schemaVersion: DOCUMENT_SCHEMA_VERSION });
    }
    return outcome;
  }

  private post(message: TabMessage): void {
    try {
      this.sync?.post(message);
    } catch {
      // a closed channel: other tabs still see the save when they next write (compare-and-set)
    }
  }

  private enqueue<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => {});
    return run;
  }
}

function whatIfPart(opened: Pick<OpenedScenario, 'whatIf' | 'whatIfProblem'>): Pick<OpenedScenario, 'whatIf' | 'whatIfProblem'> {
  return {
    ...(opened.whatIf ? { whatIf: opened.whatIf } : {}),
    ...(opened.whatIfProblem ? { whatIfProblem: opened.whatIfProblem } : {}),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

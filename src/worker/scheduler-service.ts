// What the Web Worker exposes: the sandbox's API over the AWS JSON 1.1 wire form and by target, plus
// a status probe of the WASM core. A plain module, so Node tests use it without a worker.
import { SandboxApi } from '../api/handler.ts';
import { AwsError } from '../api/aws-error.ts';
import { JsonProtocol } from '../api/json-protocol.ts';
import { WIRE } from '../messages.ts';
import { newDocument } from '../domain/new-document.ts';
import { loadScenario } from '../scenarios/load-scenario.ts';
import { loadSchedulerCore, type CoreSource } from '../wasm/load-scheduler-core.ts';
import type { SchedulerCoreExports } from '../wasm/scheduler-core-exports.ts';
import { createWasmPlacementCore } from '../wasm/wasm-placement-core.ts';
import type {
  CallError, CallOutcome, CoreStatus, ScenarioStatus, ScenarioSummary, SchedulerApi, UnchangedView, WhatIfSetup, WireRequest,
  WireResponse,
} from './scheduler-api.ts';
import type { SandboxView } from './sandbox-view.ts';
import { buildSandboxView } from './build-sandbox-view.ts';
import { reuseAgainst, sentView, type SentView } from './view-reuse.ts';
import { DEFAULT_REGION, type SandboxDocument } from '../domain/sandbox-document.ts';
import {
  DISCOVERY_TARGET_PREFIX, ECS_TARGET_PREFIX, SANDBOX_TARGET_PREFIX, discoveryOperations, ecsOperations, sandboxOperations,
} from '../api/operations/registry.ts';
import type { ScenarioLibrary } from '../persistence/scenario-library.ts';
import { ScenarioSession } from '../persistence/scenario-session.ts';
import type { TabSync } from '../persistence/tab-sync.ts';
import { SANDBOX } from '../messages.ts';
import { runWhatIf } from '../whatif/run-what-if.ts';
import type { WhatIfReport, WhatIfRequest } from '../whatif/what-if-types.ts';

export interface SchedulerServiceOptions {
  /** `{url}` in the browser (streamed compile), `{bytes}` in Node. */
  core: CoreSource;
  /** Wall-clock epoch milliseconds for the realtime clock; injected here so src/api never reads it. */
  wallClock: () => number;
  /** Scenario loaded at start-up; `null` starts from an empty document. */
  scenario?: string | null;
  seed?: number;
  /**
   * The scenario library (issue 5 item 4). With it the service opens the last used scenario at
   * start-up (or creates "Demo" from `scenario`: null makes it empty) instead of loading `scenario`,
   * and saves every change.
   */
  library?: ScenarioLibrary;
  /** How tabs sharing the library hear of each other's saves (tab-sync.ts). */
  tabSync?: TabSync;
}

/** A successful mutating call, kept until it is saved so that it can be replayed on another tab's newer save. */
type RecordedCall =
  | { kind: 'call'; target: string; input: unknown }
  | { kind: 'wire'; target: string; wire: WireRequest };

/** How many placement draws coreStatus reports. */
const STATUS_DRAWS = 4;

export class SchedulerService implements SchedulerApi {
  readonly api: SandboxApi;
  private readonly protocol: JsonProtocol;
  private core: SchedulerCoreExports | undefined;
  private scenarioError: CallError | undefined;
  private session: ScenarioSession<RecordedCall> | undefined;
  /** Settles once the core is compiled and the scenario loaded; every method waits on it. */
  readonly ready: Promise<void>;

  constructor(options: SchedulerServiceOptions) {
    // The playground runs against wall time (semantics 3.1).
    const document = newDocument({ clock: 'realtime', ...(options.seed === undefined ? {} : { seed: options.seed }) });
    this.api = new SandboxApi({ document, wallClock: options.wallClock });
    this.protocol = new JsonProtocol(this.api, this.api.era.maxRequestBodyBytes);
    this.ready = this.start(options);
    // A failed start is reported by each method; keep it from surfacing as an unhandled rejection.
    this.ready.catch(() => {});
  }

  private async start(options: SchedulerServiceOptions): Promise<void> {
    this.core = await loadSchedulerCore(options.core);
    // Placement runs in the WASM core from here on (the API starts with the TS reference).
    this.api.placementCore = createWasmPlacementCore(this.core);
    const scenario = options.scenario === undefined ? 'demo' : options.scenario;
    if (options.library) {
      const session = new ScenarioSession<RecordedCall>({
        library: options.library, sync: options.tabSync, api: this.api, wallClock: options.wallClock,
        replay: (call) => this.replayCall(call), startingDocument,
      });
      try {
        await session.start(scenario === null ? 'empty' : 'demo');
        this.session = session;
        return;
      } catch (error) {
        // No usable storage (say, IndexedDB refused): run without a library, as before, and say why.
        session.close();
        this.scenarioError = { code: 'StorageException', message: SANDBOX.library.storage(error instanceof Error ? error.message : String(error)) };
      }
    }
    if (scenario === null) return;
    try {
      loadScenario(this.api, scenario); // all or nothing: on failure the document is as before
    } catch (error) {
      // A broken scenario must not take the API down with it: report it and serve the empty document.
      const e = error instanceof AwsError ? error : new AwsError('ServerException', WIRE.internalError, 500);
      this.scenarioError = { code: e.code, message: e.message };
    }
  }

  async request(wire: WireRequest): Promise<WireResponse> {
    await this.ready;
    const request = normalizeWireRequest(wire);
    const target = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'x-amz-target')?.[1] ?? '';
    const response = this.protocol.handle(request);
    if (this.session && response.status === 200 && isMutatingTarget(target)) {
      await this.session.recordCall({ kind: 'wire', target, wire: request });
    }
    return response;
  }

  async call(target: string, input: unknown = {}): Promise<CallOutcome> {
    await this.ready;
    try {
      if (typeof target !== 'string') throw new AwsError('UnknownOperationException', WIRE.unknownOperation(String(target)));
      const recorded = this.session && isMutatingTarget(target) ? structuredClone(input) : undefined;
      const { output } = this.api.call(target, input);
      if (this.session && recorded !== undefined) await this.session.recordCall({ kind: 'call', target, input: recorded });
      return { output };
    } catch (error) {
      // The handler already turns its own failures into AwsError; anything else is ours (ServerException).
      const e = error instanceof AwsError ? error : new AwsError('ServerException', WIRE.internalError, 500);
      return { error: { code: e.code, message: e.message } };
    }
  }

  async view(options: { region?: string; sinceRevision?: number; reuse?: boolean } = {}): Promise<SandboxView | UnchangedView> {
    await this.ready;
    const region = options.region || DEFAULT_REGION;
    this.api.catchUp(); // a realtime clock catches up first, as for any call
    this.session?.tick(); // and the steps it ran are saved, at most once every 2 s
    const { revision, document } = this.api;
    if (options.sinceRevision === revision) return { unchanged: true, revision, now: document.clock.nowMs };
    const view = buildSandboxView(document, region, revision);
    if (!options.reuse) return view;
    // the caller holds the view it names only if it is the one last sent in this form (view-reuse.ts)
    const sent = this.sent;
    this.sent = sentView(view);
    return sent && sent.region === region && sent.revision === options.sinceRevision ? reuseAgainst(sent, view) : view;
  }

  /** The last view sent to a `reuse` caller (the playground), as that caller holds it. */
  private sent: SentView | undefined;

  async coreStatus(): Promise<CoreStatus> {
    await this.ready;
    const core = this.core!;
    const seed = this.api.document.seed >>> 0;
    // Draw from a fresh seeding, then put the stream back where it was: the probe must not move a placement.
    const saved = [0, 1, 2, 3].map((i) => core.placementStateWord(i));
    core.init(seed);
    const placementDraws = Array.from({ length: STATUS_DRAWS }, () => core.nextPlacementU32() >>> 0);
    core.setPlacementState(saved[0], saved[1], saved[2], saved[3]);
    return {
      abiVersion: core.abiVersion(), seed, placementDraws, memoryBytes: core.memory.buffer.byteLength,
      placementCore: this.api.placementCore.name,
      ...(this.scenarioError ? { scenarioError: this.scenarioError } : {}),
    };
  }

  // ── The scenario library (persistence) ──────────────────────────────────────────────────────

  async listScenarios(): Promise<CallOutcome<ScenarioSummary[]>> {
    return this.withSession((session) => session.list());
  }

  async currentScenario(): Promise<CallOutcome<ScenarioStatus>> {
    return this.withSession(async (session) => ({ output: session.status() }));
  }

  async newScenario(name: string, from: 'empty' | 'demo'): Promise<CallOutcome<ScenarioSummary>> {
    return this.withSession((session) => session.newScenario(name, from));
  }

  async openScenario(id: string): Promise<CallOutcome<ScenarioSummary>> {
    return this.withSession((session) => session.openScenario(id));
  }

  async duplicateScenario(id: string, name: string): Promise<CallOutcome<ScenarioSummary>> {
    return this.withSession((session) => session.duplicateScenario(id, name));
  }

  async renameScenario(id: string, name: string): Promise<CallOutcome<ScenarioSummary>> {
    return this.withSession((session) => session.renameScenario(id, name));
  }

  async deleteScenario(id: string): Promise<CallOutcome<{ id: string }>> {
    return this.withSession((session) => session.deleteScenario(id));
  }

  async importScenario(text: string, name: string): Promise<CallOutcome<ScenarioSummary>> {
    return this.withSession((session) => session.importScenario(text, name));
  }

  async readRawScenario(id: string): Promise<CallOutcome<string>> {
    return this.withSession((session) => session.readRawScenario(id));
  }

  async flush(): Promise<CallOutcome<ScenarioStatus>> {
    return this.withSession((session) => session.flush());
  }

  // ── What-if (issue 6) ───────────────────────────────────────────────────────────────────────

  /** Every variant × seed on a sandbox of its own, placing with the WASM core; the open scenario is untouched. */
  async whatIf(request: WhatIfRequest): Promise<CallOutcome<WhatIfReport>> {
    await this.ready;
    const core = this.api.placementCore; // the WASM core once loaded; runs go one after another, so one serves all
    try {
      return { output: runWhatIf(request, { placementCore: () => core }) };
    } catch (error) {
      const e = error instanceof AwsError ? error : new AwsError('ServerException', WIRE.internalError, 500);
      return { error: { code: e.code, message: e.message } };
    }
  }

  /** Keeps the what-if view's setup with the open scenario's library record (not in its document). */
  async saveWhatIf(setup: WhatIfSetup): Promise<CallOutcome<ScenarioStatus>> {
    return this.withSession((session) => session.saveWhatIf(setup));
  }

  /** Waits until queued saves and reloads are done (tests; a reload another tab's save caused). */
  async settled(): Promise<void> {
    await this.ready;
    await this.session?.settled();
  }

  /** Stops listening to other tabs (a test's teardown; a worker simply ends). */
  close(): void {
    this.session?.close();
  }

  private async withSession<T>(run: (session: ScenarioSession<RecordedCall>) => Promise<CallOutcome<T>>): Promise<CallOutcome<T>> {
    await this.ready;
    if (!this.session) return { error: { code: 'PersistenceUnavailableException', message: SANDBOX.library.unavailable } };
    try {
      return await run(this.session);
    } catch (error) {
      // IndexedDB itself failed (quota, a closed database): an error for the page, not a rejection
      return { error: { code: 'StorageException', message: SANDBOX.library.storage(error instanceof Error ? error.message : String(error)) } };
    }
  }

  /** Runs a recorded call again (after another tab's save was loaded); its error when it fails now. */
  private replayCall(call: RecordedCall): CallError | undefined {
    if (call.kind === 'wire') {
      const response = this.protocol.handle(call.wire);
      if (response.status === 200) return undefined;
      try {
        const body = JSON.parse(response.body) as { __type?: string; message?: string; Message?: string };
        return { code: String(body.__type ?? 'ServerException'), message: String(body.message ?? body.Message ?? '') };
      } catch {
        return { code: 'ServerException', message: WIRE.internalError };
      }
    }
    try {
      this.api.call(call.target, structuredClone(call.input));
      return undefined;
    } catch (error) {
      const e = error instanceof AwsError ? error : new AwsError('ServerException', WIRE.internalError, 500);
      return { code: e.code, message: e.message };
    }
  }
}

/** The document a new library scenario starts from: empty (the default cluster only) or the demo scenario. */
export function startingDocument(from: 'empty' | 'demo'): SandboxDocument {
  const api = new SandboxApi({ document: newDocument({ clock: 'realtime' }) });
  if (from === 'demo') loadScenario(api, 'demo'); // no time passes in it: the TS placement core places nothing
  return api.document;
}

/** Whether a target names an operation that may change the document (the registry's `mutates`). */
export function isMutatingTarget(target: string): boolean {
  const dot = target.indexOf('.');
  const prefix = target.slice(0, Math.max(dot, 0));
  const name = target.slice(dot + 1);
  const table = prefix === ECS_TARGET_PREFIX ? ecsOperations
    : prefix === DISCOVERY_TARGET_PREFIX ? discoveryOperations
      : prefix === SANDBOX_TARGET_PREFIX ? sandboxOperations : undefined;
  return dot > 0 && table !== undefined && Object.hasOwn(table, name) && table[name].mutates;
}

export function createSchedulerService(options: SchedulerServiceOptions): SchedulerService {
  return new SchedulerService(options);
}

/**
 * Whatever arrives through postMessage, a WireRequest the protocol can judge: a page can send
 * anything, and a wrong shape must get an AWS error, not a TypeError.
 */
export function normalizeWireRequest(raw: unknown): WireRequest {
  const wire = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const headers: Record<string, string> = {};
  if (wire.headers !== null && typeof wire.headers === 'object' && !Array.isArray(wire.headers)) {
    for (const [name, value] of Object.entries(wire.headers)) {
      if (typeof value === 'string') headers[name] = value;
      else if (typeof value === 'number' || typeof value === 'boolean') headers[name] = String(value);
    }
  }
  return {
    method: typeof wire.method === 'string' ? wire.method : '',
    ...(typeof wire.path === 'string' ? { path: wire.path } : {}),
    headers,
    body: wireBody(wire.body),
  };
}

/** Text and bytes pass as they are (the protocol judges their UTF-8); anything else becomes text the JSON parser rejects. */
function wireBody(body: unknown): string | Uint8Array {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  return String(body);
}

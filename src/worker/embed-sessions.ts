// The embed worker's service (issue 6 item 2): one WASM core, many sessions. Each <ecs-sandbox> widget
// of a page gets a session — a SandboxApi with its own document and clock (manual until the widget
// plays it) — so several widgets share one worker and one compiled core. Nothing is persisted: a
// widget is stateless across reloads and never touches the host page's storage. A plain module, so
// Node tests use it without a worker.
import { SandboxApi } from '../api/handler.ts';
import { AwsError } from '../api/aws-error.ts';
import { EMBED, WIRE } from '../messages.ts';
import { newDocument } from '../domain/new-document.ts';
import { DEFAULT_REGION } from '../domain/sandbox-document.ts';
import { loadScenario } from '../scenarios/load-scenario.ts';
import { loadSchedulerCore, type CoreSource } from '../wasm/load-scheduler-core.ts';
import type { SchedulerCoreExports } from '../wasm/scheduler-core-exports.ts';
import { createWasmPlacementCore } from '../wasm/wasm-placement-core.ts';
import { buildSandboxView } from './build-sandbox-view.ts';
import type { EmbedApi, EmbedSessionInfo, EmbedWhatIfResult } from './embed-api.ts';
import type { CallError, CallOutcome, SandboxView, UnchangedView } from './scheduler-api.ts';
import { runEmbedWhatIf } from './embed-what-if.ts';

export interface EmbedSessionServiceOptions {
  /** `{url}` in the browser (streamed compile), `{bytes}` in Node. */
  core: CoreSource;
  /** Wall-clock epoch milliseconds for realtime clocks; injected here so src/api never reads it. */
  wallClock: () => number;
}

interface Session {
  api: SandboxApi;
  /** The document as the scenario left it (ExportScenario's output), for resetSession. */
  initial: unknown;
  /** The what-if request, when the scenario was one. */
  whatIf?: Record<string, unknown>;
}

const SANDBOX = 'EcsSandbox';

/** A what-if request (whatif-plan.md) rather than a scenario: an object with a `variants` list. */
export function isWhatIfRequest(value: unknown): value is Record<string, unknown> & { variants: unknown[] } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Array.isArray((value as { variants?: unknown }).variants);
}

/** Parses scenario text the way load-scenario does, only to look for a what-if request; other text passes as it is. */
function peekJson(source: unknown): unknown {
  if (typeof source !== 'string') return source;
  const text = source.trim();
  if (!text.startsWith('{')) return source;
  try {
    return JSON.parse(text);
  } catch {
    return source; // loadScenario reports the JSON error
  }
}

const asError = (error: unknown): CallError => {
  const e = error instanceof AwsError ? error : new AwsError('ServerException', WIRE.internalError, 500);
  return { code: e.code, message: e.message };
};

export class EmbedSessionService implements EmbedApi {
  private core: SchedulerCoreExports | undefined;
  private coreError: CallError | undefined;
  private readonly sessions = new Map<string, Session>();
  private nextId = 1;
  /** Settles once the core is compiled (or failed to); every method waits on it. */
  readonly ready: Promise<void>;

  constructor(private readonly options: EmbedSessionServiceOptions) {
    this.ready = loadSchedulerCore(options.core).then(
      (core) => { this.core = core; },
      (error: unknown) => { this.coreError = { code: 'ServerException', message: EMBED.coreFailed(error instanceof Error ? error.message : String(error)) }; },
    );
  }

  async createSession(scenario: unknown, options: { seed?: number } = {}): Promise<CallOutcome<EmbedSessionInfo>> {
    await this.ready;
    if (!this.core) return { error: this.coreError! };
    const parsed = peekJson(scenario);
    const whatIf = isWhatIfRequest(parsed) ? parsed : undefined;
    const source = whatIf ? (whatIf.scenario ?? 'demo') : parsed;
    const document = newDocument({ clock: 'manual', ...(options.seed === undefined ? {} : { seed: options.seed }) });
    const api = new SandboxApi({ document, wallClock: this.options.wallClock, placementCore: createWasmPlacementCore(this.core) });
    try {
      const loaded = loadScenario(api, source);
      // A document brings its own clock: a widget starts paused whatever it was, and plays when asked.
      api.call(`${SANDBOX}.SetClock`, { clock: 'manual' });
      const initial = (api.call(`${SANDBOX}.ExportScenario`, {}).output as { scenario: unknown }).scenario;
      const id = `s${this.nextId++}`;
      this.sessions.set(id, { api, initial, ...(whatIf ? { whatIf } : {}) });
      return { output: { id, kind: loaded.kind, whatIf: whatIf !== undefined } };
    } catch (error) {
      api.dispose();
      return { error: asError(error) };
    }
  }

  async call(id: string, target: string, input: unknown = {}): Promise<CallOutcome> {
    return this.withSession(id, (session) => {
      if (typeof target !== 'string') throw new AwsError('UnknownOperationException', WIRE.unknownOperation(String(target)));
      return { output: session.api.call(target, input).output };
    });
  }

  async view(id: string, options: { region?: string; sinceRevision?: number } = {}): Promise<CallOutcome<SandboxView | UnchangedView>> {
    return this.withSession<SandboxView | UnchangedView>(id, ({ api }) => {
      api.catchUp(); // a realtime clock catches up first, as for any call
      const { revision, document } = api;
      if (options.sinceRevision === revision) return { output: { unchanged: true, revision, now: document.clock.nowMs } };
      return { output: buildSandboxView(document, options.region || DEFAULT_REGION, revision) };
    });
  }

  async resetSession(id: string): Promise<CallOutcome<{ id: string }>> {
    return this.withSession(id, (session) => {
      session.api.call(`${SANDBOX}.ImportScenario`, { scenario: structuredClone(session.initial) });
      session.api.call(`${SANDBOX}.SetClock`, { clock: 'manual' });
      return { output: { id } };
    });
  }

  async whatIf(id: string): Promise<CallOutcome<EmbedWhatIfResult>> {
    await this.ready;
    const session = this.sessions.get(id);
    if (!session) return { error: { code: 'ResourceNotFoundException', message: EMBED.unknownSession(id) } };
    if (!session.whatIf) return { error: { code: 'InvalidParameterException', message: EMBED.notWhatIf } };
    return runEmbedWhatIf(session.whatIf, this.core!);
  }

  async closeSession(id: string): Promise<void> {
    const session = this.sessions.get(id);
    if (!session) return;
    this.sessions.delete(id);
    session.api.dispose(); // frees its resident placement state in the shared core
  }

  async sessionCount(): Promise<number> {
    return this.sessions.size;
  }

  private async withSession<T>(id: string, run: (session: Session) => CallOutcome<T>): Promise<CallOutcome<T>> {
    await this.ready;
    const session = this.sessions.get(id);
    if (!session) return { error: { code: 'ResourceNotFoundException', message: EMBED.unknownSession(id) } };
    try {
      return run(session);
    } catch (error) {
      return { error: asError(error) };
    }
  }
}

export function createEmbedSessionService(options: EmbedSessionServiceOptions): EmbedSessionService {
  return new EmbedSessionService(options);
}

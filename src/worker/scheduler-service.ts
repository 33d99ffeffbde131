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
import type { CallError, CallOutcome, CoreStatus, SchedulerApi, UnchangedView, WireRequest, WireResponse } from './scheduler-api.ts';
import type { SandboxView } from './sandbox-view.ts';
import { buildSandboxView } from './build-sandbox-view.ts';
import { DEFAULT_REGION } from '../domain/sandbox-document.ts';

export interface SchedulerServiceOptions {
  /** `{url}` in the browser (streamed compile), `{bytes}` in Node. */
  core: CoreSource;
  /** Wall-clock epoch milliseconds for the realtime clock; injected here so src/api never reads it. */
  wallClock: () => number;
  /** Scenario loaded at start-up; `null` starts from an empty document. */
  scenario?: string | null;
  seed?: number;
}

/** How many placement draws coreStatus reports. */
const STATUS_DRAWS = 4;

export class SchedulerService implements SchedulerApi {
  readonly api: SandboxApi;
  private readonly protocol: JsonProtocol;
  private core: SchedulerCoreExports | undefined;
  private scenarioError: CallError | undefined;
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
    return this.protocol.handle(normalizeWireRequest(wire));
  }

  async call(target: string, input: unknown = {}): Promise<CallOutcome> {
    await this.ready;
    try {
      if (typeof target !== 'string') throw new AwsError('UnknownOperationException', WIRE.unknownOperation(String(target)));
      return { output: this.api.call(target, input).output };
    } catch (error) {
      // The handler already turns its own failures into AwsError; anything else is ours (ServerException).
      const e = error instanceof AwsError ? error : new AwsError('ServerException', WIRE.internalError, 500);
      return { error: { code: e.code, message: e.message } };
    }
  }

  async view(options: { region?: string; sinceRevision?: number } = {}): Promise<SandboxView | UnchangedView> {
    await this.ready;
    const region = options.region || DEFAULT_REGION;
    this.api.catchUp(); // a realtime clock catches up first, as for any call
    const { revision, document } = this.api;
    if (options.sinceRevision === revision) return { unchanged: true, revision, now: document.clock.nowMs };
    return buildSandboxView(document, region, revision);
  }

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

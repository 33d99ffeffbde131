// `npx ecs-sandbox serve`: one SandboxApi, JsonProtocol in front of it, node:http in front of that.
// This file is the only place in `serve` that reads the wall clock (semantics 3.1: `wallClock` is
// injected at this edge, so src/api never calls Date.now).
import { readFile } from 'node:fs/promises';
import { SandboxApi } from '../api/handler.ts';
import { JsonProtocol } from '../api/json-protocol.ts';
import { newDocument } from '../domain/new-document.ts';
import type { PlacementCore } from '../placement-core.ts';
import { loadSchedulerCore } from '../wasm/load-scheduler-core.ts';
import { createWasmPlacementCore } from '../wasm/wasm-placement-core.ts';
import { loadScenario } from '../scenarios/load-scenario.ts';
import { parseArgs, USAGE, type ServeOptions } from './cli-args.ts';
import { runCheckCommand } from '../cli/check-command.ts';
import { runWhatIfCommand } from '../cli/what-if-command.ts';
import type { ProgressStream } from '../cli/progress-line.ts';
import { startHttpServer, type RunningHttpServer } from './http-server.ts';

export interface RunningSandbox {
  readonly api: SandboxApi;
  readonly protocol: JsonProtocol;
  readonly http: RunningHttpServer;
  readonly url: string;
  close(): Promise<void>;
}

export interface StartOptions extends Partial<ServeOptions> {
  /** Wall-clock milliseconds for the realtime clock. Defaults to Date.now. */
  wallClock?: () => number;
  /** Overrides the body idle timeout (tests use a short one). */
  bodyIdleTimeoutMs?: number;
  /** The placement core (main() passes the WASM core); default the literal TS reference. */
  placementCore?: PlacementCore;
}

// Relative to this module: src/serve/cli.ts in the repository, dist/cli/ecs-sandbox.js once bundled;
// both sit two levels below the package root. (A variable, so the bundler leaves the URL alone.)
const CORE_PATH = '../../build/scheduler-core.wasm';

/** The WASM core from build/scheduler-core.wasm, or undefined (with a one-line notice) when it is missing or unusable. */
export async function loadCliPlacementCore(
  notice: (line: string) => void, location: URL = new URL(CORE_PATH, import.meta.url),
): Promise<PlacementCore | undefined> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(await readFile(location));
  } catch {
    notice('ecs-sandbox: build/scheduler-core.wasm not found (run `npm run asbuild`); placing with the TypeScript reference core.');
    return undefined;
  }
  try {
    return createWasmPlacementCore(await loadSchedulerCore({ bytes }));
  } catch (error) {
    // e.g. a build of another ABI: serve anyway, with the reference core
    notice(`ecs-sandbox: build/scheduler-core.wasm could not be loaded (${(error as Error).message}); placing with the TypeScript reference core.`);
    return undefined;
  }
}

/** Builds the sandbox, loads the scenario, applies the clock, and listens. */
export async function startSandboxServer(options: StartOptions = {}): Promise<RunningSandbox> {
  const clock = options.clock ?? { mode: 'realtime' as const, speed: 1 };
  const document = newDocument({ clock: clock.mode, speed: clock.speed, ...(options.seed === undefined ? {} : { seed: options.seed }) });
  const api = new SandboxApi({
    document, wallClock: options.wallClock ?? Date.now, ...(options.placementCore ? { placementCore: options.placementCore } : {}),
  });
  if (options.scenario !== undefined) {
    const source = options.scenario === 'demo' ? 'demo' : await readFile(options.scenario, 'utf8');
    await loadScenario(api, source);
    // The command line's clock wins over the scenario's.
    api.document.clock.mode = clock.mode;
    api.document.clock.speed = clock.speed;
    api.reanchorClock();
  }
  const protocol = new JsonProtocol(api, api.era.maxRequestBodyBytes);
  const http = await startHttpServer(protocol, {
    host: options.host,
    port: options.port,
    maxBodyBytes: api.era.maxRequestBodyBytes,
    bodyIdleTimeoutMs: options.bodyIdleTimeoutMs,
  });
  return { api, protocol, http, url: http.url, close: () => http.close() };
}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Raw stderr for check's and what-if's progress line (shown only when it is a TTY). */
  progress?: ProgressStream;
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: process.stderr,
};

const describeClock = (clock: ServeOptions['clock']) =>
  clock.mode === 'manual' ? 'manual' : clock.speed === 1 ? 'realtime' : `realtime:${clock.speed}`;

/** Runs the command line; resolves with the exit code once the server has stopped (or failed to start). */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (parsed.kind === 'error') {
    io.err(`ecs-sandbox: ${parsed.message}`);
    io.err('Run `ecs-sandbox --help` for the options.');
    // check's and what-if's 2 means "a service failed the check", so their refused arguments exit 1
    return parsed.command ? 1 : 2;
  }
  if (parsed.kind === 'check' || parsed.kind === 'what-if') {
    const placementCore = await loadCliPlacementCore(io.err);
    return parsed.kind === 'check'
      ? runCheckCommand(parsed.options, io, placementCore)
      : runWhatIfCommand(parsed.options, io, placementCore);
  }
  const options = parsed.options;
  let running: RunningSandbox;
  try {
    const placementCore = await loadCliPlacementCore(io.err);
    running = await startSandboxServer({ ...options, ...(placementCore ? { placementCore } : {}) });
  } catch (error) {
    io.err(`ecs-sandbox: could not start: ${(error as Error).message}`);
    return 1;
  }
  const doc = running.api.document;
  io.out(`ecs-sandbox listening on ${running.url} (clock ${describeClock(options.clock)}, seed ${doc.seed}` +
    `${options.scenario ? `, scenario ${options.scenario}` : ''})`);

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.err(`ecs-sandbox: ${signal}, stopping`);
      running.close().then(() => resolve(0), () => resolve(1));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

// The real `ecs-sandbox` binary as a child process: `node bin/ecs-sandbox.mjs …`, running the
// bundle that `npm run build:cli` writes to dist/cli (npm test builds it before vitest runs).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/ecs-sandbox.mjs', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../../dist/cli/ecs-sandbox.js', import.meta.url));

/** Builds dist/cli when a test runs on its own, outside `npm test`. */
export function ensureCliBuilt(): void {
  if (existsSync(BUNDLE)) return;
  const built = spawnSync('npm', ['run', 'build:cli'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build:cli failed:\n${built.stdout}\n${built.stderr}`);
}

export interface CliRun {
  child: ChildProcess;
  /** The URL the CLI printed (`ecs-sandbox listening on <url> …`). */
  url: string;
  stdout(): string;
  stderr(): string;
  /** Sends the signal and resolves with the exit code (or the signal name if it was killed by it). */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/** Starts `ecs-sandbox <args>` and resolves once it printed the URL it listens on. */
export function startCli(args: string[], timeoutMs = 20_000): Promise<CliRun> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ecs-sandbox printed no URL within ${timeoutMs} ms.\nstdout: ${out}\nstderr: ${err}`));
    }, timeoutMs);
    const onData = () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({
        child,
        url: m[1],
        stdout: () => out,
        stderr: () => err,
        stop: (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`ecs-sandbox exited (${code}) before it listened.\nstdout: ${out}\nstderr: ${err}`));
    });
  });
}

/** Runs `ecs-sandbox <args>` to completion (for --help and refused arguments). */
export function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** POSTs one JSON 1.1 call to a running CLI. */
export async function callCli(url: string, target: string, input: unknown = {}): Promise<{ status: number; json: any }> {
  const res = await fetch(`${url}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
    body: JSON.stringify(input),
  });
  return { status: res.status, json: await res.json() };
}

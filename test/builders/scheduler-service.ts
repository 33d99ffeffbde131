// A SchedulerService as the worker builds it, but in Node: the core from the built .wasm file's bytes
// and a wall clock the test moves by hand.
import { readFileSync } from 'node:fs';
import { SchedulerService, type SchedulerServiceOptions } from '../../src/worker/scheduler-service.ts';
import type { WireRequest } from '../../src/worker/scheduler-api.ts';

export const ECS_TARGET = 'AmazonEC2ContainerServiceV20141113';
export const WASM_URL = new URL('../../build/scheduler-core.wasm', import.meta.url);

let wasmBytes: BufferSource | undefined;
/** The release build of the core; `npm run asbuild` makes it. */
export const coreBytes = () => (wasmBytes ??= readFileSync(WASM_URL));

export interface ManualWallClock {
  wallClock: () => number;
  advance(ms: number): void;
}

export function aWallClock(startMs = 1_700_000_000_000): ManualWallClock {
  let now = startMs;
  return { wallClock: () => now, advance: (ms) => void (now += ms) };
}

export function aSchedulerService(options: Partial<SchedulerServiceOptions> = {}): SchedulerService {
  return new SchedulerService({ core: { bytes: coreBytes() }, wallClock: aWallClock().wallClock, ...options });
}

/** A JSON 1.1 request as the SDK would send it (unsigned: region us-east-1). */
export function aWireRequest(operation: string, input: unknown = {}, overrides: Partial<WireRequest> = {}): WireRequest {
  return {
    method: 'POST',
    path: '/',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${ECS_TARGET}.${operation}` },
    body: JSON.stringify(input),
    ...overrides,
  };
}

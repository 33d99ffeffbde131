// One loader for both hosts: Node passes the .wasm file's bytes, the worker passes a URL and the
// module is compiled while it streams. The core imports nothing but `abort`.
import { ABI_VERSION } from './abi.ts';
import type { SchedulerCoreExports } from './scheduler-core-exports.ts';

export type CoreSource = { bytes: BufferSource } | { url: string | URL };

function abort(): never {
  throw new Error('scheduler core aborted');
}

export async function loadSchedulerCore(source: CoreSource): Promise<SchedulerCoreExports> {
  const module = 'bytes' in source
    ? await WebAssembly.compile(source.bytes)
    : await WebAssembly.compileStreaming(fetch(source.url));
  const instance = await WebAssembly.instantiate(module, { env: { abort } });
  const core = instance.exports as unknown as SchedulerCoreExports;
  if (core.abiVersion() !== ABI_VERSION) {
    throw new Error(`scheduler core ABI ${core.abiVersion()} does not match ${ABI_VERSION}; rebuild with npm run asbuild`);
  }
  return core;
}

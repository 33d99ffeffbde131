// Launcher for `npm run bench:web` on Node 20 (no --experimental-strip-types): Vite's module runner
// transforms measure-playground.ts and its imports in this process, then main() runs (as run-bench.mjs).
// Arguments after `--` are passed on.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const entry = fileURLToPath(new URL('./measure-playground.ts', import.meta.url));
const { module } = await runnerImport(entry, { logLevel: 'error' });
process.exitCode = await module.main(process.argv.slice(2));

// Launcher for `npm run bench` on Node 20, which has no --experimental-strip-types (Node ≥ 22.6):
// Vite's module runner (the one vite.config.ts loading uses) transforms run-bench.ts and its imports
// in this process, then main() runs. Arguments after `--` are passed on.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const entry = fileURLToPath(new URL('./run-bench.ts', import.meta.url));
const { module } = await runnerImport(entry, { logLevel: 'error' });
process.exitCode = await module.main(process.argv.slice(2));

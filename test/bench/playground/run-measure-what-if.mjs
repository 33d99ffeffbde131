// Launcher for `npm run bench:what-if` on Node 20: Vite's module runner transforms measure-what-if.ts and its
// imports in this process (as run-bench.mjs does), then main() runs.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const entry = fileURLToPath(new URL('./measure-what-if.ts', import.meta.url));
const { module } = await runnerImport(entry, { logLevel: 'error' });
process.exitCode = await module.main();

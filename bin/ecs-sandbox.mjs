#!/usr/bin/env node
// `npx ecs-sandbox serve …`: the CLI itself is built into dist/cli by `npm run build:cli`
// (which `prepare` runs on install); this shim only loads it.
let cli;
try {
  cli = await import('../dist/cli/ecs-sandbox.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write('ecs-sandbox: the CLI is not built yet; run `npm run build:cli` first.\n');
  process.exit(1);
}
const code = await cli.main(process.argv.slice(2));
process.exitCode = code;
// Let stdout drain and the loop empty; if something still holds it open, leave anyway.
setTimeout(() => process.exit(code), 2000).unref();

// The `ecs-sandbox serve` CLI as one ES module for Node 20: dist/cli/ecs-sandbox.js, imported by
// bin/ecs-sandbox.mjs. Everything under src/ is bundled, the API models (JSON) included; node:
// builtins stay external. `npm run build:cli` builds it, and `prepare` runs that on install.
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default defineConfig({
  // A library build: no index.html, no public/ assets.
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    rolldownOptions: {
      input: { 'ecs-sandbox': 'src/serve/cli.ts' },
      external: nodeBuiltins,
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
  // Bundle every import (src/ and any package it uses), so the CLI needs nothing at run time.
  ssr: { noExternal: true, target: 'node' },
});

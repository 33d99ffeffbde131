import { defineConfig } from 'vitest/config';
import { offlineServiceWorker } from './build-support/offline-service-worker.ts';

// One config for the app build and the tests. The test projects keep Node-only and browser
// suites apart: `unit` runs everything under test/ except the Chromium end-to-end suite.
export default defineConfig({
  // relative URLs, so the built playground works from any path of a static host
  base: './',
  plugins: [offlineServiceWorker()],
  worker: { format: 'es' },
  build: {
    outDir: 'dist/web',
    target: 'es2022',
    // The core must stay a separate .wasm so the worker can compileStreaming it.
    assetsInlineLimit: (file: string) => (file.endsWith('.wasm') ? false : undefined),
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});

// The <ecs-sandbox> widget as one ES module for any static page: dist/embed/embed.js, with the worker,
// the WASM core and the lazily loaded `full` view as sibling files under dist/embed/assets/, each
// found relative to embed.js (`new URL(…, import.meta.url)`), so the folder can be copied anywhere.
// `npm run build:embed` builds it.
import { defineConfig } from 'vite';
import { embedServiceWorker } from './build-support/embed-service-worker.ts';

export default defineConfig({
  // relative URLs: the assets are found next to embed.js, wherever it is served from
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [embedServiceWorker()],
  worker: { format: 'es' },
  build: {
    outDir: 'dist/embed',
    emptyOutDir: true,
    target: 'es2022',
    copyPublicDir: false,
    // no <link rel=modulepreload> injected into the host page's <head> for the lazy `full` chunk
    modulePreload: false,
    // the core must stay a separate .wasm so the worker can compileStreaming it
    assetsInlineLimit: (file: string) => (file.endsWith('.wasm') ? false : undefined),
    rolldownOptions: {
      input: { embed: 'web/embed/embed.ts' },
      // keep embed.js's exports (EcsSandbox) for pages that import the class
      preserveEntrySignatures: 'exports-only',
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'assets/[name]-[hash].js', assetFileNames: 'assets/[name]-[hash][extname]' },
    },
  },
});

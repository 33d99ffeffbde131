// Builds the page with Vite's JS API into a fresh directory and serves it with `vite preview` on
// 127.0.0.1, on a port the OS picks. The same vite.config.ts as `npm run build:web`.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface ServedBuild {
  url: string;
  outDir: string;
  /** Every file the build wrote, relative to outDir. */
  files: string[];
  close(): Promise<void>;
}

export async function serveWebBuild(): Promise<ServedBuild> {
  if (!existsSync(join(ROOT, 'build/scheduler-core.wasm'))) {
    throw new Error('build/scheduler-core.wasm is missing: run `npm run asbuild` first (npm test does)');
  }
  const outDir = mkdtempSync(join(tmpdir(), 'ecs-sandbox-web-'));
  const configFile = join(ROOT, 'vite.config.ts');
  await build({ root: ROOT, configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({
    root: ROOT, configFile, logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return {
    url,
    outDir,
    files: readdirSync(outDir, { recursive: true, encoding: 'utf8' }),
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

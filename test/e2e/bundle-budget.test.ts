// Issue 5's byte budgets (performance notes §7 B11: byte budgets are deterministic, so they may be
// tests): the page's initial JS — the entry script and every module it preloads, not the chunks it
// imports lazily (the AWS SDK) — at most 60 KB gzip, and the WASM core at most 30 KB gzip. The worker
// script loads at start-up too; its size is printed, and recorded in BENCHMARKS.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWebBuild, type ServedBuild } from './support/serve-web-build.ts';

const KB = 1000;
let build: ServedBuild;
const gzipBytes = (file: string) => gzipSync(readFileSync(join(build.outDir, file)), { level: 9 }).length;

beforeAll(async () => {
  build = await serveWebBuild();
});
afterAll(() => build?.close());

describe('bundle budgets (issue 5, performance notes B11)', () => {
  it('initial JS ≤ 60 KB gzip; the WASM core ≤ 30 KB gzip', () => {
    const html = readFileSync(join(build.outDir, 'index.html'), 'utf8');
    const initial = [...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
    expect(initial.length).toBeGreaterThan(0);
    const initialBytes = initial.reduce((n, file) => n + gzipBytes(file), 0);
    const wasm = build.files.filter((f) => f.endsWith('.wasm'));
    expect(wasm).toHaveLength(1);
    const worker = build.files.filter((f) => /scheduler\.worker-.*\.js$/.test(f));
    console.log(`initial JS ${initial.join(', ')}: ${(initialBytes / KB).toFixed(1)} KB gzip; ` +
      `WASM ${(gzipBytes(wasm[0]) / KB).toFixed(1)} KB gzip; worker ${worker.map((f) => `${(gzipBytes(f) / KB).toFixed(1)} KB gzip`).join(', ')}`);
    expect(initialBytes).toBeLessThanOrEqual(60 * KB);
    expect(gzipBytes(wasm[0])).toBeLessThanOrEqual(30 * KB);
  });
});

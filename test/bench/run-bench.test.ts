// Smoke test of `npm run bench` at tiny sizes: every workload runs on every engine, the JSON rows have
// the documented shape and the engines agree. No timing is asserted (performance notes §7).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBench, type BenchRow } from './run-bench.ts';

describe('npm run bench (tiny)', () => {
  it('writes one row per workload, with identical output from every engine', async () => {
    const json = join(mkdtempSync(join(tmpdir(), 'bench-')), 'rows.json');
    const rows = await runBench({ scale: 'tiny', json, print: false });
    const written = JSON.parse(readFileSync(json, 'utf8')) as BenchRow[];
    expect(written).toEqual(rows);
    expect(rows.map((r) => r.workload)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5', 'B7', 'B14', 'S1', 'S2']);
    for (const row of rows) {
      expect(row, row.workload).toMatchObject({
        identicalOutput: true,
        mismatch: null,
        wasmMs: expect.any(Number),
        referenceMs: expect.any(Number),
        ratio: expect.any(Number),
        placementsPerSecond: expect.any(Number),
        wasmMemoryBytes: expect.any(Number),
      });
      // Scale-in rows (S*) compare the WASM core with the literal scale-in, the only TS scale-in.
      expect(row.comparedEngines, row.workload).toEqual(row.workload.startsWith('S') ? ['wasm', 'literal'] : expect.arrayContaining(['wasm', 'indexed']));
      expect(row.placed, row.workload).toBeGreaterThan(0);
    }
    // B1 and B4 are small enough for the literal oracle too; B4 times the brute-force scan as its reference.
    expect(rows.find((r) => r.workload === 'B4')).toMatchObject({ referenceEngine: 'scan', comparedEngines: ['wasm', 'indexed', 'scan', 'literal'] });
    expect(rows.find((r) => r.workload === 'B1')?.comparedEngines).toContain('literal');
    expect(rows.find((r) => r.workload === 'B5')?.referenceP99Us).toEqual(expect.any(Number));
    // At tiny scale the literal scale-in answers the timed problem itself: no literalProblem, a ratio.
    for (const id of ['S1', 'S2']) {
      expect(rows.find((r) => r.workload === id), id).toMatchObject({ referenceEngine: 'literal', literalMs: expect.any(Number) });
      expect(rows.find((r) => r.workload === id)?.literalProblem, id).toBeUndefined();
    }
  });
});

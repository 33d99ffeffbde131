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
    expect(rows.map((r) => r.workload)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5', 'B7', 'B14', 'S1', 'S2', 'B5r', 'A1', 'B6', 'W1']);
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
      // W1 runs whole what-if comparisons: it places in its own sandboxes, and reports none here
      if (row.workload !== 'W1') expect(row.placed, row.workload).toBeGreaterThan(0);
    }
    // B1 and B4 are small enough for the literal oracle too; B4 times the brute-force scan as its reference.
    expect(rows.find((r) => r.workload === 'B4')).toMatchObject({ referenceEngine: 'scan', comparedEngines: ['wasm', 'indexed', 'scan', 'literal'] });
    expect(rows.find((r) => r.workload === 'B1')?.comparedEngines).toContain('literal');
    expect(rows.find((r) => r.workload === 'B5')?.referenceP99Us).toEqual(expect.any(Number));
    // B5r: one task per batch on the WASM and the indexed TS store, both series checked against one batch
    // of the same count on their core (and against each other); latencies per batch of one.
    const latency = { wasmP50Us: expect.any(Number), wasmP99Us: expect.any(Number), wasmMaxUs: expect.any(Number), referenceP50Us: expect.any(Number), referenceP99Us: expect.any(Number), referenceMaxUs: expect.any(Number) };
    expect(rows.find((r) => r.workload === 'B5r')).toMatchObject({
      ...latency, placed: 25, tasks: 25, comparedEngines: ['wasm', 'wasm one batch', 'indexed', 'indexed one batch'],
    });
    // A1: two SandboxApis, the same RunTask calls, identical documents; the builder and resident paths agree.
    const a1 = rows.find((r) => r.workload === 'A1')!;
    expect(a1).toMatchObject({ ...latency, placed: 50, comparedEngines: ['wasm', 'indexed', 'literal builder + wasm', 'resident path (wasm)'] });
    expect(a1.api).toEqual({
      builderPathMs: expect.any(Number), builderPathMinMs: expect.any(Number), builderPathP99Ms: expect.any(Number),
      residentPathMs: expect.any(Number), residentPathMinMs: expect.any(Number), storePlaceMs: expect.any(Number),
      reconcileMs: expect.any(Number), reconcileMinMs: expect.any(Number), firstLoadMs: expect.any(Number), tasksAtEnd: 20 + 3 * 10 + 50,
    });
    // B6: three deployments on a WASM and an indexed-TS SandboxApi from the same steady document; the
    // documents are identical after each (identicalOutput above). 24 tasks replaced three times.
    const b6 = rows.find((r) => r.workload === 'B6')!;
    expect(b6).toMatchObject({ instances: 24, tasks: 24, placed: 3 * 24, comparedEngines: ['wasm', 'indexed'] });
    const byCall = { applyDeltas: expect.any(Number), placeTasks: expect.any(Number), selectTasksToStop: expect.any(Number), deploymentStep: expect.any(Number) };
    expect(b6.deployment).toMatchObject({ setupCore: 'wasm', tasksAtStart: 24, wasmWallTotalMs: expect.any(Number), referenceWallTotalMs: expect.any(Number) });
    expect(b6.deployment?.deployments.map((d) => [d.minimumHealthyPercent, d.maximumPercent, d.placed])).toEqual([[100, 200, 24], [50, 100, 24], [90, 110, 24]]);
    for (const d of b6.deployment!.deployments) {
      expect(d).toMatchObject({ wasmCoreMs: expect.any(Number), wasmWallMs: expect.any(Number), wasmCoreByCall: byCall, referenceCoreByCall: byCall });
      expect(d.serviceSteps).toBeGreaterThanOrEqual(d.workingSteps);
      expect(d.workingSteps).toBeGreaterThan(0);
      expect(d.simulatedSeconds).toBeGreaterThan(0);
    }
    // (90, 110) on 24 tasks: batches of 2 (N / 10), the B6 figure's shape at full size (500).
    expect(b6.deployment?.batchSteps).toMatchObject({ batch: 2, steps: expect.any(Number), wasmCoreStepsPerSecond: expect.any(Number), referenceCoreStepsPerSecond: expect.any(Number) });
    // At tiny scale the literal scale-in answers the timed problem itself: no literalProblem, a ratio.
    for (const id of ['S1', 'S2']) {
      expect(rows.find((r) => r.workload === id), id).toMatchObject({ referenceEngine: 'literal', literalMs: expect.any(Number) });
      expect(rows.find((r) => r.workload === id)?.literalProblem, id).toBeUndefined();
    }
  });
});

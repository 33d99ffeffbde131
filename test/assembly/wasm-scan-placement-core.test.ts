// The WASM core's brute-force scan mode (B4's cross-check mode) against the literal TS oracle: for
// random problems the two must agree bit for bit — assignments, ports, the explanation and the PRNG
// state after. 1,250 random placement batches per run, plus B4's own shape (binpack first, no ports,
// no constraints: the fused column loop) at a size where binpack ties are many.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSchedulerCore } from '../../src/wasm/load-scheduler-core.ts';
import { createWasmScanPlacementCore, type ScanCoreExports } from '../../src/wasm/wasm-scan-placement-core.ts';
import { literalPlacementCore } from '../../src/reference/literal-placement-core.ts';
import type { PlacementCore } from '../../src/placement-core.ts';
import type { PlacementProblem } from '../../src/placement/placement-problem.ts';
import { arbitraryPlacementProblem } from '../builders/arbitrary-placement-problem.ts';
import { aPlacementProblem, binpack, dynamicPort, spread } from '../builders/placement-problem.ts';
import { plainPlacement } from '../builders/plain-results.ts';

let exports: ScanCoreExports;
let scan: PlacementCore;
beforeAll(async () => {
  exports = (await loadSchedulerCore({ bytes: readFileSync(new URL('../../build/scheduler-core.wasm', import.meta.url)) })) as ScanCoreExports;
  scan = createWasmScanPlacementCore(exports);
});

const plain = plainPlacement;

/** A deep copy, to check that the core does not mutate its input. */
const snapshot = (p: object) => JSON.stringify(p, (_, v) => (ArrayBuffer.isView(v) ? [...(v as Int32Array)] : v));

/** Only column stages (no ports, no constraints) and binpack first: the fused column loop of scan-choose.ts. */
const columnsOnly = (p: PlacementProblem): PlacementProblem => ({
  ...p,
  taskPortMappings: new Int32Array(0),
  constraintKind: new Int32Array(0),
  programStart: new Int32Array(1),
  programOps: new Int32Array(0),
  strategyType: Int32Array.from([2, ...p.strategyType]), // STRATEGY_BINPACK first
  strategyField: Int32Array.from([p.count % 2, ...p.strategyField]), // BINPACK_CPU or BINPACK_MEMORY
});

describe('WASM brute-force scan = literal TS oracle', () => {
  it('placeTasks agrees on random clusters (0–60 instances, 0–40 tasks)', () => {
    fc.assert(fc.property(arbitraryPlacementProblem(), (problem) => {
      const before = snapshot(problem);
      const actual = plain(scan.placeTasks(problem));
      expect(snapshot(problem)).toBe(before);
      expect(actual).toEqual(plain(literalPlacementCore.placeTasks(problem)));
    }), { numRuns: 600 });
  });

  it('placeTasks agrees on small crowded clusters, where tasks run out of room', () => {
    fc.assert(fc.property(arbitraryPlacementProblem({ maxInstances: 6, maxCount: 40 }), (problem) => {
      expect(plain(scan.placeTasks(problem))).toEqual(plain(literalPlacementCore.placeTasks(problem)));
    }), { numRuns: 300 });
  });

  it('placeTasks agrees when every stage is a column test and binpack comes first (the fused loop)', () => {
    fc.assert(fc.property(arbitraryPlacementProblem({ maxInstances: 80, maxCount: 60 }).map(columnsOnly), (problem) => {
      expect(plain(scan.placeTasks(problem))).toEqual(plain(literalPlacementCore.placeTasks(problem)));
    }), { numRuns: 250 });
  });

  it('placeTasks agrees on larger clusters (up to 400 instances and 200 tasks)', () => {
    fc.assert(fc.property(arbitraryPlacementProblem({ maxInstances: 400, maxCount: 200 }), (problem) => {
      expect(plain(scan.placeTasks(problem))).toEqual(plain(literalPlacementCore.placeTasks(problem)));
    }), { numRuns: 100 });
  });

  it("places B4's shape: binpack(memory) with 16 memory sizes, ties among every 16th instance", () => {
    // Instance i has 8,192 + 256·(i mod 16) MiB: the first task ties over i ≡ 0 (mod 16) and draws.
    const b = aPlacementProblem().withTask({ cpu: 128, memory: 256 }).withSeed(4).withStrategy(binpack('memory')).withCount(300);
    for (let i = 0; i < 203; i++) b.withInstance({ cpu: 4096, memory: 8192 + 256 * (i % 16), az: 'a' });
    const problem = b.build();
    const result = scan.placeTasks(problem);
    expect(result.placed).toBe(300);
    expect(plain(result)).toEqual(plain(literalPlacementCore.placeTasks(problem)));
  });

  it('places the worked example of semantics 6.8', () => {
    // i0 (a, 1,024 MiB), i1 (a, 512 MiB), i2 (b, 2,048 MiB); 1 task in a; spread(az), binpack(memory), 256 MiB.
    // Task 1: b has count 0 < 1 → i2. Task 2: a = 1, b = 1 → all three; binpack → i1 (512 MiB).
    const problem: PlacementProblem = aPlacementProblem()
      .withInstance({ az: 'a', memory: 1024, groupTasks: 1 })
      .withInstance({ az: 'a', memory: 512 })
      .withInstance({ az: 'b', memory: 2048 })
      .withTask({ cpu: 0, memory: 256, ports: [dynamicPort()] })
      .withStrategy(spread('az')).withStrategy(binpack('memory')).withCount(2).build();
    const result = scan.placeTasks(problem);
    expect([...result.assignments]).toEqual([2, 1]);
    expect(plain(result)).toEqual(plain(literalPlacementCore.placeTasks(problem)));
  });
});

// The WASM placement core against the literal TS oracle (performance notes 6): for random problems
// the two must agree bit for bit — assignments, ports, the explanation and the PRNG state after.
// 1,500 random problems per run: 1,000 placement batches and 500 scale-ins.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSchedulerCore } from '../../src/wasm/load-scheduler-core.ts';
import type { SchedulerCoreExports } from '../../src/wasm/scheduler-core-exports.ts';
import { createWasmPlacementCore } from '../../src/wasm/wasm-placement-core.ts';
import { literalPlacementCore } from '../../src/reference/literal-placement-core.ts';
import type { PlacementCore } from '../../src/placement-core.ts';
import type { PlacementProblem } from '../../src/placement/placement-problem.ts';
import { arbitraryPlacementProblem, arbitraryScaleInProblem } from '../builders/arbitrary-placement-problem.ts';
import { aPlacementProblem, binpack, dynamicPort, spread } from '../builders/placement-problem.ts';
import { plainPlacement, plainScaleIn } from '../builders/plain-results.ts';

let exports: SchedulerCoreExports;
let wasm: PlacementCore;
beforeAll(async () => {
  exports = await loadSchedulerCore({ bytes: readFileSync(new URL('../../build/scheduler-core.wasm', import.meta.url)) });
  wasm = createWasmPlacementCore(exports);
});


/** A deep copy, to check that neither core mutates its input. */
const snapshot = (p: object) => JSON.stringify(p, (_, v) => (ArrayBuffer.isView(v) ? [...(v as Int32Array)] : v));

describe('WASM placement core = literal TS oracle', () => {
  it('placeTasks agrees on random clusters (0–60 instances, 0–40 tasks)', () => {
    fc.assert(fc.property(arbitraryPlacementProblem(), (problem) => {
      const before = snapshot(problem);
      const actual = plainPlacement(wasm.placeTasks(problem));
      expect(snapshot(problem)).toBe(before);
      expect(actual).toEqual(plainPlacement(literalPlacementCore.placeTasks(problem)));
    }), { numRuns: 600 });
  });

  it('placeTasks agrees on small crowded clusters, where tasks run out of room', () => {
    fc.assert(fc.property(arbitraryPlacementProblem({ maxInstances: 6, maxCount: 40 }), (problem) => {
      expect(plainPlacement(wasm.placeTasks(problem))).toEqual(plainPlacement(literalPlacementCore.placeTasks(problem)));
    }), { numRuns: 300 });
  });

  it('placeTasks agrees on larger clusters (deeper tie trees, up to 400 instances and 200 tasks)', () => {
    fc.assert(fc.property(arbitraryPlacementProblem({ maxInstances: 400, maxCount: 200 }), (problem) => {
      expect(plainPlacement(wasm.placeTasks(problem))).toEqual(plainPlacement(literalPlacementCore.placeTasks(problem)));
    }), { numRuns: 100 });
  });

  it('selectTasksToStop agrees on random scale-in problems', () => {
    fc.assert(fc.property(arbitraryScaleInProblem(), (problem) => {
      const before = snapshot(problem);
      const actual = plainScaleIn(wasm.selectTasksToStop(problem));
      expect(snapshot(problem)).toBe(before);
      expect(actual).toEqual(plainScaleIn(literalPlacementCore.selectTasksToStop(problem)));
    }), { numRuns: 400 });
  });

  it('selectTasksToStop agrees on larger scale-ins (up to 300 instances and 1,000 tasks)', () => {
    fc.assert(fc.property(arbitraryScaleInProblem({ maxInstances: 300, maxTasks: 1000 }), (problem) => {
      expect(plainScaleIn(wasm.selectTasksToStop(problem))).toEqual(plainScaleIn(literalPlacementCore.selectTasksToStop(problem)));
    }), { numRuns: 100 });
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
    const result = wasm.placeTasks(problem);
    expect([...result.assignments]).toEqual([2, 1]);
    expect(plainPlacement(result)).toEqual(plainPlacement(literalPlacementCore.placeTasks(problem)));
  });
});

describe('WASM memory', () => {
  it('stays bounded over 2,000 batches of varying sizes', () => {
    const problems = fc.sample(arbitraryPlacementProblem(), { numRuns: 50, seed: 42 });
    const scaleIns = fc.sample(arbitraryScaleInProblem(), { numRuns: 50, seed: 42 });
    for (let k = 0; k < 100; k++) {
      wasm.placeTasks(problems[k % problems.length]);
      wasm.selectTasksToStop(scaleIns[k % scaleIns.length]);
    }
    const warmedUp = exports.memory.buffer.byteLength;
    for (let k = 0; k < 2000; k++) {
      wasm.placeTasks(problems[k % problems.length]);
      wasm.selectTasksToStop(scaleIns[k % scaleIns.length]);
    }
    // The batch buffer grows in place (doubling below 16 MiB) to the largest batch and is then reused:
    // no growth at all (assembly/memory/batch-buffer.ts).
    expect(exports.memory.buffer.byteLength).toBe(warmedUp);
    expect(warmedUp).toBeLessThanOrEqual(1 << 20);
  });
});

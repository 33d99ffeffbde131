// The WASM core's best-fit buckets (assembly/placement/indexes/best-fit-buckets.ts) against the literal
// oracle, on problems shaped to reach their rare paths: a few AZs, free memory in steps of the task's
// size, so that a class's "single" (an instance that just took a task) ties with another class's
// bucket at the same value, and chains that continue after binpack (the tie set is then listed).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSchedulerCore } from '../../src/wasm/load-scheduler-core.ts';
import { createWasmPlacementCore } from '../../src/wasm/wasm-placement-core.ts';
import { literalPlacementCore } from '../../src/reference/literal-placement-core.ts';
import type { PlacementCore } from '../../src/placement-core.ts';
import type { PlacementResult } from '../../src/placement/placement-problem.ts';
import { aPlacementProblem, binpack, random, spread, type Strategy } from '../builders/placement-problem.ts';

let wasm: PlacementCore;
beforeAll(async () => {
  const exports = await loadSchedulerCore({ bytes: readFileSync(new URL('../../build/scheduler-core.wasm', import.meta.url)) });
  wasm = createWasmPlacementCore(exports);
});

const plain = (r: PlacementResult) => ({
  placed: r.placed,
  assignments: [...r.assignments],
  random: [...r.random],
  rejectCode: [...r.rejectCode],
  closestMatch: r.closestMatch,
});

const AZS = ['a', 'b', 'c'];
const tails: Strategy[][] = [[], [random()], [spread('instanceId')], [binpack('cpu')], [spread('az')], [binpack('cpu'), random()]];

const problemArb = fc.record({
  azs: fc.constantFrom(1, 2, 3, 3),
  leading: fc.boolean(), // spread(az) first, or binpack alone
  field: fc.constantFrom<'cpu' | 'memory'>('memory', 'cpu'),
  step: fc.constantFrom(0, 256, 512),
  tail: fc.integer({ min: 0, max: tails.length - 1 }),
  instances: fc.array(fc.record({
    az: fc.integer({ min: 0, max: 2 }),
    steps: fc.integer({ min: 0, max: 3 }),
    groupTasks: fc.integer({ min: 0, max: 9 }).map((x) => (x < 6 ? 0 : x - 6)), // spread counts differ per AZ
    draining: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
  }), { minLength: 0, maxLength: 40 }),
  count: fc.integer({ min: 0, max: 80 }),
  seed: fc.integer({ min: 0, max: 0x7fffffff }),
});

describe('best-fit buckets = literal oracle', () => {
  it('agrees on [spread(az)?, binpack, tail…] with values in steps of the task size', () => {
    fc.assert(fc.property(problemArb, (r) => {
      const size = r.step;
      const other = 128; // the resource binpack does not look at: plenty, tiny tasks
      const b = aPlacementProblem().withSeed(r.seed).withCount(r.count)
        .withTask(r.field === 'memory' ? { cpu: other, memory: size } : { cpu: size, memory: other });
      if (r.leading) b.withStrategy(spread('az'));
      b.withStrategy(binpack(r.field));
      for (const s of tails[r.tail]) b.withStrategy(s);
      for (const x of r.instances) {
        const value = 256 + x.steps * 256;
        b.withInstance({
          az: AZS[x.az % r.azs],
          draining: x.draining,
          groupTasks: x.groupTasks,
          cpu: r.field === 'cpu' ? value : 1 << 20,
          memory: r.field === 'memory' ? value : 1 << 20,
        });
      }
      const problem = b.build();
      expect(plain(wasm.placeTasks(problem))).toEqual(plain(literalPlacementCore.placeTasks(problem)));
    }), { numRuns: 3000 });
  });

  // Two AZs' singles at 512 and the third AZ's bucket at 512, interleaved in registration order: the
  // third task's tie set is {0 (single a), 1, 2, 4 (bucket c), 3 (single b)} in the order 0–4.
  it('merges singles into a bucket in registration order (seeds 0–299)', () => {
    for (let seed = 0; seed < 300; seed++) {
      const problem = aPlacementProblem().withSeed(seed).withCount(12).withTask({ cpu: 128, memory: 256 })
        .withStrategy(spread('az')).withStrategy(binpack('memory'))
        .withInstance({ az: 'a', memory: 768 })
        .withInstance({ az: 'c', memory: 512, groupTasks: 1 })
        .withInstance({ az: 'c', memory: 512 })
        .withInstance({ az: 'b', memory: 768 })
        .withInstance({ az: 'c', memory: 512 })
        .build();
      expect(plain(wasm.placeTasks(problem))).toEqual(plain(literalPlacementCore.placeTasks(problem)));
    }
  });
});

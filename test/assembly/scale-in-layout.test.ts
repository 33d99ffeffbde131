// The scale-in batch layout (src/wasm/wasm-placement-core.ts) gives the stop tree no words when the
// core walks T, and the walk's tie list and values none when the stop tree answers (stopTreePlan,
// mirroring assembly/scale-in/stop-tree.ts planStopTree). Those empty regions sit at the layout's end,
// so a core that used one anyway would write past the reserved words: here the buffer is reserved
// with a guard band after the layout, filled with a sentinel before each call and checked after.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSchedulerCore } from '../../src/wasm/load-scheduler-core.ts';
import type { SchedulerCoreExports } from '../../src/wasm/scheduler-core-exports.ts';
import { createWasmPlacementCore, stopTreePlan } from '../../src/wasm/wasm-placement-core.ts';
import { literalPlacementCore } from '../../src/reference/literal-placement-core.ts';
import type { PlacementCore } from '../../src/placement-core.ts';
import type { ScaleInProblem } from '../../src/placement/placement-problem.ts';
import { arbitraryScaleInProblem } from '../builders/arbitrary-placement-problem.ts';
import { aScaleInProblem, binpack, random, spread, type Strategy } from '../builders/placement-problem.ts';

const GUARD_WORDS = 1 << 16;
const SENTINEL = 0x5a5a5a5a;

let core: PlacementCore;
let touchedGuard = 0;
beforeAll(async () => {
  const exports = await loadSchedulerCore({ bytes: readFileSync(new URL('../../build/scheduler-core.wasm', import.meta.url)) });
  let base = 0;
  let words = 0;
  const guard = () => new Int32Array(exports.memory.buffer, base + words * 4, GUARD_WORDS);
  const guarded: SchedulerCoreExports = {
    ...exports,
    memory: exports.memory,
    reservePlacementBuffer(w: number) {
      words = w;
      base = exports.reservePlacementBuffer(w + GUARD_WORDS) >>> 0;
      return base;
    },
    selectTasksToStop() {
      guard().fill(SENTINEL);
      const chosen = exports.selectTasksToStop();
      if (guard().some((x) => x !== SENTINEL)) touchedGuard++;
      return chosen;
    },
  };
  core = createWasmPlacementCore(guarded);
});

const plain = (p: ScaleInProblem, c: PlacementCore) => {
  const r = c.selectTasksToStop(p);
  return { chosen: [...r.chosen], random: [...r.random] };
};

/** 12 instances in 3 AZs with 2–3 tasks each, DRAINING every 5th, and the given chain. */
function problem(chain: Strategy[], count: number): ScaleInProblem {
  const b = aScaleInProblem().withSeed(9).withCount(count);
  for (let i = 0; i < 12; i++) b.withInstance({ az: `az${i % 3}`, draining: i % 5 === 0, memory: 512 * (i % 4), attributes: { rack: `r${i % 10}` } });
  for (let t = 0; t < 30; t++) b.withTask({ instance: (t * 7) % 12, pending: t % 9 === 0, memory: 256 * (t % 3), createdAt: t % 4 });
  for (const s of chain) b.withStrategy(s);
  return b.build();
}

describe('scale-in layout: the core stays inside the regions reserved for it', () => {
  it.each([
    { chain: [spread('az'), spread('instanceId')], tree: true },
    { chain: [spread('az'), binpack('memory'), random()], tree: true },
    { chain: [spread('instanceId'), random()], tree: true },
    { chain: [random()], tree: true },
    { chain: [], tree: true },
    { chain: [binpack('cpu'), spread('az')], tree: false }, // a value strategy, then a spread that is not
    { chain: [spread('rack')], tree: false }, // 10 keys > TIE_TREE_MAX_CLASSES (8)
    { chain: [spread('az'), binpack('memory'), spread('instanceId')], tree: false },
  ])('$chain.length strategies, tree $tree', ({ chain, tree }) => {
    const p = problem(chain, 20);
    expect(stopTreePlan(p.instanceCount, p.strategyType, p.strategyField, p.spreadKeys, p.spreadKeyCount).useTree).toBe(tree);
    const before = touchedGuard;
    expect(plain(p, core)).toEqual(plain(p, literalPlacementCore));
    expect(touchedGuard).toBe(before);
  });

  it('on 500 random scale-ins, both layouts, the answers of the literal core and an untouched guard band', () => {
    const problems = fc.sample(arbitraryScaleInProblem(), { numRuns: 500, seed: 7 });
    const plans = problems.map((p) => stopTreePlan(p.instanceCount, p.strategyType, p.strategyField, p.spreadKeys, p.spreadKeyCount).useTree);
    expect(plans).toContain(true);
    expect(plans).toContain(false);
    for (const p of problems) expect(plain(p, core)).toEqual(plain(p, literalPlacementCore));
    expect(touchedGuard).toBe(0);
  });
});

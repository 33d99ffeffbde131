// Spread's promise (semantics 6.4, 8): with room everywhere, spreading over an attribute keeps the
// per-value task counts within one of each other, while placing and while scaling in. Run against
// every core, so an index that drifts from the oracle also breaks the invariant here.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlacementCore } from '../../../src/placement-core.ts';
import { literalPlacementCore } from '../../../src/reference/literal-placement-core.ts';
import { indexedPlacementCore } from '../../../src/reference/indexed-placement-core.ts';
import { loadSchedulerCore } from '../../../src/wasm/load-scheduler-core.ts';
import { createWasmPlacementCore } from '../../../src/wasm/wasm-placement-core.ts';
import { aPlacementProblem, aScaleInProblem, binpack, spread, type Strategy } from '../../builders/placement-problem.ts';

const cores: PlacementCore[] = [literalPlacementCore, indexedPlacementCore];
beforeAll(async () => {
  const bytes = readFileSync(new URL('../../../build/scheduler-core.wasm', import.meta.url));
  cores.push(createWasmPlacementCore(await loadSchedulerCore({ bytes })));
});

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d'];

/** Instances spread over 1–4 AZs (every AZ holds at least one), with room for every task. */
const aCluster = fc.integer({ min: 1, max: 4 }).chain((azCount) =>
  fc.array(fc.integer({ min: 0, max: azCount - 1 }), { minLength: azCount, maxLength: 24 }).map((azOf) => {
    // every AZ 0..azCount-1 appears at least once: the first azCount instances take them in turn
    const azs = azOf.map((a, i) => (i < azCount ? i : a));
    return { azCount, azs };
  }));

// spread(AZ) first; what follows only breaks ties inside the chosen AZ
const aChain: fc.Arbitrary<Strategy[]> = fc.constantFrom<Strategy[]>(
  [spread('az')], [spread('az'), binpack('memory')], [spread('az'), spread('instanceId')], [spread('az'), binpack('cpu')]);

const spreadOf = (counts: number[]) => Math.max(...counts) - Math.min(...counts);

describe('spread over AZs keeps the buckets within one task', () => {
  it('when placing, whatever follows spread(AZ) in the chain (every core)', () => {
    fc.assert(fc.property(aCluster, aChain, fc.integer({ min: 0, max: 60 }), fc.integer(), ({ azCount, azs }, chain, count, seed) => {
      let builder = aPlacementProblem().withTask({ cpu: 16, memory: 16 }).withCount(count).withSeed(seed);
      // memory differs per instance so binpack has something to choose by
      azs.forEach((az, i) => (builder = builder.withInstance({ az: AZS[az], cpu: 4096, memory: 2048 + 64 * i })));
      for (const s of chain) builder = builder.withStrategy(s);
      const problem = builder.build();
      for (const core of cores) {
        const out = core.placeTasks(problem);
        expect(out.placed, core.name).toBe(count);
        const perAz = Array.from({ length: azCount }, (_, a) => Array.from(out.assignments).filter((i) => azs[i] === a).length);
        // e.g. 3 AZs, 7 tasks → 3/2/2: max − min = 1
        expect(spreadOf(perAz), core.name).toBeLessThanOrEqual(1);
      }
    }), { numRuns: 300 });
  });

  it('when scaling in from a balanced service, the remaining tasks stay balanced (every core)', () => {
    fc.assert(fc.property(aCluster, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.integer(),
      ({ azCount, azs }, running, stop, seed) => {
        // place `running` tasks with spread(AZ) (balanced by the property above), then scale in `stop` of them
        let placing = aPlacementProblem().withTask({ cpu: 16, memory: 16 }).withCount(running).withSeed(seed).withStrategy(spread('az'));
        azs.forEach((az) => (placing = placing.withInstance({ az: AZS[az], cpu: 4096, memory: 4096 })));
        const placed = literalPlacementCore.placeTasks(placing.build());
        let scaling = aScaleInProblem().withStrategy(spread('az')).withCount(stop).withSeed(seed ^ 0x5bd1e995);
        azs.forEach((az) => (scaling = scaling.withInstance({ az: AZS[az] })));
        Array.from(placed.assignments).forEach((instance, n) => (scaling = scaling.withTask({ instance, createdAt: n })));
        const problem = scaling.build();
        for (const core of cores) {
          const chosen = new Set(core.selectTasksToStop(problem).chosen);
          expect(chosen.size, core.name).toBe(Math.min(stop, running));
          const remaining = Array.from(placed.assignments).filter((_, n) => !chosen.has(n));
          const perAz = Array.from({ length: azCount }, (_, a) => remaining.filter((i) => azs[i] === a).length);
          // reversed spread takes from the fullest AZ: 3/2/2 minus 1 → 2/2/2
          expect(spreadOf(perAz), core.name).toBeLessThanOrEqual(1);
        }
      }), { numRuns: 300 });
  });
});

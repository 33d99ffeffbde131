// The brute-force TS scan's fused column pass (src/reference/scan-placement-core.ts: no ports, no
// constraints) against the literal oracle, with every first strategy: binpack(cpu | memory), spread,
// random and none. The general path is covered with the indexed core in indexed-placement-core.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlacementProblem } from '../../../src/placement/placement-problem.ts';
import { scanPlacementCore } from '../../../src/reference/scan-placement-core.ts';
import { literalPlacementCore } from '../../../src/reference/literal-placement-core.ts';
import { arbitraryPlacementProblem } from '../../builders/arbitrary-placement-problem.ts';
import { BINPACK_CPU, BINPACK_MEMORY, STRATEGY_BINPACK } from '../../../src/placement/placement-codes.ts';
import { plainPlacement } from '../../builders/plain-results.ts';

const plain = plainPlacement;

/** The problem without ports and constraints; `lead` (if any) is put in front of its strategy chain. */
const columnsOnly = (p: PlacementProblem, lead: number): PlacementProblem => ({
  ...p,
  taskPortMappings: new Int32Array(0),
  constraintKind: new Int32Array(0),
  programStart: new Int32Array(1),
  programOps: new Int32Array(0),
  strategyType: lead < 0 ? p.strategyType : Int32Array.from([STRATEGY_BINPACK, ...p.strategyType]),
  strategyField: lead < 0 ? p.strategyField : Int32Array.from([lead, ...p.strategyField]),
});

describe('scanPlacementCore, the fused column pass', () => {
  it.each([
    ['the generated chain (spread, binpack, random or none first)', -1],
    ['binpack(cpu) first', BINPACK_CPU],
    ['binpack(memory) first', BINPACK_MEMORY],
  ])('matches the literal oracle with %s', (_, lead) => {
    fc.assert(fc.property(arbitraryPlacementProblem({ maxInstances: 80, maxCount: 60 }), (problem) => {
      const p = columnsOnly(problem, lead);
      expect(plain(scanPlacementCore.placeTasks(p))).toEqual(plain(literalPlacementCore.placeTasks(p)));
    }), { numRuns: 300, seed: 20180522 });
  });
});

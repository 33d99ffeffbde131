// The WASM deployment step (assembly/deployment/deployment-step.ts, exports deploymentStep and
// deploymentStepResult) against the TS reference (src/reference/deployment-step.ts): the five numbers
// of semantics 9.1 / 9.3 must agree for every input. 5,000 random inputs per run: 2,500 over the whole
// domain (zeros and huge percents included) and 2,500 around a real deployment, where k, j and s are
// mostly non-zero.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as abi from '../../src/wasm/abi.ts';
import { loadSchedulerCore } from '../../src/wasm/load-scheduler-core.ts';
import type { SchedulerCoreExports } from '../../src/wasm/scheduler-core-exports.ts';
import { createWasmPlacementCore } from '../../src/wasm/wasm-placement-core.ts';
import { createWasmScanPlacementCore, type ScanCoreExports } from '../../src/wasm/wasm-scan-placement-core.ts';
import type { PlacementCore } from '../../src/placement-core.ts';
import type { DeploymentStepInput } from '../../src/placement/deployment-step.ts';
import { deploymentStep } from '../../src/reference/deployment-step.ts';

let exports: SchedulerCoreExports;
let wasm: PlacementCore;
let wasmScan: PlacementCore;
beforeAll(async () => {
  exports = await loadSchedulerCore({ bytes: readFileSync(new URL('../../build/scheduler-core.wasm', import.meta.url)) });
  wasm = createWasmPlacementCore(exports);
  wasmScan = createWasmScanPlacementCore(exports as ScanCoreExports);
});

const I32_MAX = 2 ** 31 - 1;

/** A percent: 0, a common one, anything up to 2^16 (the brief's domain) or any API Integer. */
const percent = fc.oneof(
  fc.constant(0),
  fc.constantFrom(50, 75, 100, 125, 150, 200, 2 ** 16),
  fc.integer({ min: 0, max: 2 ** 16 }),
  fc.integer({ min: 0, max: I32_MAX }),
  fc.constant(I32_MAX),
);

/** A count: 0, small, or anything up to 2^24. */
const count = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 2 ** 24 }), fc.constant(2 ** 24));

/** Any input of the domain: D ≤ 2^20, counts ≤ 2^24, each drawn independently. */
const anyInput: fc.Arbitrary<DeploymentStepInput> = fc.record({
  desiredCount: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 2 ** 20 }), fc.constant(2 ** 20)),
  minimumHealthyPercent: percent,
  maximumPercent: percent,
  total: count,
  healthy: count,
  primary: count,
  old: count,
  backoff: fc.boolean(),
});

/** A service mid-deployment: primary + old ≤ total (stopping tasks make the rest), healthy ≤ primary + old. */
const deploymentInput: fc.Arbitrary<DeploymentStepInput> = fc
  .record({
    desiredCount: fc.integer({ min: 0, max: 40 }),
    minimumHealthyPercent: fc.oneof(fc.constantFrom(0, 50, 75, 100), fc.integer({ min: 0, max: 100 })),
    maximumPercent: fc.oneof(fc.constantFrom(100, 125, 150, 200), fc.integer({ min: 100, max: 400 })),
    primary: fc.integer({ min: 0, max: 60 }),
    old: fc.integer({ min: 0, max: 60 }),
    stopping: fc.integer({ min: 0, max: 10 }),
    unhealthy: fc.integer({ min: 0, max: 120 }),
    backoff: fc.boolean(),
  })
  .map(({ primary, old, stopping, unhealthy, ...rest }) => ({
    ...rest, primary, old, total: primary + old + stopping, healthy: Math.max(0, primary + old - unhealthy),
  }));

/** The raw exports: the return value is k, and deploymentStepResult gives the five words. */
function rawStep(s: DeploymentStepInput) {
  const k = exports.deploymentStep(s.desiredCount, s.minimumHealthyPercent, s.maximumPercent, s.total, s.healthy, s.primary, s.old, s.backoff ? 1 : 0);
  const word = (i: number) => exports.deploymentStepResult(i);
  return { k, step: { min: word(abi.DS_MIN), max: word(abi.DS_MAX), launch: word(abi.DS_LAUNCH), retire: word(abi.DS_RETIRE), scaleIn: word(abi.DS_SCALE_IN) } };
}

describe('WASM deploymentStep = TS reference', () => {
  it('agrees on 2,500 inputs over the whole domain (zeros, huge percents, huge counts)', () => {
    fc.assert(fc.property(anyInput, (s) => {
      const expected = deploymentStep(s);
      const { k, step } = rawStep(s);
      expect(step).toEqual(expected);
      expect(k).toBe(expected.launch);
    }), { numRuns: 2500 });
  });

  it('agrees on 2,500 services mid-deployment, through both WASM PlacementCores', () => {
    fc.assert(fc.property(deploymentInput, (s) => {
      const expected = deploymentStep(s);
      expect(wasm.deploymentStep(s)).toEqual(expected);
      expect(wasmScan.deploymentStep(s)).toEqual(expected);
    }), { numRuns: 2500 });
  });

  it.each([
    // D × max overflows 32 bits: 2^20 × 2^16 = 2^36 → MAX = 687,194,767, MIN = 687,194,768
    [{ desiredCount: 2 ** 20, minimumHealthyPercent: 2 ** 16, maximumPercent: 2 ** 16, total: 2 ** 24, healthy: 2 ** 24, primary: 0, old: 2 ** 24, backoff: false }],
    // 2^20 × (2^31 − 1) ≈ 2^51: MIN and MAX saturate at 2^31 − 1; k = min(2^20 − 0, MAX − 0) = 2^20
    [{ desiredCount: 2 ** 20, minimumHealthyPercent: I32_MAX, maximumPercent: I32_MAX, total: 0, healthy: 2 ** 24, primary: 0, old: 2 ** 24, backoff: false }],
    // all zeros
    [{ desiredCount: 0, minimumHealthyPercent: 0, maximumPercent: 0, total: 0, healthy: 0, primary: 0, old: 0, backoff: false }],
  ])('agrees at the edges: %o', (s) => {
    expect(rawStep(s).step).toEqual(deploymentStep(s));
  });

  it('saturates MIN and MAX without disturbing k, j or s', () => {
    const s = { desiredCount: 2 ** 20, minimumHealthyPercent: I32_MAX, maximumPercent: I32_MAX, total: 0, healthy: 2 ** 24, primary: 0, old: 2 ** 24, backoff: false };
    // k = min(2^20, (2^31 − 1) − 0) = 2^20; j = max(0, min(2^24, 2^24 − (2^31 − 1))) = 0
    expect(wasm.deploymentStep(s)).toEqual({ min: I32_MAX, max: I32_MAX, launch: 2 ** 20, retire: 0, scaleIn: 0 });
  });

  it('traps on a result word outside 0 .. DS_RESULT_WORDS − 1', () => {
    expect(() => exports.deploymentStepResult(abi.DS_RESULT_WORDS)).toThrow();
    expect(() => exports.deploymentStepResult(-1)).toThrow();
  });
});

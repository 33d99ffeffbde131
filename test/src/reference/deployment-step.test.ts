// The deployment-step arithmetic (semantics 9.1, 9.3) against the worked examples of 9.4, step by
// step. MAX = (D × max) div 100, MIN = (D × min + 99) div 100,
// k = max(0, min(D − primary, MAX − total)) (0 in back-off), j = max(0, min(old, healthy − MIN)),
// s = max(0, primary − D). A deployment starts from D old RUNNING healthy tasks and no PRIMARY task.
import { describe, expect, it } from 'vitest';
import type { DeploymentStepInput } from '../../../src/placement/deployment-step.ts';
import { deploymentStep } from '../../../src/reference/deployment-step.ts';
import { literalPlacementCore } from '../../../src/reference/literal-placement-core.ts';
import { indexedPlacementCore } from '../../../src/reference/indexed-placement-core.ts';
import { scanPlacementCore } from '../../../src/reference/scan-placement-core.ts';

/** D / min / max with every count given. */
const input = (
  D: number, minPct: number, maxPct: number,
  counts: { total: number; healthy: number; primary: number; old: number; backoff?: boolean },
): DeploymentStepInput => ({
  desiredCount: D, minimumHealthyPercent: minPct, maximumPercent: maxPct, backoff: false, ...counts,
});

describe('deploymentStep: MIN and MAX (semantics 9.1, the table of 9.4)', () => {
  it.each([
    // D, min, max, MIN, MAX
    [4, 50, 100, 2, 4], // MAX = 400 div 100 = 4; MIN = (200 + 99) div 100 = 2
    [4, 100, 200, 4, 8], // MAX = 800 div 100 = 8; MIN = (400 + 99) div 100 = 4
    [6, 100, 200, 6, 12], // MAX = 1200 div 100 = 12; MIN = (600 + 99) div 100 = 6
    [2, 75, 200, 2, 4], // MAX = 400 div 100 = 4; MIN = ceil(1.5) = (150 + 99) div 100 = 2
    [3, 100, 125, 3, 3], // MAX = floor(3.75) = 375 div 100 = 3; MIN = (300 + 99) div 100 = 3
    [1, 50, 200, 1, 2], // MAX = 200 div 100 = 2; MIN = ceil(0.5) = (50 + 99) div 100 = 1
    [1, 100, 150, 1, 1], // MAX = floor(1.5) = 150 div 100 = 1; MIN = (100 + 99) div 100 = 1
    [1, 0, 100, 0, 1], // MAX = 100 div 100 = 1; MIN = (0 + 99) div 100 = 0
    // D / 100 / 100: MIN = MAX = D for every D (MAX = 100D div 100; MIN = (100D + 99) div 100)
    [1, 100, 100, 1, 1],
    [5, 100, 100, 5, 5],
    [1000, 100, 100, 1000, 1000],
    [2 ** 20, 100, 100, 2 ** 20, 2 ** 20],
    // D = 0: nothing to keep, nothing to launch
    [0, 100, 200, 0, 0],
    // the domain's edge: 2^20 × 2^16 = 2^36 = 68,719,476,736 → MAX = 687,194,767, MIN = ceil(…) = 687,194,768
    [2 ** 20, 2 ** 16, 2 ** 16, 687_194_768, 687_194_767],
    // any API Integer percent: 1000 × (2^31 − 1) div 100 = 21,474,836,470 saturates at 2^31 − 1
    [1000, 2 ** 31 - 1, 2 ** 31 - 1, 2 ** 31 - 1, 2 ** 31 - 1],
  ])('%i / %i / %i → MIN %i, MAX %i', (D, minPct, maxPct, MIN, MAX) => {
    const step = deploymentStep(input(D, minPct, maxPct, { total: 0, healthy: 0, primary: 0, old: 0 }));
    expect([step.min, step.max]).toEqual([MIN, MAX]);
  });
});

describe('deploymentStep: k, j and s step by step (semantics 9.3, the behaviour column of 9.4)', () => {
  it.each([
    // ── 4 / 50 / 100 (MIN 2, MAX 4): stop 2 old, start 2 new, stop the last 2 old, start 2 new
    ['4/50/100 step 1: 4 old healthy', 4, 50, 100, { total: 4, healthy: 4, primary: 0, old: 4 }, { launch: 0, retire: 2, scaleIn: 0 }],
    //   k = min(4 − 0, 4 − 4) = 0; j = min(4, 4 − 2) = 2
    ['4/50/100 step 2: 2 old left', 4, 50, 100, { total: 2, healthy: 2, primary: 0, old: 2 }, { launch: 2, retire: 0, scaleIn: 0 }],
    //   k = min(4 − 0, 4 − 2) = 2; j = min(2, 2 − 2) = 0
    ['4/50/100 step 3: 2 new PENDING', 4, 50, 100, { total: 4, healthy: 2, primary: 2, old: 2 }, { launch: 0, retire: 0, scaleIn: 0 }],
    //   k = min(4 − 2, 4 − 4) = 0; j = min(2, 2 − 2) = 0
    ['4/50/100 step 4: 2 new healthy', 4, 50, 100, { total: 4, healthy: 4, primary: 2, old: 2 }, { launch: 0, retire: 2, scaleIn: 0 }],
    //   k = min(4 − 2, 4 − 4) = 0; j = min(2, 4 − 2) = 2
    ['4/50/100 step 5: old gone', 4, 50, 100, { total: 2, healthy: 2, primary: 2, old: 0 }, { launch: 2, retire: 0, scaleIn: 0 }],
    //   k = min(4 − 2, 4 − 2) = 2; j = min(0, 2 − 2) = 0

    // ── 4 / 100 / 200 (MIN 4, MAX 8): start four new before stopping the four old
    ['4/100/200 step 1: 4 old healthy', 4, 100, 200, { total: 4, healthy: 4, primary: 0, old: 4 }, { launch: 4, retire: 0, scaleIn: 0 }],
    //   k = min(4 − 0, 8 − 4) = 4; j = min(4, 4 − 4) = 0
    ['4/100/200 step 2: 4 new healthy', 4, 100, 200, { total: 8, healthy: 8, primary: 4, old: 4 }, { launch: 0, retire: 4, scaleIn: 0 }],
    //   k = min(4 − 4, 8 − 8) = 0; j = min(4, 8 − 4) = 4

    // ── 6 / 100 / 200 (MIN 6, MAX 12), room for 8 tasks: three rounds of 2
    ['6/100/200 step 1: 6 old healthy', 6, 100, 200, { total: 6, healthy: 6, primary: 0, old: 6 }, { launch: 6, retire: 0, scaleIn: 0 }],
    //   k = min(6 − 0, 12 − 6) = 6 (only 2 fit: placement stops at the 3rd); j = min(6, 6 − 6) = 0
    ['6/100/200 step 2: 2 new healthy', 6, 100, 200, { total: 8, healthy: 8, primary: 2, old: 6 }, { launch: 4, retire: 2, scaleIn: 0 }],
    //   k = min(6 − 2, 12 − 8) = 4 (none fits: the cluster is full); j = min(6, 8 − 6) = 2
    ['6/100/200 step 3: 2 old stopped', 6, 100, 200, { total: 6, healthy: 6, primary: 2, old: 4 }, { launch: 4, retire: 0, scaleIn: 0 }],
    //   k = min(6 − 2, 12 − 6) = 4 (2 fit); j = min(4, 6 − 6) = 0
    ['6/100/200 step 4: 4 new healthy', 6, 100, 200, { total: 8, healthy: 8, primary: 4, old: 4 }, { launch: 2, retire: 2, scaleIn: 0 }],
    //   k = min(6 − 4, 12 − 8) = 2 (none fits); j = min(4, 8 − 6) = 2
    ['6/100/200 step 6: 6 new healthy', 6, 100, 200, { total: 8, healthy: 8, primary: 6, old: 2 }, { launch: 0, retire: 2, scaleIn: 0 }],
    //   k = min(6 − 6, 12 − 8) = 0; j = min(2, 8 − 6) = 2

    // ── 2 / 75 / 200 (MIN 2, MAX 4): the scheduler can't stop any task before the new are healthy
    ['2/75/200 step 1: 2 old healthy', 2, 75, 200, { total: 2, healthy: 2, primary: 0, old: 2 }, { launch: 2, retire: 0, scaleIn: 0 }],
    //   k = min(2 − 0, 4 − 2) = 2; j = min(2, 2 − 2) = 0
    ['2/75/200 step 2: 2 new PENDING', 2, 75, 200, { total: 4, healthy: 2, primary: 2, old: 2 }, { launch: 0, retire: 0, scaleIn: 0 }],
    //   k = min(2 − 2, 4 − 4) = 0; j = min(2, 2 − 2) = 0
    ['2/75/200 step 3: 2 new healthy', 2, 75, 200, { total: 4, healthy: 4, primary: 2, old: 2 }, { launch: 0, retire: 2, scaleIn: 0 }],
    //   k = 0; j = min(2, 4 − 2) = 2

    // ── 3 / 100 / 125 (MIN 3, MAX 3): can't start, can't stop: stuck
    ['3/100/125: 3 old healthy', 3, 100, 125, { total: 3, healthy: 3, primary: 0, old: 3 }, { launch: 0, retire: 0, scaleIn: 0 }],
    //   k = min(3 − 0, 3 − 3) = 0; j = min(3, 3 − 3) = 0

    // ── 1 / 50 / 200 (MIN 1, MAX 2): start the new task, then stop the old one
    ['1/50/200 step 1: 1 old healthy', 1, 50, 200, { total: 1, healthy: 1, primary: 0, old: 1 }, { launch: 1, retire: 0, scaleIn: 0 }],
    //   k = min(1 − 0, 2 − 1) = 1; j = min(1, 1 − 1) = 0
    ['1/50/200 step 2: the new healthy', 1, 50, 200, { total: 2, healthy: 2, primary: 1, old: 1 }, { launch: 0, retire: 1, scaleIn: 0 }],
    //   k = min(1 − 1, 2 − 2) = 0; j = min(1, 2 − 1) = 1

    // ── 1 / 100 / 150 (MIN 1, MAX 1): stuck
    ['1/100/150: 1 old healthy', 1, 100, 150, { total: 1, healthy: 1, primary: 0, old: 1 }, { launch: 0, retire: 0, scaleIn: 0 }],
    //   k = min(1 − 0, 1 − 1) = 0; j = min(1, 1 − 1) = 0

    // ── 1 / 0 / 100 (MIN 0, MAX 1): stop the old task, then start the new one (downtime)
    ['1/0/100 step 1: 1 old healthy', 1, 0, 100, { total: 1, healthy: 1, primary: 0, old: 1 }, { launch: 0, retire: 1, scaleIn: 0 }],
    //   k = min(1 − 0, 1 − 1) = 0; j = min(1, 1 − 0) = 1
    ['1/0/100 step 2: nothing left', 1, 0, 100, { total: 0, healthy: 0, primary: 0, old: 0 }, { launch: 1, retire: 0, scaleIn: 0 }],
    //   k = min(1 − 0, 1 − 0) = 1; j = min(0, 0 − 0) = 0

    // ── D / 100 / 100 (MIN = MAX = D): stuck for every D ≥ 1
    ['5/100/100: 5 old healthy', 5, 100, 100, { total: 5, healthy: 5, primary: 0, old: 5 }, { launch: 0, retire: 0, scaleIn: 0 }],
    //   k = min(5 − 0, 5 − 5) = 0; j = min(5, 5 − 5) = 0

    // ── 9.8 draining: 1 of 4 PRIMARY tasks on a DRAINING instance counts as old, not primary
    ['4/100/200 draining step 1', 4, 100, 200, { total: 4, healthy: 4, primary: 3, old: 1 }, { launch: 1, retire: 0, scaleIn: 0 }],
    //   k = min(4 − 3, 8 − 4) = 1; j = min(1, 4 − 4) = 0
    ['4/100/200 draining step 2', 4, 100, 200, { total: 5, healthy: 5, primary: 4, old: 1 }, { launch: 0, retire: 1, scaleIn: 0 }],
    //   k = min(4 − 4, 8 − 5) = 0; j = min(1, 5 − 4) = 1
    ['4/50/100 draining: MAX 4 makes the replacement wait for the stop', 4, 50, 100, { total: 4, healthy: 4, primary: 3, old: 1 }, { launch: 0, retire: 1, scaleIn: 0 }],
    //   MIN = 2, MAX = 4: k = min(4 − 3, 4 − 4) = 0; j = min(1, 4 − 2) = 1

    // ── clamps: stopping tasks above MAX, too few healthy for MIN
    ['stopping tasks hold total above MAX', 4, 100, 200, { total: 10, healthy: 4, primary: 0, old: 4 }, { launch: 0, retire: 0, scaleIn: 0 }],
    //   k = max(0, min(4 − 0, 8 − 10)) = 0; j = max(0, min(4, 4 − 4)) = 0
    ['fewer healthy than MIN', 4, 100, 200, { total: 4, healthy: 1, primary: 0, old: 4 }, { launch: 4, retire: 0, scaleIn: 0 }],
    //   k = min(4 − 0, 8 − 4) = 4; j = max(0, min(4, 1 − 4)) = 0
  ])('%s', (_, D, minPct, maxPct, counts, expected) => {
    const { launch, retire, scaleIn } = deploymentStep(input(D, minPct, maxPct, counts));
    expect({ launch, retire, scaleIn }).toEqual(expected);
  });
});

describe('deploymentStep: start-failure back-off (section 11) forces k = 0', () => {
  it.each([
    // without back-off k would be min(4 − 0, 8 − 4) = 4; j = min(4, 4 − 4) = 0 either way
    ['4/100/200 step 1', 4, 100, 200, { total: 4, healthy: 4, primary: 0, old: 4 }, { launch: 0, retire: 0, scaleIn: 0 }],
    // without back-off k = min(1 − 0, 1 − 0) = 1
    ['1/0/100 step 2', 1, 0, 100, { total: 0, healthy: 0, primary: 0, old: 0 }, { launch: 0, retire: 0, scaleIn: 0 }],
    // retiring is not held back: j = min(4, 4 − 2) = 2
    ['4/50/100 step 1', 4, 50, 100, { total: 4, healthy: 4, primary: 0, old: 4 }, { launch: 0, retire: 2, scaleIn: 0 }],
    // nor is scaling in: s = 5 − 3 = 2
    ['3/100/200 with 5 PRIMARY', 3, 100, 200, { total: 5, healthy: 5, primary: 5, old: 0 }, { launch: 0, retire: 0, scaleIn: 2 }],
  ])('%s', (_, D, minPct, maxPct, counts, expected) => {
    const { launch, retire, scaleIn } = deploymentStep(input(D, minPct, maxPct, { ...counts, backoff: true }));
    expect({ launch, retire, scaleIn }).toEqual(expected);
    expect(deploymentStep(input(D, minPct, maxPct, counts)).retire).toBe(expected.retire);
  });
});

describe('deploymentStep: a desiredCount decrease scales in, and MIN does not hold it back', () => {
  it.each([
    // 6 → 2 at 100/200: MIN = 2, MAX = 4; k = max(0, min(2 − 6, 4 − 6)) = 0; j = min(0, …) = 0; s = 6 − 2 = 4
    [2, { total: 6, healthy: 6, primary: 6, old: 0 }, { min: 2, max: 4, launch: 0, retire: 0, scaleIn: 4 }],
    // 3 → 0: MIN = MAX = 0; s = 3 − 0 = 3
    [0, { total: 3, healthy: 3, primary: 3, old: 0 }, { min: 0, max: 0, launch: 0, retire: 0, scaleIn: 3 }],
    // 4 → 3 mid-deployment (2 PRIMARY, 2 old, all healthy): MIN = 3, MAX = 6;
    // k = min(3 − 2, 6 − 4) = 1; j = min(2, 4 − 3) = 1; s = max(0, 2 − 3) = 0
    [3, { total: 4, healthy: 4, primary: 2, old: 2 }, { min: 3, max: 6, launch: 1, retire: 1, scaleIn: 0 }],
    // none of the 5 PRIMARY is healthy yet: s = 5 − 1 = 4 all the same (MIN = 1 only limits j)
    [1, { total: 5, healthy: 0, primary: 5, old: 0 }, { min: 1, max: 2, launch: 0, retire: 0, scaleIn: 4 }],
  ])('D = %i', (D, counts, expected) => {
    expect(deploymentStep(input(D, 100, 200, counts))).toEqual(expected);
  });
});

describe('every TypeScript core answers with the reference', () => {
  it.each([literalPlacementCore, indexedPlacementCore, scanPlacementCore])('$name', (core) => {
    const step = input(6, 100, 200, { total: 8, healthy: 8, primary: 2, old: 6 });
    expect(core.deploymentStep(step)).toEqual({ min: 6, max: 12, launch: 4, retire: 2, scaleIn: 0 });
  });
});

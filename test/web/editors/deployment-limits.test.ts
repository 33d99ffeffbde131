import { describe, expect, it } from 'vitest';
import { deadlockWarning, deploymentLimits } from '../../../web/editors/deployment-limits.ts';

describe('deploymentLimits (semantics 9.1, 9.4, 9.5)', () => {
  it.each([
    // D / min / max → MIN = ceil(D·min/100), MAX = floor(D·max/100); deadlock when D ≥ 1, MAX ≤ D and MIN ≥ D
    [4, 50, 100, 2, 4, false], // MIN = ceil(200/100) = 2 < 4: old tasks can stop
    [4, 100, 200, 4, 8, false], // MAX = floor(800/100) = 8 > 4: new tasks can start
    [6, 100, 200, 6, 12, false], // MAX = 12 > 6
    [2, 75, 200, 2, 4, false], // MIN = ceil(150/100) = 2 = D, but MAX = 4 > 2
    [3, 100, 125, 3, 3, true], // MAX = floor(375/100) = 3 ≤ 3 and MIN = 3 ≥ 3: stuck
    [1, 50, 200, 1, 2, false], // MIN = ceil(50/100) = 1, MAX = 2 > 1
    [1, 100, 150, 1, 1, true], // MAX = floor(150/100) = 1 ≤ 1, MIN = 1 ≥ 1: stuck
    [1, 0, 100, 0, 1, false], // MIN = 0 < 1: the old task can stop first (downtime)
    [5, 100, 100, 5, 5, true], // D / 100 / 100 is stuck for every D ≥ 1
    [0, 100, 100, 0, 0, false], // D = 0: nothing to deploy
    [3, 67, 133, 3, 3, true], // MIN = ceil(201/100) = 3, MAX = floor(399/100) = 3
    [3, 66, 133, 2, 3, false], // MIN = ceil(198/100) = 2 < 3
    [7, 100, 114, 7, 7, true], // MAX = floor(798/100) = 7
    [7, 100, 115, 7, 8, false], // MAX = floor(805/100) = 8
  ])('D=%i min=%i max=%i → MIN %i, MAX %i, deadlock %s', (d, min, max, minCount, maxCount, deadlock) => {
    expect(deploymentLimits(d, min, max)).toEqual({ min: minCount, max: maxCount, deadlock });
  });

  it('warns with the numbers only when the configuration deadlocks', () => {
    expect(deadlockWarning(deploymentLimits(4, 100, 200), 4)).toBeUndefined();
    expect(deadlockWarning(deploymentLimits(3, 100, 125), 3)).toBe(
      'With desiredCount 3, MAX 3 leaves no room to start a new task and MIN 3 allows no task to stop: a new deployment would never progress. ' +
      'Raise maximumPercent or lower minimumHealthyPercent.');
  });
});

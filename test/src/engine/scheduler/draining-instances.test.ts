// A DRAINING container instance (semantics 9.8, 9.1, 8): its PENDING service tasks stop at once,
// outside the MIN rule; its RUNNING service tasks count as `old`, so replacements launch within MAX
// and the drained tasks stop within MIN. With 100/100 nothing moves.
import { describe, expect, it } from 'vitest';
import { aSandbox, type TestSandbox } from '../../../builders/sandbox.ts';
import { anInstance, aTaskDefinition } from '../../../builders/placement.ts';
import { advance, advanceTo, eventRows, liveByInstance, serviceRecord, settle, taskByLabel, timelineRows } from '../../../builders/scheduler.ts';

/** Two instances, `web` with D = 2 (one task on each: T1 on CI1, T2 on CI2), steady at 11 s. */
function twoInstances(min: number, max: number): { s: TestSandbox; ci1: string } {
  const s = aSandbox();
  const ci1 = anInstance(s).id;
  anInstance(s);
  aTaskDefinition(s, 'web');
  s.ecs('CreateService', {
    serviceName: 'web', taskDefinition: 'web', desiredCount: 2, deploymentConfiguration: { minimumHealthyPercent: min, maximumPercent: max },
  });
  return { s, ci1 };
}

const drain = (s: TestSandbox, id: string) => s.ecs('UpdateContainerInstancesState', { containerInstances: [id], status: 'DRAINING' });

describe('draining container instances (9.8)', () => {
  it('100/200: the replacement starts first, the drained task stops once it is healthy', () => {
    const { s, ci1 } = twoInstances(100, 200);
    settle(s, 60);
    expect(liveByInstance(s)).toEqual({ CI1: ['T1'], CI2: ['T2'] });
    drain(s, ci1);
    advance(s, 60);
    // MIN 2, MAX 4; T1 is old (on a DRAINING instance), T2 primary
    expect(timelineRows(s, 'web', 12)).toEqual([
      '12s d1:2/1 h2', // k = min(2−1, 4−2) = 1: T3 on CI2 (CI1 is DRAINING); j = min(1, 2−2) = 0
      '22s d1:3/0 h2', // T3 RUNNING: healthy 3; j = min(1, 3−2) = 1: stop T1
      '23s d1:2/0 h2',
    ]);
    expect(eventRows(s, 'web', 12)).toEqual([
      '12s (service web) has started 1 tasks: (task T3).',
      '22s (service web) has stopped 1 running tasks: (task T1).',
      '23s (service web) has reached a steady state.',
    ]);
    expect(liveByInstance(s)).toEqual({ CI1: [], CI2: ['T2', 'T3'] });
  });

  it('50/100: the drained task stops first, its replacement waits until it has stopped', () => {
    const { s, ci1 } = twoInstances(50, 100);
    settle(s, 60);
    drain(s, ci1);
    advance(s, 60);
    // MIN 1, MAX 2
    expect(timelineRows(s, 'web', 12)).toEqual([
      '12s d1:2/0 h1', // k = min(1, 2−2) = 0; j = min(1, 2−1) = 1: stop T1
      '13s d1:1/1 h1', // T1 STOPPED: total 1; k = min(1, 2−1) = 1: T3 on CI2
      '23s d1:2/0 h2',
    ]);
    expect(eventRows(s, 'web', 12)).toEqual([
      '12s (service web) has stopped 1 running tasks: (task T1).',
      '13s (service web) has started 1 tasks: (task T3).',
      '23s (service web) has reached a steady state.',
    ]);
  });

  it('100/100: nothing moves (stuck, 9.5)', () => {
    const { s, ci1 } = twoInstances(100, 100);
    settle(s, 60);
    drain(s, ci1);
    advance(s, 60);
    // k = min(1, 2−2) = 0; j = min(1, 2−2) = 0
    expect(timelineRows(s, 'web', 12)).toEqual([]);
    expect(eventRows(s, 'web', 12)).toEqual([]);
    expect(liveByInstance(s)).toEqual({ CI1: ['T1'], CI2: ['T2'] });
    expect(serviceRecord(s, 'web').stuck).toBe('DEPLOYMENT_CONFIGURATION');
  });

  it('a PENDING task on it stops at once, outside MIN, even with 100/100; started comes before stopped (3.1)', () => {
    const { s, ci1 } = twoInstances(100, 100);
    advanceTo(s, 3); // T1 (CI1) and T2 (CI2) placed at 1 s, PENDING until 11 s
    drain(s, ci1);
    advance(s, 30);
    // 4 s: T1 stops at once (9.8); then total 1: k = min(2−1, 2−1) = 1: T3 on CI2
    expect(eventRows(s, 'web', 4)).toEqual([
      '4s (service web) has started 1 tasks: (task T3).',
      '4s (service web) has stopped 1 running tasks: (task T1).',
      '14s (service web) has reached a steady state.',
    ]);
    // at 4 s the counts are those of 1 s again (T1 out, T3 in): no new sample
    expect(timelineRows(s, 'web')).toEqual(['1s d1:0/2 h0', '11s d1:1/1 h1', '14s d1:2/0 h2']);
    expect(taskByLabel(s, 'T1')).toMatchObject({ lastStatus: 'STOPPED', stoppedAt: s.api.document.startedAt + 4000 });
  });
});

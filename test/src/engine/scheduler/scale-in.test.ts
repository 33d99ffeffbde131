// Scale-in (semantics 8, 9.3 `s := primary − D`): a desiredCount decrease is not a deployment, so
// MIN does not hold it back. With no strategy (EC2) the task goes from the AZ with the most tasks of
// the service, then the instance in it with the most; among the tasks there, PENDING first, then the
// most recently created, then a seeded draw. Stops begun at t are STOPPED at t + 1 (exit time 0 s).
import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';
import { anInstance, aTaskDefinition } from '../../../builders/placement.ts';
import { advanceTo, describeService, eventRows, liveByInstance, serviceRecord, settle, timelineRows } from '../../../builders/scheduler.ts';

describe('scale-in across AZs with the default strategy (8)', () => {
  it('takes from the AZ with the most tasks, then from its instance with the most; to 0; then up again', () => {
    const s = aSandbox();
    anInstance(s, { az: 'us-east-1a' }); // CI1
    anInstance(s, { az: 'us-east-1a' }); // CI2
    anInstance(s, { az: 'us-east-1b' }); // CI3
    aTaskDefinition(s, 'web');
    s.ecs('CreateService', { serviceName: 'web', taskDefinition: 'web', desiredCount: 6 });
    settle(s, 60);
    // spread(AZ), then spread(instanceId) (6.7): 3 per AZ; us-east-1b has only CI3
    expect(liveByInstance(s)).toEqual({ CI1: ['T1'], CI2: ['T3', 'T5'], CI3: ['T2', 'T4', 'T6'] });

    const scaleTo = (desiredCount: number) => {
      s.ecs('UpdateService', { service: 'web', desiredCount });
      expect(settle(s, 60)).toBe(true);
      return liveByInstance(s);
    };
    // 6 → 5: AZs tie 3/3; the instance with the most is CI3 (3): one of its three, all created at 1 s (a draw)
    expect(scaleTo(5)).toEqual({ CI1: ['T1'], CI2: ['T3', 'T5'], CI3: ['T2', 'T4'] });
    // 5 → 4: us-east-1a has 3, us-east-1b 2: in 1a, CI2 (2) over CI1 (1)
    expect(scaleTo(4)).toEqual({ CI1: ['T1'], CI2: ['T5'], CI3: ['T2', 'T4'] });
    // 4 → 3: AZs tie 2/2; CI3 (2) over CI1 and CI2 (1 each)
    expect(scaleTo(3)).toEqual({ CI1: ['T1'], CI2: ['T5'], CI3: ['T2'] });
    // 3 → 0: s = 3 − 0 = 3, all in one step
    expect(scaleTo(0)).toEqual({ CI1: [], CI2: [], CI3: [] });
    // 0 → 3: spread again, one per instance
    expect(scaleTo(3)).toEqual({ CI1: ['T9'], CI2: ['T7'], CI3: ['T8'] });

    expect(eventRows(s, 'web', 12)).toEqual([
      '12s (service web) has stopped 1 running tasks: (task T6).',
      '13s (service web) has reached a steady state.',
      '14s (service web) has stopped 1 running tasks: (task T3).',
      '15s (service web) has reached a steady state.',
      '16s (service web) has stopped 1 running tasks: (task T4).',
      '17s (service web) has reached a steady state.',
      '18s (service web) has stopped 3 running tasks: (task T1) (task T5) (task T2).',
      '19s (service web) has reached a steady state.', // D = 0: one deployment, 0 running == 0 desired
      '20s (service web) has started 3 tasks: (task T7) (task T8) (task T9).',
      '30s (service web) has reached a steady state.',
    ]);
    // scaling keeps the deployment (D30): one deployment throughout, its desiredCount updated in place
    expect(timelineRows(s, 'web', 18)).toEqual(['18s d1:3/0 h0', '19s d1:0/0 h0', '20s d1:0/3 h0', '30s d1:3/0 h3']);
    expect(describeService(s, 'web').deployments).toHaveLength(1);
  });

  it('on one instance: the most recently created task goes first (8, rule 2)', () => {
    const s = aSandbox();
    anInstance(s);
    aTaskDefinition(s, 'web');
    s.ecs('CreateService', { serviceName: 'web', taskDefinition: 'web', desiredCount: 2 });
    advanceTo(s, 50);
    s.ecs('UpdateService', { service: 'web', desiredCount: 3 });
    advanceTo(s, 100); // T3 created at 51 s
    s.ecs('UpdateService', { service: 'web', desiredCount: 2 });
    advanceTo(s, 110);
    expect(eventRows(s, 'web', 100)).toEqual([
      '101s (service web) has stopped 1 running tasks: (task T3).',
      '102s (service web) has reached a steady state.',
    ]);
  });

  it('a PENDING task goes before a RUNNING one (8, rule 1), and MIN does not hold scale-in back', () => {
    const s = aSandbox();
    anInstance(s);
    aTaskDefinition(s, 'web');
    s.ecs('CreateService', {
      serviceName: 'web', taskDefinition: 'web', desiredCount: 2, deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 100 },
    });
    advanceTo(s, 50);
    s.ecs('UpdateService', { service: 'web', desiredCount: 3 });
    advanceTo(s, 52); // T3 placed at 51 s, PENDING until 61 s
    s.ecs('UpdateService', { service: 'web', desiredCount: 1 });
    advanceTo(s, 60);
    // 53 s: s = primary 3 − D 1 = 2: T3 (PENDING) first, then the newer of T1/T2 (same time: a draw)
    expect(eventRows(s, 'web', 51)).toEqual([
      '51s (service web) has started 1 tasks: (task T3).',
      '53s (service web) has stopped 2 running tasks: (task T3) (task T2).',
      '54s (service web) has reached a steady state.',
    ]);
    expect(serviceRecord(s, 'web').stuck).toBeUndefined();
  });
});

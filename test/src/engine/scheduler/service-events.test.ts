// Service events (semantics 3.1, 9.9, 10, 16): their exact texts, their order within a step and in
// DescribeServices (newest first, same-time events in reverse emission order), the 100 shown, and
// the 6-hour duplicate rule of 16.3 for placement failures and the steady-state event.
import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';
import { anInstance, aTaskDefinition } from '../../../builders/placement.ts';
import { advance, advanceTo, describeService, eventRows, labelled, regionOf, serviceRecord, settle, twoRevisions } from '../../../builders/scheduler.ts';

const HOURS_6 = 6 * 3600;
const NO_MEMORY = (ci: string) => '(service web) was unable to place a task because no container instance met all of its requirements. '
  + `The closest matching (container-instance ${ci}) has insufficient memory available. `
  + 'For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';
const NO_INSTANCES = '(service web) was unable to place a task because no container instance met all of its requirements. '
  + 'Reason: No Container Instances were found in your cluster. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';

describe('event texts and order (3.1, 16.1)', () => {
  it('create: started (every task of the step, in placement order) → steady; with the real task ids', () => {
    const s = aSandbox();
    anInstance(s);
    aTaskDefinition(s, 'web');
    s.ecs('CreateService', { serviceName: 'web', taskDefinition: 'web', desiredCount: 2 });
    // CreateService at 0 s places nothing (3.1); the step at 1 s places 2; RUNNING at 11 s
    expect(regionOf(s).tasks).toHaveLength(0);
    expect(settle(s, 60)).toBe(true);
    const [t1, t2] = regionOf(s).tasks.map((t) => t.id);
    const events = describeService(s, 'web').events;
    expect(events.map((e: any) => [e.createdAt, e.message])).toEqual([
      [1526947211, '(service web) has reached a steady state.'],
      [1526947201, `(service web) has started 2 tasks: (task ${t1}) (task ${t2}).`],
    ]);
    // ids are UUIDs from the ids stream, drawn in emission order (16.2)
    expect(events.every((e: any) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(e.id))).toBe(true);
  });

  it('a deployment: started → stopped → steady; the stopped task carries the D47 stoppedReason', () => {
    const s = aSandbox();
    anInstance(s);
    const [rev1, rev2] = twoRevisions(s);
    s.ecs('CreateService', { serviceName: 'web', taskDefinition: rev1, desiredCount: 1 });
    settle(s, 60);
    const d1 = describeService(s, 'web').deployments[0].id;
    s.ecs('UpdateService', { service: 'web', taskDefinition: rev2 });
    settle(s, 60);
    // 1/100/200: MIN 1, MAX 2; 12 s k = 1; 22 s T2 RUNNING, j = min(1, 2−1) = 1; 23 s T1 STOPPED, d1 INACTIVE, steady
    expect(eventRows(s, 'web')).toEqual([
      '1s (service web) has started 1 tasks: (task T1).',
      '11s (service web) has reached a steady state.',
      '12s (service web) has started 1 tasks: (task T2).',
      '22s (service web) has stopped 1 running tasks: (task T1).',
      '23s (service web) has reached a steady state.',
    ]);
    const stopped = s.ecs('DescribeTasks', { tasks: [regionOf(s).tasks[0].id] }).tasks[0];
    expect(stopped).toMatchObject({
      lastStatus: 'STOPPED', desiredStatus: 'STOPPED', stoppedReason: `Scaling activity initiated by (deployment ${d1})`,
      stoppedAt: 1526947223, // STOPPED at the step after SIGTERM (exit time 0 s)
    });
    expect(s.ecs('ListTasks', { serviceName: 'web' }).taskArns).toEqual([expect.stringContaining(regionOf(s).tasks[1].id)]);
    expect(s.ecs('ListTasks', { serviceName: 'web', desiredStatus: 'STOPPED' }).taskArns).toEqual([expect.stringContaining(regionOf(s).tasks[0].id)]);
  });

  it('same-time events are shown newest first, in reverse emission order: started before the placement failure (3.1)', () => {
    const s = aSandbox();
    anInstance(s, { memory: 512 }); // room for 2 tasks of 256 MiB
    aTaskDefinition(s, 'web');
    s.ecs('CreateService', { serviceName: 'web', taskDefinition: 'web', desiredCount: 3 });
    advance(s, 1);
    // k = min(3, 6−0) = 3: T1 T2 placed, the third fails; both events at 1 s
    expect(eventRows(s, 'web')).toEqual(['1s (service web) has started 2 tasks: (task T1) (task T2).', `1s ${NO_MEMORY('CI1')}`]);
    expect(describeService(s, 'web').events.map((e: any) => labelled(s, e.message))).toEqual([NO_MEMORY('CI1'), '(service web) has started 2 tasks: (task T1) (task T2).']);
  });
});

describe('duplicate placement failures (16.3, D45)', () => {
  it('are suppressed for 6 simulated hours while the cause persists, then written again', () => {
    const s = aSandbox();
    aTaskDefinition(s, 'web');
    s.ecs('CreateService', { serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    // no instance: every step from 1 s tries k = 1 and fails (D45: no back-off for placement failures)
    advance(s, HOURS_6 + 10);
    expect(eventRows(s, 'web')).toEqual([`1s ${NO_INSTANCES}`, `${1 + HOURS_6}s ${NO_INSTANCES}`]);
    expect(serviceRecord(s, 'web').startFailures).toBe(0);
  });

  it('are written at once after the cause lapsed: a step that placed every task it attempted', () => {
    const s = aSandbox();
    anInstance(s, { memory: 256 }); // room for 1
    aTaskDefinition(s, 'web');
    s.ecs('CreateService', { serviceName: 'web', taskDefinition: 'web', desiredCount: 2 });
    advanceTo(s, 100);
    // 1 s: T1 placed, the second fails; 2–100 s: k = min(2−1, 4−1) = 1 fails every step, suppressed
    anInstance(s, { memory: 256 });
    advanceTo(s, 120); // 101 s: T2 on the new instance: the cause lapses; 111 s: steady
    s.ecs('UpdateService', { service: 'web', desiredCount: 3 });
    advanceTo(s, 130); // 121 s: k = 1 fails again: written at once, 120 s after the first
    expect(eventRows(s, 'web')).toEqual([
      '1s (service web) has started 1 tasks: (task T1).',
      `1s ${NO_MEMORY('CI1')}`,
      '101s (service web) has started 1 tasks: (task T2).',
      '111s (service web) has reached a steady state.',
      `121s ${NO_MEMORY('CI1')}`, // both instances full: the closest is the first registered (4.10)
    ]);
  });
});

describe('the steady-state event (9.9, D32)', () => {
  it('is written when the service becomes steady and again every 6 hours while it stays so', () => {
    const s = aSandbox();
    anInstance(s);
    aTaskDefinition(s, 'web');
    s.ecs('CreateService', { serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    advance(s, 2 * HOURS_6 + 20);
    expect(eventRows(s, 'web')).toEqual([
      '1s (service web) has started 1 tasks: (task T1).',
      '11s (service web) has reached a steady state.',
      `${11 + HOURS_6}s (service web) has reached a steady state.`,
      `${11 + 2 * HOURS_6}s (service web) has reached a steady state.`,
    ]);
  });

  it('a service that leaves steady state and comes back writes it at once', () => {
    const s = aSandbox();
    anInstance(s);
    aTaskDefinition(s, 'web');
    s.ecs('CreateService', { serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    advanceTo(s, 100);
    s.ecs('UpdateService', { service: 'web', desiredCount: 2 });
    advanceTo(s, 200); // 101 s: T2; 111 s: RUNNING, steady again, 100 s after the last one
    expect(eventRows(s, 'web', 100)).toEqual([
      '101s (service web) has started 1 tasks: (task T2).',
      '111s (service web) has reached a steady state.',
    ]);
  });
});

describe('the steady-state event after a deployment of a service scaled to 0 (9.9)', () => {
  it('is written when the new deployment completes, though no step saw the service unsteady', () => {
    const s = aSandbox();
    anInstance(s);
    const [rev1, rev2] = twoRevisions(s);
    s.ecs('CreateService', { serviceName: 'web', taskDefinition: rev1, desiredCount: 0 });
    advanceTo(s, 100);
    s.ecs('UpdateService', { service: 'web', taskDefinition: rev2 });
    advanceTo(s, 200);
    // 1 s: steady (0 of 0); 101 s: d1 has no live task, INACTIVE at once: steady on d2
    expect(eventRows(s, 'web')).toEqual(['1s (service web) has reached a steady state.', '101s (service web) has reached a steady state.']);
    expect(describeService(s, 'web').deployments).toHaveLength(1);
  });
});

describe('events shown (16.2)', () => {
  it('at most 100, newest first; the full log keeps every one', () => {
    const s = aSandbox();
    anInstance(s);
    aTaskDefinition(s, 'web');
    s.ecs('CreateService', { serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    settle(s, 60);
    // each cycle: up to 2 (started, steady 10 s later), down to 1 (stopped, steady a step later): 4 events
    for (let cycle = 0; cycle < 26; cycle++) {
      s.ecs('UpdateService', { service: 'web', desiredCount: 2 });
      expect(settle(s, 60)).toBe(true);
      s.ecs('UpdateService', { service: 'web', desiredCount: 1 });
      expect(settle(s, 60)).toBe(true);
    }
    const log = serviceRecord(s, 'web').eventLog;
    expect(log).toHaveLength(2 + 26 * 4); // 106
    const shown = describeService(s, 'web').events;
    expect(shown).toHaveLength(100);
    // newest first: the log's last 100, reversed
    expect(shown.map((e: any) => e.id)).toEqual(log.slice(-100).reverse().map((e) => e.id));
    expect(shown[99].id).toBe(log[6].id);
  });
});

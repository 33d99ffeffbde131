// Semantics 9.3, 9.4, 9.5: every row of the 9.4 table as a rolling deployment. The service runs
// revision 1 (created at 0 s, placed at 1 s, RUNNING and steady at 11 s: the default start time is
// 10 s, 3.2); UpdateService to revision 2 at 11 s starts deployment d2; the scheduler steps from 12 s.
// One c5.large whose MEMORY is registered as `room` × 256 MiB, so it holds `room` tasks of 256 MiB.
// Stopped tasks exit at once (exit time 0 s), so a stop begun at t is STOPPED at t + 1 (3.1).
// Timeline rows: `<s> d1:<running>/<pending> d2:<running>/<pending> h<healthy>` (builders/scheduler.ts).
import { describe, expect, it } from 'vitest';
import { aSandbox, type TestSandbox } from '../../../builders/sandbox.ts';
import { anInstance } from '../../../builders/placement.ts';
import {
  advance, describeService, eventRows, serviceRecord, settle, timelineRows, twoRevisions,
} from '../../../builders/scheduler.ts';

const NO_MEMORY = (ci: string) => '(service web) was unable to place a task because no container instance met all of its requirements. '
  + `The closest matching (container-instance ${ci}) has insufficient memory available. `
  + 'For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';

/** Creates `web` (D, min, max) on revision 1, lets it settle, deploys revision 2 at 11 s and runs to 131 s. */
function rollingDeployment(d: number, min: number, max: number, room: number): TestSandbox {
  const s = aSandbox();
  anInstance(s, { memory: 256 * room });
  const [rev1, rev2] = twoRevisions(s);
  s.ecs('CreateService', {
    serviceName: 'web', taskDefinition: rev1, desiredCount: d,
    deploymentConfiguration: { minimumHealthyPercent: min, maximumPercent: max },
  });
  // the first deployment with room for D tasks: D placed at 1 s, RUNNING at 11 s
  expect(settle(s, 60)).toBe(true);
  s.ecs('UpdateService', { service: 'web', taskDefinition: rev2 });
  advance(s, 120);
  return s;
}

describe('the 9.4 table as rolling deployments (MIN = ceil(D·min/100), MAX = floor(D·max/100))', () => {
  it.each([
    {
      row: '4/50/100: stops 2 old first, starts 2, stops the last 2 once the new are healthy, starts 2', d: 4, min: 50, max: 100, room: 8,
      // MIN = ceil(200/100) = 2, MAX = floor(400/100) = 4
      timeline: [
        '12s d1:4/0 d2:0/0 h2', // k = max(0, min(4−0, 4−4)) = 0; j = min(old 4, healthy 4 − 2) = 2: stop T4 T2
        '13s d1:2/0 d2:0/2 h2', // T4 T2 STOPPED: total 2; k = min(4−0, 4−2) = 2: T5 T6; j = min(2, 2−2) = 0
        '23s d1:2/0 d2:2/0 h2', // T5 T6 RUNNING: healthy 4; k = min(2, 4−4) = 0; j = min(2, 4−2) = 2: stop T3 T1
        '24s d2:2/2 h2', // d1 has no live task: INACTIVE; k = min(4−2, 4−2) = 2: T7 T8
        '34s d2:4/0 h4', // steady
      ],
      events: [
        '12s (service web) has stopped 2 running tasks: (task T4) (task T2).',
        '13s (service web) has started 2 tasks: (task T5) (task T6).',
        '23s (service web) has stopped 2 running tasks: (task T3) (task T1).',
        '24s (service web) has started 2 tasks: (task T7) (task T8).',
        '34s (service web) has reached a steady state.',
      ],
    },
    {
      row: '4/100/200: starts 4 new, then stops the 4 old', d: 4, min: 100, max: 200, room: 8,
      // MIN = 4, MAX = 8
      timeline: [
        '12s d1:4/0 d2:0/4 h4', // k = min(4−0, 8−4) = 4: T5–T8; j = min(4, 4−4) = 0
        '22s d1:4/0 d2:4/0 h4', // T5–T8 RUNNING: healthy 8; j = min(4, 8−4) = 4: stop all old
        '23s d2:4/0 h4',
      ],
      events: [
        '12s (service web) has started 4 tasks: (task T5) (task T6) (task T7) (task T8).',
        '22s (service web) has stopped 4 running tasks: (task T4) (task T2) (task T3) (task T1).',
        '23s (service web) has reached a steady state.',
      ],
    },
    {
      row: '6/100/200 with room for 8: three rounds of 2, one placement-failure event', d: 6, min: 100, max: 200, room: 8,
      // MIN = 6, MAX = 12; the instance holds 8 tasks
      timeline: [
        '12s d1:6/0 d2:0/2 h6', // k = min(6, 12−6) = 6: T7 T8 fit, the third fails (event); j = min(6, 6−6) = 0
        '22s d1:6/0 d2:2/0 h6', // 13–21 s: k = 4, every attempt fails (suppressed, 16.3); 22 s: healthy 8, j = 2
        '23s d1:4/0 d2:2/2 h6', // k = min(6−2, 12−6) = 4: T9 T10 fit, the third fails (suppressed)
        '33s d1:4/0 d2:4/0 h6', // healthy 8: j = min(4, 8−6) = 2
        '34s d1:2/0 d2:4/2 h6', // k = min(6−4, 12−6) = 2: T11 T12, all placed (the cause lapses)
        '44s d1:2/0 d2:6/0 h6', // healthy 8: j = min(2, 8−6) = 2
        '45s d2:6/0 h6',
      ],
      events: [
        '12s (service web) has started 2 tasks: (task T7) (task T8).',
        `12s ${NO_MEMORY('CI1')}`,
        '22s (service web) has stopped 2 running tasks: (task T5) (task T2).',
        '23s (service web) has started 2 tasks: (task T9) (task T10).',
        '33s (service web) has stopped 2 running tasks: (task T6) (task T4).',
        '34s (service web) has started 2 tasks: (task T11) (task T12).',
        '44s (service web) has stopped 2 running tasks: (task T3) (task T1).',
        '45s (service web) has reached a steady state.',
      ],
    },
    {
      row: "2/75/200: can't stop any task before the new ones are healthy", d: 2, min: 75, max: 200, room: 8,
      // MIN = ceil(150/100) = 2, MAX = 4
      timeline: [
        '12s d1:2/0 d2:0/2 h2', // k = min(2, 4−2) = 2; j = min(2, 2−2) = 0
        '22s d1:2/0 d2:2/0 h2', // healthy 4: j = min(2, 4−2) = 2
        '23s d2:2/0 h2',
      ],
      events: [
        '12s (service web) has started 2 tasks: (task T3) (task T4).',
        '22s (service web) has stopped 2 running tasks: (task T2) (task T1).',
        '23s (service web) has reached a steady state.',
      ],
    },
    {
      row: '1/50/200: starts the new task, then stops the old one', d: 1, min: 50, max: 200, room: 8,
      // MIN = ceil(50/100) = 1, MAX = 2
      timeline: [
        '12s d1:1/0 d2:0/1 h1', // k = min(1, 2−1) = 1; j = min(1, 1−1) = 0
        '22s d1:1/0 d2:1/0 h1', // healthy 2: j = 1
        '23s d2:1/0 h1',
      ],
      events: [
        '12s (service web) has started 1 tasks: (task T2).',
        '22s (service web) has stopped 1 running tasks: (task T1).',
        '23s (service web) has reached a steady state.',
      ],
    },
    {
      row: '1/0/100: stops the old task, then starts the new one (downtime)', d: 1, min: 0, max: 100, room: 8,
      // MIN = 0, MAX = 1
      timeline: [
        '12s d1:1/0 d2:0/0 h0', // k = min(1, 1−1) = 0; j = min(1, 1−0) = 1: stop T1
        '13s d2:0/1 h0', // T1 STOPPED: k = min(1, 1−0) = 1: T2
        '23s d2:1/0 h1',
      ],
      events: [
        '12s (service web) has stopped 1 running tasks: (task T1).',
        '13s (service web) has started 1 tasks: (task T2).',
        '23s (service web) has reached a steady state.',
      ],
    },
  ])('$row', ({ d, min, max, room, timeline, events }) => {
    const s = rollingDeployment(d, min, max, room);
    expect(timelineRows(s, 'web', 12)).toEqual(timeline);
    expect(eventRows(s, 'web', 12)).toEqual(events);
    const described = describeService(s, 'web');
    expect(described.deployments).toHaveLength(1);
    expect(described.deployments[0]).toMatchObject({ status: 'PRIMARY', taskDefinition: expect.stringMatching(/web:2$/), runningCount: d, pendingCount: 0 });
    expect([described.runningCount, described.pendingCount]).toEqual([d, 0]);
    expect(serviceRecord(s, 'web').stuck).toBeUndefined();
  });

  it.each([
    // D/min/max: MIN, MAX; k = min(D − 0, MAX − D) = 0 and j = min(D, D − MIN) = 0 on every step
    { row: '3/100/125', d: 3, min: 100, max: 125 }, // MIN 3, MAX floor(375/100) = 3
    { row: '1/100/150', d: 1, min: 100, max: 150 }, // MIN 1, MAX floor(150/100) = 1
    { row: '1/100/100', d: 1, min: 100, max: 100 }, // D/100/100: MIN = MAX = D
    { row: '2/100/100', d: 2, min: 100, max: 100 },
    { row: '5/100/100', d: 5, min: 100, max: 100 },
  ])('$row is stuck: DEPLOYMENT_CONFIGURATION, and no event in 2018 (9.5)', ({ d, min, max }) => {
    const s = rollingDeployment(d, min, max, 8);
    expect(timelineRows(s, 'web', 12)).toEqual([`12s d1:${d}/0 d2:0/0 h${d}`]);
    expect(eventRows(s, 'web', 12)).toEqual([]);
    expect(serviceRecord(s, 'web').stuck).toBe('DEPLOYMENT_CONFIGURATION');
    const described = describeService(s, 'web');
    expect(described.deployments.map((x: any) => [x.status, x.desiredCount, x.runningCount, x.pendingCount]))
      .toEqual([['PRIMARY', d, 0, 0], ['ACTIVE', 0, d, 0]]);
    expect([described.runningCount, described.pendingCount]).toEqual([d, 0]);
  });

  it('2/100/200 with room for 2 is stuck on CAPACITY: the placement-failure event, once', () => {
    // MIN 2, MAX 4: k = min(2, 4−2) = 2 but nothing fits; j = min(2, 2−2) = 0, on every step
    const s = rollingDeployment(2, 100, 200, 2);
    expect(timelineRows(s, 'web', 12)).toEqual(['12s d1:2/0 d2:0/0 h2']);
    expect(eventRows(s, 'web', 12)).toEqual([`12s ${NO_MEMORY('CI1')}`]);
    expect(serviceRecord(s, 'web').stuck).toBe('CAPACITY');
  });

  it('2/50/200 with room for 2: old tasks are stopped first to make room (9.5)', () => {
    // MIN = 1, MAX = 4
    const s = rollingDeployment(2, 50, 200, 2);
    expect(timelineRows(s, 'web', 12)).toEqual([
      '12s d1:2/0 d2:0/0 h1', // k = min(2, 4−2) = 2: nothing fits (event); j = min(2, 2−1) = 1: stop T2
      '13s d1:1/0 d2:0/1 h1', // T2 STOPPED: k = min(2, 4−1) = 3 → 2: T3 fits, the next fails (suppressed)
      '23s d1:1/0 d2:1/0 h1', // T3 RUNNING: healthy 2; j = min(1, 2−1) = 1: stop T1
      '24s d2:1/1 h1', // k = min(2−1, 4−1) = 1: T4 (every task placed: the cause lapses)
      '34s d2:2/0 h2',
    ]);
    expect(eventRows(s, 'web', 12)).toEqual([
      `12s ${NO_MEMORY('CI1')}`,
      '12s (service web) has stopped 1 running tasks: (task T2).',
      '13s (service web) has started 1 tasks: (task T3).',
      '23s (service web) has stopped 1 running tasks: (task T1).',
      '24s (service web) has started 1 tasks: (task T4).',
      '34s (service web) has reached a steady state.',
    ]);
    expect(serviceRecord(s, 'web').stuck).toBeUndefined();
  });

  it('a stuck deployment moves again when the configuration allows it (UpdateService deploymentConfiguration)', () => {
    const s = rollingDeployment(1, 100, 100, 8);
    expect(serviceRecord(s, 'web').stuck).toBe('DEPLOYMENT_CONFIGURATION');
    // at 131 s: 100/200 → MAX 2: k = min(1, 2−1) = 1 at 132 s; RUNNING at 142 s, then j = 1
    s.ecs('UpdateService', { service: 'web', deploymentConfiguration: { maximumPercent: 200 } });
    advance(s, 20);
    expect(timelineRows(s, 'web', 132)).toEqual(['132s d1:1/0 d2:0/1 h1', '142s d1:1/0 d2:1/0 h1', '143s d2:1/0 h1']);
    expect(serviceRecord(s, 'web').stuck).toBeUndefined();
  });
});

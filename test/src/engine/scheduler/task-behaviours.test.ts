// Scenario task behaviours (semantics 3.2, 11, D46, 9.2, 13): start failures and the start-failure
// back-off min(900 s, 10 s × 2^(f−1)) with the throttle event at f = 3; the reset on a deployment of a
// new task definition (9.7, 11); an essential container turning unhealthy (D46); unhealthy load
// balancer targets, stopped only after healthCheckGracePeriodSeconds (9.2).
import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';
import { anInstance } from '../../../builders/placement.ts';
import {
  aTargetGroup, advanceTo, eventRows, putBehaviour, regionOf, serviceRecord, taskByLabel, timelineRows, twoRevisions,
} from '../../../builders/scheduler.ts';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';
const PULL_FAILED = 'CannotPullContainerError: API error (404): manifest for nginx:missing not found';
const CODES_400 = 'Health checks failed with these codes: [400]';

describe('start failures and the back-off (11, D34)', () => {
  it('f-th failure → no launch for min(900 s, 10 s × 2^(f−1)); the throttle event at f = 3, once', () => {
    const s = aSandbox();
    anInstance(s);
    const [rev1] = twoRevisions(s);
    putBehaviour(s, { taskDefinition: rev1, startFailureReason: PULL_FAILED });
    s.ecs('CreateService', { serviceName: 'web', taskDefinition: rev1, desiredCount: 1 });
    advanceTo(s, 3000);
    // launch at t, PENDING → STOPPED at t + 10 (f += 1), next launch at t + 10 + back-off
    //   1 → 11 (f 1, 10 s) → 21 → 31 (f 2, 20 s) → 51 → 61 (f 3, 40 s, event) → 101 → 111 (f 4, 80 s)
    //   → 191 → 201 (f 5, 160 s) → 361 → 371 (f 6, 320 s) → 691 → 701 (f 7, 640 s) → 1341 → 1351
    //   (f 8, 1280 → 900 s) → 2251 → 2261 (f 9, 900 s) → 3161
    expect(eventRows(s, 'web')).toEqual([
      '1s (service web) has started 1 tasks: (task T1).',
      '21s (service web) has started 1 tasks: (task T2).',
      '51s (service web) has started 1 tasks: (task T3).',
      '61s (service web) is unable to consistently start tasks successfully.',
      '101s (service web) has started 1 tasks: (task T4).',
      '191s (service web) has started 1 tasks: (task T5).',
      '361s (service web) has started 1 tasks: (task T6).',
      '691s (service web) has started 1 tasks: (task T7).',
      '1341s (service web) has started 1 tasks: (task T8).',
      '2251s (service web) has started 1 tasks: (task T9).',
    ]);
    expect(serviceRecord(s, 'web')).toMatchObject({ startFailures: 9, backoffUntil: s.api.document.startedAt + 3_161_000 });
    expect(taskByLabel(s, 'T1')).toMatchObject({ lastStatus: 'STOPPED', stoppedReason: PULL_FAILED, stoppedAt: s.api.document.startedAt + 11_000 });
    expect(taskByLabel(s, 'T1').startedAt).toBeUndefined();
    // the back-off is not a stuck deployment (9.5), and placement failures play no part (D45)
    expect(serviceRecord(s, 'web').stuck).toBeUndefined();
  });

  it('a deployment of a new task definition ends the back-off at once (9.7, 11)', () => {
    const s = aSandbox();
    anInstance(s);
    const [rev1, rev2] = twoRevisions(s);
    putBehaviour(s, { taskDefinition: rev1, startFailureReason: PULL_FAILED });
    s.ecs('CreateService', { serviceName: 'web', taskDefinition: rev1, desiredCount: 1 });
    advanceTo(s, 120); // f = 4 at 111 s: back-off until 191 s
    expect(serviceRecord(s, 'web')).toMatchObject({ startFailures: 4, backoffUntil: s.api.document.startedAt + 191_000 });
    s.ecs('UpdateService', { service: 'web', taskDefinition: rev2 });
    expect(serviceRecord(s, 'web').startFailures).toBe(0);
    expect(serviceRecord(s, 'web').backoffUntil).toBeUndefined();
    advanceTo(s, 140);
    expect(eventRows(s, 'web', 112)).toEqual([
      '121s (service web) has started 1 tasks: (task T5).', // at the first step, not at 191 s
      '131s (service web) has reached a steady state.',
    ]);
  });

  it('a task reaching RUNNING resets f: the next streak starts at 10 s again', () => {
    const s = aSandbox();
    anInstance(s);
    const [rev1] = twoRevisions(s);
    putBehaviour(s, { taskDefinition: rev1, startFailureReason: PULL_FAILED });
    s.ecs('CreateService', { serviceName: 'web', taskDefinition: rev1, desiredCount: 1 });
    advanceTo(s, 62); // f = 3 at 61 s: back-off until 101 s
    putBehaviour(s, { taskDefinition: rev1 }); // the image is fixed: tasks start again
    advanceTo(s, 120); // 101 s: T4; 111 s: RUNNING: f = 0
    expect(serviceRecord(s, 'web').startFailures).toBe(0);
    expect(eventRows(s, 'web', 100)).toEqual([
      '101s (service web) has started 1 tasks: (task T4).',
      '111s (service web) has reached a steady state.',
    ]);
    // the throttle event's cause lapsed (f back to 0, 16.3): at the next third failure it is written at once
    putBehaviour(s, { taskDefinition: rev1, startFailureReason: PULL_FAILED });
    s.ecs('StopTask', { task: taskByLabel(s, 'T4').id });
    advanceTo(s, 200);
    // 121 s: T4's stop begins (SIGTERM), total 1: k = min(1, 2−1) = 1: T5 → fails 131 (f 1, 10 s) → T6 141
    //   → fails 151 (f 2, 20 s) → T7 171 → fails 181 (f 3: the event)
    expect(eventRows(s, 'web', 112)).toEqual([
      '121s (service web) has started 1 tasks: (task T5).',
      '141s (service web) has started 1 tasks: (task T6).',
      '171s (service web) has started 1 tasks: (task T7).',
      '181s (service web) is unable to consistently start tasks successfully.',
    ]);
  });
});

describe('container health (D46)', () => {
  it('an essential container unhealthy 30 s after RUNNING stops its task; the service step replaces it', () => {
    const s = aSandbox();
    anInstance(s);
    const [rev1] = twoRevisions(s);
    putBehaviour(s, { taskDefinition: rev1, containerUnhealthyAfterSeconds: 30 });
    s.ecs('CreateService', { serviceName: 'web', taskDefinition: rev1, desiredCount: 1 });
    advanceTo(s, 60);
    // 11 s RUNNING; 41 s unhealthy: stop (SIGTERM); total 1 (stopping counts, 9.1): k = min(1−0, 2−1) = 1: T2
    expect(timelineRows(s, 'web')).toEqual(['1s d1:0/1 h0', '11s d1:1/0 h1', '41s d1:1/1 h0', '42s d1:0/1 h0', '51s d1:1/0 h1']);
    // the health stop is not the scheduler's: no stopped event (10 step 3 announces scheduler stops)
    expect(eventRows(s, 'web')).toEqual([
      '1s (service web) has started 1 tasks: (task T1).',
      '11s (service web) has reached a steady state.',
      '41s (service web) has started 1 tasks: (task T2).',
      '51s (service web) has reached a steady state.',
    ]);
    expect(taskByLabel(s, 'T1')).toMatchObject({ lastStatus: 'STOPPED', stoppedReason: 'Task failed container health checks.' });
  });
});

describe('unhealthy load balancer targets (9.2, 13)', () => {
  const create = (grace?: number) => {
    const s = aSandbox();
    anInstance(s);
    const [rev1] = twoRevisions(s, 'web', { portMappings: [{ containerPort: 80 }] });
    aTargetGroup(s, 'web');
    putBehaviour(s, { taskDefinition: rev1, targetUnhealthyReason: CODES_400 });
    s.ecs('CreateService', {
      serviceName: 'web', taskDefinition: rev1, desiredCount: 1,
      loadBalancers: [{ targetGroupArn: TG, containerName: 'app', containerPort: 80 }],
      ...(grace !== undefined ? { healthCheckGracePeriodSeconds: grace } : {}),
    });
    return s;
  };
  const unhealthy = (port: number) =>
    `(service web) (instance i-00000000000000001) (port ${port}) is unhealthy in (target-group ${TG}) due to (reason ${CODES_400})`;

  it('no grace period: stopped when the target turns unhealthy (2 × 30 s after registration)', () => {
    const s = create();
    advanceTo(s, 390);
    // 71 s = 11 + 2 × 30: unhealthy → stop at once; total 1: k = min(1, 2−1) = 1: T2 in the same step
    expect(eventRows(s, 'web')).toEqual([
      '1s (service web) has started 1 tasks: (task T1).',
      `11s (service web) registered 1 targets in (target-group ${TG})`,
      '11s (service web) has reached a steady state.',
      `71s ${unhealthy(49153)}`,
      `71s (service web) deregistered 1 targets in (target-group ${TG})`,
      '71s (service web) has begun draining connections on 1 tasks.',
      '71s (service web) has started 1 tasks: (task T2).',
      `81s (service web) registered 1 targets in (target-group ${TG})`,
      `141s ${unhealthy(49154)}`,
      `141s (service web) deregistered 1 targets in (target-group ${TG})`,
      '141s (service web) has begun draining connections on 1 tasks.',
      '371s (service web) has stopped 1 running tasks: (task T1).', // 71 + 300
      // 141 s: T2 stopping too: total 2, k = min(1, 2−2) = 0; 372 s: T1 STOPPED, total 1: k = 1
      '372s (service web) has started 1 tasks: (task T3).',
      `382s (service web) registered 1 targets in (target-group ${TG})`,
    ]);
    expect(taskByLabel(s, 'T1').stoppedReason).toBe(`Task failed ELB health checks in (target-group ${TG})`);
  });

  it('the same text for a new task on the freed host port is written at once: the deregistration resolved its cause (16.3)', () => {
    const s = create();
    advanceTo(s, 460);
    // T1 (port 49153) unhealthy at 71 s, deregistered; STOPPED at 372 s frees 49153 for T3 (started 372 s,
    // registered 382 s, unhealthy 442 s = 382 + 2 × 30): the same message as T1's, 371 s later
    expect(eventRows(s, 'web', 372)).toEqual([
      '372s (service web) has started 1 tasks: (task T3).',
      `382s (service web) registered 1 targets in (target-group ${TG})`,
      '441s (service web) has stopped 1 running tasks: (task T2).', // 141 + 300
      `442s ${unhealthy(49153)}`,
      `442s (service web) deregistered 1 targets in (target-group ${TG})`,
      '442s (service web) has begun draining connections on 1 tasks.',
      '442s (service web) has started 1 tasks: (task T4).',
      `452s (service web) registered 1 targets in (target-group ${TG})`,
    ]);
    expect(regionOf(s).targets.map((t) => [regionOf(s).tasks.findIndex((x) => x.id === t.taskId) + 1, t.port, t.state]))
      .toEqual([[3, 49153, 'draining'], [4, 49154, 'initial']]);
  });

  it('a 120 s grace period: the unhealthy event at 71 s, but the stop waits until 131 s (11 + 120)', () => {
    const s = create(120);
    advanceTo(s, 140);
    expect(eventRows(s, 'web')).toEqual([
      '1s (service web) has started 1 tasks: (task T1).',
      `11s (service web) registered 1 targets in (target-group ${TG})`,
      '11s (service web) has reached a steady state.',
      `71s ${unhealthy(49153)}`, // ignored during the grace period (D28), and not healthy either
      // 131 s: still unhealthy (the repeat is suppressed, 16.3); the grace period is over: stop, replace
      `131s (service web) deregistered 1 targets in (target-group ${TG})`,
      '131s (service web) has begun draining connections on 1 tasks.',
      '131s (service web) has started 1 tasks: (task T2).',
    ]);
    expect(regionOf(s).tasks.map((t) => [t.lastStatus, t.desiredStatus])).toEqual([['RUNNING', 'STOPPED'], ['PENDING', 'RUNNING']]);
  });
});

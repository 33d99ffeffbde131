// A service behind an ALB target group (semantics 13, 9.2, 10): a task's target is registered when
// it reaches RUNNING and is healthy after healthyThreshold × interval (5 × 30 s = 150 s by default);
// a deployment retires old tasks only against healthy new ones; a stop deregisters the target,
// drains it for the deregistration delay (300 s by default), and only then sends SIGTERM, which is
// when the stopped event comes. Target groups come from EcsSandbox.PutTargetGroups.
import { describe, expect, it } from 'vitest';
import { aSandbox, type TestSandbox } from '../../../builders/sandbox.ts';
import { anInstance } from '../../../builders/placement.ts';
import {
  aTargetGroup, advanceTo, describeService, eventRows, regionOf, timelineRows, twoRevisions, type HealthSettings,
} from '../../../builders/scheduler.ts';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';

/** `web` (D = 2, 100/200) behind target group `web`, container app:80 on a dynamic host port. */
function behindTargetGroup(health: HealthSettings = {}): { s: TestSandbox; rev2: string } {
  const s = aSandbox();
  anInstance(s);
  const [rev1, rev2] = twoRevisions(s, 'web', { portMappings: [{ containerPort: 80 }] });
  expect(aTargetGroup(s, 'web', 'instance', health)).toBe(TG);
  s.ecs('CreateService', {
    serviceName: 'web', taskDefinition: rev1, desiredCount: 2,
    loadBalancers: [{ targetGroupArn: TG, containerName: 'app', containerPort: 80 }],
  });
  return { s, rev2 };
}

describe('load balancer targets (13)', () => {
  it('default health settings: registered at RUNNING, healthy 150 s later; a deployment waits for health and drains 300 s', () => {
    const { s, rev2 } = behindTargetGroup();
    advanceTo(s, 160);
    // 11 s: RUNNING and registered (initial): not healthy yet (9.2)
    expect(regionOf(s).targets.map((t) => [t.targetId, t.port, t.state])).toEqual([
      ['i-00000000000000001', 49153, 'initial'], ['i-00000000000000001', 49154, 'initial'], // D13: the lowest ephemeral ports
    ]);
    advanceTo(s, 200); // 161 s = 11 + 5 × 30: healthy
    expect(regionOf(s).targets.map((t) => t.state)).toEqual(['healthy', 'healthy']);
    s.ecs('UpdateService', { service: 'web', taskDefinition: rev2 });
    advanceTo(s, 700);
    // MIN 2, MAX 4
    expect(timelineRows(s, 'web')).toEqual([
      '1s d1:0/2 h0',
      '11s d1:2/0 h0', // RUNNING, targets initial
      '161s d1:2/0 h2', // targets healthy
      '201s d1:2/0 d2:0/2 h2', // k = min(2, 4−2) = 2: T3 T4
      '211s d1:2/0 d2:2/0 h2', // RUNNING but initial: healthy 2, j = min(2, 2−2) = 0 until …
      // 361 s = 211 + 150: T3 T4 healthy: healthy 4, j = 2: T1 T2 deregistered (healthy back to 2: no new sample)
      '662s d2:2/0 h2', // 661 s = 361 + 300: SIGTERM; 662 s STOPPED, d1 INACTIVE
    ]);
    expect(eventRows(s, 'web')).toEqual([
      '1s (service web) has started 2 tasks: (task T1) (task T2).',
      `11s (service web) registered 2 targets in (target-group ${TG})`,
      '11s (service web) has reached a steady state.', // 9.9 counts RUNNING tasks, healthy or not
      '201s (service web) has started 2 tasks: (task T3) (task T4).',
      `211s (service web) registered 2 targets in (target-group ${TG})`,
      `361s (service web) deregistered 2 targets in (target-group ${TG})`,
      '361s (service web) has begun draining connections on 2 tasks.',
      '661s (service web) has stopped 2 running tasks: (task T1) (task T2).',
      '662s (service web) has reached a steady state.',
    ]);
    // only the new tasks' targets remain, healthy, on the next free host ports
    expect(regionOf(s).targets.map((t) => [t.port, t.state])).toEqual([[49155, 'healthy'], [49156, 'healthy']]);
  });

  it('while draining, the old tasks still count as RUNNING in their deployment and hold their ports', () => {
    const { s, rev2 } = behindTargetGroup();
    advanceTo(s, 200);
    s.ecs('UpdateService', { service: 'web', taskDefinition: rev2 });
    advanceTo(s, 400); // T1 T2 draining since 361 s
    const described = describeService(s, 'web');
    expect(described.deployments.map((d: any) => [d.status, d.runningCount, d.pendingCount])).toEqual([['PRIMARY', 2, 0], ['ACTIVE', 2, 0]]);
    expect(regionOf(s).targets.map((t) => [t.port, t.state])).toEqual([[49153, 'draining'], [49154, 'draining'], [49155, 'healthy'], [49156, 'healthy']]);
    expect(regionOf(s).tasks.slice(0, 2).map((t) => [t.lastStatus, t.desiredStatus])).toEqual([['RUNNING', 'STOPPED'], ['RUNNING', 'STOPPED']]);
  });

  it('the target group\'s health settings: interval 10 s × healthy threshold 3 = 30 s; deregistration delay 20 s', () => {
    const { s, rev2 } = behindTargetGroup({ healthCheckIntervalSeconds: 10, healthyThresholdCount: 3, deregistrationDelaySeconds: 20 });
    advanceTo(s, 50);
    s.ecs('UpdateService', { service: 'web', taskDefinition: rev2 });
    advanceTo(s, 200);
    expect(eventRows(s, 'web')).toEqual([
      '1s (service web) has started 2 tasks: (task T1) (task T2).',
      `11s (service web) registered 2 targets in (target-group ${TG})`,
      '11s (service web) has reached a steady state.',
      '51s (service web) has started 2 tasks: (task T3) (task T4).',
      `61s (service web) registered 2 targets in (target-group ${TG})`,
      `91s (service web) deregistered 2 targets in (target-group ${TG})`, // 61 + 3 × 10
      '91s (service web) has begun draining connections on 2 tasks.',
      '111s (service web) has stopped 2 running tasks: (task T1) (task T2).', // 91 + 20
      '112s (service web) has reached a steady state.',
    ]);
    expect(timelineRows(s, 'web', 40)).toEqual(['41s d1:2/0 h2', '51s d1:2/0 d2:0/2 h2', '61s d1:2/0 d2:2/0 h2', '112s d2:2/0 h2']);
  });
});

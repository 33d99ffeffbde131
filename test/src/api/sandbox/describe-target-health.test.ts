import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';
import { CLASSIC_LB, LB_ARN, TG_ARN, aWebService, type WebService } from '../../../builders/load-balanced-service.ts';
import { targetGroupArnOf } from '../../../builders/services.ts';

const health = (w: WebService) => w.s.sandbox('DescribeTargetHealth', { targetGroupArn: TG_ARN }).TargetHealthDescriptions;
const states = (w: WebService) => health(w).map((d: any) => d.TargetHealth.State);

describe('EcsSandbox.PutTargetGroups health settings', () => {
  const group = (extra: Record<string, unknown>) => ({ targetGroups: [{ targetGroupArn: TG_ARN, targetType: 'instance', loadBalancerArns: [LB_ARN], ...extra }] });

  it('stores them, and omits the ones not given (the ALB defaults apply)', () => {
    const s = aSandbox();
    const out = s.sandbox('PutTargetGroups', group({ healthCheckIntervalSeconds: 10, healthyThresholdCount: 3, unhealthyThresholdCount: 4, deregistrationDelaySeconds: 0 }));
    expect(out.targetGroups).toEqual([{
      targetGroupArn: TG_ARN, targetType: 'instance', loadBalancerArns: [LB_ARN],
      healthCheckIntervalSeconds: 10, healthyThresholdCount: 3, unhealthyThresholdCount: 4, deregistrationDelaySeconds: 0,
    }]);
    expect(s.sandbox('PutTargetGroups', group({ healthyThresholdCount: 2 })).targetGroups)
      .toEqual([{ targetGroupArn: TG_ARN, targetType: 'instance', loadBalancerArns: [LB_ARN], healthyThresholdCount: 2 }]);
  });

  it.each([
    // the ELBv2 limits: interval 5–300 s, thresholds 2–10, deregistration delay 0–3600 s
    [{ healthCheckIntervalSeconds: 4 }, 'InvalidParameterException', 'targetGroups[0].healthCheckIntervalSeconds must be from 5 to 300, not 4.'],
    [{ healthCheckIntervalSeconds: 301 }, 'InvalidParameterException', 'targetGroups[0].healthCheckIntervalSeconds must be from 5 to 300, not 301.'],
    [{ healthyThresholdCount: 1 }, 'InvalidParameterException', 'targetGroups[0].healthyThresholdCount must be from 2 to 10, not 1.'],
    [{ healthyThresholdCount: 11 }, 'InvalidParameterException', 'targetGroups[0].healthyThresholdCount must be from 2 to 10, not 11.'],
    [{ unhealthyThresholdCount: 1 }, 'InvalidParameterException', 'targetGroups[0].unhealthyThresholdCount must be from 2 to 10, not 1.'],
    [{ deregistrationDelaySeconds: -1 }, 'InvalidParameterException', 'targetGroups[0].deregistrationDelaySeconds must be from 0 to 3600, not -1.'],
    [{ deregistrationDelaySeconds: 3601 }, 'InvalidParameterException', 'targetGroups[0].deregistrationDelaySeconds must be from 0 to 3600, not 3601.'],
    [{ healthCheckIntervalSeconds: 7.5 }, 'SerializationException', 'targetGroups[0].healthCheckIntervalSeconds must be an integer.'],
    [{ deregistrationDelaySeconds: '300' }, 'SerializationException', 'targetGroups[0].deregistrationDelaySeconds must be an integer.'],
  ])('%j → %s', (extra, code, message) => {
    const s = aSandbox();
    s.sandbox('PutTargetGroups', group({ healthCheckIntervalSeconds: 30 }));
    const e = s.error('EcsSandbox.PutTargetGroups', group(extra));
    expect([e.code, e.message]).toEqual([code, message]);
  });
});

describe('EcsSandbox.DescribeTargetHealth', () => {
  it.each([
    [{}, 'InvalidParameterException', 'Specify targetGroupArn or loadBalancerName.'],
    [{ targetGroupArn: TG_ARN, loadBalancerName: CLASSIC_LB }, 'InvalidParameterException', 'Specify either targetGroupArn or loadBalancerName, not both.'],
    [{ targetGroupArn: 7 }, 'SerializationException', 'targetGroupArn must be a string.'],
    [{ targetGroupArn: targetGroupArnOf('other') }, 'InvalidParameterException',
      `Target group ${targetGroupArnOf('other')} is not declared in us-east-1; declare it with EcsSandbox.PutTargetGroups.`],
    [{ loadBalancerName: 'other-classic' }, 'InvalidParameterException', 'No service in us-east-1 uses the Classic load balancer other-classic.'],
  ])('%j → %s', (input, code, message) => {
    const { s } = aWebService();
    const e = s.error('EcsSandbox.DescribeTargetHealth', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });

  it('a declared target group without targets has an empty list (D5)', () => {
    const w = aWebService();
    expect(w.s.sandbox('DescribeTargetHealth', { targetGroupArn: TG_ARN })).toEqual({ TargetHealthDescriptions: [] });
  });

  it('ELBv2: initial → healthy after healthyThreshold × interval, in registration order, with the host ports', () => {
    // interval 5 s, healthy threshold 2: registered at 11 s (placed at 1 s, RUNNING 10 s later), healthy at 11 + 2 × 5 = 21 s
    const w = aWebService({ health: { healthCheckIntervalSeconds: 5, healthyThresholdCount: 2 } });
    w.advance(11);
    const registering = { State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' };
    const ports = w.state.tasks.map((t) => t.hostPorts[0].hostPort);
    const ids = w.state.tasks.map((t) => w.state.containerInstances.find((i) => i.id === t.containerInstanceId)!.ec2InstanceId);
    expect(health(w)).toEqual(ids.map((Id, k) => ({ Target: { Id, Port: ports[k] }, HealthCheckPort: String(ports[k]), TargetHealth: registering })));
    w.advance(9);
    expect(states(w)).toEqual(['initial', 'initial']);
    w.advance(1);
    expect(health(w).map((d: any) => d.TargetHealth)).toEqual([{ State: 'healthy' }, { State: 'healthy' }]);
  });

  it('ELBv2: unhealthy with the scenario\'s reason during the grace period, then draining for the deregistration delay', () => {
    // unhealthy threshold 2 × interval 5 s: unhealthy at 11 + 10 = 21 s; grace 60 s from 11 s ends at 71 s;
    // then deregistered, draining for 10 s: gone at 81 s
    const w = aWebService({
      desiredCount: 1, healthCheckGracePeriodSeconds: 60,
      health: { healthCheckIntervalSeconds: 5, unhealthyThresholdCount: 2, deregistrationDelaySeconds: 10 },
    });
    w.s.sandbox('PutTaskBehaviours', { taskBehaviours: [{ taskDefinition: 'web', targetUnhealthyReason: 'Health checks failed with these codes: [500]' }] });
    w.advance(21);
    const failing = { State: 'unhealthy', Reason: 'Target.ResponseCodeMismatch', Description: 'Health checks failed with these codes: [500]' };
    expect(health(w).map((d: any) => d.TargetHealth)).toEqual([failing]);
    w.advance(49); // 70 s: still in the grace period
    expect(health(w).map((d: any) => d.TargetHealth)).toEqual([failing]);
    w.advance(1); // 71 s
    expect(health(w).map((d: any) => d.TargetHealth)).toEqual([
      { State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' },
    ]);
    expect(w.state.tasks[0].stoppedReason).toBe(`Task failed ELB health checks in (target-group ${TG_ARN})`);
    w.advance(9);
    expect(states(w)).toEqual(['draining']);
    w.advance(1); // 81 s: drained; the replacement placed at 71 s starts at 81 s and registers
    expect(states(w)).toEqual(['initial']);
    expect(w.state.targets.map((t) => t.taskId)).toEqual([w.state.tasks[1].id]);
  });

  it('Classic: DescribeInstanceHealth states, OutOfService while registering, InService once healthy (ALB defaults: 5 × 30 s)', () => {
    const w = aWebService({ loadBalancer: 'classic', desiredCount: 1 });
    const ec2 = () => w.state.containerInstances.find((i) => i.id === w.state.tasks[0].containerInstanceId)!.ec2InstanceId;
    const describe = () => w.s.sandbox('DescribeTargetHealth', { loadBalancerName: CLASSIC_LB });
    expect(describe()).toEqual({ InstanceStates: [] });
    w.advance(11);
    expect(describe()).toEqual({
      InstanceStates: [{ InstanceId: ec2(), State: 'OutOfService', ReasonCode: 'ELB', Description: 'Instance registration is still in progress.' }],
    });
    w.advance(150); // 11 + 150 = 161 s
    expect(describe()).toEqual({ InstanceStates: [{ InstanceId: ec2(), State: 'InService', ReasonCode: 'N/A', Description: 'N/A' }] });
    w.s.ecs('UpdateService', { service: 'web', desiredCount: 0 });
    w.advance(1);
    expect(describe()).toEqual({
      InstanceStates: [{ InstanceId: ec2(), State: 'InService', ReasonCode: 'N/A', Description: 'Instance deregistration currently in progress.' }],
    });
  });

  it('Classic: an unhealthy instance is OutOfService for a reason of the instance', () => {
    const w = aWebService({ loadBalancer: 'classic', desiredCount: 1, healthCheckGracePeriodSeconds: 300 });
    w.s.sandbox('PutTaskBehaviours', { taskBehaviours: [{ taskDefinition: 'web', targetUnhealthyReason: 'Health checks failed' }] });
    w.advance(71); // 11 + 2 × 30 = 71 s
    expect(w.s.sandbox('DescribeTargetHealth', { loadBalancerName: CLASSIC_LB }).InstanceStates.map((i: any) => [i.State, i.ReasonCode, i.Description]))
      .toEqual([['OutOfService', 'Instance', 'Instance has failed at least the UnhealthyThreshold number of health checks consecutively.']]);
  });
});

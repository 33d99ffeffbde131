import { describe, expect, it } from 'vitest';
import { TG_ARN, aWebService, eventLog, taskStates, type WebService } from '../../../builders/load-balanced-service.ts';
import { START } from '../../../builders/discovery.ts';
import { instanceArnOf } from '../../../builders/container-instances.ts';

const FAULTS = '[terminateInstance, disconnectAgent, failTasks, unhealthyTargets]';
const taskArnOf = (id: string) => `arn:aws:ecs:us-east-1:123456789012:task/${id}`;

/**
 * Two instances, service `web` of two tasks (one per instance) behind a target group checked every 5 s
 * (healthy and unhealthy thresholds 2, deregistration delay 10 s), and `plain` (no load balancer, 0
 * tasks). Run to 21 s: placed at 1 s, RUNNING at 11 s, healthy at 11 + 2 × 5 = 21 s.
 */
function aRunningService(options: { grace?: number } = {}): WebService {
  const w = aWebService({
    health: { healthCheckIntervalSeconds: 5, healthyThresholdCount: 2, unhealthyThresholdCount: 2, deregistrationDelaySeconds: 10 },
    ...(options.grace !== undefined ? { healthCheckGracePeriodSeconds: options.grace } : {}),
  });
  w.s.ecs('CreateService', { serviceName: 'plain', taskDefinition: 'web', desiredCount: 0 });
  w.advance(21);
  return w;
}

const taskOn = (w: WebService, instanceIndex: number) =>
  w.state.tasks.find((t) => t.lastStatus !== 'STOPPED' && t.containerInstanceId === w.instances[instanceIndex].id)!;

describe('EcsSandbox.InjectFault validation: everything is checked before anything changes', () => {
  type Case = [string, (w: WebService) => unknown, string, (w: WebService) => string];
  const cases: Case[] = [
    ['no fault', () => ({}), 'InvalidParameterException', () => 'fault is required.'],
    ['an unknown fault', () => ({ fault: 'meteor' }), 'InvalidParameterException', () => `fault should be one of ${FAULTS}`],
    ['seconds as text', () => ({ fault: 'disconnectAgent', containerInstance: 'x', seconds: '5' }), 'SerializationException', () => 'seconds must be a number.'],
    ['tasks not a list', () => ({ fault: 'failTasks', tasks: 'abc' }), 'SerializationException', () => 'tasks must be a list.'],
    ['terminateInstance without an instance', () => ({ fault: 'terminateInstance' }), 'InvalidParameterException',
      () => 'containerInstance is required for the terminateInstance fault.'],
    ['terminateInstance with seconds', (w) => ({ fault: 'terminateInstance', containerInstance: w.instances[0].id, seconds: 5 }), 'InvalidParameterException',
      () => 'seconds does not apply to the terminateInstance fault.'],
    ['terminateInstance of an unknown instance', () => ({ fault: 'terminateInstance', containerInstance: 'f0000000-0000-4000-8000-000000000000' }),
      'InvalidParameterException', () => 'Container instance f0000000-0000-4000-8000-000000000000 was not found in cluster default.'],
    ['terminateInstance in an unknown cluster', (w) => ({ fault: 'terminateInstance', cluster: 'other', containerInstance: w.instances[0].id }),
      'ClusterNotFoundException', () => 'Cluster not found.'],
    ['disconnectAgent without an instance', () => ({ fault: 'disconnectAgent', seconds: 5 }), 'InvalidParameterException',
      () => 'containerInstance is required for the disconnectAgent fault.'],
    ['disconnectAgent with tasks', (w) => ({ fault: 'disconnectAgent', containerInstance: w.instances[0].id, tasks: [] }), 'InvalidParameterException',
      () => 'tasks does not apply to the disconnectAgent fault.'],
    ['disconnectAgent for 0 s', (w) => ({ fault: 'disconnectAgent', containerInstance: w.instances[0].id, seconds: 0 }), 'InvalidParameterException',
      () => 'seconds must be greater than 0 and at most 2592000, not 0.'],
    // 30 days = 2,592,000 s, the longest AdvanceTime
    ['disconnectAgent for more than 30 days', (w) => ({ fault: 'disconnectAgent', containerInstance: w.instances[0].id, seconds: 2592001 }),
      'InvalidParameterException', () => 'seconds must be greater than 0 and at most 2592000, not 2592001.'],
    ['disconnectAgent of another region\'s instance ARN', (w) => ({ fault: 'disconnectAgent', containerInstance: instanceArnOf(w.instances[0].id, 'eu-west-1') }),
      'InvalidParameterException', (w) => `Container instance ${instanceArnOf(w.instances[0].id, 'eu-west-1')} was not found in cluster default.`],
    ['failTasks without tasks', () => ({ fault: 'failTasks' }), 'InvalidParameterException', () => 'tasks is required for the failTasks fault.'],
    ['failTasks of an empty list', () => ({ fault: 'failTasks', tasks: [] }), 'InvalidParameterException', () => 'tasks must name at least one task.'],
    ['failTasks with a service', (w) => ({ fault: 'failTasks', tasks: [w.state.tasks[0].id], service: 'web' }), 'InvalidParameterException',
      () => 'service does not apply to the failTasks fault.'],
    ['failTasks naming an unknown task after a known one', (w) => ({ fault: 'failTasks', tasks: [w.state.tasks[0].id, 'nope'] }),
      'InvalidParameterException', () => 'Task nope was not found in cluster default.'],
    ['failTasks with a reason that is not text', (w) => ({ fault: 'failTasks', tasks: [w.state.tasks[0].id], reason: 1 }),
      'SerializationException', () => 'reason must be a string.'],
    ['unhealthyTargets without a service', () => ({ fault: 'unhealthyTargets', seconds: 60 }), 'InvalidParameterException',
      () => 'service is required for the unhealthyTargets fault.'],
    ['unhealthyTargets without seconds', () => ({ fault: 'unhealthyTargets', service: 'web' }), 'InvalidParameterException',
      () => 'seconds is required for the unhealthyTargets fault.'],
    ['unhealthyTargets with a reason', () => ({ fault: 'unhealthyTargets', service: 'web', seconds: 60, reason: 'x' }), 'InvalidParameterException',
      () => 'reason does not apply to the unhealthyTargets fault.'],
    ['unhealthyTargets of an unknown service', () => ({ fault: 'unhealthyTargets', service: 'api', seconds: 60 }), 'InvalidParameterException',
      () => 'Service api was not found in cluster default.'],
    ['unhealthyTargets of a service without a load balancer', () => ({ fault: 'unhealthyTargets', service: 'plain', seconds: 60 }), 'InvalidParameterException',
      () => 'Service plain has no load balancer, so it has no targets to make unhealthy.'],
  ];
  it.each(cases)('%s', (_, input, code, message) => {
    const w = aRunningService();
    const e = w.s.error('EcsSandbox.InjectFault', input(w));
    expect([e.code, e.message]).toEqual([code, message(w)]);
  });

  it('an INACTIVE instance can be neither terminated nor disconnected', () => {
    const w = aRunningService();
    const id = w.instances[0].id;
    w.s.sandbox('InjectFault', { fault: 'terminateInstance', containerInstance: id });
    for (const fault of ['terminateInstance', 'disconnectAgent']) {
      const e = w.s.error('EcsSandbox.InjectFault', { fault, containerInstance: id });
      expect([e.code, e.message]).toEqual(['InvalidParameterException', `Container instance ${id} is INACTIVE.`]);
    }
  });

  it('a STOPPED task cannot fail', () => {
    const w = aRunningService();
    const task = taskOn(w, 0);
    w.s.sandbox('InjectFault', { fault: 'terminateInstance', containerInstance: w.instances[0].id });
    const e = w.s.error('EcsSandbox.InjectFault', { fault: 'failTasks', tasks: [taskArnOf(task.id)] });
    expect([e.code, e.message]).toEqual(['InvalidParameterException', `Task ${taskArnOf(task.id)} is already STOPPED.`]);
  });

  it('a service that is not ACTIVE cannot have its targets fail', () => {
    const w = aRunningService();
    w.s.ecs('DeleteService', { service: 'plain' }); // DRAINING until the next step
    const e = w.s.error('EcsSandbox.InjectFault', { fault: 'unhealthyTargets', service: 'plain', seconds: 60 });
    expect([e.code, e.message]).toEqual(['InvalidParameterException', 'Service plain is DRAINING, not ACTIVE.']);
  });
});

describe('EcsSandbox.InjectFault terminateInstance', () => {
  it('the instance becomes INACTIVE and its tasks STOPPED at once; the service replaces them at the next step', () => {
    const w = aRunningService();
    const [first, second] = w.instances;
    const task = taskOn(w, 0);
    const versionBefore = w.state.containerInstances[0].version;
    expect(w.s.sandbox('InjectFault', { fault: 'terminateInstance', containerInstance: instanceArnOf(first.id) })).toEqual({
      fault: 'terminateInstance', containerInstanceArn: instanceArnOf(first.id), taskArns: [taskArnOf(task.id)],
    });
    const [described] = w.s.ecs('DescribeTasks', { tasks: [task.id] }).tasks;
    expect(described).toMatchObject({
      lastStatus: 'STOPPED', desiredStatus: 'STOPPED', stoppedReason: `Host EC2 (instance ${first.ec2InstanceId}) terminated.`,
      stoppedAt: START + 21, stoppingAt: START + 21,
    });
    const [instance] = w.s.ecs('DescribeContainerInstances', { containerInstances: [first.id] }).containerInstances;
    expect([instance.status, instance.agentConnected, instance.version, instance.runningTasksCount]).toEqual(['INACTIVE', false, versionBefore + 1, 0]);
    // its target is gone at once, with nothing to drain
    expect(w.state.targets.map((t) => t.taskId)).toEqual([taskOn(w, 1).id]);

    w.advance(1);
    const replacement = w.state.tasks[w.state.tasks.length - 1];
    expect([replacement.lastStatus, replacement.containerInstanceId]).toEqual(['PENDING', second.id]);
    expect(eventLog(w).at(-1)).toBe(`(service web) has started 1 tasks: (task ${replacement.id}).`);
  });
});

describe('EcsSandbox.InjectFault disconnectAgent', () => {
  it('placement rejects the instance for AGENT until the scheduler reconnects it', () => {
    const w = aRunningService();
    const [first] = w.instances;
    const out = w.s.sandbox('InjectFault', { fault: 'disconnectAgent', containerInstance: first.id, seconds: 30 });
    expect(out).toEqual({ fault: 'disconnectAgent', containerInstanceArn: instanceArnOf(first.id), until: START + 51 });
    const placementOn = () => w.s.sandbox('DescribePlacement', { taskDefinition: 'web' }).instances
      .find((i: any) => i.containerInstanceArn === instanceArnOf(first.id));
    expect(placementOn()).toMatchObject({ result: 'AGENT', reason: 'encountered error "AGENT"', detail: 'agentConnected is false' });
    // its task keeps running
    expect(taskOn(w, 0).lastStatus).toBe('RUNNING');
    w.advance(29); // 50 s
    expect(w.state.containerInstances[0].agentConnected).toBe(false);
    w.advance(1); // 51 s = 21 + 30
    expect(w.state.containerInstances[0].agentConnected).toBe(true);
    expect(w.state.containerInstances[0].agentReconnectAt).toBeUndefined();
    expect(placementOn().result).not.toBe('AGENT');
  });

  it('without seconds, the agent stays disconnected', () => {
    const w = aRunningService();
    const out = w.s.sandbox('InjectFault', { fault: 'disconnectAgent', containerInstance: w.instances[1].id });
    expect(out).toEqual({ fault: 'disconnectAgent', containerInstanceArn: instanceArnOf(w.instances[1].id) });
    w.advance(3600);
    expect(w.s.ecs('DescribeContainerInstances', { containerInstances: [w.instances[1].id] }).containerInstances[0].agentConnected).toBe(false);
  });
});

describe('EcsSandbox.InjectFault failTasks', () => {
  it('the task is stopping with the agent\'s reason; the next step drains it and starts a replacement', () => {
    const w = aRunningService();
    const task = taskOn(w, 0);
    expect(w.s.sandbox('InjectFault', { fault: 'failTasks', tasks: [task.id] })).toEqual({ fault: 'failTasks', taskArns: [taskArnOf(task.id)] });
    expect([task.lastStatus, task.desiredStatus, task.stoppedReason, task.stoppingAt]).toEqual(['RUNNING', 'STOPPED', 'Essential container in task exited', (START + 21) * 1000]);
    w.advance(1); // 22 s: deregistered, draining for 10 s; the service starts a replacement
    expect(w.state.targets.map((t) => [t.taskId === task.id, t.state])).toEqual([[true, 'draining'], [false, 'healthy']]);
    expect([task.lastStatus, task.desiredStatus, task.stopPhase]).toEqual(['RUNNING', 'STOPPED', 'deregistering']);
    expect(taskStates(w).slice(2)).toEqual([['PENDING', 'RUNNING']]);
    w.advance(10); // 32 s: drained, SIGTERM; 33 s: exited
    w.advance(1);
    expect(w.s.ecs('DescribeTasks', { tasks: [task.id] }).tasks[0]).toMatchObject({
      lastStatus: 'STOPPED', stoppedReason: 'Essential container in task exited', stoppedAt: START + 33,
    });
  });

  it('takes a reason of its own; a task already stopping keeps its first reason and is not listed', () => {
    const w = aRunningService();
    const [a, b] = [taskOn(w, 0), taskOn(w, 1)];
    w.s.ecs('StopTask', { task: b.id, reason: 'by hand' });
    const out = w.s.sandbox('InjectFault', { fault: 'failTasks', tasks: [a.id, taskArnOf(b.id)], reason: 'OutOfMemoryError: Container killed due to memory usage' });
    expect(out.taskArns).toEqual([taskArnOf(a.id)]);
    expect([a.stoppedReason, b.stoppedReason]).toEqual(['OutOfMemoryError: Container killed due to memory usage', 'by hand']);
  });
});

describe('EcsSandbox.InjectFault unhealthyTargets', () => {
  it('targets turn unhealthy at the next step; the tasks are stopped once the grace period ends, and replaced', () => {
    // RUNNING at 11 s, grace 30 s: ends at 41 s. Fault at 21 s for 60 s (until 81 s).
    const w = aRunningService({ grace: 30 });
    const out = w.s.sandbox('InjectFault', { fault: 'unhealthyTargets', service: 'web', seconds: 60 });
    expect(out).toEqual({ fault: 'unhealthyTargets', serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/web', until: START + 81 });
    const health = () => w.s.sandbox('DescribeTargetHealth', { targetGroupArn: TG_ARN }).TargetHealthDescriptions.map((d: any) => d.TargetHealth);
    w.advance(1); // 22 s
    const failing = { State: 'unhealthy', Reason: 'Target.ResponseCodeMismatch', Description: 'Health checks failed with these codes: [502]' };
    expect(health()).toEqual([failing, failing]);
    const [first] = w.state.targets;
    expect(eventLog(w)).toContain(`(service web) (instance ${first.targetId}) (port ${first.port}) is unhealthy in (target-group ${TG_ARN}) due to (reason Health checks failed with these codes: [502])`);
    w.advance(18); // 40 s: still in the grace period, nothing stopped
    expect(w.state.tasks.every((t) => t.desiredStatus === 'RUNNING')).toBe(true);
    w.advance(1); // 41 s
    expect(w.state.tasks.slice(0, 2).map((t) => [t.desiredStatus, t.stoppedReason]))
      .toEqual([0, 1].map(() => ['STOPPED', `Task failed ELB health checks in (target-group ${TG_ARN})`]));
    expect(health().map((h: any) => h.State)).toEqual(['draining', 'draining']);
    expect(w.state.tasks.slice(2).map((t) => t.lastStatus)).toEqual(['PENDING', 'PENDING']);
  });
});

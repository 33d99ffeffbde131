// The simulated load balancer of a service (semantics 13): one target per task from RUNNING until it
// is deregistered; health checks decide it healthy after healthyThreshold × interval, or unhealthy
// after unhealthyThreshold × interval when the scenario makes it fail; deregistration drains it for
// the target group's delay. Classic load balancers use the ALB defaults too (13, Decision).
import type { ServiceRecord, TargetGroupRecord, TargetRecord, TaskRecord } from '../../domain/records.ts';
import type { RegionState } from '../../domain/sandbox-document.ts';
import { SCHEDULER } from '../../messages.ts';
import type { StepContext } from './step-context.ts';
import { behaviourOf } from './task-behaviour.ts';

/** 13: the ALB defaults. */
export const HEALTH_DEFAULTS = { intervalSeconds: 30, healthyThreshold: 5, unhealthyThreshold: 2, deregistrationDelaySeconds: 300 };

export interface HealthSettings {
  intervalSeconds: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  deregistrationDelaySeconds: number;
}

export function healthSettingsOf(state: RegionState, target: Pick<TargetRecord, 'targetGroupArn'>): HealthSettings {
  const group: TargetGroupRecord | undefined = target.targetGroupArn === undefined
    ? undefined : state.targetGroups.find((g) => g.targetGroupArn === target.targetGroupArn);
  return {
    intervalSeconds: group?.healthCheckIntervalSeconds ?? HEALTH_DEFAULTS.intervalSeconds,
    healthyThreshold: group?.healthyThresholdCount ?? HEALTH_DEFAULTS.healthyThreshold,
    unhealthyThreshold: group?.unhealthyThresholdCount ?? HEALTH_DEFAULTS.unhealthyThreshold,
    deregistrationDelaySeconds: group?.deregistrationDelaySeconds ?? HEALTH_DEFAULTS.deregistrationDelaySeconds,
  };
}

/** Whether the task's target fails its health checks now: the scenario's behaviour or an injected fault. */
export function targetFails(ctx: StepContext, service: ServiceRecord, task: TaskRecord): string | undefined {
  const reason = behaviourOf(ctx.state, task.taskDefinitionArn).targetUnhealthyReason;
  if (reason !== undefined) return reason;
  if (service.targetsUnhealthyUntil !== undefined && service.targetsUnhealthyUntil > ctx.now) return SCHEDULER.defaultUnhealthyReason;
  return undefined;
}

/** When the health checks next decide, from `from`: healthy after H × interval, unhealthy after U × interval. */
export function nextHealthDecision(settings: HealthSettings, from: number, failing: boolean): number {
  return from + (failing ? settings.unhealthyThreshold : settings.healthyThreshold) * settings.intervalSeconds * 1000;
}

/** The live target of a task (one per task: a service has at most one load balancer, 13). */
export function targetOfTask(state: RegionState, taskId: string): TargetRecord | undefined {
  return state.targets.find((t) => t.taskId === taskId);
}

/** The address a task's target has (13): the EC2 instance and host port, or the ENI's IP and container port. */
export function targetAddress(ctx: StepContext, service: ServiceRecord, task: TaskRecord): { targetId: string; port: number } | undefined {
  const lb = service.loadBalancers[0];
  if (!lb) return undefined;
  const containerPort = lb.containerPort ?? 0;
  if (task.eni) return { targetId: task.eni.privateIpv4Address, port: containerPort };
  const instance = ctx.state.containerInstances.find((i) => i.id === task.containerInstanceId);
  const binding = task.hostPorts.find((h) => h.containerName === lb.containerName && h.containerPort === containerPort);
  if (!instance || !binding) return undefined;
  return { targetId: instance.ec2InstanceId, port: binding.hostPort };
}

/** 13: a task that reached RUNNING is registered in its service's load balancer. */
export function registerTarget(ctx: StepContext, service: ServiceRecord, task: TaskRecord): void {
  const lb = service.loadBalancers[0];
  const address = targetAddress(ctx, service, task);
  if (!lb || !address) return;
  const target: TargetRecord = {
    taskId: task.id, clusterName: task.clusterName, serviceName: service.serviceName,
    ...(lb.targetGroupArn !== undefined ? { targetGroupArn: lb.targetGroupArn } : { loadBalancerName: lb.loadBalancerName ?? '' }),
    targetId: address.targetId, port: address.port, state: 'initial', registeredAt: ctx.now,
  };
  target.nextAt = nextHealthDecision(healthSettingsOf(ctx.state, target), ctx.now, targetFails(ctx, service, task) !== undefined);
  ctx.state.targets.push(target);
  const name = service.serviceName;
  if (target.targetGroupArn !== undefined) {
    const arn = target.targetGroupArn;
    ctx.events.add(service, `registered ${arn}`, (ids) => SCHEDULER.registeredTargets(name, ids.length, arn), [task.id]);
  } else {
    const elb = target.loadBalancerName!;
    ctx.events.add(service, `registered ${elb}`, (ids) => SCHEDULER.registeredInstances(name, ids.length, elb), [task.id]);
  }
}

/** 10 step 2: takes the target out of the load balancer; returns when draining ends. */
export function deregisterTarget(ctx: StepContext, service: ServiceRecord, target: TargetRecord): number {
  const settings = healthSettingsOf(ctx.state, target);
  // 16.3: an unhealthy target's event has its cause resolved when the target is deregistered (the
  // same host port on the same instance may come back in a later task, with the same text)
  if (target.state === 'unhealthy') ctx.events.resolveAfterFlush(service, unhealthyMessage(ctx, service, target));
  target.state = 'draining';
  delete target.reason;
  target.nextAt = ctx.now + settings.deregistrationDelaySeconds * 1000;
  const name = service.serviceName;
  if (target.targetGroupArn !== undefined) {
    const arn = target.targetGroupArn;
    ctx.events.add(service, `deregistered ${arn}`, (ids) => SCHEDULER.deregisteredTargets(name, ids.length, arn), [target.taskId]);
  } else {
    const elb = target.loadBalancerName!;
    ctx.events.add(service, `deregistered ${elb}`, (ids) => SCHEDULER.deregisteredInstances(name, ids.length, elb), [target.taskId]);
  }
  ctx.events.add(service, 'draining', (ids) => SCHEDULER.draining(name, ids.length), [target.taskId]);
  return target.nextAt;
}

/** The unhealthy event of 13 for a target. */
export function unhealthyMessage(ctx: StepContext, service: ServiceRecord, target: TargetRecord): string {
  const reason = target.reason ?? SCHEDULER.defaultUnhealthyReason;
  if (target.loadBalancerName !== undefined) return SCHEDULER.unhealthyClassic(service.serviceName, target.targetId, target.loadBalancerName);
  const task = ctx.state.tasks.find((t) => t.id === target.taskId);
  return task?.eni
    ? SCHEDULER.unhealthyIpTarget(service.serviceName, target.taskId, target.port, target.targetGroupArn!, reason)
    : SCHEDULER.unhealthyInstanceTarget(service.serviceName, target.targetId, target.port, target.targetGroupArn!, reason);
}

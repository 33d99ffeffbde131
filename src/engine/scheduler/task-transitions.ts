// Step 1 of a scheduler step (semantics 3.1): the task and target transitions due at or before the
// step's time, in time order, ties in task creation order. PROVISIONING → PENDING; PENDING → RUNNING
// (target and discovery registration, 13, 14.3) or a start failure (11); a container turning
// unhealthy (D46); the phases of the stop sequence (10), and stops requested since the last step
// (StopTask, faults); target health decisions (9.2, 13) and the end of connection draining.
import type { ServiceRecord, TargetRecord, TaskRecord } from '../../domain/records.ts';
import { SCHEDULER } from '../../messages.ts';
import { registerDiscoveryInstance, setDiscoveryHealth } from './discovery-registration.ts';
import {
  healthSettingsOf, nextHealthDecision, registerTarget, targetFails, unhealthyMessage,
} from './load-balancer-targets.ts';
import { resolveSuppressed } from './service-event-log.ts';
import type { StepContext } from './step-context.ts';
import { beginStop, markStopped, signalTerm } from './stop-sequence.ts';
import { behaviourOf } from './task-behaviour.ts';
import { firstLiveTask } from './live-task-start.ts';

/** Section 11: the back-off after the f-th consecutive failure, min(900 s, 10 s × 2^(f−1)). */
export const backoffMs = (failures: number) => Math.min(900_000, 10_000 * 2 ** Math.min(failures - 1, 20));

interface Due {
  at: number;
  order: number;
  apply(): void;
}

function startTask(ctx: StepContext, task: TaskRecord, service: ServiceRecord | undefined): void {
  const behaviour = behaviourOf(ctx.state, task.taskDefinitionArn);
  if (behaviour.startFailureReason !== undefined) {
    // 11: PENDING → STOPPED without reaching RUNNING
    task.stoppedReason ??= behaviour.startFailureReason || SCHEDULER.defaultStartFailure;
    markStopped(ctx, task);
    if (service) {
      service.startFailures++;
      service.backoffUntil = ctx.now + backoffMs(service.startFailures);
      if (service.startFailures >= 3) ctx.events.addSuppressible(service, SCHEDULER.throttled(service.serviceName));
    }
    return;
  }
  task.lastStatus = 'RUNNING';
  task.startedAt = ctx.now;
  task.version += 1;
  if (behaviour.containerUnhealthyAfterSeconds !== undefined) task.nextAt = ctx.now + behaviour.containerUnhealthyAfterSeconds * 1000;
  else delete task.nextAt;
  if (!service) return;
  if (service.startFailures > 0) {
    // 11: any task reaching RUNNING ends the failure streak and the throttle event's cause
    service.startFailures = 0;
    delete service.backoffUntil;
    resolveSuppressed(service, (m) => m === SCHEDULER.throttled(service.serviceName));
  }
  registerTarget(ctx, service, task);
  registerDiscoveryInstance(ctx, service, task, service.loadBalancers.length === 0);
}

function taskTransition(ctx: StepContext, task: TaskRecord, service: ServiceRecord | undefined): void {
  if (task.lastStatus === 'STOPPED') return;
  if (task.desiredStatus === 'STOPPED' && task.stopPhase === undefined) {
    // a stop asked for since the last step (StopTask, a fault): the sequence begins now
    beginStop(ctx, task, service, { reason: task.stoppedReason ?? '' });
    return;
  }
  if (task.stopPhase === 'deregistering') return signalTerm(ctx, task, service);
  if (task.stopPhase === 'exiting') return markStopped(ctx, task);
  if (task.lastStatus === 'PROVISIONING') {
    task.lastStatus = 'PENDING';
    task.version += 1;
    task.nextAt = task.createdAt + behaviourOf(ctx.state, task.taskDefinitionArn).startSeconds * 1000;
    return;
  }
  if (task.lastStatus === 'PENDING') return startTask(ctx, task, service);
  if (task.lastStatus === 'RUNNING') {
    // D46: an essential container turned unhealthy; the service step replaces the task
    delete task.nextAt;
    beginStop(ctx, task, service, { reason: SCHEDULER.failedContainerHealthChecks });
  }
}

function targetTransition(ctx: StepContext, target: TargetRecord, task: TaskRecord | undefined, service: ServiceRecord | undefined): void {
  if (target.state === 'draining') {
    ctx.state.targets.splice(ctx.state.targets.indexOf(target), 1);
    return;
  }
  if (!task || !service || task.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING') {
    delete target.nextAt;
    return;
  }
  const settings = healthSettingsOf(ctx.state, target);
  const failure = targetFails(ctx, service, task);
  if (failure === undefined) {
    if (target.state !== 'healthy') {
      const was = target.state === 'unhealthy' ? unhealthyMessage(ctx, service, target) : undefined;
      target.state = 'healthy';
      delete target.reason;
      if (was !== undefined) resolveSuppressed(service, (m) => m === was);
      setDiscoveryHealth(ctx, task, true);
    }
    // a fault that ends later makes it fail again at its next check
    if (service.targetsUnhealthyUntil !== undefined && service.targetsUnhealthyUntil > ctx.now) {
      target.nextAt = nextHealthDecision(settings, ctx.now, true);
    } else delete target.nextAt;
    return;
  }
  target.state = 'unhealthy';
  target.reason = failure;
  setDiscoveryHealth(ctx, task, false);
  ctx.events.addSuppressible(service, unhealthyMessage(ctx, service, target));
  // 9.2: ignored during the grace period; after it, the task is stopped and replaced
  const graceEnds = (task.startedAt ?? ctx.now) + (service.healthCheckGracePeriodSeconds ?? 0) * 1000;
  if (ctx.now >= graceEnds) {
    const reason = target.targetGroupArn !== undefined
      ? SCHEDULER.failedElbHealthChecks(target.targetGroupArn) : SCHEDULER.failedElbHealthChecksClassic(target.loadBalancerName ?? '');
    beginStop(ctx, task, service, { reason, announcedBy: service });
  } else {
    target.nextAt = Math.max(graceEnds, nextHealthDecision(settings, ctx.now, true));
  }
}

/** Applies every transition due at or before ctx.now; `serviceOf` names a task's service. Returns how many. */
export function applyDueTransitions(ctx: StepContext, serviceOf: (task: TaskRecord) => ServiceRecord | undefined): number {
  const { state, now } = ctx;
  let applied = 0;
  for (const instance of state.containerInstances) {
    if (instance.agentReconnectAt !== undefined && instance.agentReconnectAt <= now) {
      applied++;
      instance.agentConnected = true;
      delete instance.agentReconnectAt;
      instance.version += 1;
    }
  }
  const due: Due[] = [];
  const tasks = state.tasks;
  for (let order = firstLiveTask(tasks); order < tasks.length; order++) {
    const task = tasks[order];
    if (task.lastStatus === 'STOPPED') continue;
    const stopAsked = task.desiredStatus === 'STOPPED' && task.stopPhase === undefined;
    if (stopAsked || (task.nextAt !== undefined && task.nextAt <= now)) {
      due.push({ at: stopAsked ? Math.min(task.stoppingAt ?? now, task.nextAt ?? now) : task.nextAt!, order, apply: () => taskTransition(ctx, task, serviceOf(task)) });
    }
  }
  let orderOf: Map<string, number> | undefined; // task creation order, built only when a target is due
  for (const target of [...state.targets]) {
    if (target.nextAt === undefined || target.nextAt > now) continue;
    orderOf ??= new Map(state.tasks.map((task, order) => [task.id, order]));
    const order = orderOf.get(target.taskId) ?? Number.MAX_SAFE_INTEGER;
    const task = order === Number.MAX_SAFE_INTEGER ? undefined : state.tasks[order];
    due.push({ at: target.nextAt, order, apply: () => targetTransition(ctx, target, task, task && serviceOf(task)) });
  }
  due.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const d of due) d.apply();
  return applied + due.length;
}

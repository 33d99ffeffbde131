// The task stop sequence (semantics 10): desiredStatus STOPPED at once; with a registered target,
// deregistration and connection draining for the target group's delay; then SIGTERM, and the
// containers exit after the scenario's exit time (SIGKILL at 30 s); then STOPPED, which releases
// the task's resources. A task that never reached RUNNING has nothing to drain or signal: it stops at
// once. Stops the service scheduler begins are announced with the service's stopped event at SIGTERM.
import type { ServiceRecord, TaskRecord } from '../../domain/records.ts';
import { SCHEDULER } from '../../messages.ts';
import type { StepContext } from './step-context.ts';
import { deregisterDiscoveryInstance } from './discovery-registration.ts';
import { deregisterTarget, targetOfTask } from './load-balancer-targets.ts';
import { SIGKILL_AFTER_SECONDS, behaviourOf } from './task-behaviour.ts';

export interface StopRequest {
  reason: string;
  /** The service whose scheduler stops it: its stop events are emitted (10, 16.1). */
  announcedBy?: ServiceRecord;
}

/**
 * Marks the task STOPPED now (10 step 5): its resources, ports and ENI are free from here on, and its
 * load balancer target and discovery instance are gone. Also for tasks that stop outside the
 * sequence (a deregistered or terminated instance's).
 */
export function markStopped(ctx: Pick<StepContext, 'now' | 'state'>, task: TaskRecord): void {
  task.lastStatus = 'STOPPED';
  task.desiredStatus = 'STOPPED';
  task.stoppedAt = ctx.now;
  task.stoppingAt ??= ctx.now;
  delete task.nextAt;
  delete task.stopPhase;
  delete task.announceStop;
  task.version += 1;
  const targets = ctx.state.targets;
  for (let k = targets.length - 1; k >= 0; k--) if (targets[k].taskId === task.id) targets.splice(k, 1);
  deregisterDiscoveryInstance(ctx, task);
}

/** 10 step 3: SIGTERM; the stopped event for scheduler stops; the exit is due after the exit time. */
export function signalTerm(ctx: StepContext, task: TaskRecord, service: ServiceRecord | undefined): void {
  task.stopPhase = 'exiting';
  task.nextAt = ctx.now + Math.min(behaviourOf(ctx.state, task.taskDefinitionArn).exitSeconds, SIGKILL_AFTER_SECONDS) * 1000;
  if (task.announceStop && service) {
    const name = service.serviceName;
    ctx.events.add(service, 'stopped', (ids) => SCHEDULER.stopped(name, ids), [task.id]);
  }
  delete task.announceStop;
}

/**
 * Begins the stop sequence (10 steps 1–3) for a live task; a task already stopping keeps its course.
 * `service` is the task's service, if it has one (for its load balancer and events).
 */
export function beginStop(ctx: StepContext, task: TaskRecord, service: ServiceRecord | undefined, request: StopRequest): void {
  if (task.lastStatus === 'STOPPED' || task.stopPhase !== undefined) return;
  if (task.desiredStatus !== 'STOPPED') {
    task.desiredStatus = 'STOPPED';
    task.stoppedReason ??= request.reason;
    task.stoppingAt ??= ctx.now;
    task.version += 1;
  }
  if (request.announcedBy) task.announceStop = true;
  // 14.3 / 10 step 2 (Decision): the discovery instance goes when the stop begins
  deregisterDiscoveryInstance(ctx, task);
  if (task.lastStatus !== 'RUNNING') {
    if (task.announceStop && service) {
      const name = service.serviceName;
      ctx.events.add(service, 'stopped', (ids) => SCHEDULER.stopped(name, ids), [task.id]);
    }
    markStopped(ctx, task);
    return;
  }
  const target = targetOfTask(ctx.state, task.id);
  if (target && target.state !== 'draining' && service) {
    task.stopPhase = 'deregistering';
    task.nextAt = deregisterTarget(ctx, service, target);
    return;
  }
  signalTerm(ctx, task, service);
}

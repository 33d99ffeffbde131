// EcsSandbox.InjectFault: what goes wrong in a real cluster, on demand, so that a scenario can watch
// the scheduler recover (semantics 9.2, 10, 13, D46). Every fault is validated in full before anything
// changes. Like API calls (3.1, D6), a fault changes state only; the scheduler reacts at its next step.
import type { OperationContext } from '../../operation-context.ts';
import type { ContainerInstanceRecord, ServiceRecord, TaskRecord } from '../../../domain/records.ts';
import { containerInstanceArn, serviceArn, taskArn } from '../../../domain/arns.ts';
import { MAX_ADVANCE_SECONDS } from '../../../engine/clock.ts';
import { markStopped } from '../../../engine/scheduler/stop-sequence.ts';
import { invalidParameter } from '../../aws-error.ts';
import { SANDBOX, SCHEDULER } from '../../../messages.ts';
import { findService, requireCluster } from '../../resolve.ts';
import { toEpochSeconds } from '../../wire-time.ts';
import { list, number, string, structure, validateSandboxInput } from '../../validate/validate-sandbox-input.ts';
import { findContainerInstance } from '../container-instances/find-container-instance.ts';
import { liveTasksOn } from '../container-instances/task-reservation.ts';
import { findTask } from '../tasks/find-task.ts';

export const FAULTS = ['terminateInstance', 'disconnectAgent', 'failTasks', 'unhealthyTargets'] as const;
type Fault = (typeof FAULTS)[number];

interface InjectFaultInput {
  fault: Fault;
  cluster?: string;
  containerInstance?: string;
  seconds?: number;
  tasks?: string[];
  service?: string;
  reason?: string;
}

export interface InjectFaultOutput {
  fault: Fault;
  containerInstanceArn?: string;
  serviceArn?: string;
  /** The tasks the fault stopped or failed. */
  taskArns?: string[];
  /** Epoch seconds (D53): when a disconnected agent comes back, or when the targets recover. */
  until?: number;
}

const INJECT_FAULT = structure({
  fault: string(FAULTS),
  cluster: string(),
  containerInstance: string(),
  seconds: number,
  tasks: list(string()),
  service: string(),
  reason: string(),
}, ['fault']);

type Member = Exclude<keyof InjectFaultInput, 'fault' | 'cluster'>;

/** The members each fault takes (cluster goes with all of them); required first. */
const MEMBERS: Record<Fault, { required: Member[]; optional: Member[] }> = {
  terminateInstance: { required: ['containerInstance'], optional: [] },
  disconnectAgent: { required: ['containerInstance'], optional: ['seconds'] },
  failTasks: { required: ['tasks'], optional: ['reason'] },
  unhealthyTargets: { required: ['service', 'seconds'], optional: [] },
};

const ALL_MEMBERS: Member[] = ['containerInstance', 'seconds', 'tasks', 'service', 'reason'];

function checkMembers(request: InjectFaultInput): void {
  const { required, optional } = MEMBERS[request.fault];
  for (const member of required) {
    if (request[member] === undefined) throw invalidParameter(SANDBOX.faultNeeds(member, request.fault));
  }
  for (const member of ALL_MEMBERS) {
    if (request[member] !== undefined && !required.includes(member) && !optional.includes(member)) {
      throw invalidParameter(SANDBOX.faultDoesNotTake(member, request.fault));
    }
  }
  if (request.seconds !== undefined && !(request.seconds > 0 && request.seconds <= MAX_ADVANCE_SECONDS)) {
    throw invalidParameter(SANDBOX.faultSeconds(request.seconds, MAX_ADVANCE_SECONDS));
  }
}

/** The clock counts whole milliseconds (D53). */
const secondsToMs = (seconds: number) => Math.round(seconds * 1000);

function requireLiveInstance(ctx: OperationContext, clusterName: string, ref: string): ContainerInstanceRecord {
  const instance = findContainerInstance(ctx, clusterName, ref);
  if (!instance) throw invalidParameter(SANDBOX.faultInstanceNotFound(ref, clusterName));
  if (instance.status === 'INACTIVE') throw invalidParameter(SANDBOX.faultInstanceInactive(ref));
  return instance;
}

/**
 * The EC2 instance goes away: the container instance becomes INACTIVE with its agent disconnected,
 * and its live tasks are STOPPED at once (nothing is left to drain or signal), their targets and
 * discovery instances removed, their resources freed. Tasks that were running get ECS's
 * `Host EC2 (instance <id>) terminated.`; tasks already stopping keep the reason they had. Their
 * services start replacements at the next step (9.3).
 */
function terminateInstance(ctx: OperationContext, instance: ContainerInstanceRecord): TaskRecord[] {
  const live = liveTasksOn(ctx, instance);
  instance.status = 'INACTIVE';
  instance.agentConnected = false;
  delete instance.agentReconnectAt;
  instance.version += 1;
  for (const task of live) {
    if (task.desiredStatus === 'RUNNING') task.stoppedReason = SCHEDULER.hostTerminated(instance.ec2InstanceId);
    markStopped(ctx, task); // with its target and discovery instance
  }
  return live;
}

/**
 * The agent loses its connection: its tasks keep running, but placement rejects the instance (4.8,
 * AGENT) until it reconnects, `seconds` from now (the scheduler reconnects it), or never without.
 * Disconnecting an agent that is already disconnected only sets its reconnection time anew.
 */
function disconnectAgent(ctx: OperationContext, instance: ContainerInstanceRecord, seconds: number | undefined): number | undefined {
  if (instance.agentConnected) {
    instance.agentConnected = false;
    instance.version += 1;
  }
  if (seconds === undefined) {
    delete instance.agentReconnectAt;
    return undefined;
  }
  instance.agentReconnectAt = ctx.now + secondsToMs(seconds);
  return instance.agentReconnectAt;
}

/**
 * An essential container exits: desiredStatus STOPPED with the reason, so the scheduler's next step
 * runs the stop sequence (10) and the service replaces the task. Tasks already stopping keep their
 * course and first reason, as with StopTask.
 */
function failTasks(ctx: OperationContext, tasks: readonly TaskRecord[], reason: string): TaskRecord[] {
  const failed: TaskRecord[] = [];
  for (const task of tasks) {
    if (task.desiredStatus === 'STOPPED' || failed.includes(task)) continue;
    task.desiredStatus = 'STOPPED';
    task.stoppedReason = reason;
    task.stoppingAt ??= ctx.now;
    task.version += 1;
    failed.push(task);
  }
  return failed;
}

/**
 * The service's targets fail their health checks until `seconds` from now (13): every healthy or
 * initial target is checked at the next step, which finds it unhealthy; after the grace period (9.2)
 * its task is stopped and replaced. Replacements registered before the fault ends fail too.
 */
function unhealthyTargets(ctx: OperationContext, service: ServiceRecord, seconds: number): number {
  service.targetsUnhealthyUntil = ctx.now + secondsToMs(seconds);
  for (const target of ctx.state.targets) {
    if (target.clusterName !== service.clusterName || target.serviceName !== service.serviceName) continue;
    if (target.state === 'healthy' || target.state === 'initial') target.nextAt = ctx.now;
  }
  return service.targetsUnhealthyUntil;
}

export function injectFault(ctx: OperationContext, input: unknown): InjectFaultOutput {
  const request = validateSandboxInput<InjectFaultInput>(INJECT_FAULT, input);
  checkMembers(request);
  const cluster = requireCluster(ctx, request.cluster);
  const clusterName = cluster.clusterName;
  const { fault } = request;
  const taskArns = (tasks: readonly TaskRecord[]) => tasks.map((t) => taskArn(ctx.scope, t.id));
  switch (fault) {
    case 'terminateInstance': {
      const instance = requireLiveInstance(ctx, clusterName, request.containerInstance!);
      const stopped = terminateInstance(ctx, instance);
      return { fault, containerInstanceArn: containerInstanceArn(ctx.scope, instance.id), taskArns: taskArns(stopped) };
    }
    case 'disconnectAgent': {
      const instance = requireLiveInstance(ctx, clusterName, request.containerInstance!);
      const until = disconnectAgent(ctx, instance, request.seconds);
      return { fault, containerInstanceArn: containerInstanceArn(ctx.scope, instance.id), ...(until !== undefined ? { until: toEpochSeconds(until) } : {}) };
    }
    case 'failTasks': {
      if (request.tasks!.length === 0) throw invalidParameter(SANDBOX.faultNoTasks);
      const tasks = request.tasks!.map((ref) => {
        const task = findTask(ctx, clusterName, ref);
        if (!task) throw invalidParameter(SANDBOX.faultTaskNotFound(ref, clusterName));
        if (task.lastStatus === 'STOPPED') throw invalidParameter(SANDBOX.faultTaskStopped(ref));
        return task;
      });
      return { fault, taskArns: taskArns(failTasks(ctx, tasks, request.reason ?? SCHEDULER.defaultStartFailure)) };
    }
    case 'unhealthyTargets': {
      const service = findService(ctx, clusterName, request.service!);
      if (!service) throw invalidParameter(SANDBOX.faultServiceNotFound(request.service!, clusterName));
      if (service.status !== 'ACTIVE') throw invalidParameter(SANDBOX.faultServiceNotActive(service.serviceName, service.status));
      if (service.loadBalancers.length === 0) throw invalidParameter(SANDBOX.faultNoLoadBalancer(service.serviceName));
      const until = unhealthyTargets(ctx, service, request.seconds!);
      return { fault, serviceArn: serviceArn(ctx.scope, service.serviceName), until: toEpochSeconds(until) };
    }
  }
}

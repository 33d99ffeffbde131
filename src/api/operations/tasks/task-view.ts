import type { Attachment, Container, Task, TaskOverride } from '../../../model/ecs-types.ts';
import type { TaskRecord } from '../../../domain/records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { clusterArn, containerArn, containerInstanceArn, taskArn } from '../../../domain/arns.ts';
import { toEpochSeconds } from '../../wire-time.ts';

type TaskStatus = TaskRecord['lastStatus'];

/** Containers follow their task; a container has no PROVISIONING or DEPROVISIONING state. */
const CONTAINER_STATUS: Record<TaskStatus, string> = {
  PROVISIONING: 'PENDING', PENDING: 'PENDING', RUNNING: 'RUNNING', DEPROVISIONING: 'STOPPED', STOPPED: 'STOPPED',
};

/** **Decision:** the task ENI's attachment status by task status (API18 Attachment.status values). */
const ATTACHMENT_STATUS: Record<TaskStatus, string> = {
  PROVISIONING: 'ATTACHING', PENDING: 'ATTACHED', RUNNING: 'ATTACHED', DEPROVISIONING: 'DETACHING', STOPPED: 'DELETED',
};

/** 2018 awsvpc tasks show one ElasticNetworkInterface attachment; `details` holds what the record knows. */
function eniAttachment(task: TaskRecord): Attachment[] {
  const eni = task.eni;
  if (!eni) return [];
  const details = [{ name: 'subnetId', value: eni.subnetId }];
  if (eni.networkInterfaceId) details.push({ name: 'networkInterfaceId', value: eni.networkInterfaceId });
  if (eni.macAddress) details.push({ name: 'macAddress', value: eni.macAddress });
  details.push({ name: 'privateIPv4Address', value: eni.privateIpv4Address });
  return [{ id: eni.attachmentId, type: 'ElasticNetworkInterface', status: ATTACHMENT_STATUS[task.lastStatus], details }];
}

/**
 * The API18 `Task` of a record (DescribeTasks, StopTask, RunTask…), in the shape of EX18 and of 2018
 * DescribeTasks output:
 * - one container per container definition, with its ARN when the record holds container ids;
 *   `networkBindings` (bindIP 0.0.0.0) from the task's `hostPorts` once the task has reached RUNNING
 *   ("After a task reaches the RUNNING status … assignments are visible", API18 PortMapping), and the
 *   ENI in `networkInterfaces` for awsvpc;
 * - `overrides`: the record's, else one `{name}` per container, as AWS lists them (EX18);
 * - `cpu` / `memory`: the task-level sizes, else the sums of 4.3 and 4.4 over the containers;
 * - `attachments`: the ENI for awsvpc tasks, else `[]`; timestamps in epoch seconds; unset members omitted.
 */
export function taskView(ctx: OperationContext, task: TaskRecord): Task {
  const arn = taskArn(ctx.scope, task.id);
  const definition = ctx.state.taskDefinitions.find((r) => r.definition.taskDefinitionArn === task.taskDefinitionArn)?.definition;
  const containerDefinitions = definition?.containerDefinitions ?? [];
  const reachedRunning = task.startedAt !== undefined;
  const containers: Container[] = containerDefinitions.map((c, i) => {
    const id = task.containerIds?.[i];
    return {
      ...(id ? { containerArn: containerArn(ctx.scope, id) } : {}),
      taskArn: arn,
      name: c.name,
      lastStatus: CONTAINER_STATUS[task.lastStatus],
      networkBindings: reachedRunning
        ? task.hostPorts
          .filter((h) => h.containerName === c.name)
          .map((h) => ({ bindIP: '0.0.0.0', containerPort: h.containerPort, hostPort: h.hostPort, protocol: h.protocol }))
        : [],
      networkInterfaces: task.eni ? [{ attachmentId: task.eni.attachmentId, privateIpv4Address: task.eni.privateIpv4Address }] : [],
    };
  });
  const overrides: TaskOverride = task.overrides
    ? structuredClone(task.overrides as TaskOverride)
    : { containerOverrides: containerDefinitions.map((c) => ({ name: c.name })) };
  const sum = (f: (c: (typeof containerDefinitions)[number]) => number | undefined) =>
    String(containerDefinitions.reduce((n, c) => n + (f(c) ?? 0), 0));
  const view: Task = {
    taskArn: arn,
    clusterArn: clusterArn(ctx.scope, task.clusterName),
    taskDefinitionArn: task.taskDefinitionArn,
    ...(task.containerInstanceId ? { containerInstanceArn: containerInstanceArn(ctx.scope, task.containerInstanceId) } : {}),
    overrides,
    lastStatus: task.lastStatus,
    desiredStatus: task.desiredStatus,
    ...(definition ? {
      cpu: definition.cpu ?? sum((c) => c.cpu), // 4.3
      memory: definition.memory ?? sum((c) => c.memoryReservation ?? c.memory), // 4.4
    } : {}),
    containers,
    ...(task.startedBy !== undefined ? { startedBy: task.startedBy } : {}),
    version: task.version,
    ...(task.stoppedReason !== undefined ? { stoppedReason: task.stoppedReason } : {}),
    createdAt: toEpochSeconds(task.createdAt),
    ...(task.startedAt !== undefined ? { startedAt: toEpochSeconds(task.startedAt) } : {}),
    ...(task.stoppingAt !== undefined ? { stoppingAt: toEpochSeconds(task.stoppingAt) } : {}),
    ...(task.stoppedAt !== undefined ? { stoppedAt: toEpochSeconds(task.stoppedAt) } : {}),
    group: task.group,
    launchType: task.launchType,
    ...(task.platformVersion !== undefined ? { platformVersion: task.platformVersion } : {}),
    attachments: eniAttachment(task),
  };
  return view;
}

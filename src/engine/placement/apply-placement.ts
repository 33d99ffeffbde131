// A PlacementResult as new TaskRecords (semantics 3.2, 4.12): one per placed task, in placement
// order, PENDING on its instance (PROVISIONING for awsvpc, whose ENI is attached first), desired
// RUNNING, with the host ports the core bound and, for awsvpc, an ENI in the instance's subnet (14.3).
// The `placement` stream's advanced state is written back to the document (3.3).
import type { TaskRecord } from '../../domain/records.ts';
import type { RegionState, SandboxDocument } from '../../domain/sandbox-document.ts';
import type { RandomState } from '../../shared/xoshiro128.ts';
import type { PlacementResult } from '../../placement/placement-problem.ts';
import type { BuiltPlacement } from './build-placement-problem.ts';

/** What applying reads of a built or placed batch. */
export type PlacementLayout = Pick<BuiltPlacement, 'mappings' | 'networkMode'> & { readonly instances: readonly BuiltPlacement['instances'][number][] };
import { allocateEniAddress } from './allocate-eni-address.ts';
import { behaviourOf } from '../scheduler/task-behaviour.ts';

/** What applying needs of an operation context (OperationContext satisfies it). */
export interface PlacementWriter {
  readonly doc: SandboxDocument;
  readonly state: RegionState;
  readonly now: number;
  newUuid(): string;
}

export interface NewTaskSettings {
  clusterName: string;
  taskDefinitionArn: string;
  containerCount: number;
  group: string;
  startedBy?: string;
  overrides?: unknown;
  launchType: 'EC2' | 'FARGATE';
  platformVersion?: string;
}

/**
 * One new task, stored. Ids are drawn in creation order (2.1): the task, its containers, then the
 * ENI attachment. `subnetId` gives it an ENI (awsvpc).
 */
export function createTask(
  ctx: PlacementWriter, settings: NewTaskSettings,
  where: { containerInstanceId?: string; hostPorts: TaskRecord['hostPorts']; subnetId?: string },
): TaskRecord {
  const id = ctx.newUuid();
  const containerIds = Array.from({ length: settings.containerCount }, () => ctx.newUuid());
  const task: TaskRecord = {
    id,
    clusterName: settings.clusterName,
    taskDefinitionArn: settings.taskDefinitionArn,
    ...(where.containerInstanceId !== undefined ? { containerInstanceId: where.containerInstanceId } : {}),
    group: settings.group,
    ...(settings.startedBy !== undefined ? { startedBy: settings.startedBy } : {}),
    lastStatus: where.subnetId !== undefined ? 'PROVISIONING' : 'PENDING',
    desiredStatus: 'RUNNING',
    launchType: settings.launchType,
    createdAt: ctx.now,
    version: 1,
    hostPorts: where.hostPorts,
    ...(settings.platformVersion !== undefined ? { platformVersion: settings.platformVersion } : {}),
    ...(settings.overrides !== undefined ? { overrides: structuredClone(settings.overrides) } : {}),
    containerIds,
  };
  // 3.1, 3.2: PROVISIONING (the ENI attaches) ends at the first step after creation; PENDING ends
  // startSeconds after creation, at RUNNING or a start failure (scheduler/task-transitions.ts).
  task.nextAt = task.lastStatus === 'PROVISIONING' ? ctx.now : ctx.now + behaviourOf(ctx.state, task.taskDefinitionArn).startSeconds * 1000;
  if (where.subnetId !== undefined) {
    const attachmentId = ctx.newUuid();
    // Decision: a subnet without a CIDR block (or a full one) gives the ENI no address to show.
    task.eni = { subnetId: where.subnetId, privateIpv4Address: allocateEniAddress(ctx.state, where.subnetId) ?? '', attachmentId };
  }
  ctx.state.tasks.push(task);
  return task;
}

export function applyPlacement(
  ctx: PlacementWriter, built: PlacementLayout, result: PlacementResult, settings: NewTaskSettings,
): TaskRecord[] {
  const P = built.mappings.length;
  const tasks: TaskRecord[] = [];
  for (let t = 0; t < result.placed; t++) {
    const instance = built.instances[result.assignments[t]];
    const hostPorts = built.mappings.map((m, p) => ({
      // the core's ports are encoded (protocol << 16 | port, placement contract); the record keeps the port
      containerName: m.containerName, containerPort: m.containerPort, hostPort: result.assignedPorts[t * P + p] & 0xffff, protocol: m.protocol,
    }));
    const subnetId = built.networkMode === 'awsvpc' ? instance.subnetId : undefined;
    tasks.push(createTask(ctx, settings, { containerInstanceId: instance.id, hostPorts, ...(subnetId !== undefined ? { subnetId } : {}) }));
  }
  ctx.doc.random.placement = Array.from(result.random) as RandomState;
  return tasks;
}

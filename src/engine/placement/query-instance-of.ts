// A container instance as the cluster query language sees it (semantics 5.4). Shared by
// ListContainerInstances' `filter` and the memberOf leaves of placement (compile-member-of.ts).
import type { ContainerInstanceRecord, TaskRecord } from '../../domain/records.ts';
import type { RegionState } from '../../domain/sandbox-document.ts';
import type { QueryInstance } from '../../query/evaluate-query.ts';
import { liveTasksOnInstance } from './task-reservation.ts';

/** The instance with the given live tasks on it (pass none where taskGroups/runningTasksCount are not read). */
export function queryInstanceOf(instance: ContainerInstanceRecord, tasks: readonly TaskRecord[]): QueryInstance {
  const attributes: Record<string, string | null> = {};
  for (const a of instance.attributes) attributes[a.name] = a.value ?? null;
  return {
    attributes,
    // live tasks, stopping ones included (D15)
    taskGroups: [...new Set(tasks.map((t) => t.group))],
    agentConnected: instance.agentConnected,
    ...(instance.versionInfo.agentVersion !== undefined ? { agentVersion: instance.versionInfo.agentVersion } : {}),
    ec2InstanceId: instance.ec2InstanceId,
    registeredAt: instance.registeredAt,
    // "tasks on the instance whose lastStatus is RUNNING" (5.4)
    runningTasksCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
  };
}

export const queryInstanceIn = (state: RegionState, instance: ContainerInstanceRecord): QueryInstance =>
  queryInstanceOf(instance, liveTasksOnInstance(state, instance));

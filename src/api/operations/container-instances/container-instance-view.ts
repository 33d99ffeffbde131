// The API18 `ContainerInstance` shape of a record, with its live counts and remaining resources.
import type { ContainerInstance, Resource } from '../../../model/ecs-types.ts';
import type { ContainerInstanceRecord } from '../../../domain/records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { containerInstanceArn } from '../../../domain/arns.ts';
import { toEpochSeconds } from '../../wire-time.ts';
import { liveTasksOn } from './task-reservation.ts';
import { remainingCpuAndMemory } from '../../../engine/placement/task-reservation.ts';
import { integerResource, stringSetResource } from './wire-resource.ts';

/**
 * "For CPU and memory resource types, … the remaining CPU and memory that has not already been
 * allocated to tasks … For port resource types, … the ports that were reserved by the … agent (at
 * instance registration time) and any task containers that have reserved port mappings on the host"
 * (API18). Live tasks hold their share until STOPPED (D7). Decision: dynamic host ports are listed
 * too, after the registered ports, in task then mapping order; other resources are copied.
 */
export function remainingResources(ctx: OperationContext, instance: ContainerInstanceRecord): Resource[] {
  const tasks = liveTasksOn(ctx, instance);
  // 4.3, 4.4: shared with the placement builder (src/engine/placement/task-reservation.ts)
  const remaining = remainingCpuAndMemory(ctx.state, instance, tasks);
  const taken = { tcp: [] as string[], udp: [] as string[] };
  for (const task of tasks) {
    for (const binding of task.hostPorts) taken[binding.protocol].push(String(binding.hostPort));
  }
  const withPorts = (registered: readonly string[], extra: readonly string[]) =>
    [...registered, ...extra.filter((p, i) => !registered.includes(p) && extra.indexOf(p) === i)];
  return instance.registeredResources.map((r) => {
    switch (r.name) {
      case 'CPU': return integerResource('CPU', remaining.cpu);
      case 'MEMORY': return integerResource('MEMORY', remaining.memory);
      case 'PORTS': return stringSetResource('PORTS', withPorts(r.stringSetValue ?? [], taken.tcp));
      case 'PORTS_UDP': return stringSetResource('PORTS_UDP', withPorts(r.stringSetValue ?? [], taken.udp));
      default: return structuredClone(r);
    }
  });
}

export function containerInstanceView(ctx: OperationContext, instance: ContainerInstanceRecord): ContainerInstance {
  const tasks = liveTasksOn(ctx, instance);
  return {
    containerInstanceArn: containerInstanceArn(ctx.scope, instance.id),
    ec2InstanceId: instance.ec2InstanceId,
    version: instance.version,
    versionInfo: { ...instance.versionInfo },
    remainingResources: remainingResources(ctx, instance),
    registeredResources: structuredClone(instance.registeredResources),
    status: instance.status,
    agentConnected: instance.agentConnected,
    // "tasks on the container instance that are in the RUNNING status" / "PENDING status" (API18)
    runningTasksCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
    pendingTasksCount: tasks.filter((t) => t.lastStatus === 'PENDING').length,
    attributes: instance.attributes.map((a) => (a.value === undefined ? { name: a.name } : { name: a.name, value: a.value })),
    registeredAt: toEpochSeconds(instance.registeredAt),
    // The sandbox attaches no ENI to the instance itself; task ENIs belong to tasks (D5: empty list).
    attachments: [],
  };
}

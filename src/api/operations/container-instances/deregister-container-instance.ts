// DeregisterContainerInstance: the record stays, INACTIVE and disconnected, so it can still be
// described (API18 ContainerInstance.status lists INACTIVE).
import type { DeregisterContainerInstanceRequest, DeregisterContainerInstanceResponse } from '../../../model/ecs-types.ts';
import { markStopped } from '../../../engine/scheduler/stop-sequence.ts';
import type { OperationContext } from '../../operation-context.ts';
import { invalidParameter } from '../../aws-error.ts';
import { CONTAINER_INSTANCES } from '../../../messages.ts';
import { requireCluster } from '../../resolve.ts';
import { containerInstanceView } from './container-instance-view.ts';
import { findContainerInstance } from './find-container-instance.ts';
import { liveTasksOn } from './task-reservation.ts';

/**
 * Without `force`, an instance with live tasks is refused: "you must either stop those tasks before
 * deregistering, or use the force option" (EX18). With `force`, its tasks are orphaned: "no longer
 * monitored or accounted for by Amazon ECS", and a service "starts another copy" (API18). ECS moved
 * them to STOPPED (aws/amazon-ecs-agent#125), which is what frees their service to replace them here.
 * Decision: deregistering an INACTIVE instance again returns it unchanged.
 */
export function deregisterContainerInstance(
  ctx: OperationContext, input: DeregisterContainerInstanceRequest,
): DeregisterContainerInstanceResponse {
  const cluster = requireCluster(ctx, input.cluster);
  const instance = findContainerInstance(ctx, cluster.clusterName, input.containerInstance);
  if (!instance) throw invalidParameter(CONTAINER_INSTANCES.notFound);
  if (instance.status !== 'INACTIVE') {
    const live = liveTasksOn(ctx, instance);
    if (live.length > 0 && input.force !== true) throw invalidParameter(CONTAINER_INSTANCES.hasRunningTasks);
    for (const task of live) {
      task.stoppedReason ??= CONTAINER_INSTANCES.orphanedTaskStoppedReason;
      markStopped(ctx, task); // its target and discovery instance go with it
    }
    instance.status = 'INACTIVE';
    instance.agentConnected = false;
    instance.version += 1;
  }
  return { containerInstance: containerInstanceView(ctx, instance) };
}

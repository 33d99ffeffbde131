import type { StopTaskRequest, StopTaskResponse } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { invalidParameter } from '../../aws-error.ts';
import { TASKS } from '../../../messages.ts';
import { requireCluster } from '../../resolve.ts';
import { findTask } from './find-task.ts';
import { taskView } from './task-view.ts';

/**
 * Records the request to stop (D6: API calls change desired state only; the scheduler runs the stop
 * sequence and sets lastStatus later): desiredStatus STOPPED, stoppedReason = `reason`, or AWS's
 * `Task stopped by user` without one, stoppingAt = now (as AWS shows right after StopTask), version + 1.
 * **Decision:** a task whose desiredStatus is already STOPPED is returned unchanged, keeping its first reason.
 */
export function stopTask(ctx: OperationContext, input: StopTaskRequest): StopTaskResponse {
  const cluster = requireCluster(ctx, input.cluster);
  const max = ctx.era.stopTaskReasonMaxLength;
  if (input.reason !== undefined && input.reason.length > max) throw invalidParameter(TASKS.reasonTooLong(max));
  const task = findTask(ctx, cluster.clusterName, input.task);
  if (!task) throw invalidParameter(TASKS.notFound);
  if (task.desiredStatus !== 'STOPPED') {
    task.desiredStatus = 'STOPPED';
    task.stoppedReason = input.reason || TASKS.stoppedByUser;
    task.stoppingAt ??= ctx.now;
    task.version += 1;
  }
  return { task: taskView(ctx, task) };
}

import type { DescribeTasksRequest, DescribeTasksResponse } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { invalidParameter } from '../../aws-error.ts';
import { taskArn } from '../../../domain/arns.ts';
import { TASKS } from '../../../messages.ts';
import { requireCluster } from '../../resolve.ts';
import { findTask } from './find-task.ts';
import { taskView } from './task-view.ts';

/**
 * Checks, in order: the cluster (ClusterNotFoundException), an empty `tasks` list, more than 100 entries.
 * Unknown tasks (or tasks of another cluster) are `MISSING` failures (DG18:api_failures_messages); as for
 * DescribeServices (D41) an id becomes the task ARN, an ARN is echoed, and results keep the request order
 * with duplicates.
 */
export function describeTasks(ctx: OperationContext, input: DescribeTasksRequest): DescribeTasksResponse {
  const cluster = requireCluster(ctx, input.cluster);
  // Missing or empty: `tasks` is in the registry's ownRequired, so both get ECS's own text.
  if (!input.tasks || input.tasks.length === 0) throw invalidParameter(TASKS.tasksEmpty);
  const max = ctx.era.describeTasksMaxTasks;
  if (input.tasks.length > max) throw invalidParameter(TASKS.tooManyTasks(max));
  const out: DescribeTasksResponse = { tasks: [], failures: [] };
  for (const ref of input.tasks) {
    const task = findTask(ctx, cluster.clusterName, ref);
    if (task) out.tasks!.push(taskView(ctx, task));
    else out.failures!.push({ arn: ref.startsWith('arn:') ? ref : taskArn(ctx.scope, ref), reason: 'MISSING' });
  }
  return out;
}

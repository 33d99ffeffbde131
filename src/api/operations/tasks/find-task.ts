import type { TaskRecord } from '../../../domain/records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { parseEcsArn } from '../../../domain/arns.ts';

/** `ref` is a task id or a full task ARN (API18 DescribeTasks, StopTask); only tasks of `clusterName` match. */
export function findTask(ctx: OperationContext, clusterName: string, ref: string): TaskRecord | undefined {
  let id = ref;
  if (ref.startsWith('arn:')) {
    const arn = parseEcsArn(ref, 'task');
    if (!arn || arn.region !== ctx.region || arn.accountId !== ctx.scope.accountId) return undefined;
    id = arn.id;
  }
  return ctx.state.tasks.find((t) => t.clusterName === clusterName && t.id === id);
}

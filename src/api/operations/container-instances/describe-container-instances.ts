// DescribeContainerInstances: up to 100 ids or ARNs; INACTIVE instances are described; unknown ones
// (or instances of another cluster) are MISSING failures, in request order, duplicates kept (as D41).
import type { DescribeContainerInstancesRequest, DescribeContainerInstancesResponse } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { invalidParameter } from '../../aws-error.ts';
import { CONTAINER_INSTANCES } from '../../../messages.ts';
import { requireCluster } from '../../resolve.ts';
import { containerInstanceView } from './container-instance-view.ts';
import { failureArnOf, findContainerInstance } from './find-container-instance.ts';

export function describeContainerInstances(
  ctx: OperationContext, input: DescribeContainerInstancesRequest,
): DescribeContainerInstancesResponse {
  const cluster = requireCluster(ctx, input.cluster);
  const refs = input.containerInstances;
  if (refs.length === 0) throw invalidParameter(CONTAINER_INSTANCES.emptyContainerInstances);
  const max = ctx.era.describeContainerInstancesMaxIds;
  if (refs.length > max) throw invalidParameter(CONTAINER_INSTANCES.tooManyContainerInstances(max));
  const out: DescribeContainerInstancesResponse = { containerInstances: [], failures: [] };
  for (const ref of refs) {
    const instance = findContainerInstance(ctx, cluster.clusterName, ref);
    if (instance) out.containerInstances!.push(containerInstanceView(ctx, instance));
    else out.failures!.push({ arn: failureArnOf(ctx, ref), reason: 'MISSING' });
  }
  return out;
}

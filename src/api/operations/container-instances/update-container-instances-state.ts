// UpdateContainerInstancesState: ACTIVE ↔ DRAINING. What the scheduler then does with a DRAINING
// instance's tasks is semantics 9.8 and lives in the engine; here only the status changes.
import type { UpdateContainerInstancesStateRequest, UpdateContainerInstancesStateResponse } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { invalidParameter } from '../../aws-error.ts';
import { CONTAINER_INSTANCES } from '../../../messages.ts';
import { requireCluster } from '../../resolve.ts';
import { containerInstanceView } from './container-instance-view.ts';
import { failureArnOf, findContainerInstance } from './find-container-instance.ts';

/**
 * Unknown instances are MISSING failures and deregistered ones INACTIVE failures (the reasons of
 * DG18:api_failures_messages), in request order. Decision: the version is bumped only when the status
 * actually changes, and an instance named twice is updated once but listed twice.
 */
export function updateContainerInstancesState(
  ctx: OperationContext, input: UpdateContainerInstancesStateRequest,
): UpdateContainerInstancesStateResponse {
  const cluster = requireCluster(ctx, input.cluster);
  if (input.containerInstances.length === 0) throw invalidParameter(CONTAINER_INSTANCES.emptyContainerInstances);
  const out: UpdateContainerInstancesStateResponse = { containerInstances: [], failures: [] };
  for (const ref of input.containerInstances) {
    const instance = findContainerInstance(ctx, cluster.clusterName, ref);
    if (!instance) {
      out.failures!.push({ arn: failureArnOf(ctx, ref), reason: 'MISSING' });
    } else if (instance.status === 'INACTIVE') {
      out.failures!.push({ arn: failureArnOf(ctx, ref), reason: 'INACTIVE' });
    } else {
      if (instance.status !== input.status) {
        instance.status = input.status;
        instance.version += 1;
      }
      out.containerInstances!.push(containerInstanceView(ctx, instance));
    }
  }
  return out;
}

import type { DeleteClusterRequest, DeleteClusterResponse } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { AwsError } from '../../aws-error.ts';
import { CLUSTERS } from '../../../messages.ts';
import { requireCluster } from '../../resolve.ts';
import { clusterView } from './cluster-view.ts';

/** The cluster stays, INACTIVE: described but not listed, and closed to new services. */
export function deleteCluster(ctx: OperationContext, input: DeleteClusterRequest): DeleteClusterResponse {
  const cluster = requireCluster(ctx, input.cluster);
  const name = cluster.clusterName;
  if (cluster.status === 'ACTIVE') {
    if (ctx.state.containerInstances.some((i) => i.clusterName === name && i.status !== 'INACTIVE')) {
      throw new AwsError('ClusterContainsContainerInstancesException', CLUSTERS.containsInstances);
    }
    if (ctx.state.services.some((s) => s.clusterName === name && s.status !== 'INACTIVE')) {
      throw new AwsError('ClusterContainsServicesException', CLUSTERS.containsServices);
    }
    if (ctx.state.tasks.some((t) => t.clusterName === name && t.lastStatus !== 'STOPPED')) {
      throw new AwsError('ClusterContainsTasksException', CLUSTERS.containsTasks);
    }
    cluster.status = 'INACTIVE';
  }
  return { cluster: clusterView(ctx, cluster) };
}

import type { CreateClusterRequest, CreateClusterResponse } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { invalidParameter } from '../../aws-error.ts';
import { CLUSTERS } from '../../../messages.ts';
import { clusterView } from './cluster-view.ts';

const CLUSTER_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** Creating an existing ACTIVE cluster returns it; an INACTIVE one comes back ACTIVE. */
export function createCluster(ctx: OperationContext, input: CreateClusterRequest): CreateClusterResponse {
  const clusterName = input.clusterName ?? 'default';
  if (!CLUSTER_NAME.test(clusterName)) throw invalidParameter(CLUSTERS.badName);
  let cluster = ctx.state.clusters.find((c) => c.clusterName === clusterName);
  if (!cluster) {
    cluster = { clusterName, status: 'ACTIVE', createdAt: ctx.now };
    ctx.state.clusters.push(cluster);
  } else if (cluster.status === 'INACTIVE') {
    cluster.status = 'ACTIVE';
    cluster.createdAt = ctx.now;
  }
  return { cluster: clusterView(ctx, cluster) };
}

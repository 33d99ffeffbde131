import type { ListClustersRequest, ListClustersResponse } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { clusterArn } from '../../../domain/arns.ts';
import { paginate } from '../../paginate.ts';

/** ACTIVE clusters only, in creation order. */
export function listClusters(ctx: OperationContext, input: ListClustersRequest): ListClustersResponse {
  const arns = ctx.state.clusters.filter((c) => c.status === 'ACTIVE').map((c) => clusterArn(ctx.scope, c.clusterName));
  const page = paginate(arns, input.nextToken, input.maxResults, ctx.era.listDefaultMaxResults);
  return { clusterArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}

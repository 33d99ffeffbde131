import type { ListServicesRequest, ListServicesResponse } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { serviceArn } from '../../../domain/arns.ts';
import { paginate } from '../../paginate.ts';
import { requireCluster } from '../../resolve.ts';

/** 15.5: ACTIVE services only (12), optionally of one launch type, in creation order (D41). */
export function listServices(ctx: OperationContext, input: ListServicesRequest): ListServicesResponse {
  const cluster = requireCluster(ctx, input.cluster); // #1
  const arns = ctx.state.services
    .filter((s) => s.clusterName === cluster.clusterName && s.status === 'ACTIVE')
    .filter((s) => input.launchType === undefined || s.launchType === input.launchType)
    .map((s) => serviceArn(ctx.scope, s.serviceName));
  // #2 maxResults in 1–10, then #3 nextToken
  const page = paginate(arns, input.nextToken, input.maxResults, ctx.era.listServicesMaxResults);
  return { serviceArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}

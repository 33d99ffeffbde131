// ListContainerInstances: the cluster's ACTIVE and DRAINING instances ("If you do not specify this
// parameter, the default is to include container instances set to ACTIVE and DRAINING", API18), or
// those of the given `status`, that satisfy `filter` (cluster query language, section 5), in
// registration order (Decision), 1–100 a page.
import type { ListContainerInstancesRequest, ListContainerInstancesResponse } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { evaluateQuery } from '../../../query/evaluate-query.ts';
import { containerInstanceArn } from '../../../domain/arns.ts';
import { paginate } from '../../paginate.ts';
import { requireCluster } from '../../resolve.ts';
import { assertValidExpression } from '../../validate/validate-expression.ts';
import { queryInstanceOf } from './query-instance.ts';

export function listContainerInstances(
  ctx: OperationContext, input: ListContainerInstancesRequest,
): ListContainerInstancesResponse {
  const cluster = requireCluster(ctx, input.cluster);
  // A filter that does not parse is InvalidParameterException (D48).
  const expression = input.filter !== undefined ? assertValidExpression(input.filter) : undefined;
  const arns = ctx.state.containerInstances
    .filter((i) => i.clusterName === cluster.clusterName)
    .filter((i) => (input.status === undefined ? i.status !== 'INACTIVE' : i.status === input.status))
    .filter((i) => expression === undefined || evaluateQuery(expression, queryInstanceOf(ctx, i)))
    .sort((a, b) => a.registrationIndex - b.registrationIndex)
    .map((i) => containerInstanceArn(ctx.scope, i.id));
  const page = paginate(arns, input.nextToken, input.maxResults, ctx.era.listDefaultMaxResults);
  return { containerInstanceArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}

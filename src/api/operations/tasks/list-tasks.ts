import type { ListTasksRequest, ListTasksResponse } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { AwsError, invalidParameter } from '../../aws-error.ts';
import { parseEcsArn, taskArn } from '../../../domain/arns.ts';
import { SERVICES, TASKS } from '../../../messages.ts';
import { findService, requireCluster } from '../../resolve.ts';
import { paginate } from '../../paginate.ts';

const FAMILY = /^[a-zA-Z0-9\-_]+$/;

/**
 * Tasks of the cluster, in creation order, matching every filter given (API18):
 * - `desiredStatus`: RUNNING by default; PENDING matches nothing ("Amazon ECS never sets the desired
 *   status of a task to that value"); STOPPED lists tasks asked to stop, stopped ones included;
 * - `containerInstance`: an id or a full ARN. **Decision:** an unknown instance matches nothing;
 * - `family`: must match `^[a-zA-Z0-9\-_]+$` (AWS output), then the family of the task's definition;
 * - `startedBy`, `launchType`: equal values;
 * - `serviceName`: ServiceNotFoundException when the cluster has no such service; otherwise the tasks
 *   started by any of its deployments (`startedBy` = deployment id, semantics 3.2).
 */
export function listTasks(ctx: OperationContext, input: ListTasksRequest): ListTasksResponse {
  const cluster = requireCluster(ctx, input.cluster);
  if (input.family !== undefined && !FAMILY.test(input.family)) throw invalidParameter(TASKS.familyPattern);
  let deploymentIds: Set<string> | undefined;
  if (input.serviceName !== undefined) {
    const service = findService(ctx, cluster.clusterName, input.serviceName);
    if (!service) throw new AwsError('ServiceNotFoundException', SERVICES.notFound);
    deploymentIds = new Set(service.deployments.map((d) => d.id));
  }
  let instanceId = input.containerInstance;
  if (instanceId?.startsWith('arn:')) {
    const arn = parseEcsArn(instanceId, 'container-instance');
    instanceId = arn && arn.region === ctx.region && arn.accountId === ctx.scope.accountId ? arn.id : '';
  }
  const desiredStatus = input.desiredStatus ?? 'RUNNING';
  const familyOf = (arn: string) => ctx.state.taskDefinitions.find((r) => r.definition.taskDefinitionArn === arn)?.definition.family;
  const arns = ctx.state.tasks
    .filter((t) => t.clusterName === cluster.clusterName && t.desiredStatus === desiredStatus)
    .filter((t) => instanceId === undefined || t.containerInstanceId === instanceId)
    .filter((t) => input.family === undefined || familyOf(t.taskDefinitionArn) === input.family)
    .filter((t) => input.startedBy === undefined || t.startedBy === input.startedBy)
    .filter((t) => deploymentIds === undefined || (t.startedBy !== undefined && deploymentIds.has(t.startedBy)))
    .filter((t) => input.launchType === undefined || t.launchType === input.launchType)
    .map((t) => taskArn(ctx.scope, t.id));
  const page = paginate(arns, input.nextToken, input.maxResults, ctx.era.listDefaultMaxResults);
  return { taskArns: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}

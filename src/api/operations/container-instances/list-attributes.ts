// ListAttributes: "one attribute object for each attribute on each resource", optionally only those
// of one name, or of one name and value (API18). Decision: the live (ACTIVE or DRAINING) instances of
// the cluster in registration order, each instance's attributes in their stored order; 1–100 a page.
// Each entry is {name, targetId, value}, without targetType, as in the AWS CLI's list-attributes example
// output (aws/aws-cli awscli/examples/ecs/list-attributes.rst).
import type { Attribute, ListAttributesRequest, ListAttributesResponse } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { containerInstanceArn } from '../../../domain/arns.ts';
import { invalidParameter } from '../../aws-error.ts';
import { CONTAINER_INSTANCES } from '../../../messages.ts';
import { paginate } from '../../paginate.ts';
import { requireCluster } from '../../resolve.ts';

export function listAttributes(ctx: OperationContext, input: ListAttributesRequest): ListAttributesResponse {
  const cluster = requireCluster(ctx, input.cluster);
  if (input.attributeValue !== undefined && input.attributeName === undefined) {
    throw invalidParameter(CONTAINER_INSTANCES.attributeValueWithoutName);
  }
  const instances = ctx.state.containerInstances
    .filter((i) => i.clusterName === cluster.clusterName && i.status !== 'INACTIVE')
    .sort((a, b) => a.registrationIndex - b.registrationIndex);
  const items: Attribute[] = [];
  for (const instance of instances) {
    const targetId = containerInstanceArn(ctx.scope, instance.id);
    for (const a of instance.attributes) {
      if (input.attributeName !== undefined && a.name !== input.attributeName) continue;
      if (input.attributeValue !== undefined && a.value !== input.attributeValue) continue;
      items.push({ name: a.name, ...(a.value !== undefined ? { value: a.value } : {}), targetId });
    }
  }
  const page = paginate(items, input.nextToken, input.maxResults, ctx.era.listDefaultMaxResults);
  return { attributes: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}

// PutAttributes: "If the attribute does not exist, it is created. If the attribute exists, its value
// is replaced with the specified value" (API18). All attributes are checked before any is applied.
import type { Attribute, PutAttributesRequest, PutAttributesResponse } from '../../../model/ecs-types.ts';
import type { ContainerInstanceRecord } from '../../../domain/records.ts';
import { internValue } from '../../../domain/intern-value.ts';
import type { OperationContext } from '../../operation-context.ts';
import { AwsError, invalidParameter } from '../../aws-error.ts';
import { CONTAINER_INSTANCES } from '../../../messages.ts';
import { requireCluster } from '../../resolve.ts';
import { requireAttributeTarget } from './attribute-target.ts';
import { assertValidAttribute, countCustomAttributes, setAttribute } from './attribute-rules.ts';

/** 1–10 attributes per call (API18), each valid and aimed at a live instance of the cluster, in request order. */
export function resolveAttributeTargets(
  ctx: OperationContext, clusterName: string, attributes: readonly Attribute[],
): Map<ContainerInstanceRecord, Attribute[]> {
  if (attributes.length === 0) throw invalidParameter(CONTAINER_INSTANCES.emptyAttributes);
  const max = ctx.era.maxAttributesPerCall;
  if (attributes.length > max) throw invalidParameter(CONTAINER_INSTANCES.tooManyAttributes(max));
  const byTarget = new Map<ContainerInstanceRecord, Attribute[]>();
  for (const attribute of attributes) {
    assertValidAttribute(ctx, attribute);
    const instance = requireAttributeTarget(ctx, clusterName, attribute);
    byTarget.set(instance, [...(byTarget.get(instance) ?? []), attribute]);
  }
  return byTarget;
}

/** The response echoes the request's attributes as sent. */
export function putAttributes(ctx: OperationContext, input: PutAttributesRequest): PutAttributesResponse {
  const cluster = requireCluster(ctx, input.cluster);
  const byTarget = resolveAttributeTargets(ctx, cluster.clusterName, input.attributes);
  const updated = new Map<ContainerInstanceRecord, Attribute[]>();
  for (const [instance, attributes] of byTarget) {
    const next = instance.attributes.map((a) => ({ ...a }));
    for (const a of attributes) setAttribute(next, a.name, a.value);
    // "You can apply up to 10 custom attributes per resource" (AttributeLimitExceededException).
    if (countCustomAttributes(next) > ctx.era.maxCustomAttributesPerResource) {
      throw new AwsError('AttributeLimitExceededException', CONTAINER_INSTANCES.attributeLimit(ctx.era.maxCustomAttributesPerResource));
    }
    updated.set(instance, next);
  }
  for (const [instance, next] of updated) {
    instance.attributes = internValue(ctx.state, next);
    instance.version += 1;
  }
  return { attributes: input.attributes.map((a) => ({ ...a })) };
}

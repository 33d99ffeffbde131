// DeleteAttributes: "For custom attributes, specify the attribute name and target ID, but do not
// specify the value" (API18). Decision: the attribute goes by name whatever value is given; naming an
// attribute the target does not carry is no error; built-in attributes may be deleted too, which is
// how a scenario takes a capability away from an instance. The response echoes the request.
import type { DeleteAttributesRequest, DeleteAttributesResponse } from '../../../model/ecs-types.ts';
import { internValue } from '../../../domain/intern-value.ts';
import type { OperationContext } from '../../operation-context.ts';
import { requireCluster } from '../../resolve.ts';
import { resolveAttributeTargets } from './put-attributes.ts';

export function deleteAttributes(ctx: OperationContext, input: DeleteAttributesRequest): DeleteAttributesResponse {
  const cluster = requireCluster(ctx, input.cluster);
  const byTarget = resolveAttributeTargets(ctx, cluster.clusterName, input.attributes);
  for (const [instance, attributes] of byTarget) {
    const names = new Set(attributes.map((a) => a.name));
    const kept = instance.attributes.filter((a) => !names.has(a.name));
    if (kept.length !== instance.attributes.length) {
      instance.attributes = internValue(ctx.state, kept);
      instance.version += 1;
    }
  }
  return { attributes: input.attributes.map((a) => ({ ...a })) };
}

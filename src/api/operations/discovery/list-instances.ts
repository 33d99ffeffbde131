import type { ListInstancesRequest, ListInstancesResponse } from '../../../model/servicediscovery-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { LIMITS, requireLength } from './discovery-constraints.ts';
import { paginateDiscovery } from './discovery-paginate.ts';
import { requireRegistryService, settleDueOperations } from './discovery-state.ts';

/** In registration order. Empty until instances register (the scheduler registers tasks, semantics 14.3). */
export function listInstances(ctx: OperationContext, input: ListInstancesRequest): ListInstancesResponse {
  settleDueOperations(ctx);
  requireLength(input.ServiceId, 'serviceId', LIMITS.resourceId);
  const service = requireRegistryService(ctx, input.ServiceId);
  const instances = ctx.state.discovery.instances.filter((i) => i.serviceId === service.id);
  const page = paginateDiscovery(instances, input.NextToken, input.MaxResults);
  return {
    Instances: page.items.map((i) => ({ Id: i.instanceId, Attributes: { ...i.attributes } })),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}

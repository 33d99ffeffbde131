import type { ListServicesRequest, ListServicesResponse } from '../../../model/servicediscovery-types.ts';
import type { RegistryServiceRecord } from '../../../domain/discovery-records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { applyFilters } from './discovery-filters.ts';
import { paginateDiscovery } from './discovery-paginate.ts';
import { settleDueOperations } from './discovery-state.ts';
import { serviceSummary } from './discovery-views.ts';

/** In creation order, optionally filtered by NAMESPACE_ID. */
export function listServices(ctx: OperationContext, input: ListServicesRequest): ListServicesResponse {
  settleDueOperations(ctx);
  const services = applyFilters<RegistryServiceRecord>(ctx.state.discovery.services, input.Filters, {
    NAMESPACE_ID: { value: (s) => s.namespaceId, conditions: ['EQ', 'IN'] },
  });
  const page = paginateDiscovery(services, input.NextToken, input.MaxResults);
  return {
    Services: page.items.map((s) => serviceSummary(ctx, s)),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}

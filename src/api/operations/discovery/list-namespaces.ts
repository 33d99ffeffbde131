import type { ListNamespacesRequest, ListNamespacesResponse } from '../../../model/servicediscovery-types.ts';
import type { NamespaceRecord } from '../../../domain/discovery-records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { applyFilters } from './discovery-filters.ts';
import { paginateDiscovery } from './discovery-paginate.ts';
import { settleDueOperations } from './discovery-state.ts';
import { namespaceSummary } from './discovery-views.ts';

/** In creation order; the 2018 API filters by TYPE only. */
export function listNamespaces(ctx: OperationContext, input: ListNamespacesRequest): ListNamespacesResponse {
  settleDueOperations(ctx);
  const namespaces = applyFilters<NamespaceRecord>(ctx.state.discovery.namespaces, input.Filters, {
    TYPE: { value: (n) => n.type, conditions: ['EQ', 'IN'] },
  });
  const page = paginateDiscovery(namespaces, input.NextToken, input.MaxResults);
  return { Namespaces: page.items.map(namespaceSummary), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
}

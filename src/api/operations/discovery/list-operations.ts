import type { ListOperationsRequest, ListOperationsResponse } from '../../../model/servicediscovery-types.ts';
import type { DiscoveryOperationRecord } from '../../../domain/discovery-records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { toEpochSeconds } from '../../wire-time.ts';
import { applyFilters } from './discovery-filters.ts';
import { paginateDiscovery } from './discovery-paginate.ts';
import { settleDueOperations } from './discovery-state.ts';

const EQ_IN = ['EQ', 'IN'] as const;

/** In submission order, filtered by NAMESPACE_ID, SERVICE_ID, STATUS, TYPE or UPDATE_DATE (BETWEEN). */
export function listOperations(ctx: OperationContext, input: ListOperationsRequest): ListOperationsResponse {
  settleDueOperations(ctx);
  const operations = applyFilters<DiscoveryOperationRecord>(ctx.state.discovery.operations, input.Filters, {
    NAMESPACE_ID: { value: (o) => o.targets.NAMESPACE ?? '', conditions: EQ_IN },
    SERVICE_ID: { value: (o) => o.targets.SERVICE ?? '', conditions: EQ_IN },
    STATUS: { value: (o) => o.status, conditions: EQ_IN },
    TYPE: { value: (o) => o.type, conditions: EQ_IN },
    UPDATE_DATE: { value: (o) => toEpochSeconds(o.updatedAt), conditions: ['BETWEEN'] },
  });
  const page = paginateDiscovery(operations, input.NextToken, input.MaxResults);
  return {
    Operations: page.items.map((o) => ({ Id: o.id, Status: o.status })),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}

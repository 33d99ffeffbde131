import type { GetServiceRequest, GetServiceResponse } from '../../../model/servicediscovery-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { LIMITS, requireLength } from './discovery-constraints.ts';
import { requireRegistryService, settleDueOperations } from './discovery-state.ts';
import { serviceView } from './discovery-views.ts';

export function getService(ctx: OperationContext, input: GetServiceRequest): GetServiceResponse {
  settleDueOperations(ctx);
  requireLength(input.Id, 'id', LIMITS.resourceId);
  return { Service: serviceView(ctx, requireRegistryService(ctx, input.Id)) };
}

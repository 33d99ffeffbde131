import type { GetNamespaceRequest, GetNamespaceResponse } from '../../../model/servicediscovery-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { LIMITS, requireLength } from './discovery-constraints.ts';
import { requireNamespace, settleDueOperations } from './discovery-state.ts';
import { namespaceView } from './discovery-views.ts';

/** A namespace whose CreatePrivateDnsNamespace has not completed yet is NamespaceNotFound. */
export function getNamespace(ctx: OperationContext, input: GetNamespaceRequest): GetNamespaceResponse {
  settleDueOperations(ctx);
  requireLength(input.Id, 'id', LIMITS.resourceId);
  return { Namespace: namespaceView(ctx, requireNamespace(ctx, input.Id)) };
}

import type { DeleteNamespaceRequest, DeleteNamespaceResponse } from '../../../model/servicediscovery-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { AwsError } from '../../aws-error.ts';
import { DISCOVERY } from '../../../messages.ts';
import { LIMITS, requireLength } from './discovery-constraints.ts';
import { requireNamespace, settleDueOperations } from './discovery-state.ts';
import { newOperationId, submitOperation } from './submit-operation.ts';

/**
 * Asynchronous: the namespace goes when the operation completes at the next step. A namespace that
 * still contains services is ResourceInUse; a second delete while one is pending is DuplicateRequest.
 */
export function deleteNamespace(ctx: OperationContext, input: DeleteNamespaceRequest): DeleteNamespaceResponse {
  settleDueOperations(ctx);
  requireLength(input.Id, 'id', LIMITS.resourceId);
  const namespace = requireNamespace(ctx, input.Id);
  const discovery = ctx.state.discovery;
  if (discovery.operations.some((op) => op.pending?.kind === 'deleteNamespace' && op.pending.namespaceId === namespace.id)) {
    throw new AwsError('DuplicateRequest', DISCOVERY.duplicateRequest);
  }
  if (discovery.services.some((s) => s.namespaceId === namespace.id)) {
    throw new AwsError('ResourceInUse', DISCOVERY.namespaceHasServices);
  }
  const op = submitOperation(ctx, newOperationId(ctx), 'DELETE_NAMESPACE', { NAMESPACE: namespace.id },
    { kind: 'deleteNamespace', namespaceId: namespace.id });
  return { OperationId: op.id };
}

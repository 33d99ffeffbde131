import type { GetOperationRequest, GetOperationResponse } from '../../../model/servicediscovery-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { AwsError } from '../../aws-error.ts';
import { DISCOVERY } from '../../../messages.ts';
import { settleDueOperations } from './discovery-state.ts';
import { operationView } from './discovery-views.ts';

/** SUBMITTED until the first scheduler step after the call that started it, then SUCCESS (or FAIL). */
export function getOperation(ctx: OperationContext, input: GetOperationRequest): GetOperationResponse {
  settleDueOperations(ctx);
  const op = ctx.state.discovery.operations.find((o) => o.id === input.OperationId);
  if (!op) throw new AwsError('OperationNotFound', DISCOVERY.operationNotFound);
  return { Operation: operationView(op) };
}

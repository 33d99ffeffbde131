import type { DeregisterInstanceRequest, DeregisterInstanceResponse } from '../../../model/servicediscovery-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { AwsError } from '../../aws-error.ts';
import { DISCOVERY } from '../../../messages.ts';
import { LIMITS, requireLength } from './discovery-constraints.ts';
import { requireRegistryService, settleDueOperations } from './discovery-state.ts';
import { newOperationId, submitOperation } from './submit-operation.ts';

/** Asynchronous: the instance goes when the operation completes at the next step. */
export function deregisterInstance(ctx: OperationContext, input: DeregisterInstanceRequest): DeregisterInstanceResponse {
  settleDueOperations(ctx);
  requireLength(input.ServiceId, 'serviceId', LIMITS.resourceId);
  requireLength(input.InstanceId, 'instanceId', LIMITS.resourceId);
  const service = requireRegistryService(ctx, input.ServiceId);
  const discovery = ctx.state.discovery;
  if (!discovery.instances.some((i) => i.serviceId === service.id && i.instanceId === input.InstanceId)) {
    throw new AwsError('InstanceNotFound', DISCOVERY.instanceNotFound);
  }
  if (discovery.operations.some((op) => op.pending && op.targets.SERVICE === service.id && op.targets.INSTANCE === input.InstanceId)) {
    throw new AwsError('DuplicateRequest', DISCOVERY.duplicateRequest);
  }
  const op = submitOperation(ctx, newOperationId(ctx), 'DEREGISTER_INSTANCE',
    { SERVICE: service.id, INSTANCE: input.InstanceId },
    { kind: 'deregisterInstance', serviceId: service.id, instanceId: input.InstanceId });
  return { OperationId: op.id };
}

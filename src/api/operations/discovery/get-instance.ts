import type { GetInstanceRequest, GetInstanceResponse } from '../../../model/servicediscovery-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { AwsError } from '../../aws-error.ts';
import { DISCOVERY } from '../../../messages.ts';
import { LIMITS, requireLength } from './discovery-constraints.ts';
import { requireRegistryService, settleDueOperations } from './discovery-state.ts';

/** An instance whose RegisterInstance has not completed yet is InstanceNotFound (as the API reference warns). */
export function getInstance(ctx: OperationContext, input: GetInstanceRequest): GetInstanceResponse {
  settleDueOperations(ctx);
  requireLength(input.ServiceId, 'serviceId', LIMITS.resourceId);
  requireLength(input.InstanceId, 'instanceId', LIMITS.resourceId);
  const service = requireRegistryService(ctx, input.ServiceId);
  const instance = ctx.state.discovery.instances.find((i) => i.serviceId === service.id && i.instanceId === input.InstanceId);
  if (!instance) throw new AwsError('InstanceNotFound', DISCOVERY.instanceNotFound);
  return {
    Instance: {
      Id: instance.instanceId,
      ...(instance.creatorRequestId !== undefined ? { CreatorRequestId: instance.creatorRequestId } : {}),
      Attributes: { ...instance.attributes },
    },
  };
}

import type { DeleteServiceRequest, DeleteServiceResponse } from '../../../model/servicediscovery-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { AwsError } from '../../aws-error.ts';
import { DISCOVERY } from '../../../messages.ts';
import { LIMITS, requireLength } from './discovery-constraints.ts';
import { requireRegistryService, settleDueOperations } from './discovery-state.ts';

/**
 * Synchronous. A service with registered instances is ResourceInUse (the text Terraform users met in
 * 2018 when an ECS service still had tasks registered); ECS services that name it are not checked,
 * as AWS did not check them.
 */
export function deleteService(ctx: OperationContext, input: DeleteServiceRequest): DeleteServiceResponse {
  settleDueOperations(ctx);
  requireLength(input.Id, 'id', LIMITS.resourceId);
  const service = requireRegistryService(ctx, input.Id);
  const discovery = ctx.state.discovery;
  if (discovery.instances.some((i) => i.serviceId === service.id)) {
    throw new AwsError('ResourceInUse', DISCOVERY.serviceHasInstances);
  }
  discovery.services = discovery.services.filter((s) => s.id !== service.id);
  return {};
}

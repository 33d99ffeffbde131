import type { DeleteServiceRequest, DeleteServiceResponse } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { AwsError, invalidParameter } from '../../aws-error.ts';
import { SERVICES } from '../../../messages.ts';
import { findService, requireCluster } from '../../resolve.ts';
import { serviceView } from './service-view.ts';

/**
 * 15.3 and section 12: an ACTIVE service scaled to 0 becomes DRAINING; its live tasks go through the
 * stop sequence, and the first scheduler step with none left makes it INACTIVE (engine/scheduler/service-step.ts).
 */
export function deleteService(ctx: OperationContext, input: DeleteServiceRequest): DeleteServiceResponse {
  const cluster = requireCluster(ctx, input.cluster); // #1
  const service = findService(ctx, cluster.clusterName, input.service);
  // #2; D36: an INACTIVE service is as good as gone
  if (!service || service.status === 'INACTIVE') throw new AwsError('ServiceNotFoundException', SERVICES.notFound);
  if (service.status === 'DRAINING') return { service: serviceView(ctx, service) }; // D36: returned unchanged
  if (service.desiredCount > 0) throw invalidParameter(SERVICES.scaledAboveZero); // #3, D35: only desiredCount counts
  service.status = 'DRAINING';
  return { service: serviceView(ctx, service) };
}

import type { DescribeServicesRequest, DescribeServicesResponse } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { invalidParameter } from '../../aws-error.ts';
import { serviceArn } from '../../../domain/arns.ts';
import { SERVICES } from '../../../messages.ts';
import { findService, requireCluster } from '../../resolve.ts';
import { serviceView } from './service-view.ts';

/**
 * 15.4: DRAINING and INACTIVE services are described (12). Unknown entries are MISSING failures: a name
 * becomes its short service ARN, an ARN is echoed; request order is kept and duplicates are not collapsed (D41).
 */
export function describeServices(ctx: OperationContext, input: DescribeServicesRequest): DescribeServicesResponse {
  const cluster = requireCluster(ctx, input.cluster); // #1
  // #2: missing or empty; the registry marks `services` as checked here (ownRequired), so a missing
  // list gets this text rather than the generic `services is required.`
  if (!input.services || input.services.length === 0) throw invalidParameter(SERVICES.servicesEmpty);
  const max = ctx.era.describeServicesMaxNames;
  if (input.services.length > max) throw invalidParameter(SERVICES.tooManyServiceNames(max)); // #3
  const out: DescribeServicesResponse = { services: [], failures: [] };
  for (const ref of input.services) {
    const service = findService(ctx, cluster.clusterName, ref);
    if (service) out.services!.push(serviceView(ctx, service));
    else out.failures!.push({ arn: ref.startsWith('arn:') ? ref : serviceArn(ctx.scope, ref), reason: 'MISSING' }); // #4
  }
  return out;
}

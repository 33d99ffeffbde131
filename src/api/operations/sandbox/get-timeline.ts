// EcsSandbox.GetTimeline: a service's timeline (issue 4 item 8; engine/scheduler/timeline.ts), the
// samples of its counts the scheduler took whenever one changed, for the deployment chart.
import type { OperationContext } from '../../operation-context.ts';
import type { ServiceRecord, TimelineSample } from '../../../domain/records.ts';
import { AwsError } from '../../aws-error.ts';
import { SERVICES } from '../../../messages.ts';
import { findService, requireCluster } from '../../resolve.ts';
import { toEpochSeconds } from '../../wire-time.ts';
import { string, structure, validateSandboxInput } from '../../validate/validate-sandbox-input.ts';

const GET_TIMELINE = structure({ cluster: string(), service: string() }, ['service']);

export interface TimelineOutput {
  serviceName: string;
  /** Oldest first; `at` in epoch seconds (D53); each sample's deployments in creation order. */
  samples: TimelineSample[];
  /** 9.5: why the deployment cannot progress, while it cannot. */
  stuck?: ServiceRecord['stuck'];
}

/**
 * The service is found as DescribeServices finds it (15.4: a name or an ARN, in the cluster, DRAINING
 * and INACTIVE ones included); an unknown one is ServiceNotFoundException `Service not found.`, as
 * UpdateService reports it (15.2 #2), since this call has no failures list.
 */
export function getTimeline(ctx: OperationContext, input: unknown): TimelineOutput {
  const request = validateSandboxInput<{ cluster?: string; service: string }>(GET_TIMELINE, input);
  const cluster = requireCluster(ctx, request.cluster);
  const service = findService(ctx, cluster.clusterName, request.service);
  if (!service) throw new AwsError('ServiceNotFoundException', SERVICES.notFound);
  return {
    serviceName: service.serviceName,
    samples: service.timeline.map((sample) => ({
      ...sample,
      at: toEpochSeconds(sample.at),
      deployments: sample.deployments.map((d) => ({ ...d })),
    })),
    ...(service.stuck !== undefined ? { stuck: service.stuck } : {}),
  };
}

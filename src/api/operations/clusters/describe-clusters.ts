import type { DescribeClustersRequest, DescribeClustersResponse } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { clusterArn } from '../../../domain/arns.ts';
import { findCluster } from '../../resolve.ts';
import { clusterView } from './cluster-view.ts';

/** INACTIVE clusters are described; unknown ones are MISSING failures, in request order. */
export function describeClusters(ctx: OperationContext, input: DescribeClustersRequest): DescribeClustersResponse {
  const names = input.clusters && input.clusters.length > 0 ? input.clusters : ['default'];
  const withStatistics = (input.include ?? []).includes('STATISTICS');
  const out: DescribeClustersResponse = { clusters: [], failures: [] };
  for (const ref of names) {
    const cluster = findCluster(ctx, ref);
    if (cluster) out.clusters!.push(clusterView(ctx, cluster, withStatistics));
    else out.failures!.push({ arn: ref.startsWith('arn:') ? ref : clusterArn(ctx.scope, ref), reason: 'MISSING' });
  }
  return out;
}

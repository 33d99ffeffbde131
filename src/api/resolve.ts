// Turning request references (names or ARNs) into records (semantics 2.2).
import type { ClusterRecord, ServiceRecord, TaskDefinitionRecord } from '../domain/records.ts';
import type { OperationContext } from './operation-context.ts';
import { AwsError } from './aws-error.ts';
import { CLUSTERS } from '../messages.ts';
import { parseEcsArn } from '../domain/arns.ts';

/** `cluster` is a short name or a full ARN; omitted means `default`. */
export function clusterNameOf(ctx: OperationContext, cluster: string | undefined): string | undefined {
  if (cluster === undefined || cluster === '') return 'default';
  if (!cluster.startsWith('arn:')) return cluster;
  const arn = parseEcsArn(cluster, 'cluster');
  if (!arn || arn.region !== ctx.region || arn.accountId !== ctx.scope.accountId) return undefined;
  return arn.id;
}

export function findCluster(ctx: OperationContext, cluster: string | undefined): ClusterRecord | undefined {
  const name = clusterNameOf(ctx, cluster);
  return name === undefined ? undefined : ctx.state.clusters.find((c) => c.clusterName === name);
}

/** The cluster, or ClusterNotFoundException. INACTIVE clusters are returned; callers decide. */
export function requireCluster(ctx: OperationContext, cluster: string | undefined): ClusterRecord {
  const found = findCluster(ctx, cluster);
  if (!found) throw new AwsError('ClusterNotFoundException', CLUSTERS.notFound);
  return found;
}

/** The cluster, which must be ACTIVE: 15.1 #2 and #3. */
export function requireActiveCluster(ctx: OperationContext, cluster: string | undefined): ClusterRecord {
  const found = requireCluster(ctx, cluster);
  if (found.status !== 'ACTIVE') throw new AwsError('ClusterNotFoundException', CLUSTERS.inactive);
  return found;
}

/**
 * `family` (its latest ACTIVE revision), `family:revision`, or a full ARN. Returns the record
 * whatever its status; undefined when nothing matches.
 */
export function findTaskDefinition(ctx: OperationContext, ref: string): TaskDefinitionRecord | undefined {
  let family: string;
  let revision: number | undefined;
  if (ref.startsWith('arn:')) {
    const arn = parseEcsArn(ref, 'task-definition');
    if (!arn || arn.region !== ctx.region || arn.accountId !== ctx.scope.accountId) return undefined;
    ref = arn.id;
    if (!ref.includes(':')) return undefined;
  }
  const colon = ref.lastIndexOf(':');
  if (colon >= 0) {
    family = ref.slice(0, colon);
    const text = ref.slice(colon + 1);
    if (!/^[0-9]+$/.test(text)) return undefined;
    revision = Number(text);
  } else {
    family = ref;
  }
  const defs = ctx.state.taskDefinitions;
  if (revision !== undefined) {
    return defs.find((d) => d.definition.family === family && d.definition.revision === revision);
  }
  let latest: TaskDefinitionRecord | undefined;
  for (const d of defs) {
    if (d.definition.family === family && d.definition.status === 'ACTIVE' &&
        (!latest || d.definition.revision! > latest.definition.revision!)) latest = d;
  }
  return latest;
}

/** `service` is a name or a short service ARN, looked up in the given cluster. */
export function findService(ctx: OperationContext, clusterName: string, service: string): ServiceRecord | undefined {
  let name = service;
  if (service.startsWith('arn:')) {
    const arn = parseEcsArn(service, 'service');
    if (!arn || arn.region !== ctx.region || arn.accountId !== ctx.scope.accountId) return undefined;
    name = arn.id;
  }
  return ctx.state.services.find((s) => s.clusterName === clusterName && s.serviceName === name);
}

// The response shapes of the 2018 Auto Naming API: members added with Cloud Map (ResourceOwner,
// HTTP namespaces, service Type, top-level NamespaceId) are not emitted.
import type {
  Namespace, NamespaceSummary, Operation, Service, ServiceSummary,
} from '../../../model/servicediscovery-types.ts';
import type {
  DiscoveryOperationRecord, NamespaceRecord, RegistryServiceRecord,
} from '../../../domain/discovery-records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { DISCOVERY_FAILURE } from '../../../engine/discovery-operations.ts';
import { DISCOVERY } from '../../../messages.ts';
import { toEpochSeconds } from '../../wire-time.ts';

export function namespaceSummary(n: NamespaceRecord): NamespaceSummary {
  return { Id: n.id, Arn: n.arn, Name: n.name, Type: n.type };
}

export function namespaceView(ctx: OperationContext, n: NamespaceRecord): Namespace {
  const view: Namespace = { Id: n.id, Arn: n.arn, Name: n.name, Type: n.type };
  if (n.description !== undefined) view.Description = n.description;
  view.ServiceCount = ctx.state.discovery.services.filter((s) => s.namespaceId === n.id).length;
  view.Properties = { DnsProperties: { HostedZoneId: n.hostedZoneId } };
  view.CreateDate = toEpochSeconds(n.createdAt);
  if (n.creatorRequestId !== undefined) view.CreatorRequestId = n.creatorRequestId;
  return view;
}

const instanceCount = (ctx: OperationContext, s: RegistryServiceRecord) =>
  ctx.state.discovery.instances.filter((i) => i.serviceId === s.id).length;

export function serviceSummary(ctx: OperationContext, s: RegistryServiceRecord): ServiceSummary {
  const view: ServiceSummary = { Id: s.id, Arn: s.arn, Name: s.name };
  if (s.description !== undefined) view.Description = s.description;
  view.InstanceCount = instanceCount(ctx, s);
  return view;
}

export function serviceView(ctx: OperationContext, s: RegistryServiceRecord): Service {
  const view: Service = { Id: s.id, Arn: s.arn, Name: s.name };
  if (s.description !== undefined) view.Description = s.description;
  view.InstanceCount = instanceCount(ctx, s);
  view.DnsConfig = {
    NamespaceId: s.namespaceId,
    RoutingPolicy: s.dnsConfig.RoutingPolicy ?? 'MULTIVALUE',
    DnsRecords: s.dnsConfig.DnsRecords.map((r) => ({ Type: r.Type, TTL: r.TTL })),
  };
  if (s.healthCheckConfig !== undefined) view.HealthCheckConfig = { ...s.healthCheckConfig } as Service['HealthCheckConfig'];
  if (s.healthCheckCustomConfig !== undefined) view.HealthCheckCustomConfig = { ...s.healthCheckCustomConfig };
  view.CreateDate = toEpochSeconds(s.createdAt);
  if (s.creatorRequestId !== undefined) view.CreatorRequestId = s.creatorRequestId;
  return view;
}

const FAILURE_TEXT: Record<string, string> = {
  [DISCOVERY_FAILURE.resourceInUse]: DISCOVERY.deleteFailedInUse,
  [DISCOVERY_FAILURE.serviceGone]: DISCOVERY.targetGone,
};

export function operationView(op: DiscoveryOperationRecord): Operation {
  const view: Operation = { Id: op.id, Type: op.type, Status: op.status };
  if (op.errorCode !== undefined) {
    view.ErrorMessage = op.errorMessage ?? FAILURE_TEXT[op.errorCode] ?? op.errorCode;
    view.ErrorCode = op.errorCode;
  }
  view.CreateDate = toEpochSeconds(op.createdAt);
  view.UpdateDate = toEpochSeconds(op.updatedAt);
  view.Targets = { ...op.targets };
  return view;
}


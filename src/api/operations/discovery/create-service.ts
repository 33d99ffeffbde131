import type { CreateServiceRequest, CreateServiceResponse } from '../../../model/servicediscovery-types.ts';
import type { RegistryServiceRecord } from '../../../domain/discovery-records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { AwsError } from '../../aws-error.ts';
import { DISCOVERY } from '../../../messages.ts';
import { registryServiceArn } from '../../../domain/discovery-arns.ts';
import {
  LIMITS, SERVICE_NAME_PATTERN, invalidInput, requireLength, requirePattern, requirePresent, requireRange,
} from './discovery-constraints.ts';
import { requireNamespace, settleDueOperations } from './discovery-state.ts';
import { serviceView } from './discovery-views.ts';

/** Model constraints first, in request member order. */
function checkConstraints(input: CreateServiceRequest): void {
  requirePattern(input.Name, 'name', SERVICE_NAME_PATTERN);
  requireLength(input.CreatorRequestId, 'creatorRequestId', LIMITS.resourceId);
  requireLength(input.Description, 'description', LIMITS.description);
  input.DnsConfig?.DnsRecords.forEach((r, i) => requireRange(r.TTL, `dnsConfig.dnsRecords.${i + 1}.member.tTL`, 0, LIMITS.ttlMax));
  const { min, max } = LIMITS.failureThreshold;
  requireRange(input.HealthCheckConfig?.FailureThreshold, 'healthCheckConfig.failureThreshold', min, max);
  requireLength(input.HealthCheckConfig?.ResourcePath, 'healthCheckConfig.resourcePath', LIMITS.resourcePath);
  requireRange(input.HealthCheckCustomConfig?.FailureThreshold, 'healthCheckCustomConfig.failureThreshold', min, max);
}

/**
 * A registry service in a DNS namespace (semantics 14.1): DnsConfig with A, AAAA and SRV records in
 * any combination, one of each at most, or a CNAME alone with WEIGHTED routing; RoutingPolicy
 * defaults to MULTIVALUE. HealthCheckConfig (Route 53 health checks, public namespaces only) and
 * HealthCheckCustomConfig exclude each other. Synchronous, unlike namespaces. The namespace is named
 * by DnsConfig.NamespaceId (2018) or the later top-level NamespaceId; if both are given they must agree.
 */
export function createService(ctx: OperationContext, input: CreateServiceRequest): CreateServiceResponse {
  settleDueOperations(ctx);
  checkConstraints(input);
  const dns = input.DnsConfig;
  if (!dns) throw invalidInput(DISCOVERY.dnsConfigRequired);
  if (input.NamespaceId !== undefined && dns.NamespaceId !== undefined && input.NamespaceId !== dns.NamespaceId) {
    throw invalidInput(DISCOVERY.namespaceIdConflict);
  }
  const namespaceId = dns.NamespaceId ?? input.NamespaceId;
  requirePresent(namespaceId, 'dnsConfig.namespaceId');
  const namespace = requireNamespace(ctx, namespaceId!);

  const records = dns.DnsRecords;
  if (records.length === 0) throw invalidInput(DISCOVERY.noDnsRecords);
  const types = new Set<string>();
  for (const r of records) {
    if (types.has(r.Type)) throw invalidInput(DISCOVERY.duplicateRecordType(r.Type));
    types.add(r.Type);
  }
  const routingPolicy = dns.RoutingPolicy ?? 'MULTIVALUE';
  if (types.has('CNAME') && types.size > 1) throw invalidInput(DISCOVERY.cnameAlone);
  if (types.has('CNAME') && routingPolicy !== 'WEIGHTED') throw invalidInput(DISCOVERY.cnameNeedsWeighted);

  if (input.HealthCheckConfig && input.HealthCheckCustomConfig) throw invalidInput(DISCOVERY.bothHealthChecks);
  if (input.HealthCheckConfig) {
    if (namespace.type === 'DNS_PRIVATE') throw invalidInput(DISCOVERY.healthCheckPrivate);
    if (input.HealthCheckConfig.Type === 'TCP' && input.HealthCheckConfig.ResourcePath !== undefined) {
      throw invalidInput(DISCOVERY.resourcePathForTcp);
    }
  }

  const discovery = ctx.state.discovery;
  const existing = discovery.services.find((s) => s.namespaceId === namespace.id && s.name.toLowerCase() === input.Name.toLowerCase());
  if (existing) {
    // A retry with the same CreatorRequestId (SDKs fill it in) gets the service it created.
    if (input.CreatorRequestId !== undefined && existing.creatorRequestId === input.CreatorRequestId) {
      return { Service: serviceView(ctx, existing) };
    }
    throw new AwsError('ServiceAlreadyExists', DISCOVERY.serviceAlreadyExists);
  }

  const id = `srv-${ctx.newToken(16)}`;
  const service: RegistryServiceRecord = {
    id, arn: registryServiceArn(ctx.scope, id), name: input.Name, namespaceId: namespace.id,
    ...(input.Description !== undefined ? { description: input.Description } : {}),
    dnsConfig: {
      NamespaceId: namespace.id,
      RoutingPolicy: routingPolicy,
      DnsRecords: records.map((r) => ({ Type: r.Type, TTL: r.TTL })),
    },
    ...(input.HealthCheckConfig ? { healthCheckConfig: { ...input.HealthCheckConfig } } : {}),
    ...(input.HealthCheckCustomConfig ? { healthCheckCustomConfig: { ...input.HealthCheckCustomConfig } } : {}),
    createdAt: ctx.now,
    ...(input.CreatorRequestId !== undefined ? { creatorRequestId: input.CreatorRequestId } : {}),
  };
  discovery.services.push(service);
  return { Service: serviceView(ctx, service) };
}

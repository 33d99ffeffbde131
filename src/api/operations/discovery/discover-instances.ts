// DiscoverInstances (semantics 14.4): the later-era AWS Cloud Map view of a registry, which the
// sandbox offers beside the DNS view. The shape follows the aws-cli example
// (awscli/examples/servicediscovery/discover-instances.rst): one entry per registered instance, in
// registration order, with the namespace and service names and the instance's health status.
import type {
  DiscoverInstancesRequest, DiscoverInstancesResponse, HttpInstanceSummary,
} from '../../../model/servicediscovery-types.ts';
import type { RegistryInstanceRecord } from '../../../domain/discovery-records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { AwsError } from '../../aws-error.ts';
import { DISCOVERY } from '../../../messages.ts';
import {
  ATTRIBUTE_KEY_PATTERN, ATTRIBUTE_VALUE_PATTERN, LIMITS, SERVICE_NAME_PATTERN, requireLength, requirePattern, requireRange,
} from './discovery-constraints.ts';
import { settleDueOperations } from './discovery-state.ts';

/** The model's NamespaceName and DiscoverMaxResults (servicediscovery-2017-03-14.json). */
const NAMESPACE_NAME_MAX = 1024;
const NAMESPACE_NAME_PATTERN = '^[!-~]{1,1024}$';
const DISCOVER_MAX_RESULTS = 1000;
/** "If you don't specify a value for MaxResults, Cloud Map returns up to 100 instances." */
const DEFAULT_MAX_RESULTS = 100;

function checkAttributes(attributes: Record<string, string> | undefined, path: string): void {
  for (const [key, value] of Object.entries(attributes ?? {})) {
    requireLength(key, `${path}.key`, LIMITS.attributeKey);
    requirePattern(key, `${path}.key`, ATTRIBUTE_KEY_PATTERN);
    requireLength(value, `${path}.value`, LIMITS.attributeValue);
    requirePattern(value, `${path}.value`, ATTRIBUTE_VALUE_PATTERN);
  }
}

const matches = (instance: RegistryInstanceRecord, attributes: Record<string, string>) =>
  Object.entries(attributes).every(([key, value]) => instance.attributes[key] === value);

/**
 * HealthStatus HEALTHY (the default) returns the instances that may receive traffic: HEALTHY ones, and
 * the UNKNOWN ones of a registry without custom health checks; UNHEALTHY returns the UNHEALTHY ones;
 * ALL returns every one. QueryParameters must all match; OptionalParameters narrow the result when at
 * least one instance matches them all, else they are ignored (the Cloud Map API reference).
 * OwnerAccount other than the caller's names no namespace here.
 */
export function discoverInstances(ctx: OperationContext, input: DiscoverInstancesRequest): DiscoverInstancesResponse {
  settleDueOperations(ctx);
  requireLength(input.NamespaceName, 'namespaceName', NAMESPACE_NAME_MAX);
  requirePattern(input.NamespaceName, 'namespaceName', NAMESPACE_NAME_PATTERN);
  requirePattern(input.ServiceName, 'serviceName', SERVICE_NAME_PATTERN);
  requireRange(input.MaxResults, 'maxResults', 1, DISCOVER_MAX_RESULTS);
  checkAttributes(input.QueryParameters, 'queryParameters');
  checkAttributes(input.OptionalParameters, 'optionalParameters');

  const { discovery } = ctx.state;
  const ownAccount = input.OwnerAccount === undefined || input.OwnerAccount === ctx.scope.accountId;
  const namespaces = ownAccount ? discovery.namespaces.filter((n) => n.name === input.NamespaceName) : [];
  if (namespaces.length === 0) throw new AwsError('NamespaceNotFound', DISCOVERY.namespaceNotFound);
  // private namespaces of different VPCs may share a name: the first created that holds the service
  const service = namespaces.map((n) => discovery.services.find((s) => s.namespaceId === n.id && s.name === input.ServiceName))
    .find((s) => s !== undefined);
  if (!service) throw new AwsError('ServiceNotFound', DISCOVERY.serviceNotFound);
  const namespace = namespaces.find((n) => n.id === service.namespaceId)!;

  const wanted = input.HealthStatus ?? 'HEALTHY';
  const healthOk = (i: RegistryInstanceRecord) =>
    wanted === 'ALL' || i.healthStatus === wanted || (wanted === 'HEALTHY' && i.healthStatus === 'UNKNOWN');
  let found = discovery.instances.filter((i) => i.serviceId === service.id && healthOk(i) && matches(i, input.QueryParameters ?? {}));
  const optional = input.OptionalParameters ?? {};
  if (Object.keys(optional).length > 0 && found.some((i) => matches(i, optional))) found = found.filter((i) => matches(i, optional));
  const instances = found.slice(0, input.MaxResults ?? DEFAULT_MAX_RESULTS).map((i): HttpInstanceSummary => ({
    InstanceId: i.instanceId,
    NamespaceName: namespace.name,
    ServiceName: service.name,
    HealthStatus: i.healthStatus,
    Attributes: { ...i.attributes },
  }));
  return { Instances: instances };
}

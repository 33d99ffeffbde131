import type { RegisterInstanceRequest, RegisterInstanceResponse } from '../../../model/servicediscovery-types.ts';
import type { RegistryInstanceRecord, RegistryServiceRecord } from '../../../domain/discovery-records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { parseIpv4 } from '../../../domain/resource-ids.ts';
import { AwsError } from '../../aws-error.ts';
import { DISCOVERY } from '../../../messages.ts';
import {
  ATTRIBUTE_KEY_PATTERN, ATTRIBUTE_VALUE_PATTERN, INSTANCE_ID_PATTERN, LIMITS, invalidInput,
  requireLength, requirePattern,
} from './discovery-constraints.ts';
import { requireRegistryService, settleDueOperations } from './discovery-state.ts';
import { completionTime, newOperationId, submitOperation } from './submit-operation.ts';

/** The attributes each DNS record type needs (Auto Naming API: RegisterInstance). */
function checkAttributes(service: RegistryServiceRecord, attributes: Record<string, string>): void {
  const types = new Set(service.dnsConfig.DnsRecords.map((r) => r.Type));
  const need = (attribute: string, type: string) => {
    if (attributes[attribute] === undefined) throw invalidInput(DISCOVERY.missingAttribute(attribute, type));
  };
  if (types.has('A')) need('AWS_INSTANCE_IPV4', 'A');
  if (types.has('AAAA')) need('AWS_INSTANCE_IPV6', 'AAAA');
  if (types.has('CNAME')) need('AWS_INSTANCE_CNAME', 'CNAME');
  if (types.has('SRV')) {
    need('AWS_INSTANCE_PORT', 'SRV');
    // The SRV target resolves to the instance's address, so it needs one.
    if (attributes.AWS_INSTANCE_IPV6 === undefined) need('AWS_INSTANCE_IPV4', 'SRV');
  }
  const ipv4 = attributes.AWS_INSTANCE_IPV4;
  if (ipv4 !== undefined && parseIpv4(ipv4) === undefined) throw invalidInput(DISCOVERY.badIpv4(ipv4));
  const port = attributes.AWS_INSTANCE_PORT;
  if (port !== undefined && !(/^[0-9]{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    throw invalidInput(DISCOVERY.badPort(port));
  }
}

/**
 * Asynchronous: the instance appears (or its attributes change, for a known InstanceId) when the
 * operation completes at the next step. ECS registers its tasks this way (semantics 14.3). With
 * HealthCheckCustomConfig the instance starts as AWS_INIT_HEALTH_STATUS says, HEALTHY by default.
 */
export function registerInstance(ctx: OperationContext, input: RegisterInstanceRequest): RegisterInstanceResponse {
  settleDueOperations(ctx);
  requireLength(input.ServiceId, 'serviceId', LIMITS.resourceId);
  requireLength(input.InstanceId, 'instanceId', LIMITS.resourceId);
  requirePattern(input.InstanceId, 'instanceId', INSTANCE_ID_PATTERN);
  requireLength(input.CreatorRequestId, 'creatorRequestId', LIMITS.resourceId);
  for (const [key, value] of Object.entries(input.Attributes)) {
    requireLength(key, 'attributes.key', LIMITS.attributeKey);
    requirePattern(key, 'attributes.key', ATTRIBUTE_KEY_PATTERN);
    requireLength(value, 'attributes.value', LIMITS.attributeValue);
    requirePattern(value, 'attributes.value', ATTRIBUTE_VALUE_PATTERN);
  }
  const service = requireRegistryService(ctx, input.ServiceId);

  const operations = ctx.state.discovery.operations;
  const sameInstance = (kind: string) => operations.find((op) =>
    op.pending?.kind === kind && op.targets.SERVICE === service.id && op.targets.INSTANCE === input.InstanceId);
  const inFlight = sameInstance('registerInstance');
  if (inFlight) {
    if (input.CreatorRequestId !== undefined && inFlight.creatorRequestId === input.CreatorRequestId) return { OperationId: inFlight.id };
    throw new AwsError('DuplicateRequest', DISCOVERY.duplicateRequest);
  }
  if (sameInstance('deregisterInstance')) throw new AwsError('DuplicateRequest', DISCOVERY.duplicateRequest);
  checkAttributes(service, input.Attributes);

  const init = input.Attributes.AWS_INIT_HEALTH_STATUS;
  const instance: RegistryInstanceRecord = {
    serviceId: service.id,
    instanceId: input.InstanceId,
    attributes: { ...input.Attributes },
    healthStatus: service.healthCheckCustomConfig ? (init === 'UNHEALTHY' ? 'UNHEALTHY' : 'HEALTHY') : 'UNKNOWN',
    registeredAt: completionTime(ctx),
    ...(input.CreatorRequestId !== undefined ? { creatorRequestId: input.CreatorRequestId } : {}),
  };
  const op = submitOperation(ctx, newOperationId(ctx), 'REGISTER_INSTANCE',
    { SERVICE: service.id, INSTANCE: input.InstanceId }, { kind: 'registerInstance', instance }, input.CreatorRequestId);
  return { OperationId: op.id };
}

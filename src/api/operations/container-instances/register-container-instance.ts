// RegisterContainerInstance, as the ECS agent calls it (API18: "only used by the Amazon ECS agent").
// The caller plays the agent: it sends the EC2 identity document, and may send totalResources,
// versionInfo, attributes, and the containerInstanceArn of an earlier registration. Whatever it
// leaves out is what the sandbox's own agent would send (agent-defaults.ts).
import type { Attribute, RegisterContainerInstanceRequest, RegisterContainerInstanceResponse } from '../../../model/ecs-types.ts';
import type { ContainerInstanceRecord } from '../../../domain/records.ts';
import { internValue } from '../../../domain/intern-value.ts';
import type { OperationContext } from '../../operation-context.ts';
import { findInstanceType } from '../../../engine/instance-types.ts';
import { clientException, invalidParameter } from '../../aws-error.ts';
import { CONTAINER_INSTANCES } from '../../../messages.ts';
import { requireActiveCluster } from '../../resolve.ts';
import {
  DEFAULT_IMAGE_ID, DEFAULT_INSTANCE_TYPE, DEFAULT_VERSION_INFO, defaultAgentAttributes, defaultAvailabilityZone,
} from './agent-defaults.ts';
import { assertValidAttribute, countCustomAttributes, isCustomAttributeName, setAttribute } from './attribute-rules.ts';
import { containerInstanceView } from './container-instance-view.ts';
import { containerInstanceIdOf, findContainerInstance } from './find-container-instance.ts';
import { parseIdentityDocument, type IdentityDocument } from './identity-document.ts';
import { registeredResourcesOf } from './registered-resources.ts';
import { subnetOfInstance } from './subnet-of-instance.ts';

/**
 * Decision: a list holding any capability attribute is the agent's complete list and is taken as
 * sent; a list of custom attributes only (a scenario adding `stack=prod`) is laid over the default
 * agent list. ECS itself then adds ecs.ami-id, ecs.availability-zone and ecs.instance-type from the
 * identity document (4.7), and ecs.os-type is `linux` unless the agent sent one.
 */
function registeredAttributes(sent: readonly Attribute[] | undefined): Attribute[] {
  const list = sent ?? [];
  const isComplete = list.some((a) => !isCustomAttributeName(a.name) && a.name.includes('capability.'));
  const attributes = isComplete ? [] : defaultAgentAttributes();
  for (const a of list) setAttribute(attributes, a.name, a.value);
  if (!attributes.some((a) => a.name === 'ecs.os-type')) attributes.push({ name: 'ecs.os-type', value: 'linux' });
  return attributes;
}

function addIdentityAttributes(attributes: Attribute[], imageId: string, availabilityZone: string, instanceType: string): void {
  setAttribute(attributes, 'ecs.ami-id', imageId);
  setAttribute(attributes, 'ecs.availability-zone', availabilityZone);
  setAttribute(attributes, 'ecs.instance-type', instanceType);
}

/** `i-` and 17 hex digits, the 2018 long id format, from the ids stream (base-36 draws folded to hex). */
const drawEc2InstanceId = (ctx: OperationContext): string =>
  'i-' + [...ctx.newToken(17)].map((c) => (parseInt(c, 36) % 16).toString(16)).join('');

export function registerContainerInstance(
  ctx: OperationContext, input: RegisterContainerInstanceRequest,
): RegisterContainerInstanceResponse {
  const cluster = requireActiveCluster(ctx, input.cluster);
  const document = parseIdentityDocument(input.instanceIdentityDocument);
  if (document.region !== undefined && document.region !== ctx.region) {
    throw invalidParameter(CONTAINER_INSTANCES.identityRegionMismatch(document.region, ctx.region));
  }
  for (const attribute of input.attributes ?? []) assertValidAttribute(ctx, attribute);
  const attributes = registeredAttributes(input.attributes);
  if (countCustomAttributes(attributes) > ctx.era.maxCustomAttributesPerResource) {
    // RegisterContainerInstance has no AttributeLimitExceededException in API18 (Decision).
    throw invalidParameter(CONTAINER_INSTANCES.attributeLimit(ctx.era.maxCustomAttributesPerResource));
  }
  const instance = input.containerInstanceArn !== undefined
    ? reregister(ctx, cluster.clusterName, input, document, attributes)
    : register(ctx, cluster.clusterName, input, document, attributes);
  return { containerInstance: containerInstanceView(ctx, instance) };
}

function register(
  ctx: OperationContext, clusterName: string, input: RegisterContainerInstanceRequest,
  document: IdentityDocument, attributes: Attribute[],
): ContainerInstanceRecord {
  const instanceType = document.instanceType ?? DEFAULT_INSTANCE_TYPE;
  const catalogued = findInstanceType(instanceType);
  const registeredResources = registeredResourcesOf(ctx, input.totalResources ?? [], instanceType, catalogued);
  const availabilityZone = document.availabilityZone ?? defaultAvailabilityZone(ctx.region);
  addIdentityAttributes(attributes, document.imageId ?? DEFAULT_IMAGE_ID, availabilityZone, instanceType);
  const subnetId = subnetOfInstance(ctx.state.subnets, availabilityZone, document.privateIp);
  // Validation is over: draw ids now (the container-instance id first, then any EC2 id).
  const id = ctx.newUuid();
  const ec2InstanceId = document.instanceId ?? drawEc2InstanceId(ctx);
  const record: ContainerInstanceRecord = {
    id,
    clusterName,
    ec2InstanceId,
    registrationIndex: ctx.state.nextRegistrationIndex++,
    status: 'ACTIVE',
    agentConnected: true,
    registeredAt: ctx.now,
    version: 1,
    // equal lists are shared between instances (src/domain/intern-value.ts)
    versionInfo: internValue(ctx.state, { ...(input.versionInfo ?? DEFAULT_VERSION_INFO) }),
    registeredResources: internValue(ctx.state, registeredResources),
    attributes: internValue(ctx.state, attributes),
    instanceType,
    availabilityZone,
    ...(document.privateIp !== undefined ? { privateIp: document.privateIp } : {}),
    ...(subnetId !== undefined ? { subnetId } : {}),
    ...(catalogued ? { eniLimit: catalogued.eniLimit } : {}),
  };
  ctx.state.containerInstances.push(record);
  return record;
}

/**
 * The agent re-registers on every start with the ARN it checkpointed (aws/amazon-ecs-agent#132):
 * resources, versionInfo and agent attributes are refreshed; id, registration index, registeredAt,
 * status and attributes set since (PutAttributes) are kept. Changing the instance type is refused.
 */
function reregister(
  ctx: OperationContext, clusterName: string, input: RegisterContainerInstanceRequest,
  document: IdentityDocument, attributes: Attribute[],
): ContainerInstanceRecord {
  const ref = input.containerInstanceArn!;
  const instance = findContainerInstance(ctx, clusterName, ref);
  const id = containerInstanceIdOf(ctx, ref) ?? ref;
  if (!instance) throw clientException(CONTAINER_INSTANCES.reregisterNotFound(id));
  if (instance.status === 'INACTIVE') throw clientException(CONTAINER_INSTANCES.inactive(id));
  const previousType = instance.instanceType ?? DEFAULT_INSTANCE_TYPE;
  if (document.instanceType !== undefined && document.instanceType !== previousType) {
    throw clientException(CONTAINER_INSTANCES.instanceTypeChanged(id, previousType));
  }
  const registeredResources = registeredResourcesOf(ctx, input.totalResources ?? [], previousType, findInstanceType(previousType));
  const merged = instance.attributes.map((a) => ({ ...a }));
  for (const a of attributes) setAttribute(merged, a.name, a.value);
  const availabilityZone = instance.availabilityZone ?? defaultAvailabilityZone(ctx.region);
  const imageId = document.imageId ?? instance.attributes.find((a) => a.name === 'ecs.ami-id')?.value ?? DEFAULT_IMAGE_ID;
  addIdentityAttributes(merged, imageId, availabilityZone, previousType);
  if (countCustomAttributes(merged) > ctx.era.maxCustomAttributesPerResource) {
    throw invalidParameter(CONTAINER_INSTANCES.attributeLimit(ctx.era.maxCustomAttributesPerResource));
  }
  instance.registeredResources = internValue(ctx.state, registeredResources);
  instance.attributes = internValue(ctx.state, merged);
  if (input.versionInfo) instance.versionInfo = internValue(ctx.state, { ...input.versionInfo });
  instance.agentConnected = true;
  instance.version += 1;
  return instance;
}

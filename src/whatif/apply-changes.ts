// A variant's changes applied to a loaded scenario (what-if-types.ts WhatIfChange), in order. Errors
// are AwsError `<JSON path>: <problem>`; an API call's own error keeps its code.
import type { SandboxApi } from '../api/handler.ts';
import { AwsError } from '../api/aws-error.ts';
import { ECS_TARGET_PREFIX, SANDBOX_TARGET_PREFIX } from '../api/operations/registry.ts';
import { validatePlacement, canonicalStrategy } from '../api/validate/validate-placement.ts';
import { mergeDeploymentConfiguration, validateDeploymentConfiguration } from '../api/validate/validate-deployment-configuration.ts';
import type { ServiceDraft } from '../api/validate/service-draft.ts';
import { regionState } from '../domain/new-document.ts';
import type { ServiceRecord } from '../domain/records.ts';
import type { RegionState } from '../domain/sandbox-document.ts';
import { findInstanceType } from '../engine/instance-types.ts';
import { runScenarioCalls } from '../scenarios/scenario-call.ts';
import { identityDocument } from './identity-document.ts';
import { WHATIF } from '../messages.ts';
import type { AddInstancesChange, FaultChange, RemoveInstancesChange, ServiceChange, WhatIfChange } from './what-if-types.ts';

/** A fault due at `atSeconds` after the timeline starts, with the path of its change. */
export interface PendingFault {
  atSeconds: number;
  fault: FaultChange['fault'];
  path: string;
}

const fail = (path: string, problem: string, code = 'InvalidParameterException') => new AwsError(code, WHATIF.at(path, problem));

/** Re-throws an API error with the path in front (its code kept). */
function at<T>(path: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof AwsError) throw new AwsError(error.code, WHATIF.at(path, error.message), error.httpStatus);
    throw error;
  }
}

/** `name` or an ARN `…:cluster/name` / `…:service/name` → name. */
const lastPart = (ref: string) => (ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref);

function requireCluster(state: RegionState, ref: string | undefined, path: string): string {
  const name = lastPart(ref ?? 'default');
  if (!state.clusters.some((c) => c.clusterName === name && c.status === 'ACTIVE')) throw fail(`${path}.cluster`, WHATIF.noCluster(name));
  return name;
}

/** Applies the changes; returns the faults, which run later (run-what-if.ts), in change order. */
export function applyChanges(api: SandboxApi, region: string, changes: readonly WhatIfChange[], variantPath: string): PendingFault[] {
  const faults: PendingFault[] = [];
  const counter = { added: 0 };
  changes.forEach((change, j) => {
    const path = `${variantPath}.changes[${j}]`;
    if ('service' in change) changeService(api, region, change, path);
    else if ('addInstances' in change) addInstances(api, region, change, `${path}.addInstances`, counter);
    else if ('removeInstances' in change) removeInstances(api, region, change, `${path}.removeInstances`);
    else if ('fault' in change) faults.push({ atSeconds: change.fault.atSeconds, fault: change.fault, path: `${path}.fault` });
    else at(`${path}.calls`, () => runScenarioCalls(api, change.calls.map((c) => ({ region, ...c }))));
  });
  return faults;
}

/**
 * Placement strategy and constraints cannot change through the 2018 UpdateService: they, and the
 * deployment configuration, are set on the record as if the service had been created so, after the
 * CreateService checks of them (15.1 #17–#26). The desired count and task definition go through
 * UpdateService, which starts a deployment for a new task definition as ECS would.
 */
function changeService(api: SandboxApi, region: string, change: ServiceChange, path: string): void {
  const state = regionState(api.document, region);
  const clusterName = requireCluster(state, change.cluster, path);
  const name = lastPart(change.service);
  const service = state.services.find((s) => s.clusterName === clusterName && s.serviceName === name && s.status !== 'INACTIVE');
  if (!service) throw fail(`${path}.service`, WHATIF.noService(change.service, clusterName));
  if (service.status !== 'ACTIVE') throw fail(`${path}.service`, WHATIF.serviceNotActive(name, service.status));
  patchRecord(api, state, service, change, path);
  const update = (member: 'taskDefinition' | 'desiredCount', value: string | number) => at(`${path}.${member}`, () =>
    api.call(`${ECS_TARGET_PREFIX}.UpdateService`, { cluster: clusterName, service: name, [member]: value }, { region }));
  if (change.taskDefinition !== undefined) update('taskDefinition', change.taskDefinition);
  if (change.desiredCount !== undefined) update('desiredCount', change.desiredCount);
}

function patchRecord(api: SandboxApi, state: RegionState, service: ServiceRecord, change: ServiceChange, path: string): void {
  const definition = state.taskDefinitions.find((d) => d.definition.taskDefinitionArn === service.taskDefinition)?.definition;
  const draft: ServiceDraft = {
    launchType: service.launchType,
    taskDefinition: definition ?? { containerDefinitions: [] },
    deploymentConfiguration: mergeDeploymentConfiguration(service.deploymentConfiguration, change.deploymentConfiguration),
    loadBalancers: service.loadBalancers,
    serviceRegistries: service.serviceRegistries,
    placementConstraints: change.placementConstraints ?? service.placementConstraints,
    placementStrategy: change.placementStrategy ?? service.placementStrategy,
  };
  const member = change.placementStrategy !== undefined ? 'placementStrategy' : 'placementConstraints';
  at(`${path}.${member}`, () => validatePlacement(api.era, draft));
  at(`${path}.deploymentConfiguration`, () => validateDeploymentConfiguration(draft.deploymentConfiguration));
  if (change.placementStrategy !== undefined) service.placementStrategy = change.placementStrategy.map(canonicalStrategy);
  if (change.placementConstraints !== undefined) service.placementConstraints = structuredClone(change.placementConstraints);
  if (change.deploymentConfiguration !== undefined) service.deploymentConfiguration = draft.deploymentConfiguration;
}

/** Region of an Availability Zone name: `us-east-1a` → `us-east-1`. */
const regionOfZone = (zone: string) => (/^[a-z]{2}(-[a-z]+)+-\d[a-z]$/.test(zone) ? zone.slice(0, -1) : undefined);

function addInstances(api: SandboxApi, region: string, change: AddInstancesChange, path: string, counter: { added: number }): void {
  const state = regionState(api.document, region);
  const { instanceType, availabilityZone, count } = change.addInstances;
  const clusterName = requireCluster(state, change.addInstances.cluster, path);
  if (!findInstanceType(instanceType)) throw fail(`${path}.instanceType`, WHATIF.unknownInstanceType(instanceType));
  if (regionOfZone(availabilityZone) !== region) throw fail(`${path}.availabilityZone`, WHATIF.wrongRegion(availabilityZone, region));
  const taken = new Set(state.containerInstances.map((i) => i.ec2InstanceId));
  for (let n = 0; n < count; n++) {
    let instanceId: string;
    do instanceId = addedInstanceId(counter.added++); while (taken.has(instanceId));
    const k = counter.added;
    at(path, () => api.call(`${ECS_TARGET_PREFIX}.RegisterContainerInstance`, {
      cluster: clusterName,
      instanceIdentityDocument: identityDocument({
        instanceId, instanceType, availabilityZone, region, accountId: api.document.accountId,
        // 10.200.0.0/16 onwards: clear of the examples' subnets
        privateIp: `10.${200 + (k >> 16)}.${(k >> 8) & 0xff}.${k & 0xff}`,
      }),
    }, { region }));
  }
}

/** `i-0f…`: 17 hex digits, like EC2's, counting the instances a variant added. */
const addedInstanceId = (n: number) => `i-0f${n.toString(16).padStart(15, '0')}`;

function removeInstances(api: SandboxApi, region: string, change: RemoveInstancesChange, path: string): void {
  const state = regionState(api.document, region);
  const clusterName = requireCluster(state, change.removeInstances.cluster, path);
  change.removeInstances.ec2InstanceIds.forEach((ec2InstanceId, i) => {
    const instance = state.containerInstances.find((x) =>
      x.clusterName === clusterName && x.ec2InstanceId === ec2InstanceId && x.status !== 'INACTIVE');
    const here = `${path}.ec2InstanceIds[${i}]`;
    if (!instance) throw fail(here, WHATIF.noInstance(ec2InstanceId, clusterName));
    at(here, () => api.call(`${ECS_TARGET_PREFIX}.DeregisterContainerInstance`,
      { cluster: clusterName, containerInstance: instance.id, force: true }, { region }));
  });
}

/** Injects a fault now. terminateAvailabilityZone terminates every live instance of the zone in the cluster. */
export function injectFault(api: SandboxApi, region: string, pending: PendingFault): void {
  const { atSeconds: _, availabilityZone, ...input } = pending.fault;
  void _;
  if (input.fault !== 'terminateAvailabilityZone') {
    at(pending.path, () => api.call(`${SANDBOX_TARGET_PREFIX}.InjectFault`, input, { region }));
    return;
  }
  const state = regionState(api.document, region);
  const clusterName = requireCluster(state, input.cluster, pending.path);
  const doomed = state.containerInstances.filter((x) =>
    x.clusterName === clusterName && x.availabilityZone === availabilityZone && x.status !== 'INACTIVE');
  if (doomed.length === 0) throw fail(`${pending.path}.availabilityZone`, WHATIF.noInstancesInZone(availabilityZone!, clusterName));
  for (const instance of doomed) {
    at(pending.path, () => api.call(`${SANDBOX_TARGET_PREFIX}.InjectFault`,
      { fault: 'terminateInstance', cluster: clusterName, containerInstance: instance.id }, { region }));
  }
}

import type { CreateServiceRequest, CreateServiceResponse } from '../../../model/ecs-types.ts';
import type { ServiceRecord } from '../../../domain/records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { invalidParameter } from '../../aws-error.ts';
import { roleArn } from '../../../domain/arns.ts';
import { SERVICES } from '../../../messages.ts';
import { requireActiveCluster } from '../../resolve.ts';
import type { ServiceDraft } from '../../validate/service-draft.ts';
import { validateClientToken, validateServiceName } from '../../validate/validate-service-name.ts';
import { validateLaunchType } from '../../validate/validate-launch-type.ts';
import { validateNetworkConfiguration } from '../../validate/validate-network-configuration.ts';
import { canonicalStrategy, validatePlacement } from '../../validate/validate-placement.ts';
import { mergeDeploymentConfiguration, validateDeploymentConfiguration } from '../../validate/validate-deployment-configuration.ts';
import { validateLoadBalancerShape, validateLoadBalancerTargets } from '../../validate/validate-load-balancers.ts';
import { validateRole } from '../../validate/validate-role.ts';
import { validateHealthCheckGracePeriod } from '../../validate/validate-health-check-grace-period.ts';
import {
  validateServiceRegistriesForTaskDefinition, validateServiceRegistriesWithLoadBalancers, validateServiceRegistryCount,
} from '../../validate/validate-service-registries.ts';
import { canonicalNetworkConfiguration } from './network-configuration.ts';
import { requestFingerprint } from './request-fingerprint.ts';
import { requireTaskDefinition } from './require-task-definition.ts';
import { newDeployment } from './start-deployment.ts';
import { serviceView } from './service-view.ts';

/**
 * Checks 15.1 #1–#44 in order (first failure wins), then stores an ACTIVE service with one PRIMARY
 * deployment (2.3). No task starts before the scheduler's next step (D6).
 */
export function createService(ctx: OperationContext, input: CreateServiceRequest): CreateServiceResponse {
  // #1: the generic validator has already refused a missing serviceName, taskDefinition or desiredCount.
  const cluster = requireActiveCluster(ctx, input.cluster); // #2, #3
  validateServiceName(ctx.era, input.serviceName); // #4
  validateClientToken(ctx.era, input.clientToken);

  const fingerprint = requestFingerprint(input, cluster.clusterName);
  const existing = ctx.state.services.find((s) => s.clusterName === cluster.clusterName && s.serviceName === input.serviceName);
  if (existing?.status === 'ACTIVE') {
    // #5, D40: the same clientToken with an identical request returns the service it created.
    const sameRequest = input.clientToken !== undefined && existing.clientToken === input.clientToken &&
      existing.requestFingerprint === fingerprint;
    if (sameRequest) return { service: serviceView(ctx, existing) };
    throw invalidParameter(SERVICES.notIdempotent);
  }
  if (existing?.status === 'DRAINING') throw invalidParameter(SERVICES.stillDraining); // #6

  const taskDefinition = requireTaskDefinition(ctx, input.taskDefinition); // #7
  if (input.desiredCount < 0) throw invalidParameter(SERVICES.negativeDesiredCount); // #8

  const launchType = input.launchType ?? 'EC2'; // 2.3
  const draft: ServiceDraft = {
    launchType,
    taskDefinition: taskDefinition.definition,
    platformVersion: input.platformVersion,
    networkConfiguration: input.networkConfiguration,
    deploymentConfiguration: mergeDeploymentConfiguration(ctx.era.deploymentConfigurationDefaults, input.deploymentConfiguration),
    loadBalancers: input.loadBalancers ?? [],
    serviceRegistries: input.serviceRegistries ?? [],
    role: input.role,
    placementConstraints: input.placementConstraints ?? [],
    placementStrategy: input.placementStrategy ?? [],
    healthCheckGracePeriodSeconds: input.healthCheckGracePeriodSeconds,
  };
  validateLaunchType(ctx.era, draft); // #9–#11
  validateNetworkConfiguration(ctx, draft, { checkScenarioIds: true }); // #12–#16, #15a
  validatePlacement(ctx.era, draft); // #17–#24
  validateDeploymentConfiguration(draft.deploymentConfiguration); // #25, #26
  validateLoadBalancerShape(ctx.era, draft); // #27, #28
  validateLoadBalancerTargets(ctx, draft); // #29–#31, D51 target groups
  validateRole(ctx, draft); // #32, #33, D51 service-linked role
  validateHealthCheckGracePeriod(ctx.era, draft); // #34, #35
  validateServiceRegistryCount(ctx, draft); // #36
  validateServiceRegistriesForTaskDefinition(ctx, draft); // #37–#43
  validateServiceRegistriesWithLoadBalancers(draft); // #44

  // D40: an INACTIVE service of the same name is replaced; the new one lists last (creation order).
  if (existing) ctx.state.services.splice(ctx.state.services.indexOf(existing), 1);

  const fields: Omit<ServiceRecord, 'deployments'> = {
    serviceName: input.serviceName,
    clusterName: cluster.clusterName,
    status: 'ACTIVE',
    desiredCount: input.desiredCount,
    taskDefinition: taskDefinition.definition.taskDefinitionArn!,
    launchType,
    loadBalancers: structuredClone(draft.loadBalancers),
    serviceRegistries: structuredClone(draft.serviceRegistries),
    deploymentConfiguration: draft.deploymentConfiguration,
    placementConstraints: structuredClone(draft.placementConstraints),
    placementStrategy: draft.placementStrategy.map(canonicalStrategy), // D25
    createdAt: ctx.now,
    requestFingerprint: fingerprint,
    events: [],
    eventLog: [],
    startFailures: 0,
    suppressed: {},
    timeline: [],
  };
  // 2.3: FARGATE defaults to LATEST, echoed as given; EC2 has none.
  if (launchType === 'FARGATE') fields.platformVersion = input.platformVersion ?? 'LATEST';
  if (input.role !== undefined) fields.roleArn = roleArn(ctx.scope, input.role);
  const network = canonicalNetworkConfiguration(input.networkConfiguration);
  if (network) fields.networkConfiguration = network;
  if (input.healthCheckGracePeriodSeconds !== undefined) fields.healthCheckGracePeriodSeconds = input.healthCheckGracePeriodSeconds;
  if (input.clientToken !== undefined) fields.clientToken = input.clientToken;

  const service: ServiceRecord = { ...fields, deployments: [newDeployment(ctx, fields)] };
  ctx.state.services.push(service);
  return { service: serviceView(ctx, service) };
}

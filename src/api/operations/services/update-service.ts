import type { UpdateServiceRequest, UpdateServiceResponse } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { AwsError, invalidParameter } from '../../aws-error.ts';
import { SCHEDULER, SERVICES } from '../../../messages.ts';
import { findService, requireCluster } from '../../resolve.ts';
import type { ServiceDraft } from '../../validate/service-draft.ts';
import { validateLaunchType } from '../../validate/validate-launch-type.ts';
import { validateNetworkConfiguration } from '../../validate/validate-network-configuration.ts';
import { mergeDeploymentConfiguration, validateDeploymentConfiguration } from '../../validate/validate-deployment-configuration.ts';
import { validateLoadBalancerTargets } from '../../validate/validate-load-balancers.ts';
import { validateHealthCheckGracePeriod } from '../../validate/validate-health-check-grace-period.ts';
import { validateServiceRegistriesForTaskDefinition } from '../../validate/validate-service-registries.ts';
import { canonicalNetworkConfiguration } from './network-configuration.ts';
import { requireTaskDefinition } from './require-task-definition.ts';
import { primaryDeployment, startDeployment } from './start-deployment.ts';
import { resolveSuppressed } from '../../../engine/scheduler/service-event-log.ts';
import { startsNewDeployment } from './starts-new-deployment.ts';
import { serviceView } from './service-view.ts';

/**
 * 15.2: checks the service as it would be after the call, then either starts a deployment (9.6, 9.7)
 * or updates the PRIMARY in place (D30). Placement, load balancers and registries cannot change (1.1).
 */
export function updateService(ctx: OperationContext, input: UpdateServiceRequest): UpdateServiceResponse {
  const cluster = requireCluster(ctx, input.cluster); // #1
  const service = findService(ctx, cluster.clusterName, input.service);
  if (!service) throw new AwsError('ServiceNotFoundException', SERVICES.notFound); // #2
  if (service.status !== 'ACTIVE') throw new AwsError('ServiceNotActiveException', SERVICES.notActive); // #3, section 12
  if (input.desiredCount !== undefined && input.desiredCount < 0) throw invalidParameter(SERVICES.negativeDesiredCount); // #4
  const taskDefinition = requireTaskDefinition(ctx, input.taskDefinition ?? service.taskDefinition, service.taskDefinition); // #5
  const taskDefinitionArn = taskDefinition.definition.taskDefinitionArn!;
  const newTaskDefinition = taskDefinitionArn !== service.taskDefinition;
  // An empty `networkConfiguration: {}` carries nothing to change.
  const givenNetwork = input.networkConfiguration?.awsvpcConfiguration !== undefined ? input.networkConfiguration : undefined;

  const draft: ServiceDraft = {
    launchType: service.launchType,
    taskDefinition: taskDefinition.definition,
    platformVersion: input.platformVersion ?? service.platformVersion,
    networkConfiguration: givenNetwork ?? service.networkConfiguration,
    deploymentConfiguration: mergeDeploymentConfiguration(service.deploymentConfiguration, input.deploymentConfiguration), // D30
    loadBalancers: service.loadBalancers,
    serviceRegistries: service.serviceRegistries,
    placementConstraints: service.placementConstraints,
    placementStrategy: service.placementStrategy,
    healthCheckGracePeriodSeconds: input.healthCheckGracePeriodSeconds ?? service.healthCheckGracePeriodSeconds,
  };
  // #6–…: the rules of 15.1 listed in 15.2, against the resulting service.
  validateLaunchType(ctx.era, draft); // 15.1 #9–#11
  validateNetworkConfiguration(ctx, draft, { checkScenarioIds: givenNetwork !== undefined }); // 15.1 #12–#16, #15a
  validateDeploymentConfiguration(draft.deploymentConfiguration); // 15.1 #25, #26
  // "the container name and container port that were specified when the service was created must
  // remain in the task definition" (DG18:update-service)
  if (newTaskDefinition) validateLoadBalancerTargets(ctx, draft); // 15.1 #29–#31
  validateHealthCheckGracePeriod(ctx.era, draft); // 15.1 #34, #35
  // #43 also depends on the platform version, so a new one reruns the registry rules.
  if (newTaskDefinition || input.platformVersion !== undefined) validateServiceRegistriesForTaskDefinition(ctx, draft); // 15.1 #37–#43

  const primary = primaryDeployment(service);
  const deploy = startsNewDeployment(primary, input, taskDefinitionArn);
  if (input.desiredCount !== undefined) service.desiredCount = input.desiredCount;
  service.deploymentConfiguration = draft.deploymentConfiguration;
  if (input.healthCheckGracePeriodSeconds !== undefined) service.healthCheckGracePeriodSeconds = input.healthCheckGracePeriodSeconds;
  service.taskDefinition = taskDefinitionArn;
  if (input.platformVersion !== undefined) service.platformVersion = input.platformVersion;
  if (givenNetwork) service.networkConfiguration = canonicalNetworkConfiguration(givenNetwork);

  if (deploy) {
    // 9.7, 11: a deployment with a new task definition leaves the start-failure back-off at once
    if (taskDefinitionArn !== primary.taskDefinition) {
      service.startFailures = 0;
      delete service.backoffUntil;
      resolveSuppressed(service, (m) => m === SCHEDULER.throttled(service.serviceName)); // 16.3: f is back to 0
    }
    startDeployment(ctx, service);
  } else {
    // D30: scaling and added subnets change the PRIMARY in place; its id is kept.
    let changed = false;
    if (primary.desiredCount !== service.desiredCount) {
      primary.desiredCount = service.desiredCount;
      changed = true;
    }
    if (givenNetwork && JSON.stringify(primary.networkConfiguration) !== JSON.stringify(service.networkConfiguration)) {
      primary.networkConfiguration = structuredClone(service.networkConfiguration);
      changed = true;
    }
    if (changed) primary.updatedAt = ctx.now;
  }
  return { service: serviceView(ctx, service) };
}

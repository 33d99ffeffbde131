// The API18 `Service` shape of a stored service (2.3, 9.7, D5, D55). Counts come from the tasks:
// a deployment counts its own tasks (startedBy = its id) by lastStatus, stopping tasks included, and
// the service's counts are the sums over the deployments it shows.
import type { Deployment, Service } from '../../../model/ecs-types.ts';
import type { DeploymentRecord, ServiceRecord, TaskRecord } from '../../../domain/records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { clusterArn, serviceArn } from '../../../domain/arns.ts';
import { toEpochSeconds } from '../../wire-time.ts';

// PROVISIONING is counted as pending, as the cluster counts do.
const isPending = (t: TaskRecord) => t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING';
const isRunning = (t: TaskRecord) => t.lastStatus === 'RUNNING';

/** PRIMARY first, then the older deployments newest first (EX18); INACTIVE ones are hidden (D31). */
export function visibleDeployments(service: ServiceRecord): DeploymentRecord[] {
  const shown = service.deployments.filter((d) => d.status !== 'INACTIVE');
  return [...shown.filter((d) => d.status === 'PRIMARY'), ...shown.filter((d) => d.status !== 'PRIMARY').reverse()];
}

export function serviceView(ctx: OperationContext, service: ServiceRecord): Service {
  const tasks = ctx.state.tasks.filter((t) => t.clusterName === service.clusterName && t.startedBy !== undefined);
  const deployments = visibleDeployments(service).map((d) => {
    const own = tasks.filter((t) => t.startedBy === d.id);
    return deploymentView(d, own.filter(isPending).length, own.filter(isRunning).length);
  });
  const view: Service = {
    serviceArn: serviceArn(ctx.scope, service.serviceName),
    serviceName: service.serviceName,
    clusterArn: clusterArn(ctx.scope, service.clusterName),
    loadBalancers: structuredClone(service.loadBalancers),
    serviceRegistries: structuredClone(service.serviceRegistries),
    status: service.status,
    desiredCount: service.desiredCount,
    runningCount: deployments.reduce((n, d) => n + d.runningCount!, 0),
    pendingCount: deployments.reduce((n, d) => n + d.pendingCount!, 0),
    launchType: service.launchType,
  };
  if (service.platformVersion !== undefined) view.platformVersion = service.platformVersion;
  view.taskDefinition = service.taskDefinition;
  view.deploymentConfiguration = { ...service.deploymentConfiguration };
  view.deployments = deployments;
  if (service.roleArn !== undefined) view.roleArn = service.roleArn;
  // Stored newest first, at most 100 (16.2).
  view.events = service.events.map((e) => ({ id: e.id, createdAt: toEpochSeconds(e.createdAt), message: e.message }));
  view.createdAt = toEpochSeconds(service.createdAt);
  view.placementConstraints = structuredClone(service.placementConstraints);
  view.placementStrategy = structuredClone(service.placementStrategy);
  if (service.networkConfiguration !== undefined) view.networkConfiguration = structuredClone(service.networkConfiguration);
  // D55: 0 when the service has a load balancer and none was given; omitted without a load balancer.
  if (service.loadBalancers.length > 0) view.healthCheckGracePeriodSeconds = service.healthCheckGracePeriodSeconds ?? 0;
  return view;
}

function deploymentView(d: DeploymentRecord, pendingCount: number, runningCount: number): Deployment {
  const view: Deployment = {
    id: d.id,
    status: d.status,
    taskDefinition: d.taskDefinition,
    desiredCount: d.desiredCount,
    pendingCount,
    runningCount,
    createdAt: toEpochSeconds(d.createdAt),
    updatedAt: toEpochSeconds(d.updatedAt),
    launchType: d.launchType,
  };
  if (d.platformVersion !== undefined) view.platformVersion = d.platformVersion;
  if (d.networkConfiguration !== undefined) view.networkConfiguration = structuredClone(d.networkConfiguration);
  return view;
}

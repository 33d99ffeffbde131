// 9.7: deployment records. A new deployment is PRIMARY and copies the service's current task
// definition, launch type, platform version and network configuration; the previous PRIMARY becomes
// ACTIVE with desiredCount 0 (D31). Deployments are kept in creation order, INACTIVE ones included.
import type { DeploymentRecord, ServiceRecord } from '../../../domain/records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { deploymentId } from '../../../domain/ids.ts';

/** The service's PRIMARY deployment; there is always exactly one. */
export function primaryDeployment(service: ServiceRecord): DeploymentRecord {
  const primary = service.deployments.find((d) => d.status === 'PRIMARY');
  if (!primary) throw new Error(`service ${service.serviceName} has no PRIMARY deployment`);
  return primary;
}

/** D2: ids are unique within the whole document. */
function newDeploymentId(ctx: OperationContext): string {
  const taken = new Set<string>();
  for (const region of Object.values(ctx.doc.regions)) {
    for (const s of region.services) for (const d of s.deployments) taken.add(d.id);
  }
  return deploymentId(ctx.now, (id) => taken.has(id));
}

/** A PRIMARY deployment mirroring the service's fields (which the caller has already updated). */
export function newDeployment(ctx: OperationContext, service: Omit<ServiceRecord, 'deployments'>): DeploymentRecord {
  const deployment: DeploymentRecord = {
    id: newDeploymentId(ctx),
    status: 'PRIMARY',
    taskDefinition: service.taskDefinition,
    desiredCount: service.desiredCount,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    launchType: service.launchType,
  };
  if (service.platformVersion !== undefined) deployment.platformVersion = service.platformVersion;
  if (service.networkConfiguration !== undefined) deployment.networkConfiguration = structuredClone(service.networkConfiguration);
  return deployment;
}

/** Demotes the PRIMARY and appends a new one built from the service's current fields. */
export function startDeployment(ctx: OperationContext, service: ServiceRecord): DeploymentRecord {
  const previous = primaryDeployment(service);
  previous.status = 'ACTIVE';
  previous.desiredCount = 0;
  previous.updatedAt = ctx.now;
  const deployment = newDeployment(ctx, service);
  service.deployments.push(deployment);
  return deployment;
}

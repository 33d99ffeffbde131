// 9.6: what makes UpdateService start a new deployment (D30).
import type { UpdateServiceRequest } from '../../../model/ecs-types.ts';
import type { DeploymentRecord } from '../../../domain/records.ts';
import { networkChangeStartsDeployment } from './network-configuration.ts';

/**
 * A new task definition ARN, forceNewDeployment, a platformVersion that differs as given (`LATEST` →
 * `1.1.0` counts), or a network change other than adding subnets. desiredCount, deploymentConfiguration,
 * the grace period and the same task definition again start nothing.
 */
export function startsNewDeployment(primary: DeploymentRecord, request: UpdateServiceRequest, taskDefinitionArn: string): boolean {
  if (taskDefinitionArn !== primary.taskDefinition) return true;
  if (request.forceNewDeployment === true) return true;
  if (request.platformVersion !== undefined && request.platformVersion !== primary.platformVersion) return true;
  if (request.networkConfiguration?.awsvpcConfiguration !== undefined &&
      networkChangeStartsDeployment(primary.networkConfiguration, request.networkConfiguration)) return true;
  return false;
}

// 15.1 #12–#16 (with #15a): networkConfiguration against the task definition's network mode,
// the era limits (1.3) and the scenario's subnets and security groups.
import type { OperationContext } from '../operation-context.ts';
import { invalidParameter } from '../aws-error.ts';
import { SERVICES } from '../../messages.ts';
import { networkModeOf, type ServiceDraft } from './service-draft.ts';

export interface NetworkValidationOptions {
  /** #15a looks the ids up in the scenario. UpdateService runs it only for a networkConfiguration it was given. */
  checkScenarioIds: boolean;
}

export function validateNetworkConfiguration(ctx: OperationContext, draft: ServiceDraft, options: NetworkValidationOptions): void {
  // An empty `networkConfiguration: {}` carries no awsvpcConfiguration: it counts as absent.
  const vpc = draft.networkConfiguration?.awsvpcConfiguration;
  const awsvpc = networkModeOf(draft.taskDefinition) === 'awsvpc';
  if (awsvpc && !vpc) throw invalidParameter(SERVICES.networkConfigurationRequired); // #12
  if (!vpc) return;
  if (!awsvpc) throw invalidParameter(SERVICES.networkConfigurationNotValid); // #13
  if (vpc.subnets.length === 0) throw invalidParameter(SERVICES.subnetsEmpty); // #14
  const groups = vpc.securityGroups ?? [];
  const maxSubnets = ctx.era.maxSubnetsPerAwsVpcConfiguration;
  const maxGroups = ctx.era.maxSecurityGroupsPerAwsVpcConfiguration;
  if (vpc.subnets.length > maxSubnets || groups.length > maxGroups) {
    throw invalidParameter(SERVICES.awsvpcLimits(maxSubnets, maxGroups)); // #15
  }
  if (options.checkScenarioIds) {
    // #15a: subnets before security groups; the first unknown id is named.
    const unknownSubnet = vpc.subnets.find((id) => !ctx.state.subnets.some((s) => s.subnetId === id));
    if (unknownSubnet !== undefined) throw invalidParameter(SERVICES.subnetNotFound(vpc.subnets, unknownSubnet));
    const unknownGroup = groups.find((id) => !ctx.state.securityGroups.some((g) => g.groupId === id));
    if (unknownGroup !== undefined) throw invalidParameter(SERVICES.securityGroupNotFound(groups, unknownGroup));
  }
  // #16: only Fargate tasks get a public IP (section 7).
  if (vpc.assignPublicIp === 'ENABLED' && draft.launchType === 'EC2') throw invalidParameter(SERVICES.assignPublicIpNotSupported);
}

// networkConfiguration as the service stores and echoes it (2.3, D5), and the 9.6 comparison.
import type { NetworkConfiguration } from '../../../model/ecs-types.ts';

/** securityGroups always a list, assignPublicIp defaulting to DISABLED; no awsvpcConfiguration means none. */
export function canonicalNetworkConfiguration(config: NetworkConfiguration | undefined): NetworkConfiguration | undefined {
  const vpc = config?.awsvpcConfiguration;
  if (!vpc) return undefined;
  return {
    awsvpcConfiguration: {
      subnets: [...vpc.subnets],
      securityGroups: [...(vpc.securityGroups ?? [])],
      assignPublicIp: vpc.assignPublicIp ?? 'DISABLED',
    },
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
};

/**
 * 9.6 and D30: a network change starts a deployment unless it only adds subnets. Subnets and security
 * groups compare as sets, and an omitted assignPublicIp equals DISABLED.
 */
export function networkChangeStartsDeployment(current: NetworkConfiguration | undefined, next: NetworkConfiguration | undefined): boolean {
  const a = canonicalNetworkConfiguration(current)?.awsvpcConfiguration;
  const b = canonicalNetworkConfiguration(next)?.awsvpcConfiguration;
  if (!a || !b) return a !== b;
  const onlyAddsSubnets = a.subnets.every((s) => b.subnets.includes(s));
  return !(onlyAddsSubnets && sameSet(a.securityGroups!, b.securityGroups!) && a.assignPublicIp === b.assignPublicIp);
}

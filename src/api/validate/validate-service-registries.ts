// 15.1 #36–#44: service registries (section 14). The registry's DnsConfig decides what a
// ServiceRegistry entry must and must not carry, per network mode (14.2).
import type { OperationContext } from '../operation-context.ts';
import type { ServiceRegistry } from '../../model/ecs-types.ts';
import type { RegistryServiceRecord } from '../../domain/discovery-records.ts';
import { invalidParameter } from '../aws-error.ts';
import { SERVICES } from '../../messages.ts';
import { comparePlatformVersions, resolvePlatformVersion } from './validate-launch-type.ts';
import { networkModeOf, shown, type ServiceDraft } from './service-draft.ts';

// Section 7 / API18 serviceRegistries: service discovery on Fargate needs platform 1.1.0 or later.
const FARGATE_DISCOVERY_MIN_PLATFORM = '1.1.0';

const findRegistry = (ctx: OperationContext, arn: string | undefined): RegistryServiceRecord | undefined =>
  ctx.state.discovery.services.find((s) => s.arn === arn);

/** #36: one registry (D38), and it must exist. CreateService only: registries are fixed afterwards. */
export function validateServiceRegistryCount(ctx: OperationContext, draft: ServiceDraft): void {
  if (draft.serviceRegistries.length > ctx.era.maxServiceRegistriesPerService) throw invalidParameter(SERVICES.tooManyServiceRegistries);
  for (const r of draft.serviceRegistries) {
    if (!findRegistry(ctx, r.registryArn)) throw invalidParameter(SERVICES.serviceRegistryNotFound(shown(r.registryArn)));
  }
}

/**
 * #37–#43: against the task definition and the registry's DNS records. UpdateService reruns these for a
 * new task definition; a registry deleted from the scenario since then skips the record-type rules.
 */
export function validateServiceRegistriesForTaskDefinition(ctx: OperationContext, draft: ServiceDraft): void {
  const registries = draft.serviceRegistries;
  if (registries.length === 0) return;
  const mode = networkModeOf(draft.taskDefinition);
  const bridgeOrHost = mode === 'bridge' || mode === 'host';
  const records = (r: ServiceRegistry) => {
    const types = findRegistry(ctx, r.registryArn)?.dnsConfig.DnsRecords.map((d) => d.Type);
    return { known: types !== undefined, a: types?.includes('A') ?? false, srv: types?.includes('SRV') ?? false };
  };
  const hasPair = (r: ServiceRegistry) => r.containerName !== undefined && r.containerPort !== undefined;
  const arn = (r: ServiceRegistry) => shown(r.registryArn);

  // #37: bridge/host register the host port mapped to a container port (14.2)
  for (const r of registries) if (bridgeOrHost && !hasPair(r)) throw invalidParameter(SERVICES.registryNeedsContainer(arn(r)));
  // #38: "the SRV record is the only supported DNS record type" for bridge/host (DG23)
  for (const r of registries) {
    const dns = records(r);
    if (bridgeOrHost && dns.known && (dns.a || !dns.srv)) throw invalidParameter(SERVICES.registryNeedsSrvOnly(arn(r)));
  }
  // #39: a container pair must name a port mapping of the task definition
  for (const r of registries) {
    if (mode === 'none' || !hasPair(r)) continue;
    const container = draft.taskDefinition.containerDefinitions.find((c) => c.name === r.containerName);
    if (!(container?.portMappings ?? []).some((p) => p.containerPort === r.containerPort)) {
      throw invalidParameter(SERVICES.registryContainerPortNotMapped(shown(r.containerName), shown(r.containerPort), arn(r)));
    }
  }
  // #40: awsvpc with SRV: "either a containerName and containerPort combination or a port value, but not both" (API18)
  for (const r of registries) {
    if (mode !== 'awsvpc' || !records(r).srv) continue;
    const anyContainer = r.containerName !== undefined || r.containerPort !== undefined;
    const portOnly = r.port !== undefined && !anyContainer;
    const pairOnly = r.port === undefined && hasPair(r);
    if (!portOnly && !pairOnly) throw invalidParameter(SERVICES.registryPortOrContainer(arn(r)));
  }
  // #41: an A-only registry takes no port at all
  for (const r of registries) {
    const dns = records(r);
    if (mode !== 'awsvpc' || !dns.a || dns.srv) continue;
    if (r.containerPort !== undefined) throw invalidParameter(SERVICES.registryContainerPortNotRequired);
    if (r.port !== undefined) throw invalidParameter(SERVICES.registryPortNotRequired);
  }
  // #42: "`none` is not supported" (DG23)
  if (mode === 'none') throw invalidParameter(SERVICES.registryNetworkModeNone);
  // #43: LATEST resolves to 1.1.0 (D43)
  if (draft.launchType === 'FARGATE' &&
      comparePlatformVersions(resolvePlatformVersion(ctx.era, draft.platformVersion), FARGATE_DISCOVERY_MIN_PLATFORM) < 0) {
    throw invalidParameter(SERVICES.registryFargatePlatform);
  }
}

/** #44: Classic Load Balancers cannot be combined with service discovery (14.1). */
export function validateServiceRegistriesWithLoadBalancers(draft: ServiceDraft): void {
  if (draft.serviceRegistries.length > 0 && draft.loadBalancers.some((lb) => lb.loadBalancerName !== undefined)) {
    throw invalidParameter(SERVICES.registryWithClassicLoadBalancer);
  }
}

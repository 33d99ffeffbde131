// Completing Route 53 Auto Naming operations (see DiscoveryOperationRecord for the decision on
// timing). An operation due at or before `now` applies its change and becomes SUCCESS, or FAIL when
// the world changed under it; `updatedAt` is its due time, so the result does not depend on when
// anyone looks. Operations complete in submission order.
import type { RegionState } from '../domain/sandbox-document.ts';
import type { DiscoveryOperationRecord } from '../domain/discovery-records.ts';

/** Error codes of FAIL outcomes; the API turns them into sentences (messages.ts, DISCOVERY). */
export const DISCOVERY_FAILURE = {
  /** DeleteNamespace: a service was created in the namespace before the deletion completed. */
  resourceInUse: 'RESOURCE_IN_USE',
  /** RegisterInstance: the service was deleted before the registration completed. */
  serviceGone: 'SERVICE_NOT_FOUND',
} as const;

export function settleDiscoveryOperations(state: RegionState, now: number): DiscoveryOperationRecord[] {
  const settled: DiscoveryOperationRecord[] = [];
  const discovery = state.discovery;
  for (const op of discovery.operations) {
    if (!op.pending || op.completesAt > now) continue;
    const change = op.pending;
    let failure: string | undefined;
    switch (change.kind) {
      case 'createNamespace':
        discovery.namespaces.push(change.namespace);
        break;
      case 'deleteNamespace':
        if (discovery.services.some((s) => s.namespaceId === change.namespaceId)) failure = DISCOVERY_FAILURE.resourceInUse;
        else discovery.namespaces = discovery.namespaces.filter((n) => n.id !== change.namespaceId);
        break;
      case 'registerInstance': {
        if (!discovery.services.some((s) => s.id === change.instance.serviceId)) {
          failure = DISCOVERY_FAILURE.serviceGone;
          break;
        }
        // Registering a known InstanceId replaces its attributes (RegisterInstance "updates" it).
        const at = discovery.instances.findIndex((i) =>
          i.serviceId === change.instance.serviceId && i.instanceId === change.instance.instanceId);
        if (at >= 0) discovery.instances[at] = change.instance;
        else discovery.instances.push(change.instance);
        break;
      }
      case 'deregisterInstance':
        discovery.instances = discovery.instances.filter((i) =>
          !(i.serviceId === change.serviceId && i.instanceId === change.instanceId));
        break;
    }
    delete op.pending;
    op.status = failure ? 'FAIL' : 'SUCCESS';
    if (failure) op.errorCode = failure;
    op.updatedAt = op.completesAt;
    settled.push(op);
  }
  return settled;
}

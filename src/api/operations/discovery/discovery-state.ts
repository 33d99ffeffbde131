// Looking up Auto Naming records of the calling region, after completing the operations already
// due (DiscoveryOperationRecord: an operation completes at the first step after it was submitted,
// whether or not a step has run since).
import type { NamespaceRecord, RegistryServiceRecord } from '../../../domain/discovery-records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { settleDiscoveryOperations } from '../../../engine/discovery-operations.ts';
import { AwsError } from '../../aws-error.ts';
import { DISCOVERY } from '../../../messages.ts';

/** Every Auto Naming operation calls this first. */
export function settleDueOperations(ctx: OperationContext): void {
  settleDiscoveryOperations(ctx.state, ctx.now);
}

export function requireNamespace(ctx: OperationContext, id: string): NamespaceRecord {
  const found = ctx.state.discovery.namespaces.find((n) => n.id === id);
  if (!found) throw new AwsError('NamespaceNotFound', DISCOVERY.namespaceNotFound);
  return found;
}

export function requireRegistryService(ctx: OperationContext, id: string): RegistryServiceRecord {
  const found = ctx.state.discovery.services.find((s) => s.id === id);
  if (!found) throw new AwsError('ServiceNotFound', DISCOVERY.serviceNotFound);
  return found;
}

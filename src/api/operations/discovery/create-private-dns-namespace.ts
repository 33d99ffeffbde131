import type {
  CreatePrivateDnsNamespaceRequest, CreatePrivateDnsNamespaceResponse,
} from '../../../model/servicediscovery-types.ts';
import type { NamespaceRecord } from '../../../domain/discovery-records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { VPC_ID } from '../../../domain/resource-ids.ts';
import { AwsError } from '../../aws-error.ts';
import { DISCOVERY } from '../../../messages.ts';
import { namespaceArn } from '../../../domain/discovery-arns.ts';
import { LIMITS, invalidInput, requireLength } from './discovery-constraints.ts';
import { settleDueOperations } from './discovery-state.ts';
import { newOperationId, submitOperation } from './submit-operation.ts';

/** A DNS domain name: labels of letters, digits, hyphens and underscores, 1–63 each, optional final dot. */
const DNS_NAME = /^(?!-)[A-Za-z0-9_-]{1,63}(?<!-)(?:\.(?!-)[A-Za-z0-9_-]{1,63}(?<!-))*\.?$/;

/**
 * Asynchronous, as in AWS: the answer is an OperationId, the namespace appears when the operation
 * completes at the next scheduler step (see DiscoveryOperationRecord), and clients poll GetOperation
 * until SUCCESS. Idempotent on CreatorRequestId: a retry of the same request gets the same OperationId.
 */
export function createPrivateDnsNamespace(
  ctx: OperationContext, input: CreatePrivateDnsNamespaceRequest,
): CreatePrivateDnsNamespaceResponse {
  settleDueOperations(ctx);
  requireLength(input.Name, 'name', LIMITS.namespaceName);
  requireLength(input.CreatorRequestId, 'creatorRequestId', LIMITS.resourceId);
  requireLength(input.Description, 'description', LIMITS.description);
  requireLength(input.Vpc, 'vpc', LIMITS.resourceId);
  if (!DNS_NAME.test(input.Name)) throw invalidInput(DISCOVERY.badNamespaceName(input.Name));
  if (!VPC_ID.test(input.Vpc)) throw invalidInput(DISCOVERY.badVpc(input.Vpc));

  const discovery = ctx.state.discovery;
  const pendingCreates = discovery.operations.flatMap((op) =>
    op.pending?.kind === 'createNamespace' ? [op.pending.namespace] : []);
  if (input.CreatorRequestId !== undefined) {
    const earlier = discovery.operations.find((op) => op.type === 'CREATE_NAMESPACE' && op.creatorRequestId === input.CreatorRequestId);
    if (earlier) {
      const created = [...discovery.namespaces, ...pendingCreates].find((n) => n.id === earlier.targets.NAMESPACE);
      if (created && created.name === input.Name && created.vpc === input.Vpc) return { OperationId: earlier.id };
      throw invalidInput(DISCOVERY.creatorRequestIdReused(input.CreatorRequestId));
    }
  }
  // Decision: namespace names are unique per region, pending creations included.
  const sameName = (n: NamespaceRecord) => n.name.replace(/\.$/, '').toLowerCase() === input.Name.replace(/\.$/, '').toLowerCase();
  if (discovery.namespaces.some(sameName) || pendingCreates.some(sameName)) {
    throw new AwsError('NamespaceAlreadyExists', DISCOVERY.namespaceAlreadyExists);
  }

  const id = `ns-${ctx.newToken(16)}`;
  const namespace: NamespaceRecord = {
    id, arn: namespaceArn(ctx.scope, id), name: input.Name, type: 'DNS_PRIVATE',
    ...(input.Description !== undefined ? { description: input.Description } : {}),
    vpc: input.Vpc,
    hostedZoneId: `Z${ctx.newToken(13).toUpperCase()}`,
    createdAt: ctx.now,
    ...(input.CreatorRequestId !== undefined ? { creatorRequestId: input.CreatorRequestId } : {}),
  };
  const op = submitOperation(ctx, newOperationId(ctx), 'CREATE_NAMESPACE', { NAMESPACE: id },
    { kind: 'createNamespace', namespace }, input.CreatorRequestId);
  return { OperationId: op.id };
}

// Resolving `containerInstance` references: a container-instance id or its full ARN (API18), looked
// up in one cluster, since "container instances are cluster-specific and region-specific".
import type { ContainerInstanceRecord } from '../../../domain/records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { containerInstanceArn, parseEcsArn } from '../../../domain/arns.ts';

/** The id a reference names, or undefined for an ARN of another kind, region or account. */
export function containerInstanceIdOf(ctx: OperationContext, ref: string): string | undefined {
  if (!ref.startsWith('arn:')) return ref;
  const arn = parseEcsArn(ref, 'container-instance');
  if (!arn || arn.region !== ctx.region || arn.accountId !== ctx.scope.accountId) return undefined;
  return arn.id;
}

/** The instance of `clusterName` the reference names, whatever its status. */
export function findContainerInstance(
  ctx: OperationContext, clusterName: string, ref: string,
): ContainerInstanceRecord | undefined {
  const id = containerInstanceIdOf(ctx, ref);
  if (id === undefined) return undefined;
  return ctx.state.containerInstances.find((i) => i.id === id && i.clusterName === clusterName);
}

/** The `arn` of a failure entry: an ARN is echoed, an id becomes its ARN (as D41 does for services). */
export const failureArnOf = (ctx: OperationContext, ref: string): string =>
  ref.startsWith('arn:') ? ref : containerInstanceArn(ctx.scope, ref);

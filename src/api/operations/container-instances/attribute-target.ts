// The container instance an attribute of Put/DeleteAttributes applies to: `targetId` is the full
// ARN, or the short id together with `targetType: container-instance` (API18 Attribute.targetType:
// "required if you use the short form ID for a resource instead of the full ARN").
import type { ContainerInstanceRecord } from '../../../domain/records.ts';
import type { Attribute } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { AwsError, invalidParameter } from '../../aws-error.ts';
import { CONTAINER_INSTANCES } from '../../../messages.ts';
import { findContainerInstance } from './find-container-instance.ts';

/**
 * The ACTIVE or DRAINING instance of the cluster that the attribute targets. An ARN of another kind,
 * region or account, an unknown id, an instance of another cluster or a deregistered one are all
 * TargetNotFoundException.
 */
export function requireAttributeTarget(
  ctx: OperationContext, clusterName: string, attribute: Attribute,
): ContainerInstanceRecord {
  const targetId = attribute.targetId;
  if (targetId === undefined || targetId === '') throw invalidParameter(CONTAINER_INSTANCES.targetIdRequired);
  if (!targetId.startsWith('arn:') && attribute.targetType === undefined) {
    throw invalidParameter(CONTAINER_INSTANCES.targetTypeRequired);
  }
  const instance = findContainerInstance(ctx, clusterName, targetId);
  if (!instance || instance.status === 'INACTIVE') {
    throw new AwsError('TargetNotFoundException', CONTAINER_INSTANCES.targetNotFound(targetId));
  }
  return instance;
}

import type { DeregisterTaskDefinitionRequest, DeregisterTaskDefinitionResponse } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { clientException } from '../../aws-error.ts';
import { parseEcsArn } from '../../../domain/arns.ts';
import { TASK_DEFINITIONS } from '../../../messages.ts';
import { findTaskDefinition } from '../../resolve.ts';
import { taskDefinitionView } from './task-definition-view.ts';

/**
 * `family:revision` or a full ARN: "You must specify a revision" (API18). The revision becomes INACTIVE
 * and stays describable; running tasks and services keep using it. **Decision:** deregistering an
 * INACTIVE revision again returns it unchanged.
 */
export function deregisterTaskDefinition(ctx: OperationContext, input: DeregisterTaskDefinitionRequest): DeregisterTaskDefinitionResponse {
  const ref = input.taskDefinition;
  const id = ref.startsWith('arn:') ? (parseEcsArn(ref, 'task-definition')?.id ?? ref) : ref;
  if (!id.includes(':')) throw clientException(TASK_DEFINITIONS.revisionMissing);
  const record = findTaskDefinition(ctx, ref);
  if (!record) throw clientException(TASK_DEFINITIONS.deregisterNotFound);
  record.definition.status = 'INACTIVE';
  return { taskDefinition: taskDefinitionView(record) };
}

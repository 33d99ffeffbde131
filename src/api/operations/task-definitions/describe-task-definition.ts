import type { DescribeTaskDefinitionRequest, DescribeTaskDefinitionResponse } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { clientException } from '../../aws-error.ts';
import { TASK_DEFINITIONS } from '../../../messages.ts';
import { findTaskDefinition } from '../../resolve.ts';
import { taskDefinitionView } from './task-definition-view.ts';

/**
 * `family` (its latest ACTIVE revision), `family:revision` or a full ARN (semantics 2.2). INACTIVE
 * revisions stay describable by revision ("INACTIVE task definitions remain discoverable in your account
 * indefinitely", API18 DeregisterTaskDefinition); a family with no ACTIVE revision is not found.
 */
export function describeTaskDefinition(ctx: OperationContext, input: DescribeTaskDefinitionRequest): DescribeTaskDefinitionResponse {
  const record = findTaskDefinition(ctx, input.taskDefinition);
  if (!record) throw clientException(TASK_DEFINITIONS.describeNotFound);
  return { taskDefinition: taskDefinitionView(record) };
}

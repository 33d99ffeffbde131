// 15.1 #7 / 15.2 #5: the task definition a service runs, resolved as in 2.2.
import type { TaskDefinitionRecord } from '../../../domain/records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { clientException, invalidParameter } from '../../aws-error.ts';
import { SERVICES, TASK_DEFINITIONS } from '../../../messages.ts';
import { findTaskDefinition } from '../../resolve.ts';

/**
 * The task definition, or ClientException. An INACTIVE revision cannot be newly referenced ("You can't
 * use an INACTIVE task definition to … create new services, and you can't update an existing service
 * to reference an INACTIVE task definition", DG18); the service's own current revision stays usable.
 */
export function requireTaskDefinition(ctx: OperationContext, ref: string, currentArn?: string): TaskDefinitionRecord {
  const found = findTaskDefinition(ctx, ref);
  if (!found) throw clientException(TASK_DEFINITIONS.notFound);
  if (found.definition.status === 'INACTIVE' && found.definition.taskDefinitionArn !== currentArn) {
    throw invalidParameter(SERVICES.taskDefinitionInactive);
  }
  return found;
}

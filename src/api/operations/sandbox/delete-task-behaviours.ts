import type { OperationContext } from '../../operation-context.ts';
import type { TaskBehaviourRecord } from '../../../domain/records.ts';
import { invalidParameter } from '../../aws-error.ts';
import { SANDBOX } from '../../../messages.ts';
import { list, string, structure, validateSandboxInput } from '../../validate/validate-sandbox-input.ts';
import { taskBehaviourKey } from './task-behaviour-reference.ts';

const DELETE_TASK_BEHAVIOURS = structure({ taskDefinitions: list(string()) }, ['taskDefinitions']);

/**
 * Removes task behaviours (named as PutTaskBehaviours names them), so their tasks behave by default
 * again. Decision: a reference with no entry is an error (a typo would otherwise pass unnoticed), and
 * nothing is removed unless every reference has one. Returns the region's remaining list.
 */
export function deleteTaskBehaviours(ctx: OperationContext, input: unknown): { taskBehaviours: TaskBehaviourRecord[] } {
  const { taskDefinitions } = validateSandboxInput<{ taskDefinitions: string[] }>(DELETE_TASK_BEHAVIOURS, input);
  const keys = new Set<string>();
  for (const ref of taskDefinitions) {
    const key = taskBehaviourKey(ctx, ref);
    if (!ctx.state.taskBehaviours.some((b) => b.taskDefinition === key)) throw invalidParameter(SANDBOX.noTaskBehaviour(key));
    keys.add(key);
  }
  const behaviours = ctx.state.taskBehaviours;
  for (let k = behaviours.length - 1; k >= 0; k--) if (keys.has(behaviours[k].taskDefinition)) behaviours.splice(k, 1);
  return { taskBehaviours: structuredClone(behaviours) };
}

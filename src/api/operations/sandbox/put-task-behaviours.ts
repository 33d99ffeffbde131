import type { OperationContext } from '../../operation-context.ts';
import type { TaskBehaviourRecord } from '../../../domain/records.ts';
import { DEFAULT_START_SECONDS, SIGKILL_AFTER_SECONDS } from '../../../engine/scheduler/task-behaviour.ts';
import { invalidParameter } from '../../aws-error.ts';
import { SANDBOX } from '../../../messages.ts';
import { list, number, string, structure, validateSandboxInput } from '../../validate/validate-sandbox-input.ts';
import { mergeById, requireUniqueIds } from './merge-by-id.ts';
import { taskBehaviourKey } from './task-behaviour-reference.ts';

interface TaskBehaviourInput {
  taskDefinition: string;
  startSeconds?: number;
  startFailureReason?: string;
  exitSeconds?: number;
  containerUnhealthyAfterSeconds?: number;
  targetUnhealthyReason?: string;
}

const PUT_TASK_BEHAVIOURS = structure({
  taskBehaviours: list(structure({
    taskDefinition: string(),
    startSeconds: number,
    startFailureReason: string(),
    exitSeconds: number,
    containerUnhealthyAfterSeconds: number,
    targetUnhealthyReason: string(),
  }, ['taskDefinition'])),
}, ['taskBehaviours']);

/**
 * Declares how the tasks of a task definition behave (semantics 3.2, 10, 11, 13, D46): how long they
 * take to start, whether they fail to start, how long they take to exit after SIGTERM (at most 30 s,
 * when SIGKILL comes), when an essential container turns unhealthy, and whether their load balancer
 * targets fail health checks. Merged by taskDefinition: an entry replaces the whole earlier entry, so
 * omitted settings return to their defaults (start 10 s, exit 0 s, healthy). Tasks already running
 * keep the times they were given; the new settings apply from each task's next transition.
 */
export function putTaskBehaviours(ctx: OperationContext, input: unknown): { taskBehaviours: TaskBehaviourRecord[] } {
  const { taskBehaviours } = validateSandboxInput<{ taskBehaviours: TaskBehaviourInput[] }>(PUT_TASK_BEHAVIOURS, input);
  const records = taskBehaviours.map((b, i): TaskBehaviourRecord => {
    const path = (member: string) => `taskBehaviours[${i}].${member}`;
    const taskDefinition = taskBehaviourKey(ctx, b.taskDefinition);
    if (b.startSeconds !== undefined && b.startSeconds < 0) throw invalidParameter(SANDBOX.notNegative(path('startSeconds'), b.startSeconds));
    if (b.exitSeconds !== undefined && (b.exitSeconds < 0 || b.exitSeconds > SIGKILL_AFTER_SECONDS)) {
      throw invalidParameter(SANDBOX.outOfRange(path('exitSeconds'), 0, SIGKILL_AFTER_SECONDS, b.exitSeconds));
    }
    if (b.containerUnhealthyAfterSeconds !== undefined && b.containerUnhealthyAfterSeconds < 0) {
      throw invalidParameter(SANDBOX.notNegative(path('containerUnhealthyAfterSeconds'), b.containerUnhealthyAfterSeconds));
    }
    return {
      taskDefinition,
      startSeconds: b.startSeconds ?? DEFAULT_START_SECONDS,
      ...(b.startFailureReason !== undefined ? { startFailureReason: b.startFailureReason } : {}),
      exitSeconds: b.exitSeconds ?? 0,
      ...(b.containerUnhealthyAfterSeconds !== undefined ? { containerUnhealthyAfterSeconds: b.containerUnhealthyAfterSeconds } : {}),
      ...(b.targetUnhealthyReason !== undefined ? { targetUnhealthyReason: b.targetUnhealthyReason } : {}),
    };
  });
  // `web:3` and its ARN are one entry
  requireUniqueIds(records, (b) => b.taskDefinition, 'Task definition');
  mergeById(ctx.state.taskBehaviours, records, (b) => b.taskDefinition);
  return { taskBehaviours: structuredClone(ctx.state.taskBehaviours) };
}

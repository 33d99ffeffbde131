// How the tasks of a task definition behave in the scenario (semantics 3.2, 11, 13, D46): the entry
// for its exact ARN, else for its family, else the defaults (start in 10 s, exit at once, healthy).
import type { TaskBehaviourRecord } from '../../domain/records.ts';
import type { RegionState } from '../../domain/sandbox-document.ts';

export const DEFAULT_START_SECONDS = 10;
/** 10: SIGKILL arrives 30 s after SIGTERM. */
export const SIGKILL_AFTER_SECONDS = 30;

export type TaskBehaviour = Omit<TaskBehaviourRecord, 'taskDefinition'>;

const DEFAULT_BEHAVIOUR: TaskBehaviour = { startSeconds: DEFAULT_START_SECONDS, exitSeconds: 0 };

/** `arn:aws:ecs:…:task-definition/web:3` → `web`. */
const familyOf = (taskDefinitionArn: string) => taskDefinitionArn.slice(taskDefinitionArn.lastIndexOf('/') + 1).replace(/:\d+$/, '');

export function behaviourOf(state: RegionState, taskDefinitionArn: string): TaskBehaviour {
  if (state.taskBehaviours.length === 0) return DEFAULT_BEHAVIOUR; // the common case, without the family's regex
  const exact = state.taskBehaviours.find((b) => b.taskDefinition === taskDefinitionArn);
  const family = exact ?? state.taskBehaviours.find((b) => b.taskDefinition === familyOf(taskDefinitionArn));
  if (!family) return DEFAULT_BEHAVIOUR;
  const { taskDefinition: _, ...behaviour } = family;
  return behaviour;
}

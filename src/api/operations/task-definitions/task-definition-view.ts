import type { TaskDefinition } from '../../../model/ecs-types.ts';
import type { TaskDefinitionRecord } from '../../../domain/records.ts';

/**
 * The API18 `TaskDefinition` of a record, as Register/Describe/DeregisterTaskDefinition return it: the
 * stored shape, except that a network mode the request omitted is omitted again (EX18 shows no
 * `networkMode` for such definitions; the record keeps the effective `bridge`).
 */
export function taskDefinitionView(record: TaskDefinitionRecord): TaskDefinition {
  const view = structuredClone(record.definition);
  if (record.networkModeDefaulted) delete view.networkMode;
  return view as TaskDefinition;
}

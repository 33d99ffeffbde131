// Where a region's live tasks begin: the index of the first task not STOPPED. The task list only
// grows (an undone call may cut it back, api/undo-point.ts) and STOPPED is final (3.2), so the leading
// STOPPED tasks stay so; the per-step passes over the tasks (service-tasks.ts, task-transitions.ts,
// next-wake.ts, steady-state.ts) start here instead of at 0 — after a deployment the old tasks are a
// STOPPED prefix. As region-ledgers.ts does: the prefix is trusted only while the task at its edge is
// still the one last seen there (a list cut back and grown again has another record there).
import type { TaskRecord } from '../../domain/records.ts';

interface Prefix {
  length: number;
  edge: TaskRecord | undefined;
}

const prefixes = new WeakMap<readonly TaskRecord[], Prefix>();

/** The first index of `tasks` whose task is not STOPPED (tasks.length when none). */
export function firstLiveTask(tasks: readonly TaskRecord[]): number {
  let prefix = prefixes.get(tasks);
  if (!prefix) {
    prefix = { length: 0, edge: undefined };
    prefixes.set(tasks, prefix);
  }
  let k = prefix.length;
  if (k > tasks.length || (k > 0 && tasks[k - 1] !== prefix.edge)) k = 0;
  while (k < tasks.length && tasks[k].lastStatus === 'STOPPED') k++;
  prefix.length = k;
  prefix.edge = k > 0 ? tasks[k - 1] : undefined;
  return k;
}

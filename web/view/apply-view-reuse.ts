// The page's half of view({sinceRevision, reuse: true}) (src/worker/view-reuse.ts): a view whose
// `reused` names instances and tasks by id only, put back together from the view the page holds.
import type { SandboxView } from '../../src/worker/scheduler-api.ts';

/**
 * `next` whole: its own instances and tasks where it has them, the ones of `held` for the other ids.
 * Undefined when `held` is not the view `next` was made against (then ask for a whole view).
 */
export function applyViewReuse(held: SandboxView | undefined, next: SandboxView): SandboxView | undefined {
  const reused = next.reused;
  if (!reused) return next;
  if (!held || held.revision !== reused.baseRevision) return undefined;
  const instances = pick(reused.instanceIds, next.instances, held.instances);
  const tasks = pick(reused.taskIds, next.tasks, held.tasks);
  if (!instances || !tasks) return undefined;
  const { reused: _reused, ...rest } = next;
  return { ...rest, instances, tasks };
}

function pick<T extends { id: string }>(ids: readonly string[], fresh: readonly T[], held: readonly T[]): T[] | undefined {
  const byId = new Map<string, T>();
  for (const x of held) byId.set(x.id, x);
  for (const x of fresh) byId.set(x.id, x);
  const out: T[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const x = byId.get(ids[i]);
    if (x === undefined) return undefined;
    out[i] = x;
  }
  return out;
}

// view({sinceRevision, reuse: true}) (sandbox-view.ts `reused`): the instances and tasks the caller
// already holds, from the view of `sinceRevision`, travel as their ids only. A 5,000-instance,
// 5,000-task view is ~14 MB of JSON; structured-cloned in full at every view, its copy and the garbage
// it left were most of a main-thread task (issue 5: none over 50 ms while 5,000 tasks move). During a
// rolling deployment most records are unchanged between two views, so most of that is saved.
import type { InstanceView, SandboxView, TaskView } from './sandbox-view.ts';

/** What the worker remembers of the last view it sent in this form: the caller's copy. */
export interface SentView {
  region: string;
  revision: number;
  instances: Map<string, InstanceView>;
  tasks: Map<string, TaskView>;
}

export const sentView = (view: SandboxView): SentView => ({
  region: view.region,
  revision: view.revision,
  instances: new Map(view.instances.map((i) => [i.id, i])),
  tasks: new Map(view.tasks.map((t) => [t.id, t])),
});

/** Equal plain values (what a view is made of): the same reference, or equal members all the way down. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k) || !sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * `next` with only its new and changed instances and tasks (against `sent`, the view the caller
 * holds), their full order in `reused`. `sent` must be the caller's view of the same region.
 */
export function reuseAgainst(sent: SentView, next: SandboxView): SandboxView {
  const changedInstances = next.instances.filter((i) => !sameValue(sent.instances.get(i.id), i));
  const changedTasks = next.tasks.filter((t) => !sameValue(sent.tasks.get(t.id), t));
  return {
    ...next,
    instances: changedInstances,
    tasks: changedTasks,
    reused: { baseRevision: sent.revision, instanceIds: next.instances.map((i) => i.id), taskIds: next.tasks.map((t) => t.id) },
  };
}

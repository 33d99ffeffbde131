// After a quiet step (one that changed nothing), every following step changes nothing either until
// something falls due: a task or target transition, a reconnecting agent, an Auto Naming operation,
// the end of a start-failure back-off, or a 6-hour repeat (16.3 suppression, 9.9 steady state). This
// is the earliest such time after `now`; clock.ts jumps there. Waking early is harmless, so every
// candidate time counts, whether or not it will change anything.
import type { SandboxDocument } from '../../domain/sandbox-document.ts';
import { REPEAT_AFTER_MS } from './service-event-log.ts';
import { firstLiveTask } from './live-task-start.ts';

export function nextWakeAfter(doc: SandboxDocument, now: number): number {
  let wake = Number.POSITIVE_INFINITY;
  const consider = (at: number | undefined) => {
    if (at !== undefined && at > now && at < wake) wake = at;
  };
  for (const state of Object.values(doc.regions)) {
    const tasks = state.tasks;
    for (let k = firstLiveTask(tasks); k < tasks.length; k++) {
      const task = tasks[k];
      if (task.lastStatus === 'STOPPED') continue;
      // a stop asked for and not yet begun is due at once (it cannot outlive a quiet step, but be safe)
      if (task.desiredStatus === 'STOPPED' && task.stopPhase === undefined) return now;
      consider(task.nextAt);
      if (task.nextAt !== undefined && task.nextAt <= now) return now;
    }
    for (const target of state.targets) {
      if (target.nextAt !== undefined && target.nextAt <= now) return now;
      consider(target.nextAt);
    }
    for (const instance of state.containerInstances) consider(instance.agentReconnectAt);
    for (const op of state.discovery.operations) if (op.pending) consider(op.completesAt);
    for (const service of state.services) {
      consider(service.backoffUntil);
      consider(service.targetsUnhealthyUntil);
      if (service.steadyEventAt !== undefined) consider(service.steadyEventAt + REPEAT_AFTER_MS);
      for (const at of Object.values(service.suppressed)) consider(at + REPEAT_AFTER_MS);
    }
  }
  return wake;
}

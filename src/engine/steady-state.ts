// Semantics 9.9 and W18 ServicesStable: a service is steady when it shows exactly one deployment
// and runningCount == desiredCount with no pending task. Counts follow service-view.ts: a service's
// tasks are those its deployments launched (startedBy), counted by lastStatus.
import type { RegionState } from '../domain/sandbox-document.ts';
import type { ServiceRecord } from '../domain/records.ts';
import { firstLiveTask } from './scheduler/live-task-start.ts';

export function isServiceSteady(state: RegionState, service: ServiceRecord): boolean {
  const shown = service.deployments.filter((d) => d.status !== 'INACTIVE');
  if (shown.length !== 1) return false;
  const ids = new Set(shown.map((d) => d.id));
  let running = 0;
  const tasks = state.tasks;
  for (let k = firstLiveTask(tasks); k < tasks.length; k++) {
    const t = tasks[k];
    if (t.clusterName !== service.clusterName || t.startedBy === undefined || !ids.has(t.startedBy)) continue;
    if (t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING') return false;
    if (t.lastStatus === 'RUNNING') running++;
  }
  return running === service.desiredCount;
}

/**
 * AdvanceTime's `steady`: every ACTIVE service of the region is steady and none is DRAINING (a
 * DRAINING service is still stopping tasks; W18 fails ServicesStable on it). INACTIVE ones are done.
 */
export function isRegionSteady(state: RegionState): boolean {
  return state.services.every((s) =>
    s.status === 'INACTIVE' || (s.status === 'ACTIVE' && isServiceSteady(state, s)));
}

// Section 12 / 9.3: a DRAINING service becomes INACTIVE at the first scheduler step that finds no
// live task of it. The scheduler calls this once per step, after applying the step's transitions.
import type { RegionState } from '../domain/sandbox-document.ts';
import type { ServiceRecord } from '../domain/records.ts';

/**
 * Moves every DRAINING service with no live task (lastStatus not STOPPED, launched by one of its
 * deployments) to INACTIVE and returns those services, in creation order. `now` is the step's time;
 * the transition itself records nothing else (the optional purge of INACTIVE services would start from it).
 */
export function settleDrainingServices(state: RegionState, now: number): ServiceRecord[] {
  void now;
  const settled: ServiceRecord[] = [];
  for (const service of state.services) {
    if (service.status !== 'DRAINING') continue;
    const ids = new Set(service.deployments.map((d) => d.id));
    const live = state.tasks.some((t) =>
      t.clusterName === service.clusterName && t.startedBy !== undefined && ids.has(t.startedBy) && t.lastStatus !== 'STOPPED');
    if (!live) {
      service.status = 'INACTIVE';
      settled.push(service);
    }
  }
  return settled;
}

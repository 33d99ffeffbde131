// The events tab: every service's events in one list, newest first.
import type { SandboxView } from '../../src/worker/scheduler-api.ts';

export interface LogEvent {
  id: string;
  createdAt: number;
  message: string;
  serviceName: string;
  clusterName: string;
}

/**
 * Merges the services' event lists (each newest first, 16.2) into one, newest first; ties keep a
 * stable order (cluster, service, then the service's own order). `service` filters to one service
 * (`cluster/service` or a bare service name); `limit` caps the length.
 */
export function mergeEvents(view: Pick<SandboxView, 'services'>, service?: string, limit = 500): LogEvent[] {
  const all: (LogEvent & { order: number })[] = [];
  let order = 0;
  for (const s of view.services) {
    if (service && service !== s.serviceName && service !== `${s.clusterName}/${s.serviceName}`) continue;
    for (const e of s.events) all.push({ ...e, serviceName: s.serviceName, clusterName: s.clusterName, order: order++ });
  }
  all.sort((a, b) => b.createdAt - a.createdAt || a.order - b.order);
  return all.slice(0, limit).map(({ order: _order, ...e }) => e);
}

/** Does the message say the service could not place a task (16.3)? */
export const isPlacementFailure = (message: string) => message.includes('was unable to place a task');

/** Services whose recent events include a placement failure, as `cluster/service`. */
export function servicesWithPlacementFailures(view: Pick<SandboxView, 'services'>): string[] {
  return view.services.filter((s) => s.events.some((e) => isPlacementFailure(e.message))).map((s) => `${s.clusterName}/${s.serviceName}`);
}

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

/** Messages longer than this show their beginning, the rest behind a disclosure (events of thousands of tasks). */
export const EVENT_HEAD_LENGTH = 600; // a placement failure (about 400) stays whole

/**
 * A message as its first `limit` characters (cut at a space when there is one) and the rest, or
 * whole. A "has started 2,500 tasks: (task …) …" event is over 100 KB of text: laid out in full at
 * each new view, its shaping alone took a frame (issue 5: no main-thread task over 50 ms).
 */
export function splitLongMessage(message: string, limit = EVENT_HEAD_LENGTH): { head: string; rest?: string } {
  if (message.length <= limit) return { head: message };
  const space = message.lastIndexOf(' ', limit);
  const cut = space > limit / 2 ? space : limit;
  return { head: message.slice(0, cut), rest: message.slice(cut) };
}

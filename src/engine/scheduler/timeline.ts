// A service's timeline (issue 4 item 8): a sample of its counts whenever one changes — running and
// pending per deployment, healthy tasks, and the MIN/MAX bands of 9.1 — for the deployment chart.
import type { ServiceRecord, TaskRecord, TimelineSample } from '../../domain/records.ts';
import { isHealthy, type TaskSurroundings } from './service-tasks.ts';
import type { StepContext } from './step-context.ts';

/** Samples kept per service; the oldest go first. */
export const TIMELINE_LIMIT = 5_000;

export function recordTimelineSample(ctx: StepContext, service: ServiceRecord, live: readonly TaskRecord[], around: TaskSurroundings): void {
  const d = service.desiredCount;
  const { minimumHealthyPercent, maximumPercent } = service.deploymentConfiguration;
  // one pass over the live tasks: the healthy ones, and running / pending per deployment shown
  const shown = service.deployments.filter((dep) => dep.status !== 'INACTIVE');
  const counts = new Map(shown.map((dep) => [dep.id, { running: 0, pending: 0 }]));
  let healthy = 0;
  for (const t of live) {
    if (isHealthy(service, t, around)) healthy++;
    const own = t.startedBy === undefined ? undefined : counts.get(t.startedBy);
    if (!own) continue;
    if (t.lastStatus === 'RUNNING') own.running++;
    else if (t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING') own.pending++;
  }
  const sample: TimelineSample = {
    at: ctx.now,
    desiredCount: d,
    min: Math.ceil((d * minimumHealthyPercent) / 100),
    max: Math.floor((d * maximumPercent) / 100),
    healthy,
    deployments: shown.map((dep) => {
      const own = counts.get(dep.id)!;
      return { id: dep.id, status: dep.status, running: own.running, pending: own.pending };
    }),
  };
  const last = service.timeline[service.timeline.length - 1];
  if (last && JSON.stringify({ ...last, at: 0 }) === JSON.stringify({ ...sample, at: 0 })) return;
  service.timeline.push(sample);
  if (service.timeline.length > TIMELINE_LIMIT) service.timeline.splice(0, service.timeline.length - TIMELINE_LIMIT);
}

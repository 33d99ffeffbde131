// One service's verdict at the end of a check phase, with one readable reason: steady; a task that
// cannot be placed (the placement-failure event, which names the closest matching instance and the
// stage that refused it, semantics 4.11); a stuck deployment (9.5), explained with the MIN/MAX
// arithmetic of 9.1; or not steady for another reason (with the service's last event).
import type { RegionState } from '../domain/sandbox-document.ts';
import type { ServiceRecord } from '../domain/records.ts';
import { isServiceSteady } from '../engine/steady-state.ts';
import { CLI, TASKS } from '../messages.ts';
import type { ServiceCheck } from './check-report.ts';

export type Verdict = Omit<ServiceCheck, 'region' | 'phase'>;

/** Both 4.11 forms (closest match, no container instances) start so. */
const placementFailurePrefix = (serviceName: string) =>
  TASKS.placementFailureNoInstancesEvent(serviceName).split(' because ')[0];

/** The latest placement-failure event of the service (16.3 may have suppressed a repeat, so the whole log is searched). */
export function latestPlacementFailure(service: ServiceRecord): string | undefined {
  const prefix = placementFailurePrefix(service.serviceName);
  for (let i = service.eventLog.length - 1; i >= 0; i--) {
    if (service.eventLog[i].message.startsWith(prefix)) return service.eventLog[i].message;
  }
  return undefined;
}

/** 9.1: MIN = ceil(D × min / 100), MAX = floor(D × max / 100). */
function bounds(service: ServiceRecord): { min: number; max: number } {
  const D = service.desiredCount;
  const { minimumHealthyPercent, maximumPercent } = service.deploymentConfiguration;
  return { min: Math.ceil((D * minimumHealthyPercent) / 100), max: Math.floor((D * maximumPercent) / 100) };
}

/** Running and pending tasks of the service's shown deployments (as DescribeServices counts them, 9.7). */
function counts(state: RegionState, service: ServiceRecord): { running: number; pending: number } {
  const ids = new Set(service.deployments.filter((d) => d.status !== 'INACTIVE').map((d) => d.id));
  let running = 0;
  let pending = 0;
  for (const t of state.tasks) {
    if (t.clusterName !== service.clusterName || t.startedBy === undefined || !ids.has(t.startedBy)) continue;
    if (t.lastStatus === 'RUNNING') running++;
    else if (t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING') pending++;
  }
  return { running, pending };
}

export function serviceVerdict(state: RegionState, service: ServiceRecord, phaseSeconds: number): Verdict {
  const { running, pending } = counts(state, service);
  const base = { cluster: service.clusterName, service: service.serviceName, desired: service.desiredCount, running, pending };
  if (isServiceSteady(state, service)) return { ...base, outcome: 'ok', reason: CLI.steady(service.desiredCount) };

  const failure = latestPlacementFailure(service);
  const { min, max } = bounds(service);
  const { minimumHealthyPercent, maximumPercent } = service.deploymentConfiguration;
  if (service.stuck === 'DEPLOYMENT_CONFIGURATION') {
    return {
      ...base, outcome: 'stuck', stuck: service.stuck,
      // 9.5's configuration deadlock when MIN ≥ D and MAX ≤ D; otherwise something else holds it (9.8 draining)
      reason: min >= service.desiredCount && max <= service.desiredCount
        ? CLI.stuckConfiguration(minimumHealthyPercent, maximumPercent, service.desiredCount, min, max)
        : CLI.stuckNoMove(minimumHealthyPercent, maximumPercent, min, max),
    };
  }
  if (service.stuck === 'CAPACITY') {
    return {
      ...base, outcome: 'stuck', stuck: service.stuck, ...(failure ? { placementFailure: failure } : {}),
      reason: CLI.stuckCapacity(minimumHealthyPercent, min, failure),
    };
  }
  if (failure !== undefined && running + pending < service.desiredCount) {
    return { ...base, outcome: 'unplaced', placementFailure: failure, reason: CLI.cannotPlace(failure) };
  }
  const last = service.eventLog.at(-1)?.message;
  return {
    ...base, outcome: 'not-steady',
    reason: CLI.notSteady(phaseSeconds, running, service.desiredCount, pending) + (last ? CLI.lastEvent(last) : ''),
  };
}

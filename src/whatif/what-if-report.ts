// What one what-if run left in its document, and the variant reports over its runs (seeds). Read
// from the records, not from API responses: the service timeline samples (engine/scheduler/timeline.ts)
// give the counts during the deployment, the full event log (16.2) the events.
import type { ServiceRecord, TimelineSample } from '../domain/records.ts';
import type { RegionState, SandboxDocument } from '../domain/sandbox-document.ts';
import { taskReservationIn } from '../engine/placement/task-reservation.ts';
import type {
  BalanceReport, EventCount, Metric, ServiceReport, Spread, TimelinePoint, UtilizationReport, VariantReport,
} from './what-if-types.ts';

export interface ServiceRun {
  name: string;
  desired: number;
  running: number;
  unplaced: number;
  lastPlacementFailure?: string;
  stuck?: string;
  deploymentSeconds?: number;
  lowestHealthy: number;
  highestTotal: number;
  secondsBelowDesired: number;
  /** The samples from the timeline's start (what-if-types.ts TimelinePoint). */
  timeline: TimelinePoint[];
}

export interface RunResult {
  steady: boolean;
  services: ServiceRun[];
  perAz: Record<string, number>;
  perInstanceMax: number;
  perInstanceMin: number;
  instances: number;
  cpu: number;
  memory: number;
  /** Template → count, after the timeline started. */
  events: Map<string, number>;
}

const PLACEMENT_FAILURE = 'was unable to place a task';
const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/**
 * An event's template: the ids that differ from run to run replaced, so that equal events of two
 * variants compare equal: `(task <id>)` lists become `<task>…`, their counts `<n>`.
 */
export function eventTemplate(message: string): string {
  return message
    .replace(/tasks: \(task [^)]+\)(?: \(task [^)]+\))*/g, 'tasks: <task>…')
    .replace(/\(task [^)]+\)/g, '(task <task>)')
    .replace(/\(container-instance [^)]+\)/g, '(container-instance <instance>)')
    .replace(/\(instance i-[0-9a-f]+\)/g, '(instance <instance>)')
    .replace(/\(deployment [^)]+\)/g, '(deployment <deployment>)')
    .replace(/has (started|stopped) \d+ (running )?tasks:/, 'has $1 <n> $2tasks:')
    .replace(/(registered|deregistered) \d+ (targets|instances)/, '$1 <n> $2')
    .replace(/draining connections on \d+ tasks/, 'draining connections on <n> tasks');
}

const runningOf = (s: TimelineSample) => s.deployments.reduce((n, d) => n + d.running, 0);
const totalOf = (s: TimelineSample) => s.deployments.reduce((n, d) => n + d.running + d.pending, 0);
const sampleSteady = (s: TimelineSample) =>
  s.deployments.length === 1 && s.deployments[0].pending === 0 && s.deployments[0].running === s.desiredCount;

/** The service's samples in force from `startMs` to `endMs`: the last one at or before the start, then the later ones. */
function samplesFrom(service: ServiceRecord, startMs: number): TimelineSample[] {
  const t = service.timeline;
  let first = t.findIndex((s) => s.at > startMs);
  if (first === -1) first = t.length;
  return t.slice(Math.max(0, first - 1));
}

function serviceRun(state: RegionState, service: ServiceRecord, startMs: number, endMs: number): ServiceRun {
  const ids = new Set(service.deployments.filter((d) => d.status !== 'INACTIVE').map((d) => d.id));
  let running = 0;
  let pending = 0;
  for (const task of state.tasks) {
    if (task.clusterName !== service.clusterName || task.startedBy === undefined || !ids.has(task.startedBy)) continue;
    if (task.lastStatus === 'RUNNING') running++;
    else if (task.lastStatus === 'PENDING' || task.lastStatus === 'PROVISIONING') pending++;
  }
  const samples = samplesFrom(service, startMs);
  let lowestHealthy = samples.length ? Infinity : running;
  let highestTotal = samples.length ? 0 : running + pending;
  let belowMs = 0;
  samples.forEach((s, i) => {
    lowestHealthy = Math.min(lowestHealthy, s.healthy);
    highestTotal = Math.max(highestTotal, totalOf(s));
    const from = Math.max(s.at, startMs);
    const to = i + 1 < samples.length ? samples[i + 1].at : endMs;
    if (runningOf(s) < s.desiredCount && to > from) belowMs += to - from;
  });
  // Steady from the sample after the last unsteady one, if the end is steady.
  let deploymentSeconds: number | undefined;
  const last = samples[samples.length - 1];
  if (last === undefined || sampleSteady(last)) {
    let k = samples.length - 1;
    while (k >= 0 && sampleSteady(samples[k])) k--;
    const steadyAt = k < 0 ? startMs : samples[k + 1].at;
    deploymentSeconds = round(Math.max(0, steadyAt - startMs) / 1000, 3);
  }
  const failure = [...service.eventLog].reverse().find((e) => e.message.includes(PLACEMENT_FAILURE));
  const steadyEvent = [...service.eventLog].reverse().find((e) => e.message.endsWith('has reached a steady state.'));
  const showFailure = failure !== undefined && (steadyEvent === undefined || failure.createdAt >= steadyEvent.createdAt);
  return {
    name: `${service.clusterName}/${service.serviceName}`,
    desired: service.desiredCount,
    running,
    unplaced: Math.max(0, service.desiredCount - running - pending),
    ...(showFailure ? { lastPlacementFailure: failure.message } : {}),
    ...(service.stuck ? { stuck: service.stuck } : {}),
    ...(deploymentSeconds !== undefined ? { deploymentSeconds } : {}),
    lowestHealthy: lowestHealthy === Infinity ? running : lowestHealthy,
    highestTotal,
    secondsBelowDesired: round(belowMs / 1000, 3),
    timeline: samples.map((s) => timelinePoint(s, startMs)),
  };
}

function timelinePoint(s: TimelineSample, startMs: number): TimelinePoint {
  return {
    atSeconds: round(Math.max(0, s.at - startMs) / 1000, 3),
    running: runningOf(s),
    pending: totalOf(s) - runningOf(s),
    healthy: s.healthy,
    desired: s.desiredCount,
    min: s.min,
    max: s.max,
  };
}

/** One run's figures at its end (`doc.clock.nowMs`), the deployment ones from `startMs` (the timeline's start). */
export function readRun(doc: SandboxDocument, region: string, startMs: number, steady: boolean): RunResult {
  const state = doc.regions[region];
  const endMs = doc.clock.nowMs;
  const empty: RunResult = { steady, services: [], perAz: {}, perInstanceMax: 0, perInstanceMin: 0, instances: 0, cpu: 0, memory: 0, events: new Map() };
  if (!state) return empty;
  const services = state.services.filter((s) => s.status !== 'INACTIVE').map((s) => serviceRun(state, s, startMs, endMs));

  const active = state.containerInstances.filter((i) => i.status !== 'INACTIVE');
  const perInstance = new Map(active.map((i) => [`${i.clusterName}/${i.id}`, 0]));
  const perAz: Record<string, number> = {};
  for (const i of active) perAz[i.availabilityZone ?? 'unknown'] ??= 0;
  const byKey = new Map(active.map((i) => [`${i.clusterName}/${i.id}`, i]));
  let cpuUsed = 0;
  let memoryUsed = 0;
  for (const task of state.tasks) {
    if (task.lastStatus === 'STOPPED' || task.containerInstanceId === undefined) continue;
    const key = `${task.clusterName}/${task.containerInstanceId}`;
    const instance = byKey.get(key);
    if (!instance) continue;
    perInstance.set(key, perInstance.get(key)! + 1);
    const zone = instance.availabilityZone ?? 'unknown';
    perAz[zone] = (perAz[zone] ?? 0) + 1;
    const r = taskReservationIn(state, task);
    cpuUsed += r.cpu;
    memoryUsed += r.memory;
  }
  const registered = (name: string) => active.reduce((sum, i) =>
    sum + (i.registeredResources.find((r) => r.name === name)?.integerValue ?? 0), 0);
  const cpu = registered('CPU');
  const memory = registered('MEMORY');
  const counts = [...perInstance.values()];

  const events = new Map<string, number>();
  for (const service of state.services) {
    for (const e of service.eventLog) {
      if (e.createdAt <= startMs) continue; // the baseline's last step is at startMs
      const template = eventTemplate(e.message);
      events.set(template, (events.get(template) ?? 0) + 1);
    }
  }
  return {
    steady, services,
    perAz: Object.fromEntries(Object.entries(perAz).sort(([a], [b]) => a.localeCompare(b))),
    perInstanceMax: counts.length ? Math.max(...counts) : 0,
    perInstanceMin: counts.length ? Math.min(...counts) : 0,
    instances: active.length,
    cpu: cpu > 0 ? round(cpuUsed / cpu, 3) : 0,
    memory: memory > 0 ? round(memoryUsed / memory, 3) : 0,
    events,
  };
}

/** Min, median (the mean of the two middle values for an even count) and max. */
function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { min: sorted[0], median: round(median, 3), max: sorted[sorted.length - 1] };
}

/** One value with one run; min / median / max over the runs otherwise. */
export const metric = (values: readonly number[]): Metric => (values.length === 1 ? values[0] : spread(values));

function reportServices(runs: readonly RunResult[]): ServiceReport[] {
  const names = [...new Set(runs.flatMap((r) => r.services.map((s) => s.name)))];
  return names.map((name) => {
    const each = runs.map((r) => r.services.find((s) => s.name === name));
    const values = (pick: (s: ServiceRun) => number) => each.map((s) => (s ? pick(s) : 0));
    const present = each.filter((s): s is ServiceRun => s !== undefined);
    const lastFailure = [...present].reverse().find((s) => s.lastPlacementFailure)?.lastPlacementFailure;
    const stuck = present.find((s) => s.stuck)?.stuck;
    const seconds = each.map((s) => s?.deploymentSeconds);
    const report: ServiceReport = {
      name,
      desired: metric(values((s) => s.desired)),
      running: metric(values((s) => s.running)),
      unplaced: metric(values((s) => s.unplaced)),
      ...(lastFailure ? { lastPlacementFailure: lastFailure } : {}),
      ...(stuck ? { stuck } : {}),
      stuckRuns: present.filter((s) => s.stuck).length,
      ...(seconds.every((x) => x !== undefined) ? { deploymentSeconds: metric(seconds as number[]) } : {}),
      lowestHealthy: metric(values((s) => s.lowestHealthy)),
      highestTotal: metric(values((s) => s.highestTotal)),
      secondsBelowDesired: metric(values((s) => s.secondsBelowDesired)),
    };
    return report;
  });
}

function reportBalance(runs: readonly RunResult[]): BalanceReport {
  const zones = [...new Set(runs.flatMap((r) => Object.keys(r.perAz)))].sort();
  return {
    perAz: Object.fromEntries(zones.map((z) => [z, metric(runs.map((r) => r.perAz[z] ?? 0))])),
    perInstanceMax: metric(runs.map((r) => r.perInstanceMax)),
    perInstanceMin: metric(runs.map((r) => r.perInstanceMin)),
    instances: metric(runs.map((r) => r.instances)),
  };
}

function reportEvents(runs: readonly RunResult[]): EventCount[] {
  const templates = [...new Set(runs.flatMap((r) => [...r.events.keys()]))].sort();
  return templates.map((template) => ({ template, count: metric(runs.map((r) => r.events.get(template) ?? 0)) }));
}

/** The variant reports, in request order; `eventsOnlyHere` against the first variant. */
export function reportVariants(names: readonly string[], runs: readonly (readonly RunResult[])[]): VariantReport[] {
  const reports = names.map((name, i): VariantReport => {
    const own = runs[i];
    const utilization: UtilizationReport = { cpu: metric(own.map((r) => r.cpu)), memory: metric(own.map((r) => r.memory)) };
    return {
      name, runs: own.length, steady: own.every((r) => r.steady),
      services: reportServices(own), balance: reportBalance(own), utilization, events: reportEvents(own), eventsOnlyHere: [],
      timelines: (own[0]?.services ?? []).map((s) => ({ name: s.name, points: s.timeline })),
    };
  });
  const reference = new Set(reports[0]?.events.map((e) => e.template));
  for (const report of reports.slice(1)) report.eventsOnlyHere = report.events.map((e) => e.template).filter((t) => !reference.has(t));
  return reports;
}

// Scenario helpers for the service-scheduler tests (semantics 3.1, 9, 10, 13, 14, 16): everything
// goes through the API (aSandbox, CreateService/UpdateService, EcsSandbox.AdvanceTime); these only
// read the document back in a form a golden table can state: times in seconds since the document
// started, deployments as d1, d2, … in creation order, task ids as T1, T2, … in task creation order.
import { regionState } from '../../src/domain/new-document.ts';
import type { ServiceRecord, TaskBehaviourRecord, TaskRecord } from '../../src/domain/records.ts';
import type { RegionState } from '../../src/domain/sandbox-document.ts';
import { aTaskDefinition } from './placement.ts';
import { ACCOUNT, REGION, targetGroupArnOf } from './services.ts';
import type { TestSandbox } from './sandbox.ts';

/** The region's state, read afresh (a failed call restores a snapshot, which replaces the objects). */
export const regionOf = (s: TestSandbox, region = REGION): RegionState => regionState(s.api.document, region);

export function serviceRecord(s: TestSandbox, name: string, region = REGION): ServiceRecord {
  const found = regionOf(s, region).services.find((x) => x.serviceName === name);
  if (!found) throw new Error(`no service ${name}`);
  return found;
}

/** Simulated seconds since the document started (a new document's clock starts there). */
export const secondsOf = (s: TestSandbox, ms: number): number => (ms - s.api.document.startedAt) / 1000;
export const nowSeconds = (s: TestSandbox): number => secondsOf(s, s.api.document.clock.nowMs);

/** EcsSandbox.AdvanceTime by `seconds`. */
export const advance = (s: TestSandbox, seconds: number): void => void s.sandbox('AdvanceTime', { seconds });
/** Advances to `seconds` since the start (a time in the past is an error in the test). */
export function advanceTo(s: TestSandbox, seconds: number): void {
  const by = seconds - nowSeconds(s);
  if (by < 0) throw new Error(`already at ${nowSeconds(s)} s, past ${seconds} s`);
  advance(s, by);
}
/** AdvanceTime untilSteady; returns whether the region got steady. */
export const settle = (s: TestSandbox, maxSeconds = 3600): boolean =>
  s.sandbox('AdvanceTime', { untilSteady: true, maxSeconds }).steady;

/** The n-th task of the region by its label `T<n>` (1-based, creation order). */
export const taskByLabel = (s: TestSandbox, label: string): TaskRecord => regionOf(s).tasks[Number(label.slice(1)) - 1];

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** The message with task ids as T<n> and container-instance ids as CI<n> (registration order). */
export function labelled(s: TestSandbox, message: string): string {
  const state = regionOf(s);
  const labels = new Map([
    ...state.tasks.map((t, i): [string, string] => [t.id, `T${i + 1}`]),
    ...state.containerInstances.map((c): [string, string] => [c.id, `CI${c.registrationIndex + 1}`]),
  ]);
  return message.replace(UUID, (id) => labels.get(id) ?? id);
}

/** The service's full event log, oldest first, as `<seconds>s <message with task labels>`. */
export function eventRows(s: TestSandbox, name: string, fromSeconds = 0): string[] {
  return serviceRecord(s, name).eventLog
    .filter((e) => secondsOf(s, e.createdAt) >= fromSeconds)
    .map((e) => `${secondsOf(s, e.createdAt)}s ${labelled(s, e.message)}`);
}

/**
 * The service's timeline as `<seconds>s <d>:<running>/<pending> … h<healthy>`, one row per sample,
 * deployments labelled d1, d2, … by their position in service.deployments (creation order).
 */
export function timelineRows(s: TestSandbox, name: string, fromSeconds = 0): string[] {
  const service = serviceRecord(s, name);
  const label = new Map(service.deployments.map((d, i) => [d.id, `d${i + 1}`]));
  return service.timeline
    .filter((x) => secondsOf(s, x.at) >= fromSeconds)
    .map((x) => [
      `${secondsOf(s, x.at)}s`,
      ...x.deployments.map((d) => `${label.get(d.id)}:${d.running}/${d.pending}`),
      `h${x.healthy}`,
    ].join(' '));
}

/** DescribeServices of one service. */
export const describeService = (s: TestSandbox, name: string, cluster?: string) =>
  s.ecs('DescribeServices', { services: [name], ...(cluster ? { cluster } : {}) }).services[0];

/** Two revisions of family `web` (one bridge container `app`, 256 MiB, no ports): [revision 1, revision 2]. */
export function twoRevisions(s: TestSandbox, family = 'web', container: Record<string, unknown> = {}): [string, string] {
  return [aTaskDefinition(s, family, container), aTaskDefinition(s, family, { ...container, image: 'nginx:1.14' })];
}

/** Scenario settings for a task definition or family (3.2, 11, 13, D46), through EcsSandbox.PutTaskBehaviours. */
export function putBehaviour(s: TestSandbox, behaviour: Partial<TaskBehaviourRecord> & { taskDefinition: string }): void {
  s.sandbox('PutTaskBehaviours', { taskBehaviours: [behaviour] });
}

export const LOAD_BALANCER_ARN = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/lb-web/50dc6c495c0c9188`;

export interface HealthSettings {
  healthCheckIntervalSeconds?: number;
  healthyThresholdCount?: number;
  unhealthyThresholdCount?: number;
  deregistrationDelaySeconds?: number;
}

/** Declares a target group behind one ALB through EcsSandbox.PutTargetGroups; returns its ARN. */
export function aTargetGroup(s: TestSandbox, name: string, targetType: 'instance' | 'ip' = 'instance', health: HealthSettings = {}): string {
  const targetGroupArn = targetGroupArnOf(name);
  s.sandbox('PutTargetGroups', { targetGroups: [{ targetGroupArn, targetType, loadBalancerArns: [LOAD_BALANCER_ARN], ...health }] });
  return targetGroupArn;
}

/** Live tasks of the region per container instance (`CI<n>` by registration order), as task labels. */
export function liveByInstance(s: TestSandbox): Record<string, string[]> {
  const state = regionOf(s);
  return Object.fromEntries(state.containerInstances.map((c) => [
    `CI${c.registrationIndex + 1}`,
    state.tasks.flatMap((t, k) => (t.containerInstanceId === c.id && t.lastStatus !== 'STOPPED' ? [`T${k + 1}`] : [])),
  ]));
}

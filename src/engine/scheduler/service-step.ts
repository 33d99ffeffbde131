// The service step of semantics 9.3, run for every ACTIVE or DRAINING service on every scheduler
// step, in creation order: stop what a DRAINING service still runs; stop PENDING tasks on DRAINING
// instances (9.8); then launch for PRIMARY within MAX, retire old tasks while MIN healthy remain,
// scale in a desiredCount decrease; then bookkeeping (deployments, steady state 9.9, stuck 9.5).
// The arithmetic (D, MIN, MAX, k, j, s) is the placement core's deploymentStep (WASM with that core).
import type { DeploymentRecord, ServiceRecord, TaskRecord } from '../../domain/records.ts';
import { SCHEDULER } from '../../messages.ts';
import type { RandomState } from '../../shared/xoshiro128.ts';
import { applyPlacement, createTask, type NewTaskSettings } from '../placement/apply-placement.ts';
import { placeBatch } from '../placement/place-batch.ts';
import { placeFargateTasks } from '../placement/fargate-placement.ts';
import { placementFailureMessage } from '../placement/placement-failure-message.ts';
import { REPEAT_AFTER_MS, resolveSuppressed } from './service-event-log.ts';
import { selectStops } from './select-stops.ts';
import { isActive, isHealthy, isPrimaryTask, quantitiesOf, type TaskSurroundings } from './service-tasks.ts';
import type { StepContext } from './step-context.ts';
import { beginStop } from './stop-sequence.ts';
import { recordTimelineSample } from './timeline.ts';

const PLACEMENT_FAILURE_PREFIX = (serviceName: string) => `(service ${serviceName}) was unable to place a task`;

/** What of a service a step may change besides its tasks: compared before and after (quiet steps, clock.ts). */
function fingerprintOf(service: ServiceRecord): string {
  return JSON.stringify([
    service.status, service.stuck, service.steadyEventAt, service.startFailures, service.backoffUntil,
    Object.keys(service.suppressed).length, service.timeline.length, service.deployments.map((d) => d.status),
  ]);
}

function primaryOf(service: ServiceRecord): DeploymentRecord | undefined {
  return service.deployments.find((d) => d.status === 'PRIMARY');
}

/** 9.3 launch: up to k tasks for PRIMARY, one at a time; the first that cannot be placed ends it (4.11). */
function launch(ctx: StepContext, service: ServiceRecord, primary: DeploymentRecord, k: number): { tasks: TaskRecord[]; failed: boolean } {
  const record = ctx.state.taskDefinitions.find((d) => d.definition.taskDefinitionArn === primary.taskDefinition);
  if (!record || k <= 0) return { tasks: [], failed: false };
  const definition = record.definition;
  const settings: NewTaskSettings = {
    clusterName: service.clusterName,
    taskDefinitionArn: primary.taskDefinition,
    containerCount: definition.containerDefinitions.length,
    group: `service:${service.serviceName}`,
    startedBy: primary.id,
    launchType: primary.launchType,
    ...(primary.platformVersion !== undefined ? { platformVersion: primary.platformVersion } : {}),
  };
  const subnets = primary.networkConfiguration?.awsvpcConfiguration?.subnets;
  let tasks: TaskRecord[];
  let failure: string | undefined;
  if (primary.launchType === 'FARGATE') {
    const placed = placeFargateTasks(ctx.state, service.clusterName, settings.group, subnets ?? [], k, ctx.doc.random.placement);
    tasks = placed.subnets.map((subnetId) => createTask(ctx, settings, { hostPorts: [], subnetId }));
    ctx.doc.random.placement = placed.random;
  } else {
    const placed = placeBatch(ctx, {
      clusterName: service.clusterName, taskDefinition: definition, group: settings.group,
      constraints: service.placementConstraints, strategies: service.placementStrategy, emptyStrategies: 'service-default',
      ...(subnets ? { subnets } : {}),
      count: k, random: [...ctx.doc.random.placement] as RandomState, era: ctx.era,
    });
    tasks = applyPlacement(ctx, placed, placed.result, settings);
    if (placed.result.placed < k) failure = placementFailureMessage(service.serviceName, placed.result, placed);
  }
  if (tasks.length > 0) {
    const name = service.serviceName;
    ctx.events.add(service, 'started', (ids) => SCHEDULER.started(name, ids), tasks.map((t) => t.id));
  }
  // 3.1: a service's started event comes before its placement-failure event
  if (failure !== undefined) ctx.events.addSuppressible(service, failure);
  return { tasks, failed: failure !== undefined };
}

function stopAll(ctx: StepContext, service: ServiceRecord, tasks: readonly TaskRecord[]): void {
  ctx.stopsBegun += tasks.length;
  for (const task of tasks) {
    beginStop(ctx, task, service, { reason: SCHEDULER.scalingActivity(task.startedBy ?? ''), announcedBy: service });
  }
}

/** 9.9: the steady-state event when the service becomes steady, and every 6 hours while it stays so. */
function checkSteady(ctx: StepContext, service: ServiceRecord, live: readonly TaskRecord[]): boolean {
  const shown = service.deployments.filter((d) => d.status !== 'INACTIVE');
  const running = live.filter((t) => t.lastStatus === 'RUNNING').length;
  const pending = live.some((t) => t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING');
  const steady = service.status === 'ACTIVE' && shown.length === 1 && running === service.desiredCount && !pending;
  if (!steady) {
    delete service.steadyEventAt;
    return false;
  }
  // 9.9: a deployment started since the last steady event is a new steady state, even when no step saw
  // the service unsteady (desiredCount 0: the superseded deployment goes INACTIVE in the step that
  // first sees it); API calls come after the step of their time, so `>=` means "after the event"
  const newDeployment = service.steadyEventAt !== undefined && shown[0].createdAt >= service.steadyEventAt;
  if (service.steadyEventAt === undefined || newDeployment || ctx.now - service.steadyEventAt >= REPEAT_AFTER_MS) {
    service.steadyEventAt = ctx.now;
    ctx.events.add(service, 'steady', () => SCHEDULER.steady(service.serviceName));
  }
  return true;
}

/**
 * Runs 9.3 for the service; returns whether it changed anything (a task placed or stopped, or the
 * service's own state), which a quiet step must not (clock.ts skips ahead over quiet steps).
 */
export function runServiceStep(ctx: StepContext, service: ServiceRecord, liveIn: readonly TaskRecord[], around: TaskSurroundings): boolean {
  const before = fingerprintOf(service);
  const tasksBefore = ctx.state.tasks.length;
  const stopsBefore = ctx.stopsBegun;
  stepService(ctx, service, liveIn, around);
  return ctx.stopsBegun !== stopsBefore || ctx.state.tasks.length !== tasksBefore || fingerprintOf(service) !== before;
}

function stepService(ctx: StepContext, service: ServiceRecord, liveIn: readonly TaskRecord[], around: TaskSurroundings): void {
  ctx.events.nextPart();
  if (service.status === 'DRAINING') {
    // section 12: every active task goes through the stop sequence; INACTIVE once none is live
    stopAll(ctx, service, liveIn.filter(isActive));
    if (liveIn.every((t) => t.lastStatus === 'STOPPED')) service.status = 'INACTIVE';
    recordTimelineSample(ctx, service, liveIn, around);
    return;
  }
  const primary = primaryOf(service);
  if (service.status !== 'ACTIVE' || !primary) return;

  // 9.8: PENDING service tasks on DRAINING instances stop at once, outside the MIN rule
  const pendingOnDraining = liveIn.filter((t) => isActive(t) && t.lastStatus === 'PENDING' && around.instanceOf(t)?.status === 'DRAINING');
  stopAll(ctx, service, pendingOnDraining);

  const live = liveIn.filter((t) => t.lastStatus !== 'STOPPED');
  const q = quantitiesOf(service, primary, live, around);
  const backoff = service.backoffUntil !== undefined && service.backoffUntil > ctx.now;
  const step = ctx.placementCore.deploymentStep({
    desiredCount: q.desiredCount,
    minimumHealthyPercent: service.deploymentConfiguration.minimumHealthyPercent,
    maximumPercent: service.deploymentConfiguration.maximumPercent,
    total: q.total, healthy: q.healthy, primary: q.primary, old: q.old, backoff,
  });

  // launch
  const launched = launch(ctx, service, primary, step.launch);
  if (step.launch === 0 || !launched.failed) resolveSuppressed(service, (m) => m.startsWith(PLACEMENT_FAILURE_PREFIX(service.serviceName)));

  // retire: D50, tasks that are not healthy first, then healthy ones; each group by section 8
  const active = live.filter(isActive);
  const old = active.filter((t) => !isPrimaryTask(t, primary, around));
  if (step.retire > 0) {
    const unhealthy = old.filter((t) => !isHealthy(service, t, around));
    const first = selectStops(ctx, service, active, unhealthy, Math.min(step.retire, unhealthy.length));
    stopAll(ctx, service, first);
    const healthyOld = old.filter((t) => isHealthy(service, t, around));
    const rest = selectStops(ctx, service, active.filter(isActive), healthyOld, step.retire - first.length);
    stopAll(ctx, service, rest);
  }

  // scale in: a desiredCount decrease is not a deployment, so MIN does not hold it back
  if (step.scaleIn > 0) {
    const primaryTasks = active.filter((t) => isActive(t) && isPrimaryTask(t, primary, around));
    stopAll(ctx, service, selectStops(ctx, service, active.filter(isActive), primaryTasks, step.scaleIn));
  }

  // bookkeeping: an ACTIVE deployment with no live task is INACTIVE (9.7)
  const liveAfter = [...live.filter((t) => t.lastStatus !== 'STOPPED'), ...launched.tasks];
  for (const d of service.deployments) {
    if (d.status === 'ACTIVE' && !liveAfter.some((t) => t.startedBy === d.id)) {
      d.status = 'INACTIVE';
      d.updatedAt = ctx.now;
    }
  }
  checkSteady(ctx, service, liveAfter);
  // 9.5: stuck when old tasks remain and nothing can move without outside action
  const moving = liveAfter.some((t) => t.lastStatus !== 'RUNNING' || t.desiredStatus === 'STOPPED');
  // (not `!steady`: old tasks on a DRAINING instance leave the 9.9 counts steady, yet 9.8 calls 100/100 stuck)
  const stuck = q.old > 0 && launched.tasks.length === 0 && step.retire === 0 && !moving && !backoff;
  if (!stuck) delete service.stuck;
  else service.stuck = launched.failed ? 'CAPACITY' : 'DEPLOYMENT_CONFIGURATION';
  recordTimelineSample(ctx, service, liveAfter, around);
}

// One scheduler step of one region (semantics 3.1): the transitions due (step 1), the service step of
// every ACTIVE or DRAINING service in creation order (step 2, section 9), then the events they caused,
// in order (step 3, section 16). Auto Naming operations due settle first (their own clock, 14).
import type { ContainerInstanceRecord, ServiceRecord, TargetRecord, TaskRecord } from '../../domain/records.ts';
import type { SandboxDocument } from '../../domain/sandbox-document.ts';
import { settleDiscoveryOperations } from '../discovery-operations.ts';
import { liveTasksByService, type TaskSurroundings } from './service-tasks.ts';
import { runServiceStep } from './service-step.ts';
import { createStepContext, type SchedulerEnvironment } from './step-context.ts';
import { applyDueTransitions } from './task-transitions.ts';

/** Runs the step; returns whether it changed anything (a quiet step changes nothing at all). */
export function runRegionStep(doc: SandboxDocument, region: string, now: number, env: SchedulerEnvironment): boolean {
  const ctx = createStepContext(doc, region, now, env);
  const { state } = ctx;
  let changed = settleDiscoveryOperations(state, now).length > 0;

  const serviceOfDeployment = new Map<string, ServiceRecord>();
  for (const service of state.services) for (const d of service.deployments) serviceOfDeployment.set(d.id, service);
  const serviceOf = (task: TaskRecord) => {
    const service = task.startedBy === undefined ? undefined : serviceOfDeployment.get(task.startedBy);
    return service && service.clusterName === task.clusterName ? service : undefined;
  };
  if (applyDueTransitions(ctx, serviceOf) > 0) changed = true;

  const instances = new Map<string, ContainerInstanceRecord>(state.containerInstances.map((i) => [i.id, i]));
  const targets = new Map<string, TargetRecord>(state.targets.map((t) => [t.taskId, t]));
  const around: TaskSurroundings = {
    instanceOf: (task) => (task.containerInstanceId === undefined ? undefined : instances.get(task.containerInstanceId)),
    targetOf: (task) => targets.get(task.id),
  };
  const live = liveTasksByService(state);
  for (const service of [...state.services]) {
    if (service.status !== 'ACTIVE' && service.status !== 'DRAINING') continue;
    if (runServiceStep(ctx, service, live.get(service) ?? [], around)) changed = true;
  }
  if (ctx.events.flush(now, ctx.newUuid) > 0) changed = true;
  return changed;
}

// The live tasks of each service and the quantities of semantics 9.1, computed once per step from
// one pass over the region's tasks. A service task is one its deployments launched (startedBy, 3.2).
import type { ContainerInstanceRecord, DeploymentRecord, ServiceRecord, TaskRecord, TargetRecord } from '../../domain/records.ts';
import type { RegionState } from '../../domain/sandbox-document.ts';
import { firstLiveTask } from './live-task-start.ts';

export interface ServiceTasks {
  /** Live tasks (not STOPPED), in creation order. */
  live: TaskRecord[];
}

/** Live tasks per service; services without one map to an empty list. */
export function liveTasksByService(state: RegionState): Map<ServiceRecord, TaskRecord[]> {
  const byDeployment = new Map<string, ServiceRecord>();
  const result = new Map<ServiceRecord, TaskRecord[]>();
  for (const service of state.services) {
    result.set(service, []);
    for (const d of service.deployments) byDeployment.set(d.id, service);
  }
  const tasks = state.tasks;
  for (let k = firstLiveTask(tasks); k < tasks.length; k++) {
    const task = tasks[k];
    if (task.lastStatus === 'STOPPED' || task.startedBy === undefined) continue;
    const service = byDeployment.get(task.startedBy);
    if (service && service.clusterName === task.clusterName) result.get(service)!.push(task);
  }
  return result;
}

export interface ServiceQuantities {
  desiredCount: number;
  total: number;
  healthy: number;
  primary: number;
  old: number;
}

/** What 9.1 and 9.2 need to know about a task besides its own record. */
export interface TaskSurroundings {
  instanceOf(task: TaskRecord): ContainerInstanceRecord | undefined;
  targetOf(task: TaskRecord): TargetRecord | undefined;
}

export const isActive = (t: TaskRecord) => t.lastStatus !== 'STOPPED' && t.desiredStatus === 'RUNNING';

/** 9.2: RUNNING, and behind a load balancer also healthy in it. */
export function isHealthy(service: ServiceRecord, task: TaskRecord, around: TaskSurroundings): boolean {
  if (!isActive(task) || task.lastStatus !== 'RUNNING') return false;
  if (service.loadBalancers.length === 0) return true;
  return around.targetOf(task)?.state === 'healthy';
}

const onDrainingInstance = (task: TaskRecord, around: TaskSurroundings) => around.instanceOf(task)?.status === 'DRAINING';

/** 9.1: PRIMARY tasks off DRAINING instances are `primary`; the rest of the active ones are `old`. */
export function isPrimaryTask(task: TaskRecord, primary: DeploymentRecord, around: TaskSurroundings): boolean {
  return task.startedBy === primary.id && !onDrainingInstance(task, around);
}

export function quantitiesOf(service: ServiceRecord, primary: DeploymentRecord, live: readonly TaskRecord[], around: TaskSurroundings): ServiceQuantities {
  let healthy = 0;
  let primaryCount = 0;
  let old = 0;
  for (const task of live) {
    if (!isActive(task)) continue;
    if (isHealthy(service, task, around)) healthy++;
    if (isPrimaryTask(task, primary, around)) primaryCount++;
    else old++;
  }
  return { desiredCount: service.desiredCount, total: live.length, healthy, primary: primaryCount, old };
}

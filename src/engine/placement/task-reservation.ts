// What a task holds on its instance while it is live (semantics 3.2, D7): CPU (4.3) and memory (4.4).
// Shared by the API's remainingResources (container-instance-view.ts) and the placement builder, so
// both subtract exactly the same amounts. Overrides are not counted: the 2018 scheduler reserved by
// task definition.
import type { ContainerInstanceRecord, TaskDefinitionRecord, TaskRecord } from '../../domain/records.ts';
import type { RegionState } from '../../domain/sandbox-document.ts';

export interface TaskReservation {
  cpu: number;
  memory: number;
}

/** `"1024"`, `"1 vCPU"`, `"0.25 vcpu"` → CPU units; undefined when absent or unreadable. */
function parseCpu(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i.exec(text);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * (m[2] ? 1024 : 1));
}

/** `"512"`, `"1 GB"`, `"2GB"` → MiB; undefined when absent or unreadable. */
function parseMemory(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(gb)?\s*$/i.exec(text);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * (m[2] ? 1024 : 1));
}

/**
 * What a task of this definition needs: the task-level `cpu`/`memory` when set, else the sum over
 * containers of `cpu` (missing = 0) and of `memoryReservation` where set, else `memory` (4.3, 4.4).
 */
export function definitionReservation(definition: TaskDefinitionRecord['definition']): TaskReservation {
  const containers = definition.containerDefinitions;
  const cpu = parseCpu(definition.cpu) ?? containers.reduce((sum, c) => sum + (c.cpu ?? 0), 0);
  const memory = parseMemory(definition.memory) ??
    containers.reduce((sum, c) => sum + (c.memoryReservation ?? c.memory ?? 0), 0);
  return { cpu, memory };
}

export const taskDefinitionOf = (state: RegionState, task: TaskRecord): TaskDefinitionRecord | undefined =>
  state.taskDefinitions.find((d) => d.definition.taskDefinitionArn === task.taskDefinitionArn);

/** What a live task holds; an unknown task definition holds nothing. */
export function taskReservationIn(state: RegionState, task: TaskRecord): TaskReservation {
  const record = taskDefinitionOf(state, task);
  return record ? definitionReservation(record.definition) : { cpu: 0, memory: 0 };
}

/** Tasks that hold resources on the instance: every task on it that is not yet STOPPED (3.2). */
export const liveTasksOnInstance = (state: RegionState, instance: ContainerInstanceRecord): TaskRecord[] =>
  state.tasks.filter((t) =>
    t.containerInstanceId === instance.id && t.clusterName === instance.clusterName && t.lastStatus !== 'STOPPED');

/**
 * The live tasks of every instance at once, in task order: one pass over the tasks instead of one per
 * instance, for callers that visit a whole cluster (a placement batch).
 */
export function liveTasksByInstance(state: RegionState): (instance: ContainerInstanceRecord) => TaskRecord[] {
  const byKey = new Map<string, TaskRecord[]>();
  for (const t of state.tasks) {
    if (t.lastStatus === 'STOPPED' || t.containerInstanceId === undefined) continue;
    const key = `${t.clusterName}\u0000${t.containerInstanceId}`;
    const list = byKey.get(key);
    if (list) list.push(t);
    else byKey.set(key, [t]);
  }
  return (instance) => byKey.get(`${instance.clusterName}\u0000${instance.id}`) ?? [];
}

/** An integer resource's amount, whichever number member carries it (integerValue first, as AWS writes it). */
export function registeredAmount(instance: ContainerInstanceRecord, name: string): number {
  const r = instance.registeredResources.find((x) => x.name === name);
  return r ? r.integerValue ?? r.longValue ?? r.doubleValue ?? 0 : 0;
}

/**
 * What an instance has left (4.3, 4.4): registered CPU and memory minus what every live task holds.
 * DescribeContainerInstances' remainingResources and the placement builder both read it.
 */
export function remainingCpuAndMemory(state: RegionState, instance: ContainerInstanceRecord, live = liveTasksOnInstance(state, instance)): TaskReservation {
  let cpu = registeredAmount(instance, 'CPU');
  let memory = registeredAmount(instance, 'MEMORY');
  for (const task of live) {
    const held = taskReservationIn(state, task);
    cpu -= held.cpu;
    memory -= held.memory;
  }
  return { cpu, memory };
}

// What a task holds on its instance while it is live (semantics 3.2, D7): CPU (4.3), memory (4.4)
// and host ports (4.5). Overrides are not counted: the 2018 scheduler reserved by task definition.
import type { ContainerInstanceRecord, TaskRecord } from '../../../domain/records.ts';
import type { OperationContext } from '../../operation-context.ts';

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
 * The task-level `cpu`/`memory` when set, else the sum over containers of `cpu` (missing = 0) and
 * of `memoryReservation` where set, else `memory` (4.3, 4.4). An unknown task definition holds nothing.
 */
export function taskReservation(ctx: OperationContext, task: TaskRecord): TaskReservation {
  const record = ctx.state.taskDefinitions.find((d) => d.definition.taskDefinitionArn === task.taskDefinitionArn);
  if (!record) return { cpu: 0, memory: 0 };
  const definition = record.definition;
  const containers = definition.containerDefinitions;
  const cpu = parseCpu(definition.cpu) ?? containers.reduce((sum, c) => sum + (c.cpu ?? 0), 0);
  const memory = parseMemory(definition.memory) ??
    containers.reduce((sum, c) => sum + (c.memoryReservation ?? c.memory ?? 0), 0);
  return { cpu, memory };
}

/** Tasks that hold resources on the instance: every task on it that is not yet STOPPED (3.2). */
export const liveTasksOn = (ctx: OperationContext, instance: ContainerInstanceRecord): TaskRecord[] =>
  ctx.state.tasks.filter((t) =>
    t.containerInstanceId === instance.id && t.clusterName === instance.clusterName && t.lastStatus !== 'STOPPED');

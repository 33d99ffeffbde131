// What a task holds on its instance while it is live (semantics 3.2, D7). The arithmetic lives in
// src/engine/placement/task-reservation.ts, shared with the placement builder.
import type { ContainerInstanceRecord, TaskRecord } from '../../../domain/records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { liveTasksOnInstance, taskReservationIn, type TaskReservation } from '../../../engine/placement/task-reservation.ts';

export type { TaskReservation };

/**
 * The task-level `cpu`/`memory` when set, else the sum over containers of `cpu` (missing = 0) and
 * of `memoryReservation` where set, else `memory` (4.3, 4.4). An unknown task definition holds nothing.
 */
export const taskReservation = (ctx: OperationContext, task: TaskRecord): TaskReservation => taskReservationIn(ctx.state, task);

/** Tasks that hold resources on the instance: every task on it that is not yet STOPPED (3.2). */
export const liveTasksOn = (ctx: OperationContext, instance: ContainerInstanceRecord): TaskRecord[] =>
  liveTasksOnInstance(ctx.state, instance);

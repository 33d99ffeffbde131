// RunTask (semantics 4.12): places `count` tasks one at a time through 4.2–6.6 with the request's
// group (default `family:<family>`), constraints and strategies (default `random`), and stores the
// placed ones PENDING. Placing stops at the first task that cannot be placed (D44); `failures` then
// lists every ACTIVE instance with the code of the stage it failed. FARGATE tasks go to a subnet (7).
import type { Failure, RunTaskRequest, RunTaskResponse } from '../../../model/ecs-types.ts';
import type { TaskRecord } from '../../../domain/records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { invalidParameter } from '../../aws-error.ts';
import { containerInstanceArn } from '../../../domain/arns.ts';
import { TASKS } from '../../../messages.ts';
import { placeBatch } from '../../../engine/placement/place-batch.ts';
import type { PlacementLayout } from '../../../engine/placement/apply-placement.ts';
import { applyPlacement, createTask, type NewTaskSettings } from '../../../engine/placement/apply-placement.ts';
import { placeFargateTasks } from '../../../engine/placement/fargate-placement.ts';
import { failureReasonOf } from '../../../engine/placement/placement-reasons.ts';
import type { PlacementResult } from '../../../placement/placement-problem.ts';
import type { RandomState } from '../../../shared/xoshiro128.ts';
import { resolveTaskRequest, type ResolvedTaskRequest } from './resolve-task-request.ts';
import { taskView } from './task-view.ts';

/** 4.12: one entry per ACTIVE instance, in registration order, with its stage's code. */
export function placementFailures(ctx: OperationContext, built: Pick<PlacementLayout, 'instances'>, result: PlacementResult): Failure[] {
  const failures: Failure[] = [];
  built.instances.forEach((instance, i) => {
    const reason = failureReasonOf(result.rejectCode[i]);
    if (instance.status === 'ACTIVE' && reason !== undefined) {
      failures.push({ arn: containerInstanceArn(ctx.scope, instance.id), reason });
    }
  });
  return failures;
}

const newTaskSettings = (request: ResolvedTaskRequest, input: RunTaskRequest): NewTaskSettings => ({
  clusterName: request.cluster.clusterName,
  taskDefinitionArn: request.taskDefinition.definition.taskDefinitionArn!,
  containerCount: request.taskDefinition.definition.containerDefinitions.length,
  group: request.group,
  ...(input.startedBy !== undefined ? { startedBy: input.startedBy } : {}),
  ...(input.overrides !== undefined ? { overrides: input.overrides } : {}),
  launchType: request.launchType,
  ...(request.platformVersion !== undefined ? { platformVersion: request.platformVersion } : {}),
});

export function runTask(ctx: OperationContext, input: RunTaskRequest): RunTaskResponse {
  const request = resolveTaskRequest(ctx, input);
  const settings = newTaskSettings(request, input);
  if (request.launchType === 'FARGATE') {
    const placed = placeFargateTasks(ctx.state, request.cluster.clusterName, request.group, request.subnets ?? [], request.count, ctx.doc.random.placement);
    const tasks: TaskRecord[] = placed.subnets.map((subnetId) => createTask(ctx, settings, { hostPorts: [], subnetId }));
    ctx.doc.random.placement = placed.random;
    return { tasks: tasks.map((t) => taskView(ctx, t)), failures: [] };
  }
  const clusterName = request.cluster.clusterName;
  if (!ctx.state.containerInstances.some((i) => i.clusterName === clusterName && i.status === 'ACTIVE')) {
    throw invalidParameter(TASKS.noContainerInstances); // 4.12
  }
  const placed = placeBatch(ctx, {
    clusterName: request.cluster.clusterName,
    taskDefinition: request.taskDefinition.definition,
    group: request.group,
    constraints: request.constraints,
    strategies: request.strategies,
    emptyStrategies: 'random', // 4.12: RunTask's default is random, not 6.7
    ...(request.subnets ? { subnets: request.subnets } : {}),
    count: request.count,
    random: [...ctx.doc.random.placement] as RandomState,
    era: ctx.era,
  });
  const tasks = applyPlacement(ctx, placed, placed.result, settings);
  return {
    tasks: tasks.map((t) => taskView(ctx, t)),
    failures: placed.result.placed < request.count ? placementFailures(ctx, placed, placed.result) : [],
  };
}

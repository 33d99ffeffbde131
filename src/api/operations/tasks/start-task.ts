// StartTask (semantics 4.12): one task on each named container instance, in request order ("use your
// own scheduler or place tasks manually", API18). Decision: only stages 1–6 of 4.2 are checked there
// (CPU, memory, ports, ENI, attributes, agent): no constraints, no strategies, and a DRAINING
// instance is not refused, since draining only keeps the schedulers away. Unknown instances fail with
// MISSING and deregistered ones with INACTIVE (DG18:api_failures_messages). Each placement sees the
// ones before it.
import type { Failure, StartTaskRequest, StartTaskResponse } from '../../../model/ecs-types.ts';
import type { TaskRecord } from '../../../domain/records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { invalidParameter } from '../../aws-error.ts';
import { TASKS } from '../../../messages.ts';
import { buildPlacementProblem } from '../../../engine/placement/build-placement-problem.ts';
import { applyPlacement } from '../../../engine/placement/apply-placement.ts';
import { INSTANCE_ACTIVE } from '../../../placement/placement-codes.ts';
import type { RandomState } from '../../../shared/xoshiro128.ts';
import { failureArnOf, findContainerInstance } from '../container-instances/find-container-instance.ts';
import { resolveTaskRequest } from './resolve-task-request.ts';
import { placementFailures } from './run-task.ts';
import { taskView } from './task-view.ts';

// API18 StartTaskRequest.containerInstances: "You can specify up to 10 container instances."
const MAX_CONTAINER_INSTANCES = 10;

export function startTask(ctx: OperationContext, input: StartTaskRequest): StartTaskResponse {
  const request = resolveTaskRequest(ctx, input);
  if (input.containerInstances.length === 0) throw invalidParameter(TASKS.containerInstancesEmpty);
  if (input.containerInstances.length > MAX_CONTAINER_INSTANCES) {
    throw invalidParameter(TASKS.tooManyContainerInstances(MAX_CONTAINER_INSTANCES));
  }
  const definition = request.taskDefinition.definition;
  const tasks: TaskRecord[] = [];
  const failures: Failure[] = [];
  for (const ref of input.containerInstances) {
    const instance = findContainerInstance(ctx, request.cluster.clusterName, ref);
    if (!instance) {
      failures.push({ arn: failureArnOf(ctx, ref), reason: TASKS.failureReason.missing });
      continue;
    }
    if (instance.status === 'INACTIVE') {
      failures.push({ arn: failureArnOf(ctx, ref), reason: TASKS.failureReason.inactive });
      continue;
    }
    const built = buildPlacementProblem(ctx.state, {
      clusterName: request.cluster.clusterName,
      // stages 1–6 only: the task definition's constraints are not checked either
      taskDefinition: { ...definition, placementConstraints: [] },
      group: request.group,
      constraints: [],
      strategies: [],
      emptyStrategies: 'random',
      ...(request.subnets ? { subnets: request.subnets } : {}),
      count: 1,
      random: [...ctx.doc.random.placement] as RandomState,
      era: ctx.era,
      instances: [instance],
    });
    built.problem.instanceState[0] = INSTANCE_ACTIVE;
    const result = ctx.placementCore.placeTasks(built.problem);
    if (result.placed === 1) {
      tasks.push(...applyPlacement(ctx, built, result, {
        clusterName: request.cluster.clusterName,
        taskDefinitionArn: definition.taskDefinitionArn!,
        containerCount: definition.containerDefinitions.length,
        group: request.group,
        ...(input.startedBy !== undefined ? { startedBy: input.startedBy } : {}),
        ...(input.overrides !== undefined ? { overrides: input.overrides } : {}),
        launchType: 'EC2',
      }));
    } else {
      // the one instance, shown ACTIVE: its entry carries the stage's code
      failures.push(...placementFailures(ctx, { ...built, instances: [{ ...instance, status: 'ACTIVE' }] }, result));
    }
  }
  return { tasks: tasks.map((t) => taskView(ctx, t)), failures };
}

// Which tasks to stop (semantics 8): `count` of the candidates, one at a time. EC2 services ask the
// placement core (selectTasksToStop) with the service's strategy chain reversed, over the counts of
// 6.4 as the cluster's resident state has them; FARGATE services take the AZ with the most tasks and
// draw among its candidates. The `placement` stream advances only on draws among ≥ 2 (3.3).
import type { ServiceRecord, TaskRecord } from '../../domain/records.ts';
import type { ScaleInProblem } from '../../placement/placement-problem.ts';
import { uniformInt, type RandomState } from '../../shared/xoshiro128.ts';
import { gatherBatch } from '../placement/place-batch.ts';
import { definitionReservation, taskDefinitionOf } from '../placement/task-reservation.ts';
import type { StepContext } from './step-context.ts';

const isPending = (t: TaskRecord) => t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING';

/** Orders tasks by (createdAt, id), ids as strings (8 rule 3). */
const byCreation = (a: TaskRecord, b: TaskRecord) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function selectOnEc2(ctx: StepContext, service: ServiceRecord, candidates: readonly TaskRecord[], count: number): TaskRecord[] {
  const definition = ctx.state.taskDefinitions.find((d) => d.definition.taskDefinitionArn === service.taskDefinition)?.definition;
  if (!definition) return [];
  // The instance columns and spread rows a placement of this service would see, placing nothing.
  const placed = gatherBatch(ctx, {
    clusterName: service.clusterName, taskDefinition: definition, group: `service:${service.serviceName}`,
    constraints: [], strategies: service.placementStrategy, emptyStrategies: 'service-default',
    count: 0, random: [...ctx.doc.random.placement] as RandomState, era: ctx.era,
  });
  const p = placed.problem;
  const indexOf = new Map(placed.instances.map((instance, i) => [instance.id, i]));
  const tasks = candidates.filter((t) => t.containerInstanceId !== undefined && indexOf.has(t.containerInstanceId));
  const n = tasks.length;
  // Order by (createdAt, id) once, over indices (ties, which distinct tasks cannot have, by position
  // as a stable sort would); the rank of createdAt among the distinct times follows from the order.
  const sorted = new Int32Array(n);
  for (let k = 0; k < n; k++) sorted[k] = k;
  sorted.sort((i, j) => byCreation(tasks[i], tasks[j]) || i - j);
  const taskOrder = new Int32Array(n);
  const taskCreatedRank = new Int32Array(n);
  for (let position = 0, rank = -1, time = 0; position < n; position++) {
    const k = sorted[position];
    const createdAt = tasks[k].createdAt;
    if (position === 0 || createdAt !== time) { rank++; time = createdAt; }
    taskOrder[k] = position;
    taskCreatedRank[k] = rank;
  }
  const reservations = new Map<string, { cpu: number; memory: number }>();
  const reservation = (t: TaskRecord) => {
    let found = reservations.get(t.taskDefinitionArn);
    if (!found) {
      const record = taskDefinitionOf(ctx.state, t);
      found = record ? definitionReservation(record.definition) : { cpu: 0, memory: 0 };
      reservations.set(t.taskDefinitionArn, found);
    }
    return found;
  };
  const taskInstance = new Int32Array(n);
  const taskPending = new Int32Array(n);
  const taskCpu = new Int32Array(n);
  const taskMemory = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const t = tasks[k];
    const { cpu, memory } = reservation(t);
    taskInstance[k] = indexOf.get(t.containerInstanceId!)!;
    taskPending[k] = isPending(t) ? 1 : 0;
    taskCpu[k] = cpu;
    taskMemory[k] = memory;
  }
  const problem: ScaleInProblem = {
    instanceCount: p.instanceCount, instanceState: p.instanceState, cpuFree: p.cpuFree, memoryFree: p.memoryFree,
    groupActive: p.groupActive, strategyType: p.strategyType, strategyField: p.strategyField,
    spreadKeys: p.spreadKeys, spreadKeyCount: p.spreadKeyCount,
    taskInstance, taskPending, taskCpu, taskMemory, taskCreatedRank, taskOrder,
    count,
    random: Uint32Array.from(ctx.doc.random.placement),
  };
  const result = ctx.placementCore.selectTasksToStop(problem);
  ctx.doc.random.placement = Array.from(result.random) as RandomState;
  return Array.from(result.chosen, (k) => tasks[k]);
}

/** 8 FARGATE: the AZ with the most tasks of the service; a draw among its candidates by (createdAt, id). */
function selectOnFargate(ctx: StepContext, active: readonly TaskRecord[], candidates: readonly TaskRecord[], count: number): TaskRecord[] {
  const azOf = (t: TaskRecord) => ctx.state.subnets.find((s) => s.subnetId === t.eni?.subnetId)?.availabilityZone ?? t.eni?.subnetId ?? '';
  const perAz = new Map<string, number>();
  for (const t of active) perAz.set(azOf(t), (perAz.get(azOf(t)) ?? 0) + 1);
  const left = [...candidates];
  const chosen: TaskRecord[] = [];
  const random = ctx.doc.random.placement;
  while (chosen.length < count && left.length > 0) {
    const most = Math.max(...left.map((t) => perAz.get(azOf(t)) ?? 0));
    const tied = left.filter((t) => (perAz.get(azOf(t)) ?? 0) === most).sort(byCreation);
    const task = tied[tied.length > 1 ? uniformInt(random, tied.length) : 0];
    chosen.push(task);
    left.splice(left.indexOf(task), 1);
    perAz.set(azOf(task), (perAz.get(azOf(task)) ?? 0) - 1);
  }
  return chosen;
}

/**
 * Chooses `count` of `candidates` to stop (8); `active` are all the service's active tasks (the
 * counts). The draining-first rule: candidates on DRAINING instances go before any other.
 */
export function selectStops(
  ctx: StepContext, service: ServiceRecord, active: readonly TaskRecord[], candidates: readonly TaskRecord[], count: number,
): TaskRecord[] {
  if (count <= 0 || candidates.length === 0) return [];
  if (service.launchType === 'FARGATE') return selectOnFargate(ctx, active, candidates, count);
  return selectOnEc2(ctx, service, candidates, count);
}

// The literal builder: a region's state and one batch's settings as the PlacementProblem every core
// takes (placement contract; semantics 3.3, 4, 5, 6), computed from the document's records with no
// cache. It is what build-resident-batch.ts must agree with (SandboxApi's verifyPlacement checks
// that), and what StartTask uses for its single instances. Strings stop here: attribute values,
// groups and spread keys are interned to numbers, and the records the indices mean are returned beside it.
import type { PlacementConstraint } from '../../model/ecs-types.ts';
import type { ContainerInstanceRecord, TaskRecord } from '../../domain/records.ts';
import type { RegionState } from '../../domain/sandbox-document.ts';
import type { PlacementProblem } from '../../placement/placement-problem.ts';
import { parseQuery } from '../../query/parse-query.ts';
import { evaluateQuery } from '../../query/evaluate-query.ts';
import { INSTANCE_ACTIVE, INSTANCE_DRAINING, PROTOCOL_UDP } from '../../placement/placement-codes.ts';
import { queryInstanceOf } from './query-instance-of.ts';
import { liveTasksByInstance, remainingCpuAndMemory, taskDefinitionOf } from './task-reservation.ts';
import { attributesPass, buildBatchColumns, spreadRowOf, type PlacementSettings, type TaskDefinition } from './batch-columns.ts';
import { encodePort, taskPortMappingsOf, type PortMappingSlot } from './task-port-mappings.ts';

export type { PlacementSettings, TaskDefinition } from './batch-columns.ts';
export { SERVICE_DEFAULT_STRATEGIES } from './batch-columns.ts';

export interface BuiltPlacement {
  problem: PlacementProblem;
  /** The records instance index i speaks of. */
  instances: ContainerInstanceRecord[];
  /** Constraint c of the problem: the task definition's, then the settings' (4.9). */
  constraints: PlacementConstraint[];
  /** The task's port mappings, in the order of problem.taskPortMappings. */
  mappings: PortMappingSlot[];
  networkMode: string;
}

/** The cluster's ACTIVE and DRAINING instances in registration order (3.3, 4.2). */
export function placementInstances(state: RegionState, clusterName: string): ContainerInstanceRecord[] {
  return state.containerInstances
    .filter((i) => i.clusterName === clusterName && (i.status === 'ACTIVE' || i.status === 'DRAINING'))
    .sort((a, b) => a.registrationIndex - b.registrationIndex);
}

const isAwsvpcTask = (state: RegionState, task: TaskRecord) =>
  task.eni !== undefined || taskDefinitionOf(state, task)?.definition.networkMode === 'awsvpc';

/** Whether a live task's bound host port was static (reserved, 4.5) rather than dynamic. */
function isStaticBinding(state: RegionState, task: TaskRecord, binding: TaskRecord['hostPorts'][number]): boolean {
  const definition = taskDefinitionOf(state, task)?.definition;
  if (!definition) return true;
  const slot = taskPortMappingsOf(definition).find((m) =>
    m.containerName === binding.containerName && m.containerPort === binding.containerPort && m.protocol === binding.protocol);
  return slot === undefined || slot.hostPort > 0;
}

interface InstancePorts {
  used: number[];
  reservedTcp: number;
  reservedUdp: number;
}

/** Registered reserved ports plus the host ports of live tasks (4.5, D13). */
function portsOf(state: RegionState, instance: ContainerInstanceRecord, live: readonly TaskRecord[]): InstancePorts {
  const used = new Set<number>();
  const reserved = new Set<number>();
  for (const r of instance.registeredResources) {
    if (r.name !== 'PORTS' && r.name !== 'PORTS_UDP') continue;
    const protocol = r.name === 'PORTS' ? 'tcp' : 'udp';
    for (const p of r.stringSetValue ?? []) {
      const port = Number(p);
      if (!Number.isInteger(port) || port < 0 || port > 65535) continue;
      used.add(encodePort(protocol, port));
      reserved.add(encodePort(protocol, port));
    }
  }
  for (const task of live) {
    if (isAwsvpcTask(state, task)) continue; // an awsvpc task's ports are on its own ENI (4.5)
    for (const b of task.hostPorts) {
      used.add(encodePort(b.protocol, b.hostPort));
      if (isStaticBinding(state, task, b)) reserved.add(encodePort(b.protocol, b.hostPort));
    }
  }
  let reservedUdp = 0;
  for (const p of reserved) if (p >>> 16 === PROTOCOL_UDP) reservedUdp++;
  return { used: [...used].sort((a, b) => a - b), reservedTcp: reserved.size - reservedUdp, reservedUdp };
}

export function buildPlacementProblem(state: RegionState, settings: PlacementSettings): BuiltPlacement {
  const instances = [...(settings.instances ?? placementInstances(state, settings.clusterName))];
  const M = instances.length;

  const instanceState = new Int32Array(M);
  const agentConnected = new Int32Array(M);
  const cpuFree = new Int32Array(M);
  const memoryFree = new Int32Array(M);
  const eniFree = new Int32Array(M);
  const usedPortsStart = new Int32Array(M + 1);
  const usedPorts: number[] = [];
  const reservedTcpCount = new Int32Array(M);
  const reservedUdpCount = new Int32Array(M);
  const ephemeralFirst = new Int32Array(M);
  const ephemeralLast = new Int32Array(M);
  const groupActive = new Int32Array(M);
  const groupLive = new Int32Array(M);
  const liveTasks = new Int32Array(M);
  const liveByInstance: TaskRecord[][] = [];
  const liveTasksOf = liveTasksByInstance(state);

  instances.forEach((instance, i) => {
    const live = liveTasksOf(instance);
    liveByInstance.push(live);
    instanceState[i] = instance.status === 'DRAINING' ? INSTANCE_DRAINING : INSTANCE_ACTIVE;
    agentConnected[i] = instance.agentConnected ? 1 : 0;
    // 4.3, 4.4: registered minus what every live task holds (the arithmetic of remainingResources)
    const free = remainingCpuAndMemory(state, instance, live);
    cpuFree[i] = free.cpu;
    memoryFree[i] = free.memory;
    // 4.6: ENI limit − the primary − live awsvpc tasks; an instance of unknown type takes none.
    eniFree[i] = Math.max(0, (instance.eniLimit ?? 1) - 1 - live.filter((t) => isAwsvpcTask(state, t)).length);
    const ports = portsOf(state, instance, live);
    usedPorts.push(...ports.used);
    usedPortsStart[i + 1] = usedPorts.length;
    reservedTcpCount[i] = ports.reservedTcp;
    reservedUdpCount[i] = ports.reservedUdp;
    const range = instance.ephemeralPortRange ?? settings.era.ephemeralPortRange;
    ephemeralFirst[i] = range.first;
    ephemeralLast[i] = range.last;
    // 6.4 (spread counts), 4.9 and D15 (distinctInstance, task:group)
    for (const task of live) {
      liveTasks[i]++;
      if (task.group !== settings.group) continue;
      groupLive[i]++;
      if (task.desiredStatus === 'RUNNING' && task.lastStatus !== 'DEPROVISIONING') groupActive[i]++;
    }
  });

  const liveOnProblemInstances = liveByInstance.flat();
  const queryInstances = () => instances.map((instance, i) => queryInstanceOf(instance, liveByInstance[i]));
  const batch = buildBatchColumns(settings, M, {
    attributesOk: (definition: TaskDefinition, subnets) => Int32Array.from(instances, (instance) => (attributesPass(instance, definition, subnets) ? 1 : 0)),
    leafColumn: (predicate) => Int32Array.from(queryInstances(), (instance) => (evaluateQuery(predicate, instance) ? 1 : 0)),
    spreadRow: (field) => spreadRowOf(field, instances),
    knownGroups: () => [...new Set([...liveOnProblemInstances.map((t) => t.group), settings.group])],
    parse: parseQuery,
  });
  const groupLiveByGroup = new Int32Array(batch.referencedGroups.length * M);
  batch.referencedGroups.forEach((group, g) => liveByInstance.forEach((live, i) => {
    groupLiveByGroup[g * M + i] = live.filter((t) => t.group === group).length;
  }));

  const problem: PlacementProblem = {
    instanceCount: M,
    instanceState, agentConnected, cpuFree, memoryFree, eniFree, attributesOk: batch.attributesOk,
    usedPortsStart, usedPorts: Int32Array.from(usedPorts), reservedTcpCount, reservedUdpCount, ephemeralFirst, ephemeralLast,
    groupActive, groupLive, liveTasks,
    taskCpu: batch.taskCpu,
    taskMemory: batch.taskMemory,
    taskNeedsEni: batch.taskNeedsEni,
    taskPortMappings: batch.taskPortMappings,
    constraintKind: batch.constraintKind, programStart: batch.programStart, programOps: batch.programOps,
    leafCount: batch.leafCount, leafBits: batch.leafBits,
    referencedGroupCount: batch.referencedGroups.length, groupLiveByGroup,
    batchGroupIndex: batch.batchGroupIndex,
    strategyType: batch.strategyType, strategyField: batch.strategyField, spreadKeys: batch.spreadKeys, spreadKeyCount: batch.spreadKeyCount,
    count: settings.count,
    random: Uint32Array.from(settings.random),
  };
  return { problem, instances, constraints: batch.constraints, mappings: batch.mappings, networkMode: batch.networkMode };
}

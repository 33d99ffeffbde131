// A region's state and one batch's settings as the PlacementProblem every core takes (contract:
// notes/placement-contract.md; semantics 3.3, 4, 5, 6). Strings stop here: attribute values, groups
// and spread keys are interned to numbers, and the records the indices mean are returned beside it.
import type { PlacementConstraint, PlacementStrategy } from '../../model/ecs-types.ts';
import type { ContainerInstanceRecord, TaskDefinitionRecord, TaskRecord } from '../../domain/records.ts';
import type { RegionState } from '../../domain/sandbox-document.ts';
import type { Era } from '../era.ts';
import type { RandomState } from '../../shared/xoshiro128.ts';
import type { PlacementProblem } from '../../placement/placement-problem.ts';
import { parseQuery } from '../../query/parse-query.ts';
import {
  BINPACK_CPU, BINPACK_MEMORY, CONSTRAINT_DISTINCT_INSTANCE, CONSTRAINT_MEMBER_OF, INSTANCE_ACTIVE, INSTANCE_DRAINING,
  PROTOCOL_TCP, PROTOCOL_UDP, STRATEGY_BINPACK, STRATEGY_RANDOM, STRATEGY_SPREAD,
} from '../../placement/placement-codes.ts';
import { compileMemberOf, type MemberOfTables } from './compile-member-of.ts';
import { queryInstanceIn } from './query-instance-of.ts';
import { definitionReservation, liveTasksByInstance, remainingCpuAndMemory, taskDefinitionOf } from './task-reservation.ts';

export type TaskDefinition = TaskDefinitionRecord['definition'];

export interface PlacementSettings {
  clusterName: string;
  taskDefinition: TaskDefinition;
  /** The batch's task group: `service:<name>` (4.9), or RunTask's `group` / `family:<family>` (4.12). */
  group: string;
  /** The service's or the request's constraints; the task definition's are put before them here (4.9). */
  constraints: readonly PlacementConstraint[];
  strategies: readonly PlacementStrategy[];
  /** What an empty strategy list means: the service default of 6.7, or RunTask's `random` (4.12). */
  emptyStrategies: 'service-default' | 'random';
  /** awsvpcConfiguration.subnets (4.7). */
  subnets?: readonly string[];
  count: number;
  /** The document's `placement` stream; copied, never advanced here. */
  random: RandomState;
  era: Era;
  /** StartTask names its instances; otherwise the cluster's ACTIVE and DRAINING ones (3.3). */
  instances?: readonly ContainerInstanceRecord[];
}

export interface PortMappingSlot {
  containerName: string;
  containerPort: number;
  protocol: 'tcp' | 'udp';
  /** 0 = dynamic (bridge without hostPort). */
  hostPort: number;
}

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

/** The 6.7 default: spread over Availability Zones, then over instances. */
export const SERVICE_DEFAULT_STRATEGIES: readonly PlacementStrategy[] = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
];
const RUN_TASK_DEFAULT_STRATEGIES: readonly PlacementStrategy[] = [{ type: 'random' }];

const protocolCode = (protocol: string | undefined) => (protocol === 'udp' ? PROTOCOL_UDP : PROTOCOL_TCP);
const encodePort = (protocol: string | undefined, port: number) => (protocolCode(protocol) << 16) | port;

/** The cluster's ACTIVE and DRAINING instances in registration order (3.3, 4.2). */
export function placementInstances(state: RegionState, clusterName: string): ContainerInstanceRecord[] {
  return state.containerInstances
    .filter((i) => i.clusterName === clusterName && (i.status === 'ACTIVE' || i.status === 'DRAINING'))
    .sort((a, b) => a.registrationIndex - b.registrationIndex);
}

/** The task's mappings in container then mapping order (4.5); awsvpc and none bind no host port. */
export function taskPortMappingsOf(definition: TaskDefinition): PortMappingSlot[] {
  const mode = definition.networkMode ?? 'bridge';
  if (mode === 'awsvpc' || mode === 'none') return [];
  return definition.containerDefinitions.flatMap((c) => (c.portMappings ?? []).map((m) => ({
    containerName: c.name ?? '',
    containerPort: m.containerPort ?? 0,
    protocol: m.protocol === 'udp' ? 'udp' as const : 'tcp' as const,
    // host mode: the host port is the container port (4.5)
    hostPort: mode === 'host' ? (m.hostPort || m.containerPort || 0) : (m.hostPort ?? 0),
  })));
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

/** 4.7: requiresAttributes with values; awsvpc on EC2 also task-eni and a subnet of the request's. */
function attributesPass(instance: ContainerInstanceRecord, definition: TaskDefinition, subnets: readonly string[] | undefined): boolean {
  const has = (name: string, value?: string) =>
    instance.attributes.some((a) => a.name === name && (value === undefined || a.value === value));
  for (const required of definition.requiresAttributes ?? []) {
    if (!has(required.name, required.value)) return false;
  }
  if (definition.networkMode === 'awsvpc') {
    if (!has('ecs.capability.task-eni')) return false;
    if (instance.subnetId === undefined || !(subnets ?? []).includes(instance.subnetId)) return false;
  }
  return true;
}

/** Interns one spread row's keys (6.4): instanceId/host → the instance; an attribute → its value, missing as one bucket. */
function spreadRow(field: string, instances: readonly ContainerInstanceRecord[]): { keys: number[]; count: number } {
  if (field === 'instanceId' || field === 'host') return { keys: instances.map((_, i) => i), count: instances.length };
  const name = field.slice('attribute:'.length);
  const interned = new Map<string | null, number>();
  const keys = instances.map((instance) => {
    const value = instance.attributes.find((a) => a.name === name)?.value ?? null; // null: the missing bucket
    if (!interned.has(value)) interned.set(value, interned.size);
    return interned.get(value)!;
  });
  return { keys, count: interned.size };
}

export function buildPlacementProblem(state: RegionState, settings: PlacementSettings): BuiltPlacement {
  const definition = settings.taskDefinition;
  const instances = [...(settings.instances ?? placementInstances(state, settings.clusterName))];
  const M = instances.length;
  const need = definitionReservation(definition);
  const networkMode = definition.networkMode ?? 'bridge';
  const needsEni = networkMode === 'awsvpc' ? 1 : 0;

  const instanceState = new Int32Array(M);
  const agentConnected = new Int32Array(M);
  const cpuFree = new Int32Array(M);
  const memoryFree = new Int32Array(M);
  const eniFree = new Int32Array(M);
  const attributesOk = new Int32Array(M);
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
    attributesOk[i] = attributesPass(instance, definition, settings.subnets) ? 1 : 0;
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

  // Constraints: the task definition's first, then the settings' (4.9).
  const constraints: PlacementConstraint[] = [...(definition.placementConstraints ?? []), ...settings.constraints]
    .map((c) => ({ ...c }) as PlacementConstraint);
  const knownGroups = [...new Set([...liveByInstance.flat().map((t) => t.group), settings.group])];
  const tables: MemberOfTables = {
    instances: instances.map((instance, i) => queryInstanceIn(state, instance, liveByInstance[i])),
    knownGroups,
    ops: [],
    leafColumns: [],
    groups: [],
  };
  const constraintKind = new Int32Array(constraints.length);
  const programStart = new Int32Array(constraints.length + 1);
  constraints.forEach((c, k) => {
    if (c.type === 'distinctInstance') {
      constraintKind[k] = CONSTRAINT_DISTINCT_INSTANCE;
    } else {
      constraintKind[k] = CONSTRAINT_MEMBER_OF;
      compileMemberOf(parseQuery(c.expression ?? ''), tables);
    }
    programStart[k + 1] = tables.ops.length; // an index into programOps (pairs start at even indices)
  });
  const leafBits = new Int32Array(tables.leafColumns.length * M);
  tables.leafColumns.forEach((column, k) => leafBits.set(column, k * M));
  const groupLiveByGroup = new Int32Array(tables.groups.length * M);
  tables.groups.forEach((group, g) => liveByInstance.forEach((live, i) => {
    groupLiveByGroup[g * M + i] = live.filter((t) => t.group === group).length;
  }));

  // Strategies (6.1–6.7); an empty list is expanded here, cores never see "default".
  const strategies = settings.strategies.length > 0 ? settings.strategies
    : settings.emptyStrategies === 'service-default' ? SERVICE_DEFAULT_STRATEGIES : RUN_TASK_DEFAULT_STRATEGIES;
  const strategyType = new Int32Array(strategies.length);
  const strategyField = new Int32Array(strategies.length);
  const spreadKeys: number[] = [];
  const spreadKeyCount: number[] = [];
  strategies.forEach((s, k) => {
    if (s.type === 'spread') {
      strategyType[k] = STRATEGY_SPREAD;
      strategyField[k] = spreadKeyCount.length;
      const row = spreadRow(s.field ?? 'instanceId', instances);
      spreadKeys.push(...row.keys);
      spreadKeyCount.push(row.count);
    } else if (s.type === 'binpack') {
      strategyType[k] = STRATEGY_BINPACK;
      strategyField[k] = (s.field ?? '').toLowerCase() === 'memory' ? BINPACK_MEMORY : BINPACK_CPU; // D25
    } else {
      strategyType[k] = STRATEGY_RANDOM;
    }
  });

  const mappings = taskPortMappingsOf(definition);
  const problem: PlacementProblem = {
    instanceCount: M,
    instanceState, agentConnected, cpuFree, memoryFree, eniFree, attributesOk,
    usedPortsStart, usedPorts: Int32Array.from(usedPorts), reservedTcpCount, reservedUdpCount, ephemeralFirst, ephemeralLast,
    groupActive, groupLive, liveTasks,
    taskCpu: need.cpu,
    taskMemory: need.memory,
    taskNeedsEni: needsEni,
    taskPortMappings: Int32Array.from(mappings, (m) => encodePort(m.protocol, m.hostPort)),
    constraintKind, programStart, programOps: Int32Array.from(tables.ops),
    leafCount: tables.leafColumns.length, leafBits,
    referencedGroupCount: tables.groups.length, groupLiveByGroup,
    batchGroupIndex: tables.groups.indexOf(settings.group),
    strategyType, strategyField, spreadKeys: Int32Array.from(spreadKeys), spreadKeyCount: Int32Array.from(spreadKeyCount),
    count: settings.count,
    random: Uint32Array.from(settings.random),
  };
  return { problem, instances, constraints, mappings, networkMode };
}

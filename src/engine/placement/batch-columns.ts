// The part of a placement problem that belongs to the batch, not to the instances' numbers: the task
// (4.3–4.6), its constraints as postfix programs over leaf columns (4.9, 5), its strategies with their
// spread rows (6). Both builders share it: build-placement-problem.ts (the literal one, from the
// document) and build-resident-batch.ts (the ledger's, with cached columns). They differ only in
// where the per-instance columns come from (BatchSources).
import type { PlacementConstraint, PlacementStrategy } from '../../model/ecs-types.ts';
import type { TaskDefinitionRecord } from '../../domain/records.ts';
import type { Era } from '../era.ts';
import type { RandomState } from '../../shared/xoshiro128.ts';
import type { QueryExpression, QueryPredicate } from '../../query/query-ast.ts';
import type { ContainerInstanceRecord } from '../../domain/records.ts';
import {
  BINPACK_CPU, BINPACK_MEMORY, CONSTRAINT_DISTINCT_INSTANCE, CONSTRAINT_MEMBER_OF, STRATEGY_BINPACK, STRATEGY_RANDOM,
  STRATEGY_SPREAD,
} from '../../placement/placement-codes.ts';
import { compileMemberOf, type MemberOfTables } from './compile-member-of.ts';
import { definitionReservation } from './task-reservation.ts';
import { encodePort, taskPortMappingsOf, type PortMappingSlot } from './task-port-mappings.ts';

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

/** The 6.7 default: spread over Availability Zones, then over instances. */
export const SERVICE_DEFAULT_STRATEGIES: readonly PlacementStrategy[] = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
];
const RUN_TASK_DEFAULT_STRATEGIES: readonly PlacementStrategy[] = [{ type: 'random' }];

/** Where a batch's per-instance columns come from, for its M instances in problem order. */
export interface BatchSources {
  /** 4.7: 1 where the instance passes the attribute stage. */
  attributesOk(definition: TaskDefinition, subnets: readonly string[] | undefined): Int32Array;
  /** A static memberOf leaf (no task:group) per instance. */
  leafColumn(predicate: QueryPredicate): Int32Array;
  /** One spread row (6.4): keys 0..count-1 in order of first appearance. */
  spreadRow(field: string): { keys: ArrayLike<number>; count: number };
  /** The groups a task:group regex can match: those with live tasks, and the batch's own (5.4). */
  knownGroups(): readonly string[];
  parse(expression: string): QueryExpression;
}

export interface BatchColumns {
  /** Constraint c of the problem: the task definition's, then the settings' (4.9). */
  constraints: PlacementConstraint[];
  constraintKind: Int32Array;
  programStart: Int32Array;
  programOps: Int32Array;
  leafCount: number;
  leafBits: Int32Array;
  /** The groups of groupLiveByGroup, in order. */
  referencedGroups: string[];
  batchGroupIndex: number;
  attributesOk: Int32Array;
  strategyType: Int32Array;
  strategyField: Int32Array;
  spreadKeys: Int32Array;
  spreadKeyCount: Int32Array;
  taskCpu: number;
  taskMemory: number;
  taskNeedsEni: number;
  taskPortMappings: Int32Array;
  /** The task's port mappings, in the order of taskPortMappings. */
  mappings: PortMappingSlot[];
  networkMode: string;
}

/** Interns one spread row's keys (6.4): instanceId/host → the instance; an attribute → its value, missing as one bucket. */
export function spreadRowOf(field: string, instances: readonly ContainerInstanceRecord[]): { keys: Int32Array; count: number } {
  if (field === 'instanceId' || field === 'host') return { keys: Int32Array.from(instances, (_, i) => i), count: instances.length };
  const name = field.slice('attribute:'.length);
  const interned = new Map<string | null, number>();
  const keys = Int32Array.from(instances, (instance) => {
    const value = instance.attributes.find((a) => a.name === name)?.value ?? null; // null: the missing bucket
    if (!interned.has(value)) interned.set(value, interned.size);
    return interned.get(value)!;
  });
  return { keys, count: interned.size };
}

/** 4.7: requiresAttributes with values; awsvpc on EC2 also task-eni and a subnet of the request's. */
export function attributesPass(instance: ContainerInstanceRecord, definition: TaskDefinition, subnets: readonly string[] | undefined): boolean {
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

export function buildBatchColumns(settings: PlacementSettings, M: number, sources: BatchSources): BatchColumns {
  const definition = settings.taskDefinition;
  const need = definitionReservation(definition);
  const networkMode = definition.networkMode ?? 'bridge';

  // Constraints: the task definition's first, then the settings' (4.9).
  const constraints: PlacementConstraint[] = [...(definition.placementConstraints ?? []), ...settings.constraints]
    .map((c) => ({ ...c }) as PlacementConstraint);
  const hasMemberOf = constraints.some((c) => c.type !== 'distinctInstance');
  const tables: MemberOfTables = {
    leafColumn: sources.leafColumn,
    knownGroups: hasMemberOf ? sources.knownGroups() : [],
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
      compileMemberOf(sources.parse(c.expression ?? ''), tables);
    }
    programStart[k + 1] = tables.ops.length; // an index into programOps (pairs start at even indices)
  });
  const leafBits = new Int32Array(tables.leafColumns.length * M);
  tables.leafColumns.forEach((column, k) => leafBits.set(column, k * M));

  // Strategies (6.1–6.7); an empty list is expanded here, cores never see "default".
  const strategies = settings.strategies.length > 0 ? settings.strategies
    : settings.emptyStrategies === 'service-default' ? SERVICE_DEFAULT_STRATEGIES : RUN_TASK_DEFAULT_STRATEGIES;
  const strategyType = new Int32Array(strategies.length);
  const strategyField = new Int32Array(strategies.length);
  const rows: { keys: ArrayLike<number>; count: number }[] = [];
  strategies.forEach((s, k) => {
    if (s.type === 'spread') {
      strategyType[k] = STRATEGY_SPREAD;
      strategyField[k] = rows.length;
      rows.push(sources.spreadRow(s.field ?? 'instanceId'));
    } else if (s.type === 'binpack') {
      strategyType[k] = STRATEGY_BINPACK;
      strategyField[k] = (s.field ?? '').toLowerCase() === 'memory' ? BINPACK_MEMORY : BINPACK_CPU; // D25
    } else {
      strategyType[k] = STRATEGY_RANDOM;
    }
  });
  const spreadKeys = new Int32Array(rows.length * M);
  rows.forEach((row, r) => spreadKeys.set(row.keys, r * M));

  const mappings = taskPortMappingsOf(definition);
  return {
    constraints, constraintKind, programStart, programOps: Int32Array.from(tables.ops),
    leafCount: tables.leafColumns.length, leafBits,
    referencedGroups: tables.groups, batchGroupIndex: tables.groups.indexOf(settings.group),
    attributesOk: sources.attributesOk(definition, settings.subnets),
    strategyType, strategyField, spreadKeys, spreadKeyCount: Int32Array.from(rows, (r) => r.count),
    taskCpu: need.cpu,
    taskMemory: need.memory,
    taskNeedsEni: networkMode === 'awsvpc' ? 1 : 0,
    taskPortMappings: Int32Array.from(mappings, (m) => encodePort(m.protocol, m.hostPort)),
    mappings,
    networkMode,
  };
}

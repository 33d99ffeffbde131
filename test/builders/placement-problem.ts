// PlacementProblem / ScaleInProblem for placement-core tests, with defaults so a test states only what
// it is about:
//   aPlacementProblem().withInstances(3, { cpu: 2048, memory: 3900, az: 'a' }).withTask({ cpu: 256, memory: 512 })
//     .withStrategy(spread('az')).withStrategy(binpack('memory')).withCount(2).build()
// Attribute keys are interned into spread rows here (the missing value is a bucket of its own, 6.4),
// task:group names into referenced groups, and the seed into the `placement` stream (3.3).
import { ERA_2018 } from '../../src/engine/era.ts';
import {
  BINPACK_CPU, BINPACK_MEMORY, CONSTRAINT_DISTINCT_INSTANCE, CONSTRAINT_MEMBER_OF, INSTANCE_ACTIVE, INSTANCE_DRAINING,
  OP_AND, OP_ANY_TASK, OP_FALSE, OP_GROUP_ANY, OP_LEAF, OP_NOT, OP_OR, OP_TRUE, PROTOCOL_TCP, PROTOCOL_UDP,
  STRATEGY_BINPACK, STRATEGY_RANDOM, STRATEGY_SPREAD,
} from '../../src/placement/placement-codes.ts';
import type { PlacementProblem, ScaleInProblem } from '../../src/placement/placement-problem.ts';
import { seedStreams } from '../../src/shared/xoshiro128.ts';

// ── ports ───────────────────────────────────────────────────────────────────────────────────────────
export type Protocol = 'tcp' | 'udp';
const protocolCode = (p: Protocol) => (p === 'udp' ? PROTOCOL_UDP : PROTOCOL_TCP);
/** An encoded port: (protocol << 16) | port. */
export const encodedPort = (port: number, protocol: Protocol = 'tcp') => (protocolCode(protocol) << 16) | port;
/** A static port mapping (hostPort > 0). */
export const staticPort = (hostPort: number, protocol: Protocol = 'tcp') => encodedPort(hostPort, protocol);
/** A dynamic port mapping (hostPort 0): the core picks from the ephemeral range. */
export const dynamicPort = (protocol: Protocol = 'tcp') => encodedPort(0, protocol);
export const DEFAULT_RESERVED_TCP_PORTS = [...ERA_2018.defaultReservedHostPorts];
export const EPHEMERAL = ERA_2018.ephemeralPortRange;

// ── memberOf programs (postfix; semantics 5) ────────────────────────────────────────────────────────
export type ProgramTerm = { kind: 'leaf'; k: number } | { kind: 'group'; group: string } | { kind: 'anyTask' }
  | { kind: 'and' | 'or'; terms: ProgramTerm[] } | { kind: 'not'; term: ProgramTerm } | { kind: 'const'; value: boolean };
export const leaf = (k: number): ProgramTerm => ({ kind: 'leaf', k });
/** `task:group == g`: some live task of group g on the instance. */
export const groupAny = (group: string): ProgramTerm => ({ kind: 'group', group });
/** `task:group exists`. */
export const anyTask = (): ProgramTerm => ({ kind: 'anyTask' });
export const and = (...terms: ProgramTerm[]): ProgramTerm => ({ kind: 'and', terms });
export const or = (...terms: ProgramTerm[]): ProgramTerm => ({ kind: 'or', terms });
export const not = (term: ProgramTerm): ProgramTerm => ({ kind: 'not', term });
export const always = (value: boolean): ProgramTerm => ({ kind: 'const', value });

export type Constraint = { kind: 'memberOf'; program: ProgramTerm } | { kind: 'distinctInstance' };
export const memberOf = (program: ProgramTerm): Constraint => ({ kind: 'memberOf', program });
export const distinctInstance = (): Constraint => ({ kind: 'distinctInstance' });

// ── strategies ──────────────────────────────────────────────────────────────────────────────────────
/** spread('instanceId') / spread('host') use the instance as key; any other field names an attribute. */
export type Strategy = { kind: 'spread'; field: string } | { kind: 'binpack'; field: 'cpu' | 'memory' } | { kind: 'random' };
export const spread = (field: string): Strategy => ({ kind: 'spread', field });
export const binpack = (field: 'cpu' | 'memory'): Strategy => ({ kind: 'binpack', field });
export const random = (): Strategy => ({ kind: 'random' });

// ── instances ───────────────────────────────────────────────────────────────────────────────────────
export interface InstanceSpec {
  cpu?: number; // free CPU units (default 2048)
  memory?: number; // free MiB (default 3900)
  az?: string; // the attribute 'az' (shorthand)
  attributes?: Record<string, string>;
  draining?: boolean;
  agentConnected?: boolean; // default true
  attributesOk?: boolean; // default true
  eniFree?: number; // default 2
  /** Static ports of other live tasks: used and counted as reserved. */
  staticPortsInUse?: number[];
  /** Dynamic ports of other live tasks: used, not reserved. */
  dynamicPortsInUse?: number[];
  /** Default reserved tcp ports (22, 2375, 2376, 51678, 51679) unless given. */
  reservedTcpPorts?: number[];
  reservedUdpPorts?: number[];
  ephemeralFirst?: number;
  ephemeralLast?: number;
  /** Tasks of the batch's group counted by spread (RUNNING desired, PENDING/RUNNING). */
  groupTasks?: number;
  /** Tasks of the batch's group that are stopping: live (distinctInstance), not counted by spread. */
  stoppingGroupTasks?: number;
  /** Live tasks of other groups, by group name. */
  otherGroups?: Record<string, number>;
  /** The leaf columns that are true on this instance. */
  leaves?: number[];
}

export interface TaskSpec {
  cpu?: number;
  memory?: number;
  needsEni?: boolean;
  ports?: number[];
}

const isInstanceIdField = (field: string) => field === 'instanceId' || field === 'host';
const attributeOf = (spec: InstanceSpec, name: string): string | undefined =>
  name === 'az' && spec.az !== undefined ? spec.az : spec.attributes?.[name];

/** Interns the spread keys of every spread strategy: one row per distinct field, keys 0..count-1. */
function spreadRows(instances: InstanceSpec[], strategies: Strategy[]) {
  const fields: string[] = [];
  for (const s of strategies) if (s.kind === 'spread' && !fields.includes(s.field)) fields.push(s.field);
  const M = instances.length;
  const keys = new Int32Array(fields.length * M);
  const keyCount = new Int32Array(fields.length);
  fields.forEach((field, row) => {
    const interned = new Map<string | undefined, number>();
    instances.forEach((spec, i) => {
      const value = isInstanceIdField(field) ? `instance ${i}` : attributeOf(spec, field); // undefined = missing bucket
      if (!interned.has(value)) interned.set(value, interned.size);
      keys[row * M + i] = interned.get(value)!;
    });
    keyCount[row] = interned.size;
  });
  return { fields, keys, keyCount };
}

function strategyColumns(strategies: Strategy[], fields: string[]) {
  const type = new Int32Array(strategies.length);
  const field = new Int32Array(strategies.length);
  strategies.forEach((s, k) => {
    if (s.kind === 'spread') [type[k], field[k]] = [STRATEGY_SPREAD, fields.indexOf(s.field)];
    else if (s.kind === 'binpack') [type[k], field[k]] = [STRATEGY_BINPACK, s.field === 'cpu' ? BINPACK_CPU : BINPACK_MEMORY];
    else [type[k], field[k]] = [STRATEGY_RANDOM, 0];
  });
  return { type, field };
}

const seedRandom = (seed: number) => Uint32Array.from(seedStreams(seed).placement);

export class PlacementProblemBuilder {
  private instances: InstanceSpec[] = [];
  private task: Required<TaskSpec> = { cpu: 256, memory: 512, needsEni: false, ports: [] };
  private strategies: Strategy[] = [];
  private constraints: Constraint[] = [];
  private count = 1;
  private seed = 1;
  private randomState: Uint32Array | undefined;
  private group = 'service:web';
  private extraLeaves = 0;

  withInstances(n: number, spec: InstanceSpec = {}): this {
    for (let k = 0; k < n; k++) this.instances.push({ ...spec });
    return this;
  }
  withInstance(spec: InstanceSpec = {}): this {
    return this.withInstances(1, spec);
  }
  withTask(spec: TaskSpec): this {
    this.task = { ...this.task, ...spec };
    return this;
  }
  withStrategy(s: Strategy): this {
    this.strategies.push(s);
    return this;
  }
  withConstraint(c: Constraint): this {
    this.constraints.push(c);
    return this;
  }
  withCount(count: number): this {
    this.count = count;
    return this;
  }
  withSeed(seed: number): this {
    this.seed = seed;
    return this;
  }
  /** A placement stream state given directly (overrides the seed). */
  withRandom(state: ArrayLike<number>): this {
    this.randomState = Uint32Array.from(state);
    return this;
  }
  /** The batch's task group (default service:web). */
  withGroup(group: string): this {
    this.group = group;
    return this;
  }
  /** Declares at least n leaf columns even if no program references them. */
  withLeafCount(n: number): this {
    this.extraLeaves = n;
    return this;
  }

  build(): PlacementProblem {
    const specs = this.instances;
    const M = specs.length;
    const col = (f: (s: InstanceSpec) => number) => Int32Array.from(specs, f);
    const groupLive = (s: InstanceSpec) => (s.groupTasks ?? 0) + (s.stoppingGroupTasks ?? 0);

    // ports
    const used = specs.map((s) => [
      ...(s.reservedTcpPorts ?? DEFAULT_RESERVED_TCP_PORTS).map((p) => encodedPort(p, 'tcp')),
      ...(s.reservedUdpPorts ?? []).map((p) => encodedPort(p, 'udp')),
      ...(s.staticPortsInUse ?? []), ...(s.dynamicPortsInUse ?? []),
    ].sort((a, b) => a - b));
    const usedPortsStart = new Int32Array(M + 1);
    used.forEach((u, i) => (usedPortsStart[i + 1] = usedPortsStart[i] + u.length));
    const staticCount = (s: InstanceSpec, protocol: number) => (s.staticPortsInUse ?? []).filter((p) => p >>> 16 === protocol).length;

    // constraints: compile the programs, interning group names in order of reference
    const groups: string[] = [];
    let leafCount = this.extraLeaves;
    const ops: number[] = [];
    const programStart = [0];
    const emit = (t: ProgramTerm): void => {
      switch (t.kind) {
        case 'leaf': leafCount = Math.max(leafCount, t.k + 1); ops.push(OP_LEAF, t.k); break;
        case 'group': if (!groups.includes(t.group)) groups.push(t.group); ops.push(OP_GROUP_ANY, groups.indexOf(t.group)); break;
        case 'anyTask': ops.push(OP_ANY_TASK, 0); break;
        case 'const': ops.push(t.value ? OP_TRUE : OP_FALSE, 0); break;
        case 'not': emit(t.term); ops.push(OP_NOT, 0); break;
        case 'and': case 'or':
          if (t.terms.length === 0) { ops.push(t.kind === 'and' ? OP_TRUE : OP_FALSE, 0); break; }
          emit(t.terms[0]);
          for (const term of t.terms.slice(1)) { emit(term); ops.push(t.kind === 'and' ? OP_AND : OP_OR, 0); }
          break;
      }
    };
    for (const c of this.constraints) {
      if (c.kind === 'memberOf') emit(c.program);
      programStart.push(ops.length);
    }
    for (const s of specs) for (const k of s.leaves ?? []) leafCount = Math.max(leafCount, k + 1);
    const leafBits = new Int32Array(leafCount * M);
    specs.forEach((s, i) => { for (const k of s.leaves ?? []) leafBits[k * M + i] = 1; });
    const groupLiveByGroup = new Int32Array(groups.length * M);
    groups.forEach((g, gi) => specs.forEach((s, i) => {
      groupLiveByGroup[gi * M + i] = g === this.group ? groupLive(s) : (s.otherGroups?.[g] ?? 0);
    }));

    const rows = spreadRows(specs, this.strategies);
    const strategy = strategyColumns(this.strategies, rows.fields);
    return {
      instanceCount: M,
      instanceState: col((s) => (s.draining ? INSTANCE_DRAINING : INSTANCE_ACTIVE)),
      agentConnected: col((s) => (s.agentConnected === false ? 0 : 1)),
      cpuFree: col((s) => s.cpu ?? 2048),
      memoryFree: col((s) => s.memory ?? 3900),
      eniFree: col((s) => s.eniFree ?? 2),
      attributesOk: col((s) => (s.attributesOk === false ? 0 : 1)),
      usedPortsStart,
      usedPorts: Int32Array.from(used.flat()),
      reservedTcpCount: col((s) => (s.reservedTcpPorts ?? DEFAULT_RESERVED_TCP_PORTS).length + staticCount(s, PROTOCOL_TCP)),
      reservedUdpCount: col((s) => (s.reservedUdpPorts ?? []).length + staticCount(s, PROTOCOL_UDP)),
      ephemeralFirst: col((s) => s.ephemeralFirst ?? EPHEMERAL.first),
      ephemeralLast: col((s) => s.ephemeralLast ?? EPHEMERAL.last),
      groupActive: col((s) => s.groupTasks ?? 0),
      groupLive: col(groupLive),
      liveTasks: col((s) => groupLive(s) + Object.values(s.otherGroups ?? {}).reduce((a, b) => a + b, 0)),
      taskCpu: this.task.cpu,
      taskMemory: this.task.memory,
      taskNeedsEni: this.task.needsEni ? 1 : 0,
      taskPortMappings: Int32Array.from(this.task.ports),
      constraintKind: Int32Array.from(this.constraints, (c) => (c.kind === 'memberOf' ? CONSTRAINT_MEMBER_OF : CONSTRAINT_DISTINCT_INSTANCE)),
      programStart: Int32Array.from(programStart),
      programOps: Int32Array.from(ops),
      leafCount,
      leafBits,
      referencedGroupCount: groups.length,
      groupLiveByGroup,
      batchGroupIndex: groups.indexOf(this.group),
      strategyType: strategy.type,
      strategyField: strategy.field,
      spreadKeys: rows.keys,
      spreadKeyCount: rows.keyCount,
      count: this.count,
      random: this.randomState ? Uint32Array.from(this.randomState) : seedRandom(this.seed),
    };
  }
}

export const aPlacementProblem = () => new PlacementProblemBuilder();

// ── scale-in ────────────────────────────────────────────────────────────────────────────────────────
export interface ScaleInInstanceSpec {
  cpu?: number;
  memory?: number;
  az?: string;
  attributes?: Record<string, string>;
  draining?: boolean;
  /** The service's counted tasks on the instance (default: the stoppable tasks declared on it). */
  groupTasks?: number;
}

export interface StoppableTaskSpec {
  instance: number;
  pending?: boolean;
  cpu?: number;
  memory?: number;
  /** Larger is more recent; equal times share a rank (default: declaration order). */
  createdAt?: number;
  /** The task id; ties of createdAt are ordered by id as strings (default: t<declaration index, padded>). */
  id?: string;
}

export class ScaleInProblemBuilder {
  private instances: ScaleInInstanceSpec[] = [];
  private tasks: StoppableTaskSpec[] = [];
  private strategies: Strategy[] = [];
  private count = 1;
  private seed = 1;
  private randomState: Uint32Array | undefined;

  withInstances(n: number, spec: ScaleInInstanceSpec = {}): this {
    for (let k = 0; k < n; k++) this.instances.push({ ...spec });
    return this;
  }
  withInstance(spec: ScaleInInstanceSpec = {}): this {
    return this.withInstances(1, spec);
  }
  /** n stoppable tasks on `instance`. */
  withTasks(n: number, spec: StoppableTaskSpec): this {
    for (let k = 0; k < n; k++) this.tasks.push({ ...spec });
    return this;
  }
  withTask(spec: StoppableTaskSpec): this {
    return this.withTasks(1, spec);
  }
  withStrategy(s: Strategy): this {
    this.strategies.push(s);
    return this;
  }
  withCount(count: number): this {
    this.count = count;
    return this;
  }
  withSeed(seed: number): this {
    this.seed = seed;
    return this;
  }
  withRandom(state: ArrayLike<number>): this {
    this.randomState = Uint32Array.from(state);
    return this;
  }

  build(): ScaleInProblem {
    const specs = this.instances;
    const tasks = this.tasks.map((t, n) => ({ ...t, createdAt: t.createdAt ?? n, id: t.id ?? `t${String(n).padStart(6, '0')}` }));
    const col = (f: (s: ScaleInInstanceSpec, i: number) => number) => Int32Array.from(specs, f);
    const onInstance = (i: number) => tasks.filter((t) => t.instance === i).length;
    const times = [...new Set(tasks.map((t) => t.createdAt))].sort((a, b) => a - b);
    const byAge = tasks.map((_, n) => n).sort((a, b) =>
      tasks[a].createdAt - tasks[b].createdAt || (tasks[a].id < tasks[b].id ? -1 : tasks[a].id > tasks[b].id ? 1 : 0));
    const order = new Int32Array(tasks.length);
    byAge.forEach((t, rank) => (order[t] = rank));
    const rows = spreadRows(specs, this.strategies);
    const strategy = strategyColumns(this.strategies, rows.fields);
    return {
      instanceCount: specs.length,
      instanceState: col((s) => (s.draining ? INSTANCE_DRAINING : INSTANCE_ACTIVE)),
      cpuFree: col((s) => s.cpu ?? 2048),
      memoryFree: col((s) => s.memory ?? 3900),
      groupActive: col((s, i) => s.groupTasks ?? onInstance(i)),
      strategyType: strategy.type,
      strategyField: strategy.field,
      spreadKeys: rows.keys,
      spreadKeyCount: rows.keyCount,
      taskInstance: Int32Array.from(tasks, (t) => t.instance),
      taskPending: Int32Array.from(tasks, (t) => (t.pending ? 1 : 0)),
      taskCpu: Int32Array.from(tasks, (t) => t.cpu ?? 256),
      taskMemory: Int32Array.from(tasks, (t) => t.memory ?? 512),
      taskCreatedRank: Int32Array.from(tasks, (t) => times.indexOf(t.createdAt)),
      taskOrder: order,
      count: this.count,
      random: this.randomState ? Uint32Array.from(this.randomState) : seedRandom(this.seed),
    };
  }
}

export const aScaleInProblem = () => new ScaleInProblemBuilder();

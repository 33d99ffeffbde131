// fast-check Arbitraries of raw PlacementProblems and ScaleInProblems, for differential tests of the
// placement cores (the WASM core against the literal TS oracle) and for the benchmark. They aim at the
// edges of the contract (/work/notes/placement-contract.md): DRAINING / agent / attribute flags, ties,
// ports incl. udp, the 100-port cap and near-exhausted ephemeral ranges, ENIs, memberOf programs with
// leaves and group terms, distinctInstance, chains of up to 5 strategies, and random seeds.
import fc from 'fast-check';
import {
  BINPACK_CPU, BINPACK_MEMORY, CONSTRAINT_DISTINCT_INSTANCE, CONSTRAINT_MEMBER_OF, INSTANCE_ACTIVE, INSTANCE_DRAINING,
  OP_AND, OP_ANY_TASK, OP_FALSE, OP_GROUP_ANY, OP_LEAF, OP_NOT, OP_OR, OP_TRUE, PROTOCOL_TCP, PROTOCOL_UDP,
  STRATEGY_BINPACK, STRATEGY_RANDOM, STRATEGY_SPREAD,
} from '../../src/placement/placement-codes.ts';
import type { PlacementProblem, ScaleInProblem } from '../../src/placement/placement-problem.ts';
import { seedStreams } from '../../src/shared/xoshiro128.ts';

export interface ArbitraryPlacementOptions {
  /** Instances: 0..maxInstances (default 60). */
  maxInstances?: number;
  /** Tasks to place: 0..maxCount (default 40). */
  maxCount?: number;
}

const EPHEMERAL_FIRST = 49153;
const EPHEMERAL_LAST = 65535;
/** Static host ports tasks and instances share, so collisions are common. */
const STATIC_PORTS = [22, 80, 443, 8080, EPHEMERAL_FIRST, EPHEMERAL_FIRST + 1];

const encode = (protocol: number, port: number) => (protocol << 16) | port;
const protocolArb = fc.constantFrom(PROTOCOL_TCP, PROTOCOL_TCP, PROTOCOL_UDP);
/** A few values only, so binpack and spread meet ties often. */
const cpuArb = fc.noBias(fc.integer({ min: 0, max: 16 })).map((x) => x * 128);
const memoryArb = fc.noBias(fc.integer({ min: 0, max: 16 })).map((x) => x * 256);
const seedRandomArb = fc.integer({ min: 0, max: 0xffffffff }).map((seed) => Uint32Array.from(seedStreams(seed).placement));
/** True one time in n (unbiased: fast-check favours small integers). */
const oneIn = (n: number) => fc.noBias(fc.integer({ min: 0, max: n - 1 })).map((x) => x === 0);

/** Full ephemeral ranges, and tiny (even empty) ones that a few tasks exhaust. */
const ephemeralArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ first: EPHEMERAL_FIRST, last: EPHEMERAL_LAST }) },
  {
    weight: 2,
    arbitrary: fc.record({ first: fc.constantFrom(EPHEMERAL_FIRST, 32768, 60000), length: fc.integer({ min: 0, max: 5 }) })
      .map(({ first, length }) => ({ first, last: first + length - 1 })),
  },
);

const instanceArb = (leafCount: number, groupCount: number) => fc.record({
  draining: oneIn(8),
  agentConnected: oneIn(10).map((x) => !x),
  attributesOk: oneIn(8).map((x) => !x),
  cpu: cpuArb,
  memory: memoryArb,
  eni: fc.integer({ min: 0, max: 3 }),
  reservedTcp: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: 97, max: 100 }) }),
  reservedUdp: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 98, max: 100 }) }),
  ephemeral: ephemeralArb,
  staticUsed: fc.subarray(STATIC_PORTS.flatMap((p) => [encode(PROTOCOL_TCP, p), encode(PROTOCOL_UDP, p)]), { maxLength: 4 }),
  /** Offsets into the instance's ephemeral range that other tasks already took. */
  dynamicUsed: fc.array(fc.record({ protocol: protocolArb, offset: fc.integer({ min: 0, max: 6 }) }), { maxLength: 5 }),
  // Mostly empty, so distinctInstance leaves room; sometimes busy, so spread has counts to compare.
  groupActive: fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
  stopping: oneIn(6).map((x) => (x ? 1 : 0)),
  otherLive: fc.integer({ min: 0, max: 2 }),
  leaves: fc.array(fc.boolean(), { minLength: leafCount, maxLength: leafCount }),
  groupLive: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: groupCount, maxLength: groupCount }),
});

type Term = { op: number; operand: number } | { op: typeof OP_AND | typeof OP_OR; a: Term; b: Term } | { op: typeof OP_NOT; a: Term };

/** A memberOf expression over the leaves and referenced groups, depth ≤ 3. */
function termArb(leafCount: number, groupCount: number, depth: number): fc.Arbitrary<Term> {
  const leaves: fc.Arbitrary<Term>[] = [
    fc.constantFrom<Term>({ op: OP_TRUE, operand: 0 }, { op: OP_FALSE, operand: 0 }, { op: OP_ANY_TASK, operand: 0 }),
  ];
  if (leafCount > 0) leaves.push(fc.integer({ min: 0, max: leafCount - 1 }).map((k) => ({ op: OP_LEAF, operand: k })));
  if (groupCount > 0) leaves.push(fc.integer({ min: 0, max: groupCount - 1 }).map((g) => ({ op: OP_GROUP_ANY, operand: g })));
  const leaf = fc.oneof(...leaves);
  if (depth === 0) return leaf;
  const sub = termArb(leafCount, groupCount, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: fc.record({ op: fc.constantFrom(OP_AND, OP_OR), a: sub, b: sub }) as fc.Arbitrary<Term> },
    { weight: 1, arbitrary: sub.map((a): Term => ({ op: OP_NOT, a })) },
  );
}

function compile(term: Term, out: number[]): void {
  if ('b' in term) {
    compile(term.a, out);
    compile(term.b, out);
    out.push(term.op, 0);
  } else if ('a' in term) {
    compile(term.a, out);
    out.push(term.op, 0);
  } else {
    out.push(term.op, term.operand);
  }
}

const constraintArb = (leafCount: number, groupCount: number) => fc.oneof(
  { weight: 3, arbitrary: termArb(leafCount, groupCount, 3).map((program) => ({ kind: CONSTRAINT_MEMBER_OF, program })) },
  { weight: 1, arbitrary: fc.constant({ kind: CONSTRAINT_DISTINCT_INSTANCE, program: null as Term | null }) },
);

/** Chains of 0–5 strategies over `rows` spread rows. */
const strategiesArb = (rows: number) => fc.array(fc.oneof(
  fc.constant({ type: STRATEGY_RANDOM, field: 0 }),
  fc.integer({ min: 0, max: rows - 1 }).map((row) => ({ type: STRATEGY_SPREAD, field: row })),
  fc.constantFrom(BINPACK_CPU, BINPACK_MEMORY).map((field) => ({ type: STRATEGY_BINPACK, field })),
), { maxLength: 5 });

/**
 * Spread rows: row 0 is instanceId (every instance its own key); rows 1.. are attributes with 1–10 values,
 * the last value standing for the missing bucket (6.4).
 */
const spreadRowsArb = (M: number) => fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 2 }).chain((valueCounts) =>
  fc.tuple(...valueCounts.map((K) => fc.array(fc.integer({ min: 0, max: K - 1 }), { minLength: M, maxLength: M })))
    .map((rows) => {
      const keys = new Int32Array((rows.length + 1) * M);
      for (let i = 0; i < M; i++) keys[i] = i;
      rows.forEach((row, r) => keys.set(row, (r + 1) * M));
      return { keys, keyCount: Int32Array.from([M, ...valueCounts]) };
    }));

export function arbitraryPlacementProblem(options: ArbitraryPlacementOptions = {}): fc.Arbitrary<PlacementProblem> {
  const maxInstances = options.maxInstances ?? 60;
  const maxCount = options.maxCount ?? 40;
  return fc.record({
    // Half uniform, half fast-check's usual bias toward small (and empty) clusters.
    M: fc.oneof(fc.noBias(fc.integer({ min: 0, max: maxInstances })), fc.integer({ min: 0, max: maxInstances })),
    leafCount: fc.integer({ min: 0, max: 3 }),
    groupCount: fc.integer({ min: 0, max: 2 }),
  }).chain(({ M, leafCount, groupCount }) => fc.record({
    instances: fc.array(instanceArb(leafCount, groupCount), { minLength: M, maxLength: M }),
    spreadRows: spreadRowsArb(M),
    taskCpu: fc.integer({ min: 0, max: 8 }).map((x) => x * 128),
    taskMemory: fc.integer({ min: 0, max: 8 }).map((x) => x * 256),
    taskNeedsEni: oneIn(4).map((x) => (x ? 1 : 0)),
    mappings: fc.array(fc.record({ protocol: protocolArb, port: fc.oneof(fc.constant(0), fc.constantFrom(...STATIC_PORTS)) }), { maxLength: 3 }),
    constraints: fc.array(constraintArb(leafCount, groupCount), { maxLength: 3 }),
    batchGroupIndex: groupCount > 0 ? fc.integer({ min: -1, max: groupCount - 1 }) : fc.constant(-1),
    count: fc.integer({ min: 0, max: maxCount }),
    random: seedRandomArb,
  }).chain((r) => strategiesArb(r.spreadRows.keyCount.length).map((strategies) => {
    const { instances } = r;
    const usedPortsStart = new Int32Array(M + 1);
    const usedPorts: number[] = [];
    instances.forEach((inst, i) => {
      const dynamic = inst.dynamicUsed.map(({ protocol, offset }) => encode(protocol, inst.ephemeral.first + offset));
      const used = [...new Set([...inst.staticUsed, ...dynamic].filter((e) => (e & 0xffff) > 0 && (e & 0xffff) <= 0xffff))].sort((a, b) => a - b);
      usedPorts.push(...used);
      usedPortsStart[i + 1] = usedPorts.length;
    });
    const programStart = [0];
    const programOps: number[] = [];
    for (const c of r.constraints) {
      if (c.program) compile(c.program, programOps);
      programStart.push(programOps.length);
    }
    const column = (f: (inst: (typeof instances)[number], i: number) => number) => Int32Array.from(instances, f);
    const leafBits = new Int32Array(leafCount * M);
    const groupLiveByGroup = new Int32Array(groupCount * M);
    instances.forEach((inst, i) => {
      inst.leaves.forEach((bit, k) => { leafBits[k * M + i] = bit ? 1 : 0; });
      inst.groupLive.forEach((n, g) => { groupLiveByGroup[g * M + i] = n; });
    });
    const problem: PlacementProblem = {
      instanceCount: M,
      instanceState: column((x) => (x.draining ? INSTANCE_DRAINING : INSTANCE_ACTIVE)),
      agentConnected: column((x) => (x.agentConnected ? 1 : 0)),
      cpuFree: column((x) => x.cpu),
      memoryFree: column((x) => x.memory),
      eniFree: column((x) => x.eni),
      attributesOk: column((x) => (x.attributesOk ? 1 : 0)),
      usedPortsStart,
      usedPorts: Int32Array.from(usedPorts),
      reservedTcpCount: column((x) => x.reservedTcp),
      reservedUdpCount: column((x) => x.reservedUdp),
      ephemeralFirst: column((x) => x.ephemeral.first),
      ephemeralLast: column((x) => x.ephemeral.last),
      groupActive: column((x) => x.groupActive),
      groupLive: column((x) => x.groupActive + x.stopping),
      liveTasks: column((x) => x.groupActive + x.stopping + x.otherLive),
      taskCpu: r.taskCpu,
      taskMemory: r.taskMemory,
      taskNeedsEni: r.taskNeedsEni,
      taskPortMappings: Int32Array.from(r.mappings, (m) => encode(m.protocol, m.port)),
      constraintKind: Int32Array.from(r.constraints, (c) => c.kind),
      programStart: Int32Array.from(programStart),
      programOps: Int32Array.from(programOps),
      leafCount,
      leafBits,
      referencedGroupCount: groupCount,
      groupLiveByGroup,
      batchGroupIndex: r.batchGroupIndex,
      strategyType: Int32Array.from(strategies, (s) => s.type),
      strategyField: Int32Array.from(strategies, (s) => s.field),
      spreadKeys: r.spreadRows.keys,
      spreadKeyCount: r.spreadRows.keyCount,
      count: r.count,
      random: r.random,
    };
    return problem;
  })));
}

export interface ArbitraryScaleInOptions {
  maxInstances?: number;
  maxTasks?: number;
}

export function arbitraryScaleInProblem(options: ArbitraryScaleInOptions = {}): fc.Arbitrary<ScaleInProblem> {
  const maxInstances = options.maxInstances ?? 30;
  const maxTasks = options.maxTasks ?? 50;
  return fc.integer({ min: 0, max: maxInstances }).chain((M) => fc.record({
    instances: fc.array(fc.record({ draining: oneIn(5), cpu: cpuArb, memory: memoryArb, groupActive: fc.integer({ min: 0, max: 4 }) }),
      { minLength: M, maxLength: M }),
    tasks: fc.array(fc.record({
      instance: fc.integer({ min: 0, max: Math.max(0, M - 1) }),
      pending: oneIn(4),
      cpu: fc.integer({ min: 0, max: 4 }).map((x) => x * 128),
      memory: fc.integer({ min: 0, max: 4 }).map((x) => x * 256),
      createdAt: fc.integer({ min: 0, max: 5 }),
      id: fc.integer({ min: 0, max: 1_000_000 }),
    }), { maxLength: M === 0 ? 0 : maxTasks, size: 'medium' }),
    spreadRows: spreadRowsArb(M),
    random: seedRandomArb,
    extra: fc.integer({ min: 0, max: 3 }),
    /** taskOrder is a dense rank; a stride of 3 checks that only its order matters. */
    orderStride: fc.constantFrom(1, 1, 3),
  }).chain((r) => strategiesArb(r.spreadRows.keyCount.length).chain((strategies) =>
    fc.integer({ min: 0, max: r.tasks.length + r.extra }).map((count): ScaleInProblem => {
      const times = [...new Set(r.tasks.map((t) => t.createdAt))].sort((a, b) => a - b);
      const order = r.tasks.map((_, t) => t)
        .sort((a, b) => r.tasks[a].createdAt - r.tasks[b].createdAt || r.tasks[a].id - r.tasks[b].id || a - b);
      const taskOrder = new Int32Array(r.tasks.length);
      order.forEach((t, rank) => { taskOrder[t] = rank * r.orderStride; });
      return {
        instanceCount: M,
        instanceState: Int32Array.from(r.instances, (x) => (x.draining ? INSTANCE_DRAINING : INSTANCE_ACTIVE)),
        cpuFree: Int32Array.from(r.instances, (x) => x.cpu),
        memoryFree: Int32Array.from(r.instances, (x) => x.memory),
        groupActive: Int32Array.from(r.instances, (x) => x.groupActive),
        strategyType: Int32Array.from(strategies, (s) => s.type),
        strategyField: Int32Array.from(strategies, (s) => s.field),
        spreadKeys: r.spreadRows.keys,
        spreadKeyCount: r.spreadRows.keyCount,
        taskInstance: Int32Array.from(r.tasks, (t) => t.instance),
        taskPending: Int32Array.from(r.tasks, (t) => (t.pending ? 1 : 0)),
        taskCpu: Int32Array.from(r.tasks, (t) => t.cpu),
        taskMemory: Int32Array.from(r.tasks, (t) => t.memory),
        taskCreatedRank: Int32Array.from(r.tasks, (t) => times.indexOf(t.createdAt)),
        taskOrder,
        count,
        random: r.random,
      };
    }))));
}

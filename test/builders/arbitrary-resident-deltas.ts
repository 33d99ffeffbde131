// fast-check scripts for resident cluster stores (src/placement/resident-cluster-store.ts): random valid
// delta sequences — instances appended and re-set with new states and registered ports, tasks added
// and later removed with identical records, random groups — interleaved with random batches over random
// slot subsets in random order. The batch-level fields come from arbitraryPlacementProblem.
import fc from 'fast-check';
import { INSTANCE_ACTIVE, INSTANCE_DRAINING, PROTOCOL_TCP, PROTOCOL_UDP } from '../../src/placement/placement-codes.ts';
import type { PlacementProblem } from '../../src/placement/placement-problem.ts';
import type { ResidentBatch } from '../../src/placement/resident-cluster-store.ts';
import { DeltaWriter, INSTANCE_GONE } from '../../src/placement/resident-deltas.ts';
import { arbitraryPlacementProblem } from './arbitrary-placement-problem.ts';

/** Store groups the scripts use: 0..GROUPS-1 (dense, as the ledger numbers them). */
const GROUPS = 4;
const PORTS = [22, 80, 443, 8080, 49153, 49154, 49155];
const encodedPortArb = fc.record({ protocol: fc.constantFrom(PROTOCOL_TCP, PROTOCOL_TCP, PROTOCOL_UDP), port: fc.constantFrom(...PORTS) })
  .map(({ protocol, port }) => (protocol << 16) | port);

const instanceRowArb = fc.record({
  state: fc.constantFrom(INSTANCE_ACTIVE, INSTANCE_ACTIVE, INSTANCE_ACTIVE, INSTANCE_DRAINING, INSTANCE_GONE),
  agentConnected: fc.constantFrom(1, 1, 1, 0),
  cpuRegistered: fc.integer({ min: 0, max: 16 }).map((x) => x * 256),
  memoryRegistered: fc.integer({ min: 0, max: 16 }).map((x) => x * 512),
  eniLimit: fc.integer({ min: 0, max: 4 }),
  ephemeralFirst: fc.constantFrom(49153, 60000),
  ephemeralLength: fc.integer({ min: 0, max: 6 }),
  reservedPorts: fc.uniqueArray(encodedPortArb, { maxLength: 4 }),
}).map(({ ephemeralLength, ...row }) => ({ ...row, ephemeralLast: row.ephemeralFirst + ephemeralLength - 1 }));

const taskArb = fc.record({
  cpu: fc.integer({ min: 0, max: 4 }).map((x) => x * 128),
  memory: fc.integer({ min: 0, max: 4 }).map((x) => x * 256),
  eni: fc.constantFrom(0, 0, 1),
  group: fc.integer({ min: 0, max: GROUPS - 1 }),
  active: fc.constantFrom(1, 1, 0),
  ports: fc.array(fc.record({ port: encodedPortArb, isStatic: fc.boolean() }), { maxLength: 3 }),
});

type InstanceRow = typeof instanceRowArb extends fc.Arbitrary<infer T> ? T : never;
type TaskHeld = typeof taskArb extends fc.Arbitrary<infer T> ? T : never;

type Step =
  | { kind: 'newInstance'; row: InstanceRow }
  | { kind: 'resetInstance'; pick: number; row: InstanceRow }
  | { kind: 'addTask'; pick: number; task: TaskHeld }
  | { kind: 'removeTask'; pick: number }
  | { kind: 'batch'; order: number[]; problem: PlacementProblem; batchGroup: number; groups: number[] };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: instanceRowArb.map((row): Step => ({ kind: 'newInstance', row })) },
  { weight: 2, arbitrary: fc.record({ pick: fc.nat(), row: instanceRowArb }).map((r): Step => ({ kind: 'resetInstance', ...r })) },
  { weight: 5, arbitrary: fc.record({ pick: fc.nat(), task: taskArb }).map((r): Step => ({ kind: 'addTask', ...r })) },
  { weight: 2, arbitrary: fc.nat().map((pick): Step => ({ kind: 'removeTask', pick })) },
  {
    weight: 2,
    arbitrary: fc.record({
      order: fc.array(fc.nat(), { maxLength: 40 }),
      problem: arbitraryPlacementProblem({ maxInstances: 16, maxCount: 12 }),
      batchGroup: fc.integer({ min: -1, max: GROUPS }),
      groups: fc.array(fc.integer({ min: -1, max: GROUPS }), { minLength: 2, maxLength: 2 }),
    }).map((r): Step => ({ kind: 'batch', ...r })),
  },
);

/** One step of a script: delta records to apply, or a batch to place. */
export type ResidentScriptStep = { deltas: Int32Array } | { batch: ResidentBatch };

/** The problem's per-instance batch fields cut to its first m instances. */
function firstInstances(p: PlacementProblem, m: number): PlacementProblem {
  const M = p.instanceCount;
  const rows = (column: Int32Array, count: number) => {
    const out = new Int32Array(count * m);
    for (let r = 0; r < count; r++) out.set(column.subarray(r * M, r * M + m), r * m);
    return out;
  };
  return {
    ...p,
    instanceCount: m,
    attributesOk: p.attributesOk.slice(0, m),
    leafBits: rows(p.leafBits, p.leafCount),
    spreadKeys: rows(p.spreadKeys, p.spreadKeyCount.length),
    // Row 0 is instanceId: its keys are the instance indices, so its key count follows m.
    spreadKeyCount: Int32Array.from(p.spreadKeyCount, (k, r) => (r === 0 ? m : k)),
  };
}

/** Turns the generated steps into valid deltas and batches (a state machine over slots and live tasks). */
function interpret(steps: Step[]): ResidentScriptStep[] {
  const states: number[] = [];
  const live: { slot: number; task: TaskHeld }[] = [];
  const out: ResidentScriptStep[] = [];
  const writer = new DeltaWriter();
  const flush = () => {
    if (writer.length > 0) out.push({ deltas: writer.records().slice() });
    writer.clear();
  };
  const taskRecord = (sign: 1 | -1, slot: number, task: TaskHeld) =>
    writer.task(sign, slot, { ...task, ports: task.ports.map((p) => p.port), staticPorts: task.ports.map((p) => (p.isStatic ? 1 : 0)) });
  for (const step of steps) {
    if (step.kind === 'newInstance') {
      writer.instance(states.length, step.row);
      states.push(step.row.state);
    } else if (step.kind === 'resetInstance' && states.length > 0) {
      const slot = step.pick % states.length;
      writer.instance(slot, step.row);
      states[slot] = step.row.state;
    } else if (step.kind === 'addTask' && states.length > 0) {
      const slot = step.pick % states.length;
      live.push({ slot, task: step.task });
      taskRecord(1, slot, step.task);
    } else if (step.kind === 'removeTask' && live.length > 0) {
      const [gone] = live.splice(step.pick % live.length, 1);
      taskRecord(-1, gone.slot, gone.task);
    } else if (step.kind === 'batch') {
      flush();
      // A random subset of the slots a batch may name (not INSTANCE_GONE), in random order.
      const usable = states.flatMap((state, slot) => (state === INSTANCE_GONE ? [] : [slot]));
      const slots: number[] = [];
      for (const k of step.order) {
        if (usable.length === 0 || slots.length === step.problem.instanceCount) break;
        slots.push(...usable.splice(k % usable.length, 1));
      }
      const p = firstInstances(step.problem, slots.length);
      const groups = step.groups.slice(0, p.referencedGroupCount);
      if (p.batchGroupIndex >= 0) groups[p.batchGroupIndex] = step.batchGroup;
      out.push({
        batch: {
          slots: Int32Array.from(slots),
          batchGroup: step.batchGroup,
          referencedGroups: Int32Array.from(groups),
          attributesOk: p.attributesOk,
          taskCpu: p.taskCpu,
          taskMemory: p.taskMemory,
          taskNeedsEni: p.taskNeedsEni,
          taskPortMappings: p.taskPortMappings,
          constraintKind: p.constraintKind,
          programStart: p.programStart,
          programOps: p.programOps,
          leafCount: p.leafCount,
          leafBits: p.leafBits,
          batchGroupIndex: p.batchGroupIndex,
          strategyType: p.strategyType,
          strategyField: p.strategyField,
          spreadKeys: p.spreadKeys,
          spreadKeyCount: p.spreadKeyCount,
          count: p.count,
          random: p.random,
        },
      });
    }
  }
  flush();
  return out;
}

/** A script of 1–80 steps: deltas (several records each) and batches. */
export const arbitraryResidentScript = (): fc.Arbitrary<ResidentScriptStep[]> =>
  fc.array(stepArb, { minLength: 1, maxLength: 80, size: 'large' }).map(interpret);

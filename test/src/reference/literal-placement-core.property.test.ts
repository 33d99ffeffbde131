// Properties of the literal reference core over generated clusters (fast-check; 1,200 runs in all).
// The replay below checks every placement with its own small model of semantics 4, not with the core's code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REJECT_DRAINING, REJECT_NONE } from '../../../src/placement/placement-codes.ts';
import type { PlacementProblem, PlacementResult } from '../../../src/placement/placement-problem.ts';
import { literalPlacementCore } from '../../../src/reference/literal-placement-core.ts';
import {
  aPlacementProblem, aScaleInProblem, and, anyTask, binpack, distinctInstance, dynamicPort, groupAny, leaf, memberOf, not, or, random, spread,
  staticPort, type Constraint, type InstanceSpec, type ProgramTerm, type ScaleInInstanceSpec, type StoppableTaskSpec,
  type Strategy, type TaskSpec,
} from '../../builders/placement-problem.ts';

const RUNS = 200; // × 6 properties = 1,200 runs

const instanceSpec: fc.Arbitrary<InstanceSpec> = fc.record({
  cpu: fc.integer({ min: 0, max: 8 }).map((k) => k * 256),
  memory: fc.integer({ min: 0, max: 8 }).map((k) => k * 512),
  az: fc.constantFrom('a', 'b', 'c', undefined),
  draining: fc.integer({ min: 0, max: 7 }).map((k) => k === 0),
  agentConnected: fc.integer({ min: 0, max: 9 }).map((k) => k !== 0),
  attributesOk: fc.integer({ min: 0, max: 9 }).map((k) => k !== 0),
  eniFree: fc.integer({ min: 0, max: 3 }),
  staticPortsInUse: fc.subarray([staticPort(80), staticPort(443), staticPort(53, 'udp')]),
  dynamicPortsInUse: fc.subarray([staticPort(49153), staticPort(49154), staticPort(49153, 'udp')]),
  ephemeralFirst: fc.constant(49153),
  ephemeralLast: fc.integer({ min: 49153, max: 49157 }),
  groupTasks: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 })), // often 0, so group terms can flip mid-batch
  stoppingGroupTasks: fc.integer({ min: 0, max: 3 }).map((k) => (k === 3 ? 1 : 0)),
  otherGroups: fc.record({ 'service:db': fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 })) }),
  leaves: fc.subarray([0, 1]),
});

const taskSpec: fc.Arbitrary<TaskSpec> = fc.record({
  cpu: fc.integer({ min: 0, max: 4 }).map((k) => k * 256),
  memory: fc.integer({ min: 1, max: 4 }).map((k) => k * 256),
  needsEni: fc.boolean(),
  ports: fc.subarray([staticPort(80), dynamicPort(), staticPort(53, 'udp'), dynamicPort('udp'), dynamicPort()]),
});

const strategy: fc.Arbitrary<Strategy> = fc.constantFrom(spread('az'), spread('instanceId'), binpack('cpu'), binpack('memory'), random());

const constraint: fc.Arbitrary<Constraint> = fc.constantFrom<Constraint>(
  distinctInstance(),
  memberOf(leaf(0)),
  memberOf(not(groupAny('service:web'))),
  memberOf(or(leaf(1), groupAny('service:web'))),
  memberOf(not(anyTask())),
  memberOf(and(not(groupAny('service:db')), or(leaf(0), leaf(1)))),
);

interface Case { instances: InstanceSpec[]; task: TaskSpec; strategies: Strategy[]; constraints: Constraint[]; count: number; seed: number }

const aCase: fc.Arbitrary<Case> = fc.record({
  instances: fc.array(instanceSpec, { maxLength: 5 }),
  task: taskSpec,
  strategies: fc.array(strategy, { maxLength: 3 }),
  constraints: fc.array(constraint, { maxLength: 2 }),
  count: fc.integer({ min: 0, max: 10 }),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
});

function build(c: Case): PlacementProblem {
  const b = aPlacementProblem().withTask(c.task).withCount(c.count).withSeed(c.seed).withLeafCount(2);
  c.instances.forEach((s) => b.withInstance(s));
  c.strategies.forEach((s) => b.withStrategy(s));
  c.constraints.forEach((k) => b.withConstraint(k));
  return b.build();
}

/** The test's own model of one instance while the batch places. */
interface Replay { cpu: number; memory: number; eni: number; used: Set<number>; web: number; db: number; live: number }

function holds(term: ProgramTerm, r: Replay, leaves: number[]): boolean {
  switch (term.kind) {
    case 'leaf': return leaves.includes(term.k);
    case 'group': return (term.group === 'service:web' ? r.web : term.group === 'service:db' ? r.db : 0) > 0;
    case 'anyTask': return r.live > 0;
    case 'and': return term.terms.every((t) => holds(t, r, leaves));
    case 'or': return term.terms.some((t) => holds(t, r, leaves));
    case 'not': return !holds(term.term, r, leaves);
    case 'const': return term.value;
  }
}

/** Replays the assignments and returns the first broken rule, or null. */
function firstViolation(c: Case, p: PlacementProblem, out: PlacementResult): string | null {
  const P = p.taskPortMappings.length;
  const state: Replay[] = c.instances.map((s, i) => ({
    cpu: s.cpu!, memory: s.memory!, eni: s.eniFree!,
    used: new Set(p.usedPorts.subarray(p.usedPortsStart[i], p.usedPortsStart[i + 1])),
    web: s.groupTasks! + s.stoppingGroupTasks!, db: s.otherGroups!['service:db'],
    live: s.groupTasks! + s.stoppingGroupTasks! + s.otherGroups!['service:db'],
  }));
  if (out.placed !== out.assignments.length || out.assignedPorts.length !== out.placed * P) return 'lengths';
  if (out.placed > c.count) return 'placed more than count';
  for (let t = 0; t < out.placed; t++) {
    const i = out.assignments[t];
    const s = c.instances[i];
    const r = state[i];
    if (s.draining) return `task ${t} on DRAINING i${i}`;
    if (r.cpu < p.taskCpu) return `task ${t}: CPU overcommitted on i${i}`;
    if (r.memory < p.taskMemory) return `task ${t}: memory overcommitted on i${i}`;
    if (p.taskNeedsEni && r.eni < 1) return `task ${t}: no ENI on i${i}`;
    if (!s.agentConnected || !s.attributesOk) return `task ${t}: agent/attributes on i${i}`;
    for (const k of c.constraints) {
      if (k.kind === 'distinctInstance' && r.web > 0) return `task ${t}: distinctInstance on i${i}`;
      if (k.kind === 'memberOf' && !holds(k.program, r, s.leaves!)) return `task ${t}: memberOf on i${i}`;
    }
    const ports = Array.from(out.assignedPorts.subarray(t * P, t * P + P));
    for (let m = 0; m < P; m++) {
      const mapping = p.taskPortMappings[m];
      if ((mapping & 0xffff) > 0 ? ports[m] !== mapping : ports[m] >>> 16 !== mapping >>> 16) return `task ${t}: mapping ${m} bound ${ports[m]}`;
      if (r.used.has(ports[m])) return `task ${t}: host port ${ports[m]} used twice on i${i}`;
      r.used.add(ports[m]);
    }
    r.cpu -= p.taskCpu; r.memory -= p.taskMemory; r.eni -= p.taskNeedsEni; r.web++; r.live++;
  }
  return null;
}

const run = (c: Case) => {
  const p = build(c);
  return { p, out: literalPlacementCore.placeTasks(p) };
};

describe('literal placement core: properties', () => {
  it('every placement fits and satisfies every constraint when it is made; no host port is used twice on an instance', () => {
    fc.assert(fc.property(aCase, (c) => {
      const { p, out } = run(c);
      expect(firstViolation(c, p, out)).toBeNull();
    }), { numRuns: RUNS });
  });

  it('the explanation: one code per instance, DRAINING exactly where draining; no candidate when a task failed', () => {
    fc.assert(fc.property(aCase, (c) => {
      const { out } = run(c);
      expect(out.rejectCode.length).toBe(c.instances.length);
      c.instances.forEach((s, i) => expect(out.rejectCode[i] === REJECT_DRAINING).toBe(!!s.draining));
      const noCandidate = !out.rejectCode.includes(REJECT_NONE);
      if (out.placed < c.count) expect(noCandidate).toBe(true);
      if (noCandidate) {
        const anyActive = c.instances.some((s) => !s.draining);
        expect(out.closestMatch >= 0).toBe(anyActive);
        if (anyActive) expect(c.instances[out.closestMatch].draining).toBe(false);
      } else expect(out.closestMatch).toBe(-1);
    }), { numRuns: RUNS });
  });

  it('spread(instanceId) alone keeps per-instance counts within 1 when every instance fits', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 30 }), fc.integer(), (m, count, seed) => {
      const p = aPlacementProblem().withInstances(m, { cpu: 1 << 20, memory: 1 << 20 }).withTask({ ports: [dynamicPort()] })
        .withStrategy(spread('instanceId')).withCount(count).withSeed(seed).build();
      const out = literalPlacementCore.placeTasks(p);
      const perInstance = Array.from({ length: m }, (_, i) => out.assignments.filter((a) => a === i).length);
      expect(out.placed).toBe(count);
      expect(Math.max(...perInstance) - Math.min(...perInstance)).toBeLessThanOrEqual(1);
    }), { numRuns: RUNS });
  });

  it('the same problem and seed give the same result', () => {
    fc.assert(fc.property(aCase, (c) => {
      expect(literalPlacementCore.placeTasks(build(c))).toEqual(literalPlacementCore.placeTasks(build(c)));
    }), { numRuns: RUNS });
  });

  it('never mutates the problem (placement and scale-in)', () => {
    fc.assert(fc.property(aCase, (c) => {
      const p = build(c);
      const before = structuredClone(p);
      literalPlacementCore.placeTasks(p);
      expect(p).toEqual(before);
    }), { numRuns: RUNS / 2 });
    fc.assert(fc.property(scaleInCase, (c) => {
      const p = buildScaleIn(c);
      const before = structuredClone(p);
      literalPlacementCore.selectTasksToStop(p);
      expect(p).toEqual(before);
    }), { numRuns: RUNS / 2 });
  });

  it('scale-in chooses distinct tasks, min(count, tasks) of them, draining ones first', () => {
    fc.assert(fc.property(scaleInCase, (c) => {
      const out = literalPlacementCore.selectTasksToStop(buildScaleIn(c));
      const chosen = Array.from(out.chosen);
      expect(chosen.length).toBe(Math.min(c.count, c.tasks.length));
      expect(new Set(chosen).size).toBe(chosen.length);
      const onDraining = (t: number) => !!c.instances[c.tasks[t].instance].draining;
      const drainingTotal = c.tasks.filter((_, t) => onDraining(t)).length;
      // the first min(chosen, drainingTotal) picks are the draining tasks
      chosen.forEach((t, k) => expect(onDraining(t)).toBe(k < drainingTotal));
    }), { numRuns: RUNS });
  });
});

// ── scale-in cases ──────────────────────────────────────────────────────────────────────────────────
interface ScaleInCase { instances: ScaleInInstanceSpec[]; tasks: StoppableTaskSpec[]; strategies: Strategy[]; count: number; seed: number }

const scaleInCase: fc.Arbitrary<ScaleInCase> = fc.array(fc.record({
  cpu: fc.integer({ min: 0, max: 4 }).map((k) => k * 256),
  memory: fc.integer({ min: 0, max: 4 }).map((k) => k * 512),
  az: fc.constantFrom('a', 'b', undefined),
  draining: fc.integer({ min: 0, max: 4 }).map((k) => k === 0),
}), { minLength: 1, maxLength: 5 }).chain((instances) => fc.record({
  instances: fc.constant(instances),
  tasks: fc.array(fc.record({
    instance: fc.integer({ min: 0, max: instances.length - 1 }),
    pending: fc.boolean(),
    cpu: fc.integer({ min: 1, max: 4 }).map((k) => k * 128),
    memory: fc.integer({ min: 1, max: 4 }).map((k) => k * 256),
    createdAt: fc.integer({ min: 0, max: 3 }),
  }), { maxLength: 10 }),
  strategies: fc.array(strategy, { maxLength: 3 }),
  count: fc.integer({ min: 0, max: 12 }),
  seed: fc.integer(),
}));

function buildScaleIn(c: ScaleInCase) {
  const b = aScaleInProblem().withCount(c.count).withSeed(c.seed);
  c.instances.forEach((s) => b.withInstance(s));
  c.tasks.forEach((t) => b.withTask(t));
  c.strategies.forEach((s) => b.withStrategy(s));
  return b.build();
}

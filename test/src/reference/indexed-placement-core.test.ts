// Differential test (performance notes §6): the indexed TypeScript core — and the brute-force scan that
// shares its stages (B4) — must return exactly what the literal oracle returns — assignments, bound ports, the advanced PRNG state and the explanation
// vector — on random problems with many ties, every strategy chain, constraints and ports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlacementProblem, PlacementResult } from '../../../src/placement/placement-problem.ts';
import { indexedPlacementCore } from '../../../src/reference/indexed-placement-core.ts';
import { scanPlacementCore } from '../../../src/reference/scan-placement-core.ts';
import { literalPlacementCore } from '../../../src/reference/literal-placement-core.ts';
import {
  aPlacementProblem, always, and, anyTask, binpack, distinctInstance, dynamicPort, groupAny, leaf, memberOf, not, or,
  random, spread, staticPort, type Constraint, type InstanceSpec, type ProgramTerm, type Strategy,
} from '../../builders/placement-problem.ts';
import { arbitraryPlacementProblem } from '../../builders/arbitrary-placement-problem.ts';

const asPlain = (r: PlacementResult) => ({
  assignments: Array.from(r.assignments),
  assignedPorts: Array.from(r.assignedPorts),
  placed: r.placed,
  random: Array.from(r.random),
  rejectCode: Array.from(r.rejectCode),
  rejectConstraint: Array.from(r.rejectConstraint),
  closestMatch: r.closestMatch,
});

// Few distinct values, so that ties (and so draws) are common.
const instanceArb = (roomy: boolean): fc.Arbitrary<InstanceSpec> => fc.record({
  cpu: roomy ? fc.constantFrom(1024, 2048, 4096) : fc.constantFrom(0, 256, 512, 1024, 2048),
  memory: roomy ? fc.constantFrom(1024, 2048, 3900, 8192) : fc.constantFrom(256, 512, 1024, 2048, 3900),
  az: fc.constantFrom('a', 'b', 'c'),
  attributes: fc.record({ rack: fc.constantFrom('r1', 'r2', 'r3', 'r4'), gpu: fc.constantFrom('yes', 'no') }, { requiredKeys: ['rack'] }),
  draining: roomy ? fc.constantFrom(false, false, false, false, false, true) : fc.constantFrom(false, false, false, true),
  agentConnected: roomy ? fc.constantFrom(true, true, true, true, true, false) : fc.constantFrom(true, true, true, false),
  attributesOk: roomy ? fc.constantFrom(true, true, true, true, true, false) : fc.constantFrom(true, true, true, false),
  eniFree: roomy ? fc.constantFrom(1, 3, 10) : fc.constantFrom(0, 1, 2, 3),
  staticPortsInUse: fc.subarray([staticPort(80), staticPort(8080), staticPort(53, 'udp')]),
  dynamicPortsInUse: fc.subarray([staticPort(40000), staticPort(40001)]),
  ephemeralFirst: fc.constant(40000),
  ephemeralLast: fc.constantFrom(40001, 40003, 40010),
  groupTasks: fc.nat(3),
  stoppingGroupTasks: fc.constantFrom(0, 0, 1),
  otherGroups: fc.record({ 'service:db': fc.nat(2) }),
  leaves: fc.subarray([0, 1, 2]),
}, { requiredKeys: ['cpu', 'memory', 'az', 'attributes', 'eniFree', 'groupTasks', 'leaves', 'ephemeralFirst', 'ephemeralLast'] });

const termArb: fc.Arbitrary<ProgramTerm> = fc.letrec<{ term: ProgramTerm }>((tie) => ({
  term: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.nat(2).map(leaf),
    fc.constantFrom('service:web', 'service:db').map(groupAny),
    fc.constant(anyTask()),
    fc.boolean().map(always),
    tie('term').map(not),
    fc.array(tie('term'), { maxLength: 3 }).map((ts) => and(...ts)),
    fc.array(tie('term'), { maxLength: 3 }).map((ts) => or(...ts)),
  ),
})).term;

const constraintArb: fc.Arbitrary<Constraint> = fc.oneof(termArb.map(memberOf), fc.constant(distinctInstance()));
const strategyArb: fc.Arbitrary<Strategy> = fc.oneof(
  fc.constantFrom('az', 'rack', 'gpu', 'instanceId', 'host').map(spread),
  fc.constantFrom<'cpu' | 'memory'>('cpu', 'memory').map(binpack),
  fc.constant(random()),
);

/** roomy: healthy, large instances and few constraints, so that long batches (many placements) are common. */
const problemArb = (roomy: boolean): fc.Arbitrary<PlacementProblem> => fc.record({
  groups: fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), instanceArb(roomy)), { minLength: roomy ? 1 : 0, maxLength: 6 }),
  task: fc.record({
    cpu: fc.constantFrom(0, 128, 256, 512),
    memory: fc.constantFrom(128, 256, 512),
    needsEni: fc.constantFrom(false, false, true),
    ports: fc.array(fc.constantFrom(dynamicPort(), dynamicPort('udp'), staticPort(80), staticPort(8080), staticPort(53, 'udp')), { maxLength: roomy ? 1 : 3 }),
  }),
  strategies: fc.array(strategyArb, { maxLength: 4 }),
  constraints: fc.array(constraintArb, { maxLength: roomy ? 1 : 3 }),
  count: fc.integer({ min: 0, max: 40 }),
  seed: fc.nat(),
}).map(({ groups, task, strategies, constraints, count, seed }) => {
  const b = aPlacementProblem().withTask(task).withCount(count).withSeed(seed);
  for (const [n, spec] of groups) b.withInstances(n, spec);
  for (const s of strategies) b.withStrategy(s);
  for (const c of constraints) b.withConstraint(c);
  return b.build();
});

describe.each([
  ['indexedPlacementCore', indexedPlacementCore],
  ['scanPlacementCore', scanPlacementCore],
])('%s', (_, core) => {
  it.each([
    ['any', false, 700],
    ['roomy (long batches)', true, 1000],
  ])('matches the literal oracle on random problems (%s, roomy = %s): %i runs', (_, roomy, numRuns) => {
    fc.assert(
      fc.property(problemArb(roomy), (problem) => {
        const literal = literalPlacementCore.placeTasks(problem);
        
        expect(asPlain(core.placeTasks(problem))).toEqual(asPlain(literal));
      }),
      { numRuns, seed: 20180522 },
    );
  });

  it('matches the literal oracle on the shared arbitrary problems (raw columns, up to 5 strategies): 1,000 runs', () => {
    fc.assert(
      fc.property(arbitraryPlacementProblem(), (problem) => {
        expect(asPlain(core.placeTasks(problem))).toEqual(asPlain(literalPlacementCore.placeTasks(problem)));
      }),
      { numRuns: 1000, seed: 20180522 },
    );
  });

  it('matches the oracle on large tie sets: identical instances, spread(az) → binpack(memory)', () => {
    const problem = aPlacementProblem()
      .withInstances(60, { az: 'a', memory: 2048 }).withInstances(60, { az: 'b', memory: 2048 }).withInstances(61, { az: 'c', memory: 2048 })
      .withTask({ cpu: 0, memory: 256 }).withStrategy(spread('az')).withStrategy(binpack('memory')).withCount(1500).build();
    const literal = literalPlacementCore.placeTasks(problem);
        
    expect(literal.placed).toBe(1448); // 181 instances × (2048 / 256 = 8) = 1,448, then no candidate
    expect(asPlain(core.placeTasks(problem))).toEqual(asPlain(literal));
  });

  it('matches the oracle on spread(instanceId) + distinctInstance over many instances', () => {
    const problem = aPlacementProblem().withInstances(300, { az: 'a' })
      .withStrategy(spread('instanceId')).withConstraint(distinctInstance()).withCount(299).build();
    expect(asPlain(core.placeTasks(problem))).toEqual(asPlain(literalPlacementCore.placeTasks(problem)));
  });

  it('never mutates the problem', () => {
    const problem = aPlacementProblem().withInstances(5).withTask({ ports: [dynamicPort()] }).withCount(7).build();
    const before = structuredClone(problem);
    core.placeTasks(problem);
    expect(problem).toEqual(before);
  });
});

// The literal reference core (the oracle): stages, closest match, strategies, draws and the
// explanation, each against the placement contract (/work/notes/placement-contract.md) and semantics 4–6.
import { describe, expect, it } from 'vitest';
import {
  REJECT_AGENT, REJECT_ATTRIBUTE, REJECT_CPU, REJECT_DISTINCT_INSTANCE, REJECT_DRAINING, REJECT_ENI,
  REJECT_MEMBER_OF, REJECT_MEMORY, REJECT_NONE, REJECT_PORTS,
} from '../../../src/placement/placement-codes.ts';
import { literalPlacementCore } from '../../../src/reference/literal-placement-core.ts';
import { seedStreams, uniformInt, type RandomState } from '../../../src/shared/xoshiro128.ts';
import {
  aPlacementProblem, always, and, anyTask, binpack, distinctInstance, dynamicPort, groupAny, leaf, memberOf, not, random,
  spread, staticPort, type InstanceSpec,
} from '../../builders/placement-problem.ts';

const place = (b: { build: () => Parameters<typeof literalPlacementCore.placeTasks>[0] }) => literalPlacementCore.placeTasks(b.build());
const stream = (seed = 1): RandomState => [...seedStreams(seed).placement];
const list = (a: ArrayLike<number>) => Array.from(a);

describe('literal placement core: the worked example of semantics 6.8', () => {
  it('spread(az) then binpack(memory): task 1 → i2 (b has 0 < 1), task 2 → i1 (a = b = 1; i1 has the least memory)', () => {
    const out = place(aPlacementProblem()
      .withInstance({ az: 'us-east-1a', memory: 1024, groupTasks: 1 }) // i0: the service's one task in 1a
      .withInstance({ az: 'us-east-1a', memory: 512 }) // i1
      .withInstance({ az: 'us-east-1b', memory: 2048 }) // i2
      .withTask({ memory: 256 })
      .withStrategy(spread('az')).withStrategy(binpack('memory')).withCount(2));
    // task 2: memory i0 1024, i1 512, i2 2048 − 256 = 1792 → binpack keeps i1
    expect(list(out.assignments)).toEqual([2, 1]);
    expect(out.placed).toBe(2);
    // T was a single instance both times: nothing drawn (3.3)
    expect(list(out.random)).toEqual(stream());
  });
});

describe('literal placement core: each stage and its code (4.2)', () => {
  it.each<[string, InstanceSpec, Parameters<ReturnType<typeof aPlacementProblem>['withTask']>[0], number, number]>([
    ['CPU: 255 free < 256', { cpu: 255 }, {}, REJECT_CPU, -1],
    ['memory: 511 free < 512', { memory: 511 }, {}, REJECT_MEMORY, -1],
    ['ports: 80 already bound by another task', { staticPortsInUse: [staticPort(80)] }, { ports: [staticPort(80)] }, REJECT_PORTS, -1],
    ['ENI: awsvpc task, 0 ENIs free', { eniFree: 0 }, { needsEni: true }, REJECT_ENI, -1],
    ['attribute: requiresAttributes not met', { attributesOk: false }, {}, REJECT_ATTRIBUTE, -1],
    ['agent: disconnected', { agentConnected: false }, {}, REJECT_AGENT, -1],
    ['memberOf: leaf 0 false here', { leaves: [] }, {}, REJECT_MEMBER_OF, 0],
    ['distinctInstance: one task of the group already here', { groupTasks: 1, leaves: [0] }, {}, REJECT_DISTINCT_INSTANCE, 1],
    ['DRAINING', { draining: true }, {}, REJECT_DRAINING, -1],
    ['none: a candidate', { leaves: [0] }, {}, REJECT_NONE, -1],
  ])('%s', (_, spec, task, code, constraint) => {
    const out = place(aPlacementProblem().withInstance(spec).withTask(task)
      .withConstraint(memberOf(leaf(0))).withConstraint(distinctInstance()).withLeafCount(1));
    // constraint 0 is memberOf(leaf 0), constraint 1 distinctInstance; leaf 0 is false unless a case sets it
    expect([list(out.rejectCode), list(out.rejectConstraint)]).toEqual([[code], [constraint]]);
  });

  it.each<[string, InstanceSpec, number, number]>([
    // The first failing stage wins, in the order CPU, MEMORY, PORTS, ENI, ATTRIBUTE, AGENT, constraints.
    ['CPU and memory both short → CPU', { cpu: 0, memory: 0 }, REJECT_CPU, -1],
    ['DRAINING and short of everything → DRAINING (nothing else checked)', { draining: true, cpu: 0, agentConnected: false }, REJECT_DRAINING, -1],
    ['memory short and port taken → MEMORY', { memory: 0, staticPortsInUse: [staticPort(80)] }, REJECT_MEMORY, -1],
    ['port taken and no ENI → PORTS', { staticPortsInUse: [staticPort(80)], eniFree: 0 }, REJECT_PORTS, -1],
    ['no ENI and attribute missing → ENI', { eniFree: 0, attributesOk: false }, REJECT_ENI, -1],
    ['attribute missing and agent down → ATTRIBUTE', { attributesOk: false, agentConnected: false }, REJECT_ATTRIBUTE, -1],
    ['agent down and memberOf false → AGENT', { agentConnected: false }, REJECT_AGENT, -1],
    ['memberOf (constraint 0) and distinctInstance (constraint 1) both fail → constraint 0', { groupTasks: 1 }, REJECT_MEMBER_OF, 0],
    ['only distinctInstance fails → constraint 1', { groupTasks: 1, leaves: [0] }, REJECT_DISTINCT_INSTANCE, 1],
  ])('stage order: %s', (_, spec, code, constraint) => {
    const out = place(aPlacementProblem().withInstance(spec)
      .withTask({ ports: [staticPort(80)], needsEni: true })
      .withConstraint(memberOf(leaf(0))).withConstraint(distinctInstance()).withLeafCount(1));
    expect([list(out.rejectCode), list(out.rejectConstraint)]).toEqual([[code], [constraint]]);
  });

  it('an instance with exactly the task\'s CPU and memory free fits (remaining ≥ needed, 4.3/4.4)', () => {
    const out = place(aPlacementProblem().withInstance({ cpu: 256, memory: 512 }).withTask({ cpu: 256, memory: 512 }));
    expect(list(out.assignments)).toEqual([0]);
  });
});

describe('literal placement core: closest matching instance (4.10)', () => {
  it.each<[string, InstanceSpec[], number]>([
    // stages passed: CPU 0, MEMORY 1, PORTS 2, ENI 3, ATTRIBUTE 4, AGENT 5, constraint c → 6 + c
    ['AGENT (5) beats MEMORY (1) and CPU (0)', [{ cpu: 0 }, { memory: 0 }, { agentConnected: false }], 2],
    ['ties go to the lowest index: i1 and i3 both fail AGENT', [{ cpu: 0 }, { agentConnected: false }, { memory: 0 }, { agentConnected: false }], 1],
    ['constraint 1 (7) beats constraint 0 (6) beats AGENT (5)', [{ agentConnected: false }, { leaves: [] }, { leaves: [0], groupTasks: 1 }], 2],
    ['DRAINING is never the closest match, even first', [{ draining: true }, { cpu: 0 }], 1],
    ['every instance DRAINING → -1', [{ draining: true }, { draining: true }], -1],
    ['no instances → -1', [], -1],
  ])('%s', (_, specs, closest) => {
    const b = aPlacementProblem().withConstraint(memberOf(leaf(0))).withConstraint(distinctInstance()).withLeafCount(1);
    specs.forEach((s) => b.withInstance(s));
    const out = place(b);
    expect(out.placed).toBe(0);
    expect(out.closestMatch).toBe(closest);
  });

  it('no instances: empty vectors, nothing placed, nothing drawn', () => {
    const out = place(aPlacementProblem().withCount(3));
    expect([list(out.rejectCode), list(out.rejectConstraint), out.placed, out.closestMatch]).toEqual([[], [], 0, -1]);
    expect(list(out.random)).toEqual(stream());
  });
});

describe('literal placement core: host ports (4.5)', () => {
  it.each<[string, InstanceSpec, number[], number | number[]]>([
    ['static 80 free → bound', {}, [staticPort(80)], [80]],
    ['static 80 held by a live task → PORTS', { staticPortsInUse: [staticPort(80)] }, [staticPort(80)], REJECT_PORTS],
    ['static 80 held as another task\'s dynamic port → PORTS', { dynamicPortsInUse: [staticPort(80)] }, [staticPort(80)], REJECT_PORTS],
    ['static 22 is a default reserved port → PORTS', {}, [staticPort(22)], REJECT_PORTS],
    // reserved tcp: 5 defaults + 94 static = 99; 99 + 1 = 100 ≤ 100 → fits
    ['99 reserved tcp + 1 = 100 → fits', { staticPortsInUse: range(1000, 94).map((p) => staticPort(p)) }, [staticPort(80)], [80]],
    // 5 + 95 = 100; 100 + 1 = 101 > 100 → PORTS
    ['100 reserved tcp + 1 = 101 → PORTS', { staticPortsInUse: range(1000, 95).map((p) => staticPort(p)) }, [staticPort(80)], REJECT_PORTS],
    // the cap is per protocol: 100 tcp reserved, 0 udp
    ['100 reserved tcp, static udp 80 → fits', { staticPortsInUse: range(1000, 95).map((p) => staticPort(p)) }, [staticPort(80, 'udp')], [(1 << 16) | 80]],
    // the task's own earlier static ports count: 99 + 1 = 100 for 80, 99 + 1 + 1 = 101 for 81
    ['99 reserved, a task with two static ports → PORTS', { staticPortsInUse: range(1000, 94).map((p) => staticPort(p)) }, [staticPort(80), staticPort(81)], REJECT_PORTS],
    // dynamic ports do not count toward the 100
    ['100 reserved tcp, a dynamic port → 49153', { staticPortsInUse: range(1000, 95).map((p) => staticPort(p)) }, [dynamicPort()], [49153]],
    ['dynamic: lowest free in 49153–65535', { dynamicPortsInUse: [staticPort(49153), staticPort(49155)] }, [dynamicPort()], [49154]],
    // 51678 and 51679 are reserved by default and lie inside the range
    ['dynamic in [51678, 51681]: 51678–51679 reserved → 51680', { ephemeralFirst: 51678, ephemeralLast: 51681 }, [dynamicPort()], [51680]],
    ['dynamic range exhausted: [51678, 51679] both reserved → PORTS', { ephemeralFirst: 51678, ephemeralLast: 51679 }, [dynamicPort()], REJECT_PORTS],
    ['two dynamic mappings see each other → 49153, 49154', {}, [dynamicPort(), dynamicPort()], [49153, 49154]],
    ['static 49153 then dynamic → the dynamic one skips it', {}, [staticPort(49153), dynamicPort()], [49153, 49154]],
    ['the same static port twice in one task → PORTS', {}, [staticPort(80), staticPort(80)], REJECT_PORTS],
    ['a one-port range taken by the task\'s first mapping → PORTS', { ephemeralFirst: 50000, ephemeralLast: 50000 }, [dynamicPort(), dynamicPort()], REJECT_PORTS],
    ['udp 53 beside tcp 53 → fits', { staticPortsInUse: [staticPort(53)] }, [staticPort(53, 'udp')], [(1 << 16) | 53]],
    ['dynamic udp ignores tcp 49153 in use → udp 49153', { dynamicPortsInUse: [staticPort(49153)] }, [dynamicPort('udp')], [(1 << 16) | 49153]],
    ['udp 53 in use → static udp 53 fails', { staticPortsInUse: [staticPort(53, 'udp')] }, [staticPort(53, 'udp')], REJECT_PORTS],
  ])('%s', (_, spec, ports, expected) => {
    const out = place(aPlacementProblem().withInstance(spec).withTask({ ports }));
    if (Array.isArray(expected)) expect([out.placed, list(out.assignedPorts)]).toEqual([1, expected]);
    else expect([out.placed, list(out.rejectCode)]).toEqual([0, [expected]]);
  });

  it('placed ports are used by the next task of the batch: dynamic 49153, then 49154; assignedPorts t*P + p', () => {
    const out = place(aPlacementProblem().withInstance().withTask({ ports: [staticPort(8080, 'udp'), dynamicPort()] })
      .withCount(2));
    // task 2 on the same instance: udp 8080 is now used → PORTS; only 1 placed
    expect([out.placed, list(out.assignedPorts), list(out.rejectCode)]).toEqual([1, [(1 << 16) | 8080, 49153], [REJECT_PORTS]]);
    const dyn = place(aPlacementProblem().withInstance().withTask({ ports: [dynamicPort(), dynamicPort()] }).withCount(2));
    // P = 2: task 0 at [0, 2), task 1 at [2, 4)
    expect([dyn.placed, list(dyn.assignedPorts)]).toEqual([2, [49153, 49154, 49155, 49156]]);
  });

  it('a static port goes to another instance once taken: 2 instances, binpack(cpu) on equal CPU after the first', () => {
    const out = place(aPlacementProblem().withInstance({ cpu: 1024 }).withInstance({ cpu: 2048 })
      .withTask({ ports: [staticPort(80)] }).withStrategy(binpack('cpu')).withCount(3));
    // task 1 → i0 (1024 < 2048); task 2: i0 PORTS → i1; task 3: both PORTS → fails
    expect([list(out.assignments), list(out.rejectCode)]).toEqual([[0, 1], [REJECT_PORTS, REJECT_PORTS]]);
    expect(out.closestMatch).toBe(0);
  });
});

describe('literal placement core: ENIs (4.6)', () => {
  it('an awsvpc task takes one ENI: 1 free → the second task fails with ENI', () => {
    const out = place(aPlacementProblem().withInstance({ eniFree: 1 }).withTask({ needsEni: true }).withCount(2));
    expect([out.placed, list(out.rejectCode)]).toEqual([1, [REJECT_ENI]]);
  });
  it('a task that needs no ENI ignores eniFree 0', () => {
    expect(place(aPlacementProblem().withInstance({ eniFree: 0 }).withCount(2)).placed).toBe(2);
  });
});

describe('literal placement core: distinctInstance (4.9)', () => {
  it('one task per instance: 3 instances, 4 tasks → 3 placed, then every instance DISTINCT_INSTANCE (constraint 0)', () => {
    const out = place(aPlacementProblem().withInstances(3).withConstraint(distinctInstance()).withCount(4));
    expect(out.placed).toBe(3);
    expect([...out.assignments].sort()).toEqual([0, 1, 2]);
    expect([list(out.rejectCode), list(out.rejectConstraint), out.closestMatch])
      .toEqual([[8, 8, 8].map(() => REJECT_DISTINCT_INSTANCE), [0, 0, 0], 0]);
  });
  it('stopping tasks of the group still count: i0 has one stopping task → i1', () => {
    const out = place(aPlacementProblem().withInstance({ stoppingGroupTasks: 1 }).withInstance().withConstraint(distinctInstance()));
    expect([list(out.assignments), list(out.rejectCode)]).toEqual([[1], [REJECT_DISTINCT_INSTANCE, REJECT_NONE]]);
  });
});

describe('literal placement core: memberOf programs (5)', () => {
  it('task:group == service:web (the batch\'s own group) as anti-affinity: counts rise as the batch places', () => {
    const out = place(aPlacementProblem().withInstances(2).withConstraint(memberOf(not(groupAny('service:web')))).withCount(3));
    // task 1 and 2 land on different instances; task 3 finds service:web on both
    expect([out.placed, list(out.rejectCode), list(out.rejectConstraint)]).toEqual([2, [REJECT_MEMBER_OF, REJECT_MEMBER_OF], [0, 0]]);
  });
  it('another group\'s counts do not rise: not(service:db) keeps both instances', () => {
    const out = place(aPlacementProblem().withInstances(2).withConstraint(memberOf(not(groupAny('service:db')))).withCount(3));
    expect(out.placed).toBe(3);
  });
  it('affinity with the own group: only i1 hosts service:web → every task goes to i1 despite spread(instanceId)', () => {
    const out = place(aPlacementProblem().withInstance().withInstance({ groupTasks: 1 }).withInstance()
      .withConstraint(memberOf(groupAny('service:web'))).withStrategy(spread('instanceId')).withCount(3));
    expect(list(out.assignments)).toEqual([1, 1, 1]);
  });
  it('task:group exists (any group) rises too: not(exists) allows one task per empty instance', () => {
    const out = place(aPlacementProblem().withInstance({ otherGroups: { 'service:db': 1 } }).withInstances(2)
      .withConstraint(memberOf(not(anyTask()))).withCount(3));
    expect([out.placed, list(out.rejectCode)]).toEqual([2, [REJECT_MEMBER_OF, REJECT_MEMBER_OF, REJECT_MEMBER_OF]]);
    expect([...out.assignments].sort()).toEqual([1, 2]);
  });
  it('leaf columns and constants: leaf(0) and not(leaf(1)) and true', () => {
    const out = place(aPlacementProblem().withInstance({ leaves: [0, 1] }).withInstance({ leaves: [1] }).withInstance({ leaves: [0] })
      .withConstraint(memberOf(and(leaf(0), not(leaf(1)), always(true)))));
    expect([list(out.assignments), list(out.rejectCode)]).toEqual([[2], [REJECT_MEMBER_OF, REJECT_MEMBER_OF, REJECT_NONE]]);
  });
  it('task-definition then service constraints: the first failing one is reported', () => {
    const out = place(aPlacementProblem().withInstance({ leaves: [0] })
      .withConstraint(memberOf(leaf(0))).withConstraint(memberOf(leaf(1))).withConstraint(memberOf(always(false))));
    expect([list(out.rejectCode), list(out.rejectConstraint)]).toEqual([[REJECT_MEMBER_OF], [1]]);
  });
});

describe('literal placement core: strategies (6)', () => {
  it('spread(instanceId): the instance with the fewest tasks of the group, counts 2, 0, 1 → i1', () => {
    const out = place(aPlacementProblem().withInstance({ groupTasks: 2 }).withInstance().withInstance({ groupTasks: 1 })
      .withStrategy(spread('instanceId')));
    expect(list(out.assignments)).toEqual([1]);
    expect(list(out.random)).toEqual(stream());
  });
  it('spread(az), 6.4 example: a = 2, b = 1, c = 1 with no candidate in c → b', () => {
    const out = place(aPlacementProblem()
      .withInstance({ az: 'a', groupTasks: 2 })
      .withInstance({ az: 'b', groupTasks: 1 })
      .withInstance({ az: 'c', groupTasks: 1, cpu: 0 }) // c's only instance fails CPU: c cannot win
      .withStrategy(spread('az')));
    expect([list(out.assignments), list(out.random)]).toEqual([[1], stream()]);
  });
  it('spread counts tasks on non-candidates and DRAINING instances: b = 0 + 2 (draining) > a = 1 → a', () => {
    const out = place(aPlacementProblem().withInstance({ az: 'a', groupTasks: 1 }).withInstance({ az: 'b' })
      .withInstance({ az: 'b', groupTasks: 2, draining: true }).withStrategy(spread('az')));
    expect(list(out.assignments)).toEqual([0]);
  });
  it('spread on a missing attribute: the instances without it form one bucket (missing = 0 + 2 = 2 > a = 0 → i0)', () => {
    const out = place(aPlacementProblem().withInstance({ az: 'a' }).withInstance({ groupTasks: 2 }).withInstance()
      .withStrategy(spread('az')));
    expect(list(out.assignments)).toEqual([0]);
    const missingWins = place(aPlacementProblem().withInstance({ az: 'a', groupTasks: 1 }).withInstance().withStrategy(spread('az')));
    // a = 1 > missing = 0 → i1
    expect(list(missingWins.assignments)).toEqual([1]);
  });
  it('spread counts rise within the batch: az a, a, b with no tasks, spread(az) then binpack(cpu), 3 tasks', () => {
    const out = place(aPlacementProblem().withInstance({ az: 'a', cpu: 1024 }).withInstance({ az: 'a', cpu: 512 })
      .withInstance({ az: 'b', cpu: 4096 }).withStrategy(spread('az')).withStrategy(binpack('cpu')).withCount(3));
    // t1: a = b = 0 → all; binpack cpu 1024, 512, 4096 → i1. t2: a = 1, b = 0 → i2.
    // t3: a = b = 1 → all; cpu 1024, 512 − 256 = 256, 4096 − 256 = 3840 → i1
    expect(list(out.assignments)).toEqual([1, 2, 1]);
    expect(list(out.random)).toEqual(stream());
  });
  it.each([
    ['cpu', [1024, 512, 2048], [3900, 3900, 3900], 1],
    ['memory', [2048, 2048, 2048], [1024, 4096, 768], 2],
  ] as const)('binpack(%s): the least remaining wins', (field, cpu, memory, chosen) => {
    const b = aPlacementProblem().withStrategy(binpack(field));
    cpu.forEach((c, i) => b.withInstance({ cpu: c, memory: memory[i] }));
    expect(list(place(b).assignments)).toEqual([chosen]);
  });
  it('binpack ties survive to the next strategy: memory 512, 512, 1024 then cpu 2048, 1024, 256 → i1', () => {
    const out = place(aPlacementProblem().withInstance({ memory: 512, cpu: 2048 }).withInstance({ memory: 512, cpu: 1024 })
      .withInstance({ memory: 1024, cpu: 256 }).withStrategy(binpack('memory')).withStrategy(binpack('cpu')));
    expect(list(out.assignments)).toEqual([1]);
  });
  it('random ends the chain: one draw among 3, and binpack after it has no effect', () => {
    const out = place(aPlacementProblem().withInstance({ memory: 4096 }).withInstance({ memory: 1024 }).withInstance({ memory: 2048 })
      .withStrategy(random()).withStrategy(binpack('memory')).withSeed(7));
    const expected = stream(7);
    const r = uniformInt(expected, 3); // exactly one draw: no final tie-break after random
    expect(list(out.assignments)).toEqual([r]);
    expect(list(out.random)).toEqual(expected);
  });
  it('random with a single candidate draws nothing', () => {
    const out = place(aPlacementProblem().withInstance({ cpu: 0 }).withInstance().withStrategy(random()));
    expect([list(out.assignments), list(out.random)]).toEqual([[1], stream()]);
  });
});

describe('literal placement core: the final tie-break (6.6, 3.3)', () => {
  it.each([1, 2, 3, 42, 0xdeadbeef])('seed %i: 4 tied instances, 3 tasks: one uniformInt(4) per task, the r-th in index order', (seed) => {
    const out = place(aPlacementProblem().withInstances(4).withCount(3).withSeed(seed));
    const expected = stream(seed);
    const picks = [uniformInt(expected, 4), uniformInt(expected, 4), uniformInt(expected, 4)];
    expect(list(out.assignments)).toEqual(picks);
    expect(list(out.random)).toEqual(expected);
  });
  it('the tie is among the instances left by the chain, in index order: spread leaves {i1, i3}', () => {
    const out = place(aPlacementProblem().withInstance({ groupTasks: 1 }).withInstance().withInstance({ groupTasks: 1 }).withInstance()
      .withStrategy(spread('instanceId')).withSeed(5));
    const expected = stream(5);
    expect(list(out.assignments)).toEqual([[1, 3][uniformInt(expected, 2)]]);
    expect(list(out.random)).toEqual(expected);
  });
  it('one candidate: no draw (the stream is returned unchanged)', () => {
    const out = place(aPlacementProblem().withInstance({ cpu: 0 }).withInstance().withInstance({ draining: true }).withCount(1));
    expect(list(out.random)).toEqual(stream());
  });
  it('a given stream state is used as is (withRandom)', () => {
    const state: RandomState = [1, 2, 3, 4];
    const out = place(aPlacementProblem().withInstances(3).withRandom(state));
    const expected: RandomState = [1, 2, 3, 4];
    expect(list(out.assignments)).toEqual([uniformInt(expected, 3)]);
    expect(list(out.random)).toEqual(expected);
  });
});

describe('literal placement core: stopping and the explanation (contract 2 and 5)', () => {
  it('stops at the first failure: 768 CPU, 256 per task, 5 tasks → 3 placed, the 4th explains (CPU, closest i0)', () => {
    const out = place(aPlacementProblem().withInstance({ cpu: 768 }).withTask({ cpu: 256 }).withCount(5));
    expect([list(out.assignments), out.placed, list(out.rejectCode), out.closestMatch]).toEqual([[0, 0, 0], 3, [REJECT_CPU], 0]);
  });
  it('later tasks are not attempted after a failure: no draws after it', () => {
    // t1 and t2 tie between i0 and i1 (draws); distinctInstance makes t3 fail; t4, t5 never run
    const out = place(aPlacementProblem().withInstances(2).withConstraint(distinctInstance()).withCount(5).withSeed(9));
    const expected = stream(9);
    const first = uniformInt(expected, 2); // t2 has one candidate left: no draw
    expect(list(out.assignments)).toEqual([first, 1 - first]);
    expect(list(out.random)).toEqual(expected);
  });
  it('every task placed: the first task\'s vector on the input state, closestMatch -1', () => {
    // i0 fits one 512-CPU task; after t1 it would fail CPU, but the explanation is t1's
    const out = place(aPlacementProblem().withInstance({ cpu: 512 }).withInstance({ cpu: 0 }).withInstance({ draining: true })
      .withTask({ cpu: 256 }).withCount(2));
    expect([out.placed, list(out.rejectCode), list(out.rejectConstraint), out.closestMatch])
      .toEqual([2, [REJECT_NONE, REJECT_CPU, REJECT_DRAINING], [-1, -1, -1], -1]);
  });
  it('count 0: nothing placed, the vector of the would-be first task; closest match only if no candidate', () => {
    const fits = place(aPlacementProblem().withInstance({ cpu: 0 }).withInstance().withCount(0));
    expect([fits.placed, list(fits.rejectCode), fits.closestMatch, list(fits.random)]).toEqual([0, [REJECT_CPU, REJECT_NONE], -1, stream()]);
    const none = place(aPlacementProblem().withInstance({ cpu: 0 }).withInstance({ agentConnected: false }).withCount(0));
    expect([none.placed, list(none.rejectCode), none.closestMatch]).toEqual([0, [REJECT_CPU, REJECT_AGENT], 1]);
  });
  it('a later failure explains itself: t2 fails MEMORY on i0 after t1 took 512 of 768', () => {
    const out = place(aPlacementProblem().withInstance({ memory: 768 }).withInstance({ draining: true }).withTask({ memory: 512 }).withCount(2));
    expect([out.placed, list(out.rejectCode), out.closestMatch]).toEqual([1, [REJECT_MEMORY, REJECT_DRAINING], 0]);
  });
});

function range(first: number, n: number): number[] {
  return Array.from({ length: n }, (_, k) => first + k);
}

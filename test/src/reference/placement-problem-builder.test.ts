// The test builder itself (test/builders/placement-problem.ts): what it interns and defaults, so the
// cores' tests can trust the problems they are given.
import { describe, expect, it } from 'vitest';
import {
  BINPACK_MEMORY, CONSTRAINT_DISTINCT_INSTANCE, CONSTRAINT_MEMBER_OF, INSTANCE_ACTIVE, INSTANCE_DRAINING, OP_AND, OP_GROUP_ANY,
  OP_LEAF, OP_NOT, STRATEGY_BINPACK, STRATEGY_RANDOM, STRATEGY_SPREAD,
} from '../../../src/placement/placement-codes.ts';
import { seedStreams } from '../../../src/shared/xoshiro128.ts';
import {
  aPlacementProblem, aScaleInProblem, and, binpack, distinctInstance, dynamicPort, groupAny, leaf, memberOf, not, random, spread,
  staticPort,
} from '../../builders/placement-problem.ts';

const list = (a: ArrayLike<number>) => Array.from(a);

describe('aPlacementProblem', () => {
  it('the example of the brief: 3 instances in az a, spread(az) then binpack(memory), 2 tasks', () => {
    const p = aPlacementProblem().withInstances(3, { cpu: 2048, memory: 3900, az: 'a' }).withTask({ cpu: 256, memory: 512 })
      .withStrategy(spread('az')).withStrategy(binpack('memory')).withCount(2).build();
    expect([p.instanceCount, list(p.cpuFree), list(p.memoryFree), p.taskCpu, p.taskMemory, p.count])
      .toEqual([3, [2048, 2048, 2048], [3900, 3900, 3900], 256, 512, 2]);
    expect([list(p.strategyType), list(p.strategyField)]).toEqual([[STRATEGY_SPREAD, STRATEGY_BINPACK], [0, BINPACK_MEMORY]]);
    expect([list(p.spreadKeys), list(p.spreadKeyCount)]).toEqual([[0, 0, 0], [1]]);
    expect(list(p.random)).toEqual(seedStreams(1).placement);
  });

  it('interns one spread row per field; the missing value is a key of its own; instanceId keys every instance', () => {
    const p = aPlacementProblem().withInstance({ az: 'b' }).withInstance().withInstance({ az: 'a' }).withInstance({ az: 'b' })
      .withStrategy(spread('az')).withStrategy(spread('instanceId')).withStrategy(spread('az')).withStrategy(random()).build();
    // row 0 (az): b → 0, missing → 1, a → 2; row 1 (instanceId): 0..3
    expect(list(p.spreadKeys)).toEqual([0, 1, 2, 0, 0, 1, 2, 3]);
    expect(list(p.spreadKeyCount)).toEqual([3, 4]);
    expect([list(p.strategyType), list(p.strategyField)]).toEqual([[STRATEGY_SPREAD, STRATEGY_SPREAD, STRATEGY_SPREAD, STRATEGY_RANDOM], [0, 1, 0, 0]]);
  });

  it('ports: default reserved tcp 22, 2375, 2376, 51678, 51679 in a sorted CSR; static ports in use count as reserved', () => {
    const p = aPlacementProblem().withInstance({ staticPortsInUse: [staticPort(80), staticPort(53, 'udp')], dynamicPortsInUse: [staticPort(49153)] })
      .withInstance({ reservedTcpPorts: [] }).withTask({ ports: [staticPort(80), dynamicPort('udp')] }).build();
    expect(list(p.usedPortsStart)).toEqual([0, 8, 8]);
    expect(list(p.usedPorts)).toEqual([22, 80, 2375, 2376, 49153, 51678, 51679, (1 << 16) | 53]);
    expect([list(p.reservedTcpCount), list(p.reservedUdpCount)]).toEqual([[6, 0], [1, 0]]);
    expect([list(p.ephemeralFirst), list(p.ephemeralLast)]).toEqual([[49153, 49153], [65535, 65535]]);
    expect(list(p.taskPortMappings)).toEqual([80, 1 << 16]);
  });

  it('constraints compile to postfix pairs; groups are interned in order of reference; the batch group is marked', () => {
    const p = aPlacementProblem().withInstance({ leaves: [1], groupTasks: 2, stoppingGroupTasks: 1, otherGroups: { 'service:db': 4 } })
      .withInstance({ draining: true })
      .withConstraint(memberOf(and(leaf(1), not(groupAny('service:db')), groupAny('service:web')))).withConstraint(distinctInstance())
      .build();
    expect(list(p.constraintKind)).toEqual([CONSTRAINT_MEMBER_OF, CONSTRAINT_DISTINCT_INSTANCE]);
    expect(list(p.programOps)).toEqual([OP_LEAF, 1, OP_GROUP_ANY, 0, OP_NOT, 0, OP_AND, 0, OP_GROUP_ANY, 1, OP_AND, 0]);
    expect(list(p.programStart)).toEqual([0, 12, 12]);
    expect([p.leafCount, list(p.leafBits)]).toEqual([2, [0, 0, 1, 0]]);
    // group 0 = service:db, group 1 = service:web (the batch's): live = 2 + 1 stopping
    expect([p.referencedGroupCount, list(p.groupLiveByGroup), p.batchGroupIndex]).toEqual([2, [4, 0, 3, 0], 1]);
    expect([list(p.groupActive), list(p.groupLive), list(p.liveTasks)]).toEqual([[2, 0], [3, 0], [7, 0]]);
    expect(list(p.instanceState)).toEqual([INSTANCE_ACTIVE, INSTANCE_DRAINING]);
  });

  it('the batch group is -1 when no program references it', () => {
    expect(aPlacementProblem().withInstance().withConstraint(memberOf(groupAny('service:db'))).build().batchGroupIndex).toBe(-1);
  });
});

describe('aScaleInProblem', () => {
  it('ranks: createdAt densely (equal times share), taskOrder by (createdAt, id); groupActive from the tasks declared', () => {
    const p = aScaleInProblem().withInstances(2)
      .withTask({ instance: 1, createdAt: 5, id: 'b' }).withTask({ instance: 0, createdAt: 2 }).withTask({ instance: 0, createdAt: 5, id: 'a' })
      .build();
    expect(list(p.taskCreatedRank)).toEqual([1, 0, 1]);
    expect(list(p.taskOrder)).toEqual([2, 0, 1]);
    expect(list(p.groupActive)).toEqual([2, 1]);
    expect(list(p.taskInstance)).toEqual([1, 0, 0]);
  });
});

import { describe, expect, it } from 'vitest';
import { aSandbox, type TestSandbox } from '../../../builders/sandbox.ts';
import { aTask, addTasks } from '../../../builders/tasks.ts';
import { aTaskDefinition, anInstance, SUBNET, withSubnets } from '../../../builders/placement.ts';
import { regionState } from '../../../../src/domain/new-document.ts';
import { ERA_2018 } from '../../../../src/engine/era.ts';
import { buildPlacementProblem, type PlacementSettings } from '../../../../src/engine/placement/build-placement-problem.ts';
import { literalPlacementCore } from '../../../../src/reference/literal-placement-core.ts';
import {
  BINPACK_MEMORY, CONSTRAINT_DISTINCT_INSTANCE, CONSTRAINT_MEMBER_OF, INSTANCE_ACTIVE, INSTANCE_DRAINING,
  OP_GROUP_ANY, OP_LEAF, OP_NOT, STRATEGY_BINPACK, STRATEGY_RANDOM, STRATEGY_SPREAD,
} from '../../../../src/placement/placement-codes.ts';

const state = (s: TestSandbox) => regionState(s.api.document, 'us-east-1');

function build(s: TestSandbox, family: string, settings: Partial<PlacementSettings> = {}) {
  const definition = state(s).taskDefinitions.find((d) => d.definition.family === family)!.definition;
  return buildPlacementProblem(state(s), {
    clusterName: 'default', taskDefinition: definition, group: `family:${family}`, constraints: [], strategies: [],
    emptyStrategies: 'service-default', count: 1, random: [1, 2, 3, 4], era: ERA_2018, ...settings,
  });
}

describe('buildPlacementProblem (contract; semantics 4, 6)', () => {
  it('instances: ACTIVE and DRAINING in registration order, INACTIVE and other clusters left out', () => {
    const s = aSandbox();
    s.ecs('CreateCluster', { clusterName: 'other' });
    const a = anInstance(s);
    const gone = anInstance(s);
    anInstance(s, { cluster: 'other' });
    const d = anInstance(s);
    s.ecs('DeregisterContainerInstance', { containerInstance: gone.id });
    s.ecs('UpdateContainerInstancesState', { containerInstances: [d.id], status: 'DRAINING' });
    aTaskDefinition(s, 'web');
    const { problem, instances } = build(s, 'web');
    expect(instances.map((i) => i.id)).toEqual([a.id, d.id]);
    expect([...problem.instanceState]).toEqual([INSTANCE_ACTIVE, INSTANCE_DRAINING]);
    expect([...problem.agentConnected]).toEqual([1, 1]);
  });

  it('free CPU and memory: registered minus every live task, the arithmetic of remainingResources (4.3, 4.4)', () => {
    const s = aSandbox();
    const i = anInstance(s, { cpu: 2048, memory: 3000 });
    aTaskDefinition(s, 'web', { cpu: 100, memory: 300, memoryReservation: 200 });
    const held = aTaskDefinition(s, 'held', { cpu: 512, memory: 700 });
    addTasks(s, [
      aTask('0cc43cdb-3bee-4407-9c26-c0e6ea5bee84', held).onInstance(i.id),
      aTask('6b809ef6-c67e-4467-921f-ee261c15a0a1', held).onInstance(i.id).withStatus('RUNNING', 'STOPPED'), // stopping: still held
      aTask('c5cba4eb-5dad-405e-96db-71ef8eefe6a8', held).onInstance(i.id).withStatus('STOPPED'), // released
    ]);
    const { problem } = build(s, 'web');
    // 2048 − 2 × 512; 3000 − 2 × 700
    expect([problem.cpuFree[0], problem.memoryFree[0]]).toEqual([1024, 1600]);
    // the task needs its containers' cpu and memoryReservation (4.4)
    expect([problem.taskCpu, problem.taskMemory]).toEqual([100, 200]);
    const remaining = s.ecs('DescribeContainerInstances', { containerInstances: [i.id] }).containerInstances[0].remainingResources;
    expect(remaining.slice(0, 2).map((r: { integerValue: number }) => r.integerValue)).toEqual([1024, 1600]);
  });

  it('ports: the registered reserved ports and the live tasks\' host ports; reserved counts per protocol (4.5)', () => {
    const s = aSandbox();
    const i = anInstance(s);
    aTaskDefinition(s, 'web', { portMappings: [{ containerPort: 80, hostPort: 80 }, { containerPort: 53, protocol: 'udp' }] });
    const held = aTaskDefinition(s, 'held', { portMappings: [{ containerPort: 8080, hostPort: 8080 }, { containerPort: 9000 }] });
    addTasks(s, [aTask('0cc43cdb-3bee-4407-9c26-c0e6ea5bee84', held).onInstance(i.id).withHostPort('app', 8080, 8080).withHostPort('app', 9000, 49153)]);
    const { problem, mappings } = build(s, 'web');
    const used = [...problem.usedPorts.subarray(problem.usedPortsStart[0], problem.usedPortsStart[1])];
    // 22, 2375, 2376, 51678, 51679 (1.3) + 8080 static + 49153 dynamic, all tcp (protocol 0)
    expect(used).toEqual([22, 2375, 2376, 8080, 49153, 51678, 51679]);
    expect([problem.reservedTcpCount[0], problem.reservedUdpCount[0]]).toEqual([6, 0]);
    expect([...problem.taskPortMappings]).toEqual([80, (1 << 16) | 0]);
    expect(mappings).toEqual([
      { containerName: 'app', containerPort: 80, protocol: 'tcp', hostPort: 80 },
      { containerName: 'app', containerPort: 53, protocol: 'udp', hostPort: 0 },
    ]);
    expect([problem.ephemeralFirst[0], problem.ephemeralLast[0]]).toEqual([49153, 65535]);
  });

  it('ENIs and attributes for awsvpc: limit − 1 − live awsvpc tasks; task-eni and the subnet (4.6, 4.7)', () => {
    const s = aSandbox();
    withSubnets(s);
    const inA = anInstance(s, { type: 'c5.xlarge', az: 'us-east-1a' });
    const inB = anInstance(s, { type: 'c5.large', az: 'us-east-1b' });
    const noEni = anInstance(s, { az: 'us-east-1a', attributes: [{ name: 'ecs.capability.docker-remote-api.1.17' }] });
    const vpc = aTaskDefinition(s, 'vpc', {}, { networkMode: 'awsvpc' });
    addTasks(s, [aTask('0cc43cdb-3bee-4407-9c26-c0e6ea5bee84', vpc).onInstance(inA.id)
      .withEni({ subnetId: SUBNET.a, privateIpv4Address: '10.0.1.4', attachmentId: 'c5cba4eb-5dad-405e-96db-71ef8eefe6a8' })]);
    const { problem } = build(s, 'vpc', { subnets: [SUBNET.a] });
    // c5.xlarge: 4 − 1 − 1 live; c5.large: 3 − 1
    expect([problem.eniFree[0], problem.eniFree[1]]).toEqual([2, 2]);
    expect(problem.taskNeedsEni).toBe(1);
    expect(problem.taskPortMappings).toHaveLength(0);
    // inB is in subnet b, not among [a]; noEni's attribute list lacks ecs.capability.task-eni
    expect([...problem.attributesOk]).toEqual([1, 0, 0]);
    void inB; void noEni;
  });

  it('requiresAttributes with a value must match the value (4.7)', () => {
    const s = aSandbox();
    anInstance(s, { attributes: [{ name: 'stack', value: 'prod' }] });
    anInstance(s, { attributes: [{ name: 'stack', value: 'dev' }] });
    aTaskDefinition(s, 'web');
    const definition = state(s).taskDefinitions[0].definition;
    const { problem } = buildPlacementProblem(state(s), {
      clusterName: 'default', taskDefinition: { ...definition, requiresAttributes: [{ name: 'stack', value: 'prod' }] }, group: 'g',
      constraints: [], strategies: [], emptyStrategies: 'random', count: 1, random: [1, 2, 3, 4], era: ERA_2018,
    });
    expect([...problem.attributesOk]).toEqual([1, 0]);
  });

  it('group counts: spread counts active tasks, distinctInstance and task:group count live ones (6.4, D15)', () => {
    const s = aSandbox();
    const i = anInstance(s);
    const j = anInstance(s);
    const web = aTaskDefinition(s, 'web');
    const other = aTaskDefinition(s, 'other');
    addTasks(s, [
      aTask('0cc43cdb-3bee-4407-9c26-c0e6ea5bee84', web).onInstance(i.id),
      aTask('6b809ef6-c67e-4467-921f-ee261c15a0a1', web).onInstance(i.id).withStatus('PENDING'),
      aTask('c5cba4eb-5dad-405e-96db-71ef8eefe6a8', web).onInstance(i.id).withStatus('RUNNING', 'STOPPED'),
      aTask('11111111-1111-4111-8111-111111111111', other).onInstance(j.id),
    ]);
    const { problem } = build(s, 'web');
    expect([...problem.groupActive]).toEqual([2, 0]);
    expect([...problem.groupLive]).toEqual([3, 0]);
    expect([...problem.liveTasks]).toEqual([3, 1]);
  });

  it('strategies: an empty list is 6.7 for services and random for RunTask; spread rows intern keys with a missing bucket', () => {
    const s = aSandbox();
    anInstance(s, { az: 'us-east-1a', attributes: [{ name: 'rack', value: 'r2' }] });
    anInstance(s, { az: 'us-east-1b' });
    anInstance(s, { az: 'us-east-1a', attributes: [{ name: 'rack', value: 'r1' }] });
    aTaskDefinition(s, 'web');
    const service = build(s, 'web').problem;
    expect([...service.strategyType]).toEqual([STRATEGY_SPREAD, STRATEGY_SPREAD]);
    expect([...service.strategyField]).toEqual([0, 1]);
    // row 0: AZ a = 0, b = 1; row 1: one key per instance
    expect([...service.spreadKeys]).toEqual([0, 1, 0, 0, 1, 2]);
    expect([...service.spreadKeyCount]).toEqual([2, 3]);
    expect([...build(s, 'web', { emptyStrategies: 'random' }).problem.strategyType]).toEqual([STRATEGY_RANDOM]);
    const racks = build(s, 'web', { strategies: [{ type: 'spread', field: 'attribute:rack' }, { type: 'binpack', field: 'memory' }] }).problem;
    // r2 = 0, missing = 1, r1 = 2 (6.4: the missing bucket competes like a value)
    expect([...racks.spreadKeys]).toEqual([0, 1, 2]);
    expect([...racks.strategyType]).toEqual([STRATEGY_SPREAD, STRATEGY_BINPACK]);
    expect(racks.strategyField[1]).toBe(BINPACK_MEMORY);
  });

  it('constraints: the task definition\'s before the request\'s; memberOf compiled, task:group symbolic (4.9, 5.4)', () => {
    const s = aSandbox();
    const i = anInstance(s, { type: 't2.micro' });
    anInstance(s, { type: 'c5.large' });
    const db = aTaskDefinition(s, 'db');
    aTaskDefinition(s, 'web', {}, { placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t2.*' }] });
    addTasks(s, [aTask('0cc43cdb-3bee-4407-9c26-c0e6ea5bee84', db).onInstance(i.id)]);
    const { problem, constraints } = build(s, 'web', {
      constraints: [{ type: 'distinctInstance' }, { type: 'memberOf', expression: 'task:group != family:db' }],
    });
    expect(constraints.map((c) => c.type)).toEqual(['memberOf', 'distinctInstance', 'memberOf']);
    expect([...problem.constraintKind]).toEqual([CONSTRAINT_MEMBER_OF, CONSTRAINT_DISTINCT_INSTANCE, CONSTRAINT_MEMBER_OF]);
    expect([...problem.programStart]).toEqual([0, 2, 2, 6]);
    expect([...problem.programOps]).toEqual([OP_LEAF, 0, OP_GROUP_ANY, 0, OP_NOT, 0]);
    expect([...problem.leafBits]).toEqual([1, 0]);
    expect([...problem.groupLiveByGroup]).toEqual([1, 0]);
    expect(problem.batchGroupIndex).toBe(-1);
  });

  it('6.7 in action: spread over AZs, then instances; 3 tasks on 2 + 1 instances land one per instance, whatever the draws', () => {
    const s = aSandbox();
    anInstance(s, { az: 'us-east-1a' });
    anInstance(s, { az: 'us-east-1a' });
    anInstance(s, { az: 'us-east-1b' });
    aTaskDefinition(s, 'web');
    for (const seed of [[1, 2, 3, 4], [9, 8, 7, 6], [5, 5, 5, 5]] as [number, number, number, number][]) {
      const result = literalPlacementCore.placeTasks(build(s, 'web', { count: 3, random: seed }).problem);
      expect([...result.assignments].sort()).toEqual([0, 1, 2]);
    }
  });
});

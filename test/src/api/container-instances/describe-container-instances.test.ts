import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';
import { addTaskDefinition, instanceArnOf, registerInstance } from '../../../builders/container-instances.ts';
import { aTask, addTasks } from '../../../builders/tasks.ts';

const int = (name: string, integerValue: number) => ({ name, type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue });
const set = (name: string, stringSetValue: string[]) =>
  ({ name, type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue });

describe('DescribeContainerInstances', () => {
  it('replays EX18 "To describe container instance" (account 012345678910 → the document\'s)', () => {
    const s = aSandbox();
    // EX18's instance: i-807f3249 with 2048 CPU, 3768 MiB and the four ports its agent reserved
    const ci = registerInstance(s, {
      instanceId: 'i-807f3249',
      totalResources: [
        { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
        { name: 'MEMORY', type: 'INTEGER', integerValue: 3768 },
        { name: 'PORTS', type: 'STRINGSET', stringSetValue: ['2376', '22', '51678', '2375'] },
      ],
    });
    // one RUNNING task holding 100 CPU, 100 MiB and host port 80
    const td = addTaskDefinition(s, 'web', [{ name: 'web', cpu: 100, memory: 100 }]);
    addTasks(s, [aTask('t1', td).onInstance(ci.id).withHostPort('web', 80, 80)]);
    const out = s.ecs('DescribeContainerInstances', { cluster: 'default', containerInstances: [ci.id] });
    expect(out.failures).toEqual([]);
    const described = out.containerInstances[0];
    expect(described).toMatchObject({
      agentConnected: true,
      containerInstanceArn: instanceArnOf(ci.id),
      ec2InstanceId: 'i-807f3249',
      pendingTasksCount: 0,
      runningTasksCount: 1,
      status: 'ACTIVE',
    });
    // EX18 predates PORTS_UDP (agent 1.13); the other three resources are as it prints them
    expect(described.registeredResources.slice(0, 3)).toEqual([
      int('CPU', 2048), int('MEMORY', 3768), set('PORTS', ['2376', '22', '51678', '2375']),
    ]);
    // 2048 − 100 = 1948 CPU; 3768 − 100 = 3668 MiB; port 80 joins the reserved ports
    const [cpu, memory, ports] = described.remainingResources;
    expect([cpu, memory]).toEqual([int('CPU', 1948), int('MEMORY', 3668)]);
    expect(new Set(ports.stringSetValue)).toEqual(new Set(['2376', '22', '80', '51678', '2375']));
  });

  it('subtracts what every live task holds (semantics 4.3–4.5, D7)', () => {
    const s = aSandbox();
    const ci = registerInstance(s, { instanceType: 'c4.xlarge' }); // 4096 CPU, 7480 MiB
    const sized = addTaskDefinition(s, 'sized', [{ name: 'a', cpu: 10, memory: 10 }], { cpu: '1 vCPU', memory: '0.5 GB' });
    const summed = addTaskDefinition(s, 'summed', [
      { name: 'a', cpu: 256, memory: 512, memoryReservation: 128 }, // reservation counts: 128
      { name: 'b', memory: 300 }, //                                   no cpu: 0; memory: 300
    ]);
    addTasks(s, [
      aTask('running', sized).onInstance(ci.id).withHostPort('a', 80, 8080), //                 1024 CPU, 512 MiB, tcp 8080
      aTask('pending', summed).onInstance(ci.id).withStatus('PENDING').withHostPort('a', 53, 53, 'udp'), // 256, 428
      aTask('stopping', summed).onInstance(ci.id).withStatus('RUNNING', 'STOPPED').withHostPort('b', 80, 49153), // 256, 428
      aTask('stopped', sized).onInstance(ci.id).withStatus('STOPPED').withHostPort('a', 80, 9090), // holds nothing
      aTask('elsewhere', sized).onInstance('another-instance'),
    ]);
    const described = s.ecs('DescribeContainerInstances', { containerInstances: [ci.containerInstanceArn] }).containerInstances[0];
    // CPU: 4096 − 1024 − 256 − 256 = 2560; MEMORY: 7480 − 512 − 428 − 428 = 6112
    expect(described.remainingResources).toEqual([
      int('CPU', 2560),
      int('MEMORY', 6112),
      set('PORTS', ['22', '2375', '2376', '51678', '51679', '8080', '49153']),
      set('PORTS_UDP', ['53']),
    ]);
    expect([described.runningTasksCount, described.pendingTasksCount]).toEqual([2, 1]);
  });

  it('describes INACTIVE instances and reports unknown ones as MISSING, in request order with duplicates', () => {
    const s = aSandbox();
    s.ecs('CreateCluster', { clusterName: 'other' });
    const a = registerInstance(s);
    const b = registerInstance(s, { instanceId: 'i-00000000000000002' });
    const elsewhere = registerInstance(s, { cluster: 'other', instanceId: 'i-00000000000000003' });
    s.ecs('DeregisterContainerInstance', { containerInstance: b.id });
    const otherRegion = 'arn:aws:ecs:eu-west-1:123456789012:container-instance/' + a.id;
    const out = s.ecs('DescribeContainerInstances', {
      containerInstances: [b.containerInstanceArn, 'nope', a.id, elsewhere.id, otherRegion, a.id],
    });
    expect(out.containerInstances.map((c: any) => [c.containerInstanceArn, c.status])).toEqual([
      [b.containerInstanceArn, 'INACTIVE'], [a.containerInstanceArn, 'ACTIVE'], [a.containerInstanceArn, 'ACTIVE'],
    ]);
    expect(out.failures).toEqual([
      { arn: instanceArnOf('nope'), reason: 'MISSING' }, // an id becomes its ARN
      { arn: elsewhere.containerInstanceArn, reason: 'MISSING' }, // instances are cluster-specific
      { arn: otherRegion, reason: 'MISSING' }, // an ARN is echoed
    ]);
  });

  it.each([
    ['an unknown cluster', { cluster: 'ghost', containerInstances: ['x'] }, 'ClusterNotFoundException', 'Cluster not found.'],
    ['no containerInstances member', {}, 'InvalidParameterException', 'containerInstances is required.'],
    ['an empty list', { containerInstances: [] }, 'InvalidParameterException', 'Container instances cannot be empty.'],
    ['101 entries (100 allowed)', { containerInstances: Array.from({ length: 101 }, (_, i) => `id-${i}`) },
      'InvalidParameterException', 'container instance ids can have at most 100 items.'],
  ])('refuses %s', (_, input, code, message) => {
    const e = aSandbox().ecsError('DescribeContainerInstances', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });

  it('accepts exactly 100 entries', () => {
    const out = aSandbox().ecs('DescribeContainerInstances', { containerInstances: Array.from({ length: 100 }, (_, i) => `id-${i}`) });
    expect(out.failures).toHaveLength(100);
  });
});

import { describe, expect, it } from 'vitest';
import { aSandbox, type TestSandbox } from '../../../builders/sandbox.ts';
import {
  aTask, addTasks, clusterArnOf, containerArnOf, containerInstanceArnOf, taskArnOf, taskDefinitionArnOf,
} from '../../../builders/tasks.ts';
import { DEFAULT_START_MS } from '../../../../src/domain/sandbox-document.ts';

const T0 = DEFAULT_START_MS / 1000; // 2018-05-22T00:00:00Z in epoch seconds
const ID = {
  a: '0cc43cdb-3bee-4407-9c26-c0e6ea5bee84',
  b: '6b809ef6-c67e-4467-921f-ee261c15a0a1',
  c: 'c5cba4eb-5dad-405e-96db-71ef8eefe6a8',
};
const WEB = taskDefinitionArnOf('web', 1);
const APP = taskDefinitionArnOf('app', 1);

/** web:1 (bridge): `web` maps 80 static and 443 dynamic, `log` maps nothing; app:1: Fargate 512/1024. */
function withDefinitions(): TestSandbox {
  const s = aSandbox();
  s.ecs('RegisterTaskDefinition', {
    family: 'web',
    containerDefinitions: [
      { name: 'web', image: 'nginx', cpu: 10, memory: 128, memoryReservation: 64,
        portMappings: [{ containerPort: 80, hostPort: 80 }, { containerPort: 443 }] },
      { name: 'log', image: 'busybox', cpu: 20, memory: 256 },
    ],
  });
  s.ecs('RegisterTaskDefinition', {
    family: 'app', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '512', memory: '1 GB',
    containerDefinitions: [{ name: 'app', image: 'app', portMappings: [{ containerPort: 8080 }] }],
  });
  return s;
}

const describeOne = (s: TestSandbox, task: string, cluster?: string) =>
  s.ecs('DescribeTasks', { tasks: [task], ...(cluster ? { cluster } : {}) }).tasks[0];

describe('DescribeTasks: the Task shape (task-view)', () => {
  it('shows a RUNNING bridge task with its containers, bindings and defaults', () => {
    const s = withDefinitions();
    addTasks(s, [aTask(ID.a, WEB).onInstance('f6bbb147-5370-4ace-8c73-c7181ded911f').startedBy('ecs-svc/9223370509854775807')
      .inGroup('service:web').withContainerIds('11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222')
      .withHostPort('web', 80, 80).withHostPort('web', 443, 49153)]);
    expect(s.ecs('DescribeTasks', { tasks: [ID.a] })).toEqual({
      tasks: [{
        taskArn: taskArnOf(ID.a),
        clusterArn: clusterArnOf('default'),
        taskDefinitionArn: WEB,
        containerInstanceArn: containerInstanceArnOf('f6bbb147-5370-4ace-8c73-c7181ded911f'),
        // one {name} per container when the task has no overrides (EX18)
        overrides: { containerOverrides: [{ name: 'web' }, { name: 'log' }] },
        lastStatus: 'RUNNING',
        desiredStatus: 'RUNNING',
        // no task-level sizes: cpu 10 + 20 = 30 (4.3); memory 64 (reservation) + 256 (memory) = 320 (4.4)
        cpu: '30',
        memory: '320',
        containers: [
          {
            containerArn: containerArnOf('11111111-1111-4111-8111-111111111111'), taskArn: taskArnOf(ID.a), name: 'web',
            lastStatus: 'RUNNING', networkInterfaces: [],
            networkBindings: [
              { bindIP: '0.0.0.0', containerPort: 80, hostPort: 80, protocol: 'tcp' },
              { bindIP: '0.0.0.0', containerPort: 443, hostPort: 49153, protocol: 'tcp' },
            ],
          },
          {
            containerArn: containerArnOf('22222222-2222-4222-8222-222222222222'), taskArn: taskArnOf(ID.a), name: 'log',
            lastStatus: 'RUNNING', networkBindings: [], networkInterfaces: [],
          },
        ],
        startedBy: 'ecs-svc/9223370509854775807',
        version: 2,
        createdAt: T0,
        startedAt: T0 + 10, // the builder starts tasks 10 s after creation (3.2)
        group: 'service:web',
        launchType: 'EC2',
        attachments: [],
      }],
      failures: [],
    });
  });

  it('shows a Fargate awsvpc task with its ENI, task-level sizes and platform version', () => {
    const s = withDefinitions();
    addTasks(s, [aTask(ID.b, APP).onFargate('1.1.0').withEni({
      subnetId: 'subnet-a', privateIpv4Address: '10.0.1.5', attachmentId: 'aaaaaaaa-0000-4000-8000-000000000001',
      networkInterfaceId: 'eni-0123456789abcdef0', macAddress: '0e:00:00:00:00:01',
    })]);
    const task = describeOne(s, ID.b);
    expect(task).toMatchObject({
      cpu: '512',
      memory: '1024', // "1 GB" was stored as 1024
      launchType: 'FARGATE',
      platformVersion: '1.1.0',
      attachments: [{
        id: 'aaaaaaaa-0000-4000-8000-000000000001', type: 'ElasticNetworkInterface', status: 'ATTACHED',
        details: [
          { name: 'subnetId', value: 'subnet-a' },
          { name: 'networkInterfaceId', value: 'eni-0123456789abcdef0' },
          { name: 'macAddress', value: '0e:00:00:00:00:01' },
          { name: 'privateIPv4Address', value: '10.0.1.5' },
        ],
      }],
      containers: [{
        name: 'app', networkBindings: [],
        networkInterfaces: [{ attachmentId: 'aaaaaaaa-0000-4000-8000-000000000001', privateIpv4Address: '10.0.1.5' }],
      }],
    });
    expect(task).not.toHaveProperty('containerInstanceArn');
    expect(task.containers[0]).not.toHaveProperty('containerArn');
  });

  it.each([
    // task lastStatus → container lastStatus, ENI attachment status (Decision)
    ['PROVISIONING', 'PENDING', 'ATTACHING'],
    ['PENDING', 'PENDING', 'ATTACHED'],
    ['RUNNING', 'RUNNING', 'ATTACHED'],
    ['DEPROVISIONING', 'STOPPED', 'DETACHING'],
    ['STOPPED', 'STOPPED', 'DELETED'],
  ] as const)('a %s task shows containers %s and its ENI %s', (lastStatus, containerStatus, attachmentStatus) => {
    const s = withDefinitions();
    addTasks(s, [aTask(ID.b, APP).onFargate().withStatus(lastStatus)
      .withEni({ subnetId: 'subnet-a', privateIpv4Address: '10.0.1.5', attachmentId: 'att-1' })]);
    const task = describeOne(s, ID.b);
    expect([task.lastStatus, task.containers[0].lastStatus, task.attachments[0].status]).toEqual([lastStatus, containerStatus, attachmentStatus]);
  });

  it('hides host ports until the task has reached RUNNING (API18 PortMapping)', () => {
    const s = withDefinitions();
    addTasks(s, [aTask(ID.a, WEB).withStatus('PENDING').withHostPort('web', 80, 80)]);
    const task = describeOne(s, ID.a);
    expect([task.containers[0].networkBindings, task.containers[0].lastStatus, task.version]).toEqual([[], 'PENDING', 1]);
    expect(task).not.toHaveProperty('startedAt');
  });

  it('shows a STOPPED task with its times, reason and the bindings it had', () => {
    const s = withDefinitions();
    addTasks(s, [aTask(ID.a, WEB).withStatus('STOPPED').withHostPort('web', 80, 80)
      .with({ stoppingAt: DEFAULT_START_MS + 15_000, stoppedReason: 'Essential container in task exited' })]);
    expect(describeOne(s, ID.a)).toMatchObject({
      lastStatus: 'STOPPED', desiredStatus: 'STOPPED', stoppedReason: 'Essential container in task exited', version: 3,
      createdAt: T0, startedAt: T0 + 10, stoppingAt: T0 + 15, stoppedAt: T0 + 20,
      containers: [{ lastStatus: 'STOPPED', networkBindings: [{ hostPort: 80 }] }, { lastStatus: 'STOPPED' }],
    });
  });

  it('echoes the overrides a task was started with', () => {
    const s = withDefinitions();
    const overrides = { containerOverrides: [{ name: 'web', command: ['echo', 'hi'] }], taskRoleArn: 'arn:aws:iam::123456789012:role/x' };
    addTasks(s, [aTask(ID.a, WEB).with({ overrides })]);
    expect(describeOne(s, ID.a).overrides).toEqual(overrides);
  });

  it('writes millisecond times as epoch seconds with three decimals (D53)', () => {
    const s = withDefinitions();
    addTasks(s, [aTask(ID.a, WEB).createdAt(DEFAULT_START_MS + 1234)]);
    expect([describeOne(s, ID.a).createdAt, describeOne(s, ID.a).startedAt]).toEqual([T0 + 1.234, T0 + 11.234]);
  });

  it('shows no containers and no sizes for a task whose definition is unknown', () => {
    const s = withDefinitions();
    addTasks(s, [aTask(ID.a, taskDefinitionArnOf('gone', 1))]);
    const task = describeOne(s, ID.a);
    expect([task.containers, task.overrides]).toEqual([[], { containerOverrides: [] }]);
    expect(task).not.toHaveProperty('cpu');
  });
});

describe('DescribeTasks: lookup and failures', () => {
  const s = () => {
    const sandbox = withDefinitions();
    sandbox.ecs('CreateCluster', { clusterName: 'other' });
    addTasks(sandbox, [aTask(ID.a, WEB), aTask(ID.b, WEB).inCluster('other')]);
    return sandbox;
  };

  it('keeps the request order and duplicates; unknown ids become MISSING task ARNs, ARNs are echoed', () => {
    const out = s().ecs('DescribeTasks', { tasks: [ID.c, taskArnOf(ID.a), ID.a, 'arn:aws:ecs:us-east-1:123456789012:task/nope'] });
    expect(out.tasks.map((t: any) => t.taskArn)).toEqual([taskArnOf(ID.a), taskArnOf(ID.a)]);
    expect(out.failures).toEqual([
      { arn: taskArnOf(ID.c), reason: 'MISSING' },
      { arn: 'arn:aws:ecs:us-east-1:123456789012:task/nope', reason: 'MISSING' },
    ]);
  });

  it('looks in the named cluster only (default when omitted)', () => {
    expect(s().ecs('DescribeTasks', { tasks: [ID.b] }).failures).toEqual([{ arn: taskArnOf(ID.b), reason: 'MISSING' }]);
    expect(s().ecs('DescribeTasks', { cluster: 'other', tasks: [ID.b] }).tasks[0].clusterArn).toBe(clusterArnOf('other'));
    expect(s().ecs('DescribeTasks', { cluster: clusterArnOf('other'), tasks: [taskArnOf(ID.b)] }).tasks).toHaveLength(1);
  });

  it('treats a task ARN of another region or account as MISSING', () => {
    const other = [`arn:aws:ecs:eu-west-1:123456789012:task/${ID.a}`, `arn:aws:ecs:us-east-1:999999999999:task/${ID.a}`];
    expect(s().ecs('DescribeTasks', { tasks: other })).toEqual({
      tasks: [], failures: other.map((arn) => ({ arn, reason: 'MISSING' })),
    });
  });

  it('accepts 100 entries', () => {
    expect(s().ecs('DescribeTasks', { tasks: Array.from({ length: 100 }, () => ID.a) }).tasks).toHaveLength(100);
  });

  it.each([
    [{ tasks: [] }, 'InvalidParameterException', 'Tasks cannot be empty.'],
    // missing is the same as empty: `tasks` is checked by the operation, not the generic validator
    [{}, 'InvalidParameterException', 'Tasks cannot be empty.'],
    [{ tasks: Array.from({ length: 101 }, () => ID.a) }, 'InvalidParameterException', 'tasks can have at most 100 items.'],
    [{ cluster: 'ghost', tasks: [ID.a] }, 'ClusterNotFoundException', 'Cluster not found.'],
    // the cluster is checked first (as 15.4)
    [{ cluster: 'ghost', tasks: [] }, 'ClusterNotFoundException', 'Cluster not found.'],
  ])('refuses %j', (input, code, message) => {
    const e = s().ecsError('DescribeTasks', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });
});

import { describe, expect, it } from 'vitest';
import { aSandbox, type TestSandbox } from '../../../builders/sandbox.ts';
import { aTask, addTasks, containerInstanceArnOf } from '../../../builders/tasks.ts';
import { aTaskDefinition, anInstance, instanceIdOfTask, SUBNET, withSubnets } from '../../../builders/placement.ts';
import { registerInstance } from '../../../builders/container-instances.ts';

const placedOn = (out: { tasks: { containerInstanceArn?: string }[] }) => out.tasks.map(instanceIdOfTask);

describe('RunTask: worked examples (semantics 4.12, 6.8)', () => {
  it('6.8: spread over AZs, then binpack memory inside the AZ', () => {
    const s = aSandbox();
    // registered MiB chosen so that the free memory is i0 1,024 (after its 256 MiB task), i1 512, i2 2,048
    const i0 = anInstance(s, { az: 'us-east-1a', memory: 1280 });
    const i1 = anInstance(s, { az: 'us-east-1a', memory: 512 });
    const i2 = anInstance(s, { az: 'us-east-1b', memory: 2048 });
    const web = aTaskDefinition(s, 'web');
    addTasks(s, [aTask('0cc43cdb-3bee-4407-9c26-c0e6ea5bee84', web).onInstance(i0.id).inGroup('service:web')]);
    const out = s.ecs('RunTask', {
      taskDefinition: 'web', count: 2, group: 'service:web',
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'MEMORY' }],
    });
    // task 1: counts a = 1, b = 0 → us-east-1b → i2; task 2: a = 1, b = 1 → all three, binpack: i1 (512 free)
    expect(placedOn(out)).toEqual([i2.id, i1.id]);
    expect(out.failures).toEqual([]);
  });

  it('default strategy is random (4.12): seeded, repeatable, and it advances only the placement stream', () => {
    const run = () => {
      const s = aSandbox();
      const ids = [anInstance(s), anInstance(s), anInstance(s)].map((i) => i.id);
      aTaskDefinition(s, 'web');
      const before = [...s.api.document.random.placement];
      const out = s.ecs('RunTask', { taskDefinition: 'web', count: 10 });
      expect(s.api.document.random.placement).not.toEqual(before);
      return placedOn(out).map((id) => ids.indexOf(id));
    };
    const first = run();
    expect(first).toHaveLength(10);
    expect(run()).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
  });

  it('distinctInstance: one task per host; the third of three fails on both hosts', () => {
    const s = aSandbox();
    const a = anInstance(s);
    const b = anInstance(s);
    aTaskDefinition(s, 'web');
    const out = s.ecs('RunTask', { taskDefinition: 'web', count: 3, placementConstraints: [{ type: 'distinctInstance' }] });
    expect(new Set(placedOn(out))).toEqual(new Set([a.id, b.id]));
    expect(out.failures).toEqual([
      { arn: containerInstanceArnOf(a.id), reason: 'DistinctInstance placement constraint unsatisfied.' },
      { arn: containerInstanceArnOf(b.id), reason: 'DistinctInstance placement constraint unsatisfied.' },
    ]);
  });

  it('memberOf on instance type and AZ (5.7)', () => {
    const s = aSandbox();
    const t2 = anInstance(s, { type: 't2.micro', az: 'us-east-1a' });
    const c5b = anInstance(s, { type: 'c5.large', az: 'us-east-1b' });
    const c5a = anInstance(s, { type: 'c5.large', az: 'us-east-1a' });
    aTaskDefinition(s, 'web', { memory: 128 });
    const expression = 'attribute:ecs.instance-type =~ c5.* and attribute:ecs.availability-zone == us-east-1a';
    const out = s.ecs('RunTask', { taskDefinition: 'web', count: 2, placementConstraints: [{ type: 'memberOf', expression }] });
    expect(placedOn(out)).toEqual([c5a.id, c5a.id]);
    // an `in` list over AZs: the t2 or the c5 in us-east-1b, never the one in 1a
    const inB = s.ecs('RunTask', {
      taskDefinition: 'web', count: 4,
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone in [us-east-1b]' }],
    });
    expect(placedOn(inB)).toEqual([c5b.id, c5b.id, c5b.id, c5b.id]);
    void t2;
  });

  it.each([
    // [what, networkMode, portMapping, second task's outcome]
    ['bridge, static 80: the second task fails RESOURCE:PORTS', undefined, { containerPort: 80, hostPort: 80 }, 'RESOURCE:PORTS'],
    ['host mode: the container port is the host port', 'host', { containerPort: 8080 }, 'RESOURCE:PORTS'],
  ])('%s', (_what, networkMode, mapping, reason) => {
    const s = aSandbox();
    const only = anInstance(s);
    aTaskDefinition(s, 'web', { portMappings: [mapping] }, networkMode ? { networkMode } : {});
    const out = s.ecs('RunTask', { taskDefinition: 'web', count: 2 });
    expect(out.tasks).toHaveLength(1);
    expect(out.failures).toEqual([{ arn: containerInstanceArnOf(only.id), reason }]);
    // and a later RunTask sees the port held by the PENDING task (D7)
    expect(s.ecs('RunTask', { taskDefinition: 'web' }).failures).toEqual([{ arn: containerInstanceArnOf(only.id), reason }]);
  });

  it('at most 100 reserved ports per protocol, dynamic ones not counted (4.5, D13)', () => {
    const s = aSandbox();
    // the agent reserved 99 tcp ports (1000–1098)
    const ports = Array.from({ length: 99 }, (_, k) => String(1000 + k));
    const only = registerInstance(s, { totalResources: [{ name: 'PORTS', type: 'STRINGSET', stringSetValue: ports }] });
    aTaskDefinition(s, 'tcp', { memory: 64, portMappings: [{ containerPort: 80, hostPort: 80 }, { containerPort: 81 }] });
    aTaskDefinition(s, 'other', { memory: 64, portMappings: [{ containerPort: 8080, hostPort: 8080 }] });
    aTaskDefinition(s, 'udp', { memory: 64, portMappings: [{ containerPort: 53, hostPort: 53, protocol: 'udp' }] });
    // 99 + 80 = 100 reserved: fits; the dynamic 81 does not count
    expect(s.ecs('RunTask', { taskDefinition: 'tcp' }).tasks).toHaveLength(1);
    // 100 + 8080 = 101 > 100
    expect(s.ecs('RunTask', { taskDefinition: 'other' }).failures).toEqual([{ arn: containerInstanceArnOf(only.id), reason: 'RESOURCE:PORTS' }]);
    // udp counts on its own: 0 + 1
    expect(s.ecs('RunTask', { taskDefinition: 'udp' }).tasks).toHaveLength(1);
  });

  it('dynamic ports: the lowest free ports of the ephemeral range, one task after another (D13)', () => {
    const s = aSandbox();
    anInstance(s);
    aTaskDefinition(s, 'web', { portMappings: [{ containerPort: 80 }, { containerPort: 443 }] });
    const out = s.ecs('RunTask', { taskDefinition: 'web', count: 2 });
    const tasks = s.ecs('DescribeTasks', { tasks: out.tasks.map((t: { taskArn: string }) => t.taskArn) }).tasks;
    expect(tasks).toHaveLength(2);
    // bindings show once RUNNING; the record holds them from placement: 49153/49154, then 49155/49156
    const held = s.api.document.regions['us-east-1'].tasks.map((t) => t.hostPorts.map((h) => h.hostPort));
    expect(held).toEqual([[49153, 49154], [49155, 49156]]);
  });

  it('udp ports are stored as port numbers, not as the core\'s encoded (protocol << 16 | port) values', () => {
    const s = aSandbox();
    anInstance(s);
    aTaskDefinition(s, 'dns', { memory: 64, portMappings: [{ containerPort: 53, hostPort: 53, protocol: 'udp' }, { containerPort: 54, protocol: 'udp' }] });
    s.ecs('RunTask', { taskDefinition: 'dns', count: 2 });
    // the static 53 once (the second task fails RESOURCE:PORTS), the dynamic 54 on the lowest udp ephemeral port
    const held = s.api.document.regions['us-east-1'].tasks.map((t) => t.hostPorts.map((h) => [h.protocol, h.hostPort]));
    expect(held).toEqual([[['udp', 53], ['udp', 49153]]]);
  });

  it('awsvpc on EC2: a c5.large (ENI limit 3) takes 2 tasks; ENIs get the lowest free addresses (4.6, 14.3)', () => {
    const s = aSandbox();
    withSubnets(s);
    const c5 = anInstance(s, { type: 'c5.large', az: 'us-east-1a', privateIp: '10.0.1.4' });
    aTaskDefinition(s, 'web', {}, { networkMode: 'awsvpc' });
    const out = s.ecs('RunTask', {
      taskDefinition: 'web', count: 3, networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET.a] } },
    });
    expect(out.tasks).toHaveLength(2);
    expect(out.tasks.map((t: { lastStatus: string }) => t.lastStatus)).toEqual(['PROVISIONING', 'PROVISIONING']);
    // 10.0.1.0–.3 are AWS's, .4 is the instance's own address
    expect(out.tasks.map((t: any) => t.attachments[0].details.find((d: any) => d.name === 'privateIPv4Address').value))
      .toEqual(['10.0.1.5', '10.0.1.6']);
    expect(out.failures).toEqual([{ arn: containerInstanceArnOf(c5.id), reason: 'RESOURCE:ENI' }]);
  });

  it('awsvpc on EC2: an instance outside the request\'s subnets fails ATTRIBUTE (4.7)', () => {
    const s = aSandbox();
    withSubnets(s);
    const inB = anInstance(s, { az: 'us-east-1b' });
    aTaskDefinition(s, 'web', {}, { networkMode: 'awsvpc' });
    const out = s.ecs('RunTask', { taskDefinition: 'web', networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET.a] } } });
    expect(out).toEqual({ tasks: [], failures: [{ arn: containerInstanceArnOf(inB.id), reason: 'ATTRIBUTE' }] });
  });

  it('affinity and anti-affinity with task:group (5.4, 5.7)', () => {
    const s = aSandbox();
    const plain = anInstance(s);
    const withDb = anInstance(s);
    const db = aTaskDefinition(s, 'db');
    aTaskDefinition(s, 'web', { memory: 64 });
    addTasks(s, [aTask('6b809ef6-c67e-4467-921f-ee261c15a0a1', db).onInstance(withDb.id)]);
    const near = s.ecs('RunTask', {
      taskDefinition: 'web', count: 3, placementConstraints: [{ type: 'memberOf', expression: 'task:group == family:db' }],
    });
    expect(placedOn(near)).toEqual([withDb.id, withDb.id, withDb.id]);
    const away = s.ecs('RunTask', {
      taskDefinition: 'web', count: 2, group: 'web-2', placementConstraints: [{ type: 'memberOf', expression: 'not(task:group == family:db)' }],
    });
    expect(placedOn(away)).toEqual([plain.id, plain.id]);
    // a regex is matched against every known group name (the batch's own included): web-.* matches web-2, on plain
    const regex = s.ecs('RunTask', {
      taskDefinition: 'web', group: 'fresh', placementConstraints: [{ type: 'memberOf', expression: 'task:group =~ web-.*' }],
    });
    expect(placedOn(regex)).toEqual([plain.id]);
  });

  it('failures: one entry per ACTIVE instance in registration order; DRAINING ones are left out', () => {
    const s = aSandbox();
    const small = anInstance(s, { memory: 128 });
    const draining = anInstance(s);
    const slow = anInstance(s, { cpu: 128 });
    s.ecs('UpdateContainerInstancesState', { containerInstances: [draining.id], status: 'DRAINING' });
    aTaskDefinition(s, 'web', { cpu: 256, memory: 256 });
    const out = s.ecs('RunTask', { taskDefinition: 'web' });
    expect(out).toEqual({
      tasks: [],
      failures: [
        { arn: containerInstanceArnOf(small.id), reason: 'RESOURCE:MEMORY' },
        { arn: containerInstanceArnOf(slow.id), reason: 'RESOURCE:CPU' },
      ],
    });
  });

  it('group, startedBy and overrides are stored and echoed', () => {
    const s = aSandbox();
    anInstance(s);
    aTaskDefinition(s, 'web');
    const overrides = { containerOverrides: [{ name: 'app', command: ['echo', 'hi'] }] };
    const out = s.ecs('RunTask', { taskDefinition: 'web', group: 'batch:nightly', startedBy: 'cron-job_1', overrides });
    expect(out.tasks[0]).toMatchObject({ group: 'batch:nightly', startedBy: 'cron-job_1', overrides, lastStatus: 'PENDING', desiredStatus: 'RUNNING', launchType: 'EC2' });
    expect(s.ecs('RunTask', { taskDefinition: 'web' }).tasks[0].group).toBe('family:web');
  });
});

describe('RunTask: FARGATE (semantics 7)', () => {
  const fargate = (s: TestSandbox) => s.ecs('RegisterTaskDefinition', {
    family: 'app', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512',
    containerDefinitions: [{ name: 'app', image: 'app' }],
  });

  it('balances AZs, then the subnets inside an AZ; no instances needed', () => {
    const s = aSandbox();
    withSubnets(s);
    fargate(s);
    const out = s.ecs('RunTask', {
      taskDefinition: 'app', count: 4, launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET.a, SUBNET.b, SUBNET.a2], assignPublicIp: 'ENABLED' } },
    });
    const subnets = out.tasks.map((t: any) => t.attachments[0].details.find((d: any) => d.name === 'subnetId').value);
    // 4 tasks over 2 AZs: 2 each; in us-east-1a one per subnet
    expect(subnets.filter((x: string) => x === SUBNET.b)).toHaveLength(2);
    expect(subnets.filter((x: string) => x === SUBNET.a)).toHaveLength(1);
    expect(subnets.filter((x: string) => x === SUBNET.a2)).toHaveLength(1);
    expect(out.tasks[0]).toMatchObject({ launchType: 'FARGATE', platformVersion: '1.1.0', lastStatus: 'PROVISIONING' });
    expect(out.tasks[0].containerInstanceArn).toBeUndefined();
    expect(out.failures).toEqual([]);
  });

  it.each([
    ['placement strategies', { placementStrategy: [{ type: 'random' }] }, 'Placement strategies are not supported with FARGATE launch type.'],
    ['placement constraints', { placementConstraints: [{ type: 'distinctInstance' }] }, 'Placement constraints are not supported with FARGATE launch type.'],
  ])('refuses %s', (_what, extra, message) => {
    const s = aSandbox();
    withSubnets(s);
    fargate(s);
    const e = s.ecsError('RunTask', {
      taskDefinition: 'app', launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET.a] } }, ...extra,
    });
    expect([e.code, e.message]).toEqual(['InvalidParameterException', message]);
  });

  it('refuses a missing networkConfiguration and an EC2-only task definition', () => {
    const s = aSandbox();
    withSubnets(s);
    fargate(s);
    aTaskDefinition(s, 'web');
    let e = s.ecsError('RunTask', { taskDefinition: 'app', launchType: 'FARGATE' });
    expect([e.code, e.message]).toEqual(['InvalidParameterException', "Network Configuration must be provided when networkMode 'awsvpc' is specified."]);
    e = s.ecsError('RunTask', { taskDefinition: 'web', launchType: 'FARGATE' });
    expect([e.code, e.message]).toEqual(['InvalidParameterException', 'Task definition does not support launch_type FARGATE.']);
  });
});

describe('RunTask: errors', () => {
  it.each([
    ['no container instance in the cluster (4.12)', {}, 'InvalidParameterException', 'No Container Instances were found in your cluster.'],
    ['count 0', { count: 0 }, 'InvalidParameterException', 'count must be between 1 and 10.'],
    ['count 11', { count: 11 }, 'InvalidParameterException', 'count must be between 1 and 10.'],
    ['startedBy over 36 characters', { startedBy: 'x'.repeat(37) }, 'InvalidParameterException',
      'startedBy can have up to 36 letters (uppercase and lowercase), numbers, hyphens, and underscores.'],
    ['an unknown task definition', { taskDefinition: 'nope' }, 'ClientException', 'TaskDefinition not found.'],
    ['an unknown cluster', { cluster: 'nope' }, 'ClusterNotFoundException', 'Cluster not found.'],
    ['a bad binpack field', { placementStrategy: [{ type: 'binpack', field: 'disk' }] }, 'InvalidParameterException',
      'Invalid field for binpack strategy: disk. Valid values are cpu and memory.'],
    ['a bad memberOf expression', { placementConstraints: [{ type: 'memberOf', expression: 'attribute:x ==' }] },
      // D48: the end of a 14-character expression is position 15
      'InvalidParameterException', 'Invalid expression at position 15: unexpected end of expression.'],
  ])('%s', (_what, extra, code, message) => {
    const s = aSandbox();
    aTaskDefinition(s, 'web');
    const e = s.ecsError('RunTask', { taskDefinition: 'web', ...extra });
    expect([e.code, e.message]).toEqual([code, message]);
  });

  it('DRAINING instances only: still "No Container Instances" (4.2 counts ACTIVE ones)', () => {
    const s = aSandbox();
    const only = anInstance(s);
    s.ecs('UpdateContainerInstancesState', { containerInstances: [only.id], status: 'DRAINING' });
    aTaskDefinition(s, 'web');
    const e = s.ecsError('RunTask', { taskDefinition: 'web' });
    expect([e.code, e.message]).toEqual(['InvalidParameterException', 'No Container Instances were found in your cluster.']);
  });
});

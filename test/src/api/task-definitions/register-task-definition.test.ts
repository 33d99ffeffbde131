import { describe, expect, it } from 'vitest';
import { aSandbox, type TestSandbox } from '../../../builders/sandbox.ts';
import { taskDefinitionArnOf } from '../../../builders/tasks.ts';
import { ERA_2018 } from '../../../../src/engine/era.ts';

// JSON round trip: a member set to undefined is left out, as on the wire.
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value));
const container = (extra: Record<string, unknown> = {}) => wire({ name: 'web', image: 'nginx', memory: 128, ...extra });
const request = (extra: Record<string, unknown> = {}) => wire({ family: 'web', containerDefinitions: [container()], ...extra });
const register = (s: TestSandbox, input: unknown) => s.ecs('RegisterTaskDefinition', input).taskDefinition;
const stored = (s: TestSandbox, i = 0) => s.api.document.regions['us-east-1'].taskDefinitions[i];
const fargate = (extra: Record<string, unknown> = {}) =>
  request({ networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', ...extra });

describe('RegisterTaskDefinition: the stored shape', () => {
  it('fills in what AWS fills in, echoes no networkMode when none was given, and starts at revision 1', () => {
    const s = aSandbox();
    expect(register(s, request())).toEqual({
      taskDefinitionArn: taskDefinitionArnOf('web', 1),
      containerDefinitions: [{
        name: 'web', image: 'nginx', memory: 128,
        cpu: 0, essential: true, portMappings: [], environment: [], mountPoints: [], volumesFrom: [],
      }],
      family: 'web',
      revision: 1,
      volumes: [],
      status: 'ACTIVE',
      requiresAttributes: [],
      placementConstraints: [],
      compatibilities: ['EC2'],
      requiresCompatibilities: [],
    });
    // The record keeps the effective mode for the engine (API18: "The default Docker network mode is bridge").
    expect(stored(s).definition.networkMode).toBe('bridge');
    expect(stored(s).networkModeDefaulted).toBe(true);
    expect(s.ecs('DescribeTaskDefinition', { taskDefinition: 'web' }).taskDefinition).not.toHaveProperty('networkMode');
  });

  it.each(['bridge', 'host', 'awsvpc', 'none'])('echoes an explicit networkMode %s', (networkMode) => {
    const s = aSandbox();
    expect(register(s, request({ networkMode })).networkMode).toBe(networkMode);
    expect(stored(s).networkModeDefaulted).toBeUndefined();
  });

  it('keeps given container members, and given essential/cpu/lists over the defaults', () => {
    const given = container({
      cpu: 10, essential: false, links: ['db'], command: ['sleep', '360'],
      environment: [{ name: 'A', value: '1' }], mountPoints: [{ sourceVolume: 'v', containerPath: '/v' }],
      volumesFrom: [{ sourceContainer: 'db' }], dockerLabels: { team: 'a' },
    });
    const out = register(aSandbox(), request({ containerDefinitions: [given] }));
    expect(out.containerDefinitions).toEqual([{ ...given, portMappings: [] }]);
  });

  it('fills the health-check timings of API18 (interval 30, timeout 5, retries 3) and keeps given ones', () => {
    const out = register(aSandbox(), request({
      containerDefinitions: [
        container({ healthCheck: { command: ['CMD-SHELL', 'true'] } }),
        container({ name: 'b', healthCheck: { command: ['CMD', 'x'], interval: 10, timeout: 2, retries: 1, startPeriod: 60 } }),
      ],
    }));
    expect(out.containerDefinitions.map((c: any) => c.healthCheck)).toEqual([
      { command: ['CMD-SHELL', 'true'], interval: 30, timeout: 5, retries: 3 },
      { command: ['CMD', 'x'], interval: 10, timeout: 2, retries: 1, startPeriod: 60 },
    ]);
  });

  it('drops an empty taskRoleArn (EX18 registers with "") and keeps given roles and volumes', () => {
    expect(register(aSandbox(), request({ taskRoleArn: '' }))).not.toHaveProperty('taskRoleArn');
    const out = register(aSandbox(), request({
      taskRoleArn: 'arn:aws:iam::123456789012:role/app', executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      volumes: [{ name: 'v', host: { sourcePath: '/data' } }],
    }));
    expect(out).toMatchObject({
      taskRoleArn: 'arn:aws:iam::123456789012:role/app', executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      volumes: [{ name: 'v', host: { sourcePath: '/data' } }],
    });
  });

  it('numbers revisions per family from 1, counting deregistered revisions (API18 TaskDefinition.revision)', () => {
    const s = aSandbox();
    expect(register(s, request()).revision).toBe(1);
    expect(register(s, request()).revision).toBe(2);
    expect(register(s, request({ family: 'api' })).taskDefinitionArn).toBe(taskDefinitionArnOf('api', 1));
    s.ecs('DeregisterTaskDefinition', { taskDefinition: 'web:2' });
    // web:1 ACTIVE, web:2 INACTIVE → the next one is 3, not 2
    expect(register(s, request()).taskDefinitionArn).toBe(taskDefinitionArnOf('web', 3));
  });

  it('registers in the region it is called in', () => {
    const s = aSandbox();
    expect(s.ecs('RegisterTaskDefinition', request(), 'eu-west-1').taskDefinition.taskDefinitionArn)
      .toBe('arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1');
    expect(s.ecs('ListTaskDefinitions').taskDefinitionArns).toEqual([]);
  });
});

describe('RegisterTaskDefinition: family and containers', () => {
  it.each([
    ['', 'ClientException', 'Family can not be blank.'],
    ['has space', 'ClientException', 'Family contains invalid characters.'],
    ['web:1', 'ClientException', 'Family contains invalid characters.'],
    ['a/b', 'ClientException', 'Family contains invalid characters.'],
    ['a'.repeat(256), 'ClientException',
      'Family can have up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.'],
  ])('refuses the family %j', (family, code, message) => {
    const e = aSandbox().ecsError('RegisterTaskDefinition', request({ family }));
    expect([e.code, e.message]).toEqual([code, message]);
  });

  it.each(['a', 'A-z_0-9', 'a'.repeat(255)])('accepts the family %j (up to 255 of [A-Za-z0-9_-])', (family) => {
    expect(register(aSandbox(), request({ family })).family).toBe(family);
  });

  it('requires family and containerDefinitions (model-required members)', () => {
    const s = aSandbox();
    expect(s.ecsError('RegisterTaskDefinition', { containerDefinitions: [container()] }).message).toBe('family is required.');
    expect(s.ecsError('RegisterTaskDefinition', { family: 'web' }).message).toBe('containerDefinitions is required.');
  });

  it.each([
    ['no containers', [], 'Container definitions cannot be empty.'],
    ['a container without a name', [{ image: 'nginx', memory: 128 }], 'Container.name should not be null or empty.'],
    ['an empty name', [container({ name: '' })], 'Container.name should not be null or empty.'],
    ['a name with a space', [container({ name: 'my web' })], 'Container.name contains invalid characters.'],
    ['a name with a dot', [container({ name: 'web.1' })], 'Container.name contains invalid characters.'],
    ['a 256-character name', [container({ name: 'w'.repeat(256) })], 'Container.name contains invalid characters.'],
    ['two containers named web', [container(), container()],
      "Duplicate container name 'web'. Container names must be unique within a task definition."],
    ['no image', [{ name: 'web', memory: 128 }], 'Container.image should not be null or empty.'],
    ['an empty image', [container({ image: '' })], 'Container.image should not be null or empty.'],
    ['a blank image', [container({ image: '  ' })], 'Container.image should not be null or empty.'],
  ])('refuses %s', (_, containerDefinitions, message) => {
    const e = aSandbox().ecsError('RegisterTaskDefinition', request({ containerDefinitions }));
    expect([e.code, e.message]).toEqual(['ClientException', message]);
  });

  it('checks containers in order: the first bad one wins', () => {
    const e = aSandbox().ecsError('RegisterTaskDefinition', request({
      containerDefinitions: [container({ name: 'a' }), container({ name: 'b', image: '' }), container({ name: '' })],
    }));
    expect(e.message).toBe('Container.image should not be null or empty.');
  });
});

describe('RegisterTaskDefinition: memory (semantics 4.4)', () => {
  it.each([
    ['neither memory nor memoryReservation', { memory: undefined }, {},
      "Invalid setting for container 'web'. At least one of 'memory' or 'memoryReservation' must be specified."],
    ['memory 0 (not non-zero)', { memory: 0 }, {},
      "Invalid setting for container 'web'. At least one of 'memory' or 'memoryReservation' must be specified."],
    // 256 > 256 is false: "memory must be greater than memoryReservation" (API18)
    ['memory equal to memoryReservation', { memory: 256, memoryReservation: 256 }, {},
      "Invalid setting for container 'web'. 'memory' must be greater than 'memoryReservation'."],
    ['memory below memoryReservation', { memory: 128, memoryReservation: 256 }, {},
      "Invalid setting for container 'web'. 'memory' must be greater than 'memoryReservation'."],
    // 1024 MiB for the container > 512 MiB for the whole task
    ['container memory above task memory', { memory: 1024 }, { memory: '512' },
      "The 'memory' setting for container 'web' is greater than for the task."],
  ])('refuses %s', (_, fields, task, message) => {
    const e = aSandbox().ecsError('RegisterTaskDefinition', request({ containerDefinitions: [container(fields)], ...task }));
    expect([e.code, e.message]).toEqual(['ClientException', message]);
  });

  it.each([
    ['memory only', { memory: 128 }, {}],
    ['memoryReservation only', { memory: undefined, memoryReservation: 64 }, {}],
    ['memory above memoryReservation (257 > 256)', { memory: 257, memoryReservation: 256 }, {}],
    ['neither, with task-level memory', { memory: undefined }, { memory: '512' }],
    ['memory equal to task memory', { memory: 512 }, { memory: '512' }],
  ])('accepts %s', (_, fields, task) => {
    expect(register(aSandbox(), request({ containerDefinitions: [container(fields)], ...task })).status).toBe('ACTIVE');
  });
});

describe('RegisterTaskDefinition: port mappings per network mode (semantics 4.5)', () => {
  it.each([
    // bridge: hostPort omitted or 0 = dynamic, stored as 0; static ports are kept
    ['bridge', { containerPort: 80 }, { containerPort: 80, hostPort: 0, protocol: 'tcp' }],
    ['bridge', { containerPort: 80, hostPort: 0 }, { containerPort: 80, hostPort: 0, protocol: 'tcp' }],
    ['bridge', { containerPort: 53, hostPort: 8053, protocol: 'udp' }, { containerPort: 53, hostPort: 8053, protocol: 'udp' }],
    // host and awsvpc: hostPort blank (or 0) or equal; AWS stores the container port
    ['host', { containerPort: 80 }, { containerPort: 80, hostPort: 80, protocol: 'tcp' }],
    ['host', { containerPort: 80, hostPort: 0 }, { containerPort: 80, hostPort: 80, protocol: 'tcp' }],
    ['host', { containerPort: 80, hostPort: 80 }, { containerPort: 80, hostPort: 80, protocol: 'tcp' }],
    ['awsvpc', { containerPort: 8080 }, { containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
    ['awsvpc', { containerPort: 8080, hostPort: 8080, protocol: 'udp' }, { containerPort: 8080, hostPort: 8080, protocol: 'udp' }],
  ])('%s stores %j as %j', (networkMode, mapping, expected) => {
    const s = aSandbox();
    const out = register(s, request({ networkMode, containerDefinitions: [container({ portMappings: [mapping] })] }));
    expect(out.containerDefinitions[0].portMappings).toEqual([expected]);
    expect(stored(s).definition.containerDefinitions[0].portMappings).toEqual([expected]);
  });

  it('stores bridge mappings as static/dynamic per mapping, in order', () => {
    const out = register(aSandbox(), request({
      containerDefinitions: [container({ portMappings: [{ containerPort: 80, hostPort: 80 }, { containerPort: 443 }] })],
    }));
    expect(out.containerDefinitions[0].portMappings).toEqual([
      { containerPort: 80, hostPort: 80, protocol: 'tcp' },
      { containerPort: 443, hostPort: 0, protocol: 'tcp' },
    ]);
  });

  it.each([
    ['host', { containerPort: 80, hostPort: 8080 }, 'When networkMode=host, the host ports and container ports in port mappings must match.'],
    ['awsvpc', { containerPort: 80, hostPort: 8080 }, 'When networkMode=awsvpc, the host ports and container ports in port mappings must match.'],
    ['none', { containerPort: 80 }, 'When networkMode=none, port mappings cannot be specified.'],
    ['bridge', { hostPort: 80 }, "Invalid 'containerPort' setting for container 'web'."],
    ['bridge', { containerPort: 0 }, "Invalid 'containerPort' setting for container 'web'."],
    ['awsvpc', { containerPort: 65536 }, "Invalid 'containerPort' setting for container 'web'."],
    ['bridge', { containerPort: 80, hostPort: -1 }, "Invalid 'hostPort' setting for container 'web'."],
    ['bridge', { containerPort: 80, hostPort: 65536 }, "Invalid 'hostPort' setting for container 'web'."],
  ])('%s refuses %j', (networkMode, mapping, message) => {
    const e = aSandbox().ecsError('RegisterTaskDefinition',
      request({ networkMode, containerDefinitions: [container({ portMappings: [mapping] })] }));
    expect([e.code, e.message]).toEqual(['ClientException', message]);
  });

  it('accepts none without port mappings', () => {
    expect(register(aSandbox(), request({ networkMode: 'none' })).networkMode).toBe('none');
  });

  it('refuses an unknown protocol with the enum message (D52)', () => {
    const e = aSandbox().ecsError('RegisterTaskDefinition',
      request({ containerDefinitions: [container({ portMappings: [{ containerPort: 80, protocol: 'sctp' }] })] }));
    expect([e.code, e.message]).toEqual(['InvalidParameterException', 'containerDefinitions.portMappings.protocol should be one of [tcp, udp]']);
  });
});

describe('RegisterTaskDefinition: task-level cpu and memory', () => {
  it.each([
    ['1024', '1024'],
    ['1 vCPU', '1024'],
    ['1 vcpu', '1024'],
    ['2vCPU', '2048'],
    ['0.25 vCPU', '256'], // 0.25 × 1024 = 256
    ['.5 vcpu', '512'],
    ['128', '128'], // the EC2 minimum (API18)
    ['10240', '10240'], // the EC2 maximum, 10 vCPU
    [' 512 ', '512'],
  ])('cpu %j is stored as %j', (cpu, expected) => {
    const s = aSandbox();
    expect(register(s, request({ cpu })).cpu).toBe(expected);
    expect(stored(s).definition.cpu).toBe(expected);
  });

  it.each([
    ['512', '512'],
    ['1GB', '1024'],
    ['1 GB', '1024'],
    ['0.5 GB', '512'], // 0.5 × 1024 = 512
    ['2 gb', '2048'],
  ])('memory %j is stored as %j', (memory, expected) => {
    expect(register(aSandbox(), request({ memory })).memory).toBe(expected);
  });

  it.each([
    ['', "Invalid 'cpu' setting for task."],
    ['abc', "Invalid 'cpu' setting for task."],
    ['127', "Invalid 'cpu' setting for task."], // below 128
    ['10241', "Invalid 'cpu' setting for task."], // above 10240
    ['11 vCPU', "Invalid 'cpu' setting for task."], // 11264 > 10240
    ['0.1 vCPU', "Invalid 'cpu' setting for task."], // 102.4 is no whole number of units
    ['1 GB', "Invalid 'cpu' setting for task."],
  ])('refuses cpu %j', (cpu, message) => {
    const e = aSandbox().ecsError('RegisterTaskDefinition', request({ cpu }));
    expect([e.code, e.message]).toEqual(['InvalidParameterException', message]);
  });

  it.each(['', '0', 'x', '1 vCPU', '0.0001 GB', '-512'])('refuses memory %j', (memory) => {
    const e = aSandbox().ecsError('RegisterTaskDefinition', request({ memory }));
    expect([e.code, e.message]).toEqual(['InvalidParameterException', "Invalid 'memory' setting for task."]);
  });
});

describe('RegisterTaskDefinition: FARGATE (semantics 7)', () => {
  const pairs = ERA_2018.fargateTaskSizes.flatMap((size) => size.memory.map((memory) => [size.cpu, memory] as const));

  it('knows the 2018 sizes: 3 + 4 + 7 + 13 + 23 = 50 pairs', () => {
    expect(pairs).toHaveLength(50);
  });

  it.each(pairs)('accepts cpu %i with memory %i and adds FARGATE to compatibilities', (cpu, memory) => {
    const out = register(aSandbox(), fargate({ cpu: String(cpu), memory: String(memory) }));
    expect([out.cpu, out.memory, out.compatibilities, out.requiresCompatibilities])
      .toEqual([String(cpu), String(memory), ['EC2', 'FARGATE'], ['FARGATE']]);
  });

  it('accepts the vCPU and GB forms and stores the converted integers ("1 vCPU" → 1024, "2 GB" → 2048)', () => {
    const out = register(aSandbox(), fargate({ cpu: '1 vCPU', memory: '2 GB' }));
    expect([out.cpu, out.memory]).toEqual(['1024', '2048']);
  });

  it.each([
    ['256', '4096'], // 256 allows 512, 1024, 2048
    ['512', '512'], // 512 allows 1024–4096
    ['1024', '1536'], // not a multiple of 1024
    ['2048', '17408'], // above 16384
    ['4096', '31744'], // above 30720
    ['128', '512'], // a valid EC2 cpu that Fargate does not offer
    ['8192', '16384'], // 8 vCPU arrived after 2018
  ])('refuses cpu %s with memory %s', (cpu, memory) => {
    const e = aSandbox().ecsError('RegisterTaskDefinition', fargate({ cpu, memory }));
    expect([e.code, e.message]).toEqual(['ClientException', 'No Fargate configuration exists for given values.']);
  });

  it.each([
    ['no networkMode (bridge)', { networkMode: undefined }, 'Fargate only supports network mode \u2018awsvpc\u2019.'],
    ['host', { networkMode: 'host' }, 'Fargate only supports network mode \u2018awsvpc\u2019.'],
    ['no cpu', { cpu: undefined }, "Fargate requires that 'cpu' be defined at the task level."],
    ['no memory', { memory: undefined }, "Fargate requires that 'memory' be defined at the task level."],
    ['neither cpu nor memory', { cpu: undefined, memory: undefined }, "Fargate requires that 'cpu' be defined at the task level."],
    ['placement constraints', { placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack == prod' }] },
      'Fargate does not support task placement constraints.'],
  ])('refuses %s', (_, fields, message) => {
    const e = aSandbox().ecsError('RegisterTaskDefinition', fargate(fields));
    expect([e.code, e.message]).toEqual(['ClientException', message]);
  });

  it('lets containers omit memory when the task sets it', () => {
    const out = register(aSandbox(), fargate({ containerDefinitions: [{ name: 'web', image: 'nginx' }] }));
    expect(out.containerDefinitions[0]).not.toHaveProperty('memory');
  });

  it.each([
    ['awsvpc with a Fargate size, not asked for', { networkMode: 'awsvpc', cpu: '512', memory: '1024' }, ['EC2', 'FARGATE']],
    ['awsvpc, EC2 only, with a Fargate size', { networkMode: 'awsvpc', cpu: '512', memory: '1024', requiresCompatibilities: ['EC2'] }, ['EC2', 'FARGATE']],
    ['bridge with a Fargate size', { cpu: '512', memory: '1024' }, ['EC2']],
    ['awsvpc without sizes', { networkMode: 'awsvpc' }, ['EC2']],
    ['awsvpc with a non-Fargate size', { networkMode: 'awsvpc', cpu: '300', memory: '1024' }, ['EC2']],
    ['awsvpc, Fargate size, a memberOf constraint', { networkMode: 'awsvpc', cpu: '512', memory: '1024',
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack == prod' }] }, ['EC2']],
  ])('compatibilities of %s: %j', (_, fields, compatibilities) => {
    expect(register(aSandbox(), request(fields)).compatibilities).toEqual(compatibilities);
  });
});

describe('RegisterTaskDefinition: requiresAttributes (semantics 4.7, D14)', () => {
  const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1';
  it.each([
    ['nothing special', {}, []],
    ['awsvpc', { networkMode: 'awsvpc' }, ['ecs.capability.task-eni']],
    ['a log driver', { containerDefinitions: [container({ logConfiguration: { logDriver: 'awslogs' } })] },
      ['com.amazonaws.ecs.capability.logging-driver.awslogs']],
    ['two log drivers on three containers, in container order, once each', { containerDefinitions: [
      container({ name: 'a', logConfiguration: { logDriver: 'syslog' } }),
      container({ name: 'b', logConfiguration: { logDriver: 'awslogs' } }),
      container({ name: 'c', logConfiguration: { logDriver: 'syslog' } }),
    ] }, ['com.amazonaws.ecs.capability.logging-driver.syslog', 'com.amazonaws.ecs.capability.logging-driver.awslogs']],
    ['a task role', { taskRoleArn: 'arn:aws:iam::123456789012:role/app' }, ['com.amazonaws.ecs.capability.task-iam-role']],
    ['a privileged container', { containerDefinitions: [container({ privileged: true })] },
      ['com.amazonaws.ecs.capability.privileged-container']],
    ['privileged: false', { containerDefinitions: [container({ privileged: false })] }, []],
    ['an ECR image', { containerDefinitions: [container({ image: ECR })] }, ['com.amazonaws.ecs.capability.ecr-auth']],
    ['a Docker Hub or quay.io image', { containerDefinitions: [container({ image: 'amazon/amazon-ecs-agent' }),
      container({ name: 'b', image: 'quay.io/a/b' })] }, []],
    ['everything, in the table order', {
      networkMode: 'awsvpc', taskRoleArn: 'arn:aws:iam::123456789012:role/app',
      containerDefinitions: [container({ image: ECR }), container({ name: 'b', privileged: true, logConfiguration: { logDriver: 'gelf' } })],
    }, ['ecs.capability.task-eni', 'com.amazonaws.ecs.capability.logging-driver.gelf', 'com.amazonaws.ecs.capability.task-iam-role',
      'com.amazonaws.ecs.capability.privileged-container', 'com.amazonaws.ecs.capability.ecr-auth']],
  ])('%s', (_, fields, names) => {
    const s = aSandbox();
    const expected = names.map((name) => ({ name }));
    expect(register(s, request(fields)).requiresAttributes).toEqual(expected);
    expect(stored(s).definition.requiresAttributes).toEqual(expected);
  });
});

describe('RegisterTaskDefinition: placement constraints (semantics 4.9)', () => {
  const memberOf = (expression?: string) => ({ type: 'memberOf', ...(expression === undefined ? {} : { expression }) });

  it('stores memberOf constraints as given', () => {
    const constraints = [memberOf('attribute:ecs.instance-type =~ t2.*'), memberOf('attribute:ecs.availability-zone in [us-east-1a, us-east-1b]')];
    expect(register(aSandbox(), request({ placementConstraints: constraints })).placementConstraints).toEqual(constraints);
  });

  it('accepts 10 constraints and refuses 11 (API18: at most 10 per task)', () => {
    const ten = Array.from({ length: 10 }, (_, i) => memberOf(`attribute:a${i} exists`));
    expect(register(aSandbox(), request({ placementConstraints: ten })).placementConstraints).toHaveLength(10);
    const e = aSandbox().ecsError('RegisterTaskDefinition', request({ placementConstraints: [...ten, memberOf('attribute:b exists')] }));
    expect([e.code, e.message]).toEqual(['InvalidParameterException', 'You can specify a maximum of 10 constraints per task.']);
  });

  it('refuses distinctInstance: TaskDefinitionPlacementConstraintType is memberOf only (D52)', () => {
    const e = aSandbox().ecsError('RegisterTaskDefinition', request({ placementConstraints: [{ type: 'distinctInstance' }] }));
    expect([e.code, e.message]).toEqual(['InvalidParameterException', 'placementConstraints.type should be one of [memberOf]']);
  });

  it.each([
    // "attribute:foo ==" has 16 characters; the expression ends where a literal is due → position 16 + 1
    ['attribute:foo ==', 'Invalid expression at position 17: unexpected end of expression.'],
    // no expression is the empty expression (5.8, 15.1 #23)
    [undefined, 'Invalid expression at position 1: unexpected end of expression.'],
    ['', 'Invalid expression at position 1: unexpected end of expression.'],
  ])('refuses the memberOf expression %j (D48)', (expression, message) => {
    const e = aSandbox().ecsError('RegisterTaskDefinition', request({ placementConstraints: [memberOf('attribute:a exists'), memberOf(expression)] }));
    expect([e.code, e.message]).toEqual(['InvalidParameterException', message]);
  });
});

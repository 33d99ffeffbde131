// CreateService: the shape of a new service (2.3, D5), EX18's examples replayed, idempotency (D40),
// and the rules 15.1 #1–#8.
import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';
import {
  ACCOUNT, aServiceWorld, clusterArnOf, deploymentIdAt, register, requests, serviceArnOf, taskDefinitionArnOf,
  taskDefinitions, SUBNET_A } from '../../../builders/services.ts';

// The document's clock starts at 2018-05-22T00:00:00Z.
const START_MS = Date.UTC(2018, 4, 22);
const START_S = START_MS / 1000;

describe('CreateService: EX18 replayed (account 012345678910 → 123456789012, ids and times normalised)', () => {
  it('"To create a new service": hello_world:6, 10 copies', () => {
    const s = aSandbox();
    for (let i = 0; i < 6; i++) register(s, taskDefinitions.bridge('hello_world'));
    const out = s.ecs('CreateService', { desiredCount: 10, serviceName: 'ecs-simple-service', taskDefinition: 'hello_world' });
    // EX18's leftover ACTIVE deployment is not returned for a new service (2.3). The always-present
    // lists (D5) and launchType are added; createdAt is the simulated clock.
    expect(out).toEqual({
      service: {
        clusterArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/default`,
        createdAt: START_S,
        deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
        deployments: [{
          createdAt: START_S,
          desiredCount: 10,
          id: deploymentIdAt(START_MS),
          pendingCount: 0,
          runningCount: 0,
          status: 'PRIMARY',
          taskDefinition: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/hello_world:6`,
          updatedAt: START_S,
          launchType: 'EC2',
        }],
        desiredCount: 10,
        events: [],
        loadBalancers: [],
        pendingCount: 0,
        runningCount: 0,
        serviceArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:service/ecs-simple-service`,
        serviceName: 'ecs-simple-service',
        status: 'ACTIVE',
        taskDefinition: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/hello_world:6`,
        launchType: 'EC2',
        serviceRegistries: [],
        placementConstraints: [],
        placementStrategy: [],
      },
    });
    // D2: 2^63 − 1 − 1526947200000 = 9223370509907575807
    expect(out.service.deployments[0].id).toBe('ecs-svc/9223370509907575807');
  });

  it('"To create a new service behind a load balancer": Classic LB with role ecsServiceRole', () => {
    const s = aSandbox();
    for (let i = 0; i < 6; i++) register(s, taskDefinitions.bridge('console-sample-app-static', [{ name: 'simple-app', ports: [80] }]));
    const out = s.ecs('CreateService', {
      desiredCount: 10,
      loadBalancers: [{ containerName: 'simple-app', containerPort: 80, loadBalancerName: 'EC2Contai-EcsElast-15DCDAURT3ZO2' }],
      role: 'ecsServiceRole',
      serviceName: 'ecs-simple-service-elb',
      taskDefinition: 'console-sample-app-static',
    });
    const td = `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/console-sample-app-static:6`;
    expect(out).toEqual({
      service: {
        clusterArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/default`,
        createdAt: START_S,
        deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
        deployments: [{
          createdAt: START_S, desiredCount: 10, id: deploymentIdAt(START_MS), pendingCount: 0, runningCount: 0,
          status: 'PRIMARY', taskDefinition: td, updatedAt: START_S, launchType: 'EC2',
        }],
        desiredCount: 10,
        events: [],
        loadBalancers: [{ containerName: 'simple-app', containerPort: 80, loadBalancerName: 'EC2Contai-EcsElast-15DCDAURT3ZO2' }],
        pendingCount: 0,
        roleArn: `arn:aws:iam::${ACCOUNT}:role/ecsServiceRole`,
        runningCount: 0,
        serviceArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:service/ecs-simple-service-elb`,
        serviceName: 'ecs-simple-service-elb',
        status: 'ACTIVE',
        taskDefinition: td,
        launchType: 'EC2',
        serviceRegistries: [],
        placementConstraints: [],
        placementStrategy: [],
        // D55: a service with a load balancer shows 0 when no grace period was given.
        healthCheckGracePeriodSeconds: 0,
      },
    });
  });
});

describe('CreateService: defaults and echoes (2.3)', () => {
  it('omits roleArn, networkConfiguration, platformVersion and healthCheckGracePeriodSeconds when unset', () => {
    const { s } = aServiceWorld();
    const service = s.ecs('CreateService', requests.ec2()).service;
    for (const member of ['roleArn', 'networkConfiguration', 'platformVersion', 'healthCheckGracePeriodSeconds']) {
      expect(service).not.toHaveProperty(member);
    }
    expect(service.deployments[0]).not.toHaveProperty('platformVersion');
    expect(service.deployments[0]).not.toHaveProperty('networkConfiguration');
  });

  it('FARGATE defaults platformVersion to LATEST, echoed as given; assignPublicIp to DISABLED; securityGroups to []', () => {
    const { s } = aServiceWorld();
    const a = s.ecs('CreateService', requests.fargate()).service;
    expect(a.platformVersion).toBe('LATEST');
    expect(a.networkConfiguration).toEqual({ awsvpcConfiguration: { subnets: [SUBNET_A], securityGroups: [], assignPublicIp: 'DISABLED' } });
    expect(a.deployments[0]).toMatchObject({ launchType: 'FARGATE', platformVersion: 'LATEST', networkConfiguration: a.networkConfiguration });
    const b = s.ecs('CreateService', requests.fargate({ serviceName: 'b', platformVersion: '1.0.0' })).service;
    expect(b.platformVersion).toBe('1.0.0');
  });

  it('a partial deploymentConfiguration is completed from the API defaults (200/100)', () => {
    const { s } = aServiceWorld();
    const service = s.ecs('CreateService', requests.ec2({ deploymentConfiguration: { minimumHealthyPercent: 50 } })).service;
    expect(service.deploymentConfiguration).toEqual({ maximumPercent: 200, minimumHealthyPercent: 50 });
  });

  it('resolves family, family:revision and ARN references, and cluster names and ARNs', () => {
    const { s } = aServiceWorld();
    register(s, taskDefinitions.bridge('web')); // web:2
    s.ecs('CreateCluster', { clusterName: 'prod' });
    expect(s.ecs('CreateService', requests.ec2({ serviceName: 'a' })).service.taskDefinition).toBe(taskDefinitionArnOf('web', 2));
    expect(s.ecs('CreateService', requests.ec2({ serviceName: 'b', taskDefinition: 'web:1' })).service.taskDefinition)
      .toBe(taskDefinitionArnOf('web', 1));
    const c = s.ecs('CreateService', requests.ec2({ serviceName: 'c', taskDefinition: taskDefinitionArnOf('web', 1), cluster: clusterArnOf('prod') }));
    expect(c.service.clusterArn).toBe(clusterArnOf('prod'));
  });

  it('two clusters may hold services of the same name: their ARNs are identical (2.1)', () => {
    const { s } = aServiceWorld();
    s.ecs('CreateCluster', { clusterName: 'prod' });
    const a = s.ecs('CreateService', requests.ec2()).service;
    const b = s.ecs('CreateService', requests.ec2({ cluster: 'prod' })).service;
    expect(a.serviceArn).toBe(serviceArnOf('svc'));
    expect(b.serviceArn).toBe(serviceArnOf('svc'));
    expect(b.clusterArn).toBe(clusterArnOf('prod'));
  });

  it('role names with a path become role/<path><name>; an ARN is kept', () => {
    const { s, tg } = aServiceWorld();
    const lb = [{ targetGroupArn: tg.instance, containerName: 'web', containerPort: 80 }];
    expect(s.ecs('CreateService', requests.ec2({ serviceName: 'a', loadBalancers: lb, role: '/foo/bar' })).service.roleArn)
      .toBe(`arn:aws:iam::${ACCOUNT}:role/foo/bar`);
    expect(s.ecs('CreateService', requests.ec2({ serviceName: 'b', loadBalancers: lb, role: 'arn:aws:iam::999999999999:role/x' })).service.roleArn)
      .toBe('arn:aws:iam::999999999999:role/x');
  });

  it('creates no task: tasks start at the next scheduler step (D6)', () => {
    const { s, sc } = aServiceWorld();
    s.ecs('CreateService', requests.ec2({ desiredCount: 3 }));
    expect(sc.state.tasks).toEqual([]);
  });
});

describe('CreateService: clientToken idempotency (D40)', () => {
  it('the same token with an identical request returns the existing service and changes nothing', () => {
    const { s } = aServiceWorld();
    const first = s.ecs('CreateService', requests.ec2({ clientToken: 'token-1' }));
    const before = s.snapshot();
    // Key order and an explicit `cluster: "default"` do not make a different request.
    const again = s.ecs('CreateService', { cluster: 'default', clientToken: 'token-1', desiredCount: 1, taskDefinition: 'web', serviceName: 'svc' });
    expect(again).toEqual(first);
    expect(s.snapshot()).toBe(before);
  });

  it.each([
    ['no token at all', requests.ec2(), requests.ec2()],
    ['the first call had no token', requests.ec2(), requests.ec2({ clientToken: 't' })],
    ['a different token', requests.ec2({ clientToken: 't' }), requests.ec2({ clientToken: 'u' })],
    ['the same token, another desiredCount', requests.ec2({ clientToken: 't' }), requests.ec2({ clientToken: 't', desiredCount: 2 })],
    ['the same token, another deploymentConfiguration', requests.ec2({ clientToken: 't' }),
      requests.ec2({ clientToken: 't', deploymentConfiguration: { maximumPercent: 200 } })],
  ])('%s → `Creation of service was not idempotent.`', (_, first, second) => {
    const { s } = aServiceWorld();
    s.ecs('CreateService', first);
    const e = s.ecsError('CreateService', second);
    expect([e.code, e.message]).toEqual(['InvalidParameterException', 'Creation of service was not idempotent.']);
  });
});

describe('CreateService: 15.1 #1–#8', () => {
  const ipe = 'InvalidParameterException';
  it.each([
    // #1: refused by the generic model validator before the operation runs
    ['#1', 'serviceName missing', { taskDefinition: 'web', desiredCount: 1 }, ipe, 'serviceName is required.'],
    ['#1', 'taskDefinition missing', { serviceName: 'svc', desiredCount: 1 }, ipe, 'taskDefinition is required.'],
    ['#1', 'desiredCount missing', { serviceName: 'svc', taskDefinition: 'web' }, ipe, 'desiredCount is required.'],
    ['#2', 'unknown cluster', requests.ec2({ cluster: 'ghost' }), 'ClusterNotFoundException', 'Cluster not found.'],
    ['#2', 'cluster ARN of another region', requests.ec2({ cluster: 'arn:aws:ecs:eu-west-1:123456789012:cluster/default' }),
      'ClusterNotFoundException', 'Cluster not found.'],
    ['#3', 'INACTIVE cluster', requests.ec2({ cluster: 'gone' }), 'ClusterNotFoundException', 'The referenced cluster was inactive.'],
    ['#4', 'empty name', requests.ec2({ serviceName: '' }), ipe,
      'Service names can have up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.'],
    ['#4', '256 characters', requests.ec2({ serviceName: 'a'.repeat(256) }), ipe,
      'Service names can have up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.'],
    ['#4', 'a space', requests.ec2({ serviceName: 'my service' }), ipe,
      'Service names can have up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.'],
    ['#4', 'a slash', requests.ec2({ serviceName: 'a/b' }), ipe,
      'Service names can have up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.'],
    // API18: clientToken has up to 32 ASCII characters (synthesised text; no 15.1 row)
    ['#4b', 'clientToken of 33 characters', requests.ec2({ clientToken: 'x'.repeat(33) }), ipe,
      'clientToken can have up to 32 ASCII characters.'],
    ['#4b', 'non-ASCII clientToken', requests.ec2({ clientToken: 'tökén' }), ipe, 'clientToken can have up to 32 ASCII characters.'],
    ['#5', 'an ACTIVE service of that name', requests.ec2({ serviceName: 'taken' }), ipe, 'Creation of service was not idempotent.'],
    ['#6', 'a DRAINING service of that name', requests.ec2({ serviceName: 'draining' }), ipe,
      'Unable to Start a service that is still Draining.'],
    ['#7', 'unknown family', requests.ec2({ taskDefinition: 'nope' }), 'ClientException', 'TaskDefinition not found.'],
    ['#7', 'unknown revision', requests.ec2({ taskDefinition: 'web:99' }), 'ClientException', 'TaskDefinition not found.'],
    ['#7', 'task-definition ARN of another account', requests.ec2({ taskDefinition: 'arn:aws:ecs:us-east-1:999999999999:task-definition/web:1' }),
      'ClientException', 'TaskDefinition not found.'],
    // DG18: an INACTIVE revision cannot create services (AWS text; no 15.1 row)
    ['#7b', 'INACTIVE revision', requests.ec2({ taskDefinition: 'old:1' }), ipe, 'TaskDefinition is inactive'],
    ['#8', 'desiredCount −1', requests.ec2({ desiredCount: -1 }), ipe, 'Task count can not be lesser than 0'],
  ])('%s %s', (_, __, input, code, message) => {
    const { s } = aServiceWorld();
    s.ecs('CreateCluster', { clusterName: 'gone' });
    s.ecs('DeleteCluster', { cluster: 'gone' });
    s.ecs('CreateService', requests.ec2({ serviceName: 'taken' }));
    s.ecs('CreateService', requests.ec2({ serviceName: 'draining', desiredCount: 0 }));
    s.ecs('DeleteService', { service: 'draining' });
    register(s, taskDefinitions.bridge('old'));
    register(s, taskDefinitions.bridge('old'));
    s.api.document.regions['us-east-1'].taskDefinitions.find((d) => d.definition.taskDefinitionArn === taskDefinitionArnOf('old', 1))!
      .definition.status = 'INACTIVE';
    const e = s.ecsError('CreateService', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });

  it('desiredCount 0 is allowed', () => {
    const { s } = aServiceWorld();
    expect(s.ecs('CreateService', requests.ec2({ desiredCount: 0 })).service.desiredCount).toBe(0);
  });

  it('a family reference skips INACTIVE revisions (2.2: the latest ACTIVE one)', () => {
    const { s } = aServiceWorld();
    register(s, taskDefinitions.bridge('web')); // web:2
    s.api.document.regions['us-east-1'].taskDefinitions.find((d) => d.definition.taskDefinitionArn === taskDefinitionArnOf('web', 2))!
      .definition.status = 'INACTIVE';
    expect(s.ecs('CreateService', requests.ec2()).service.taskDefinition).toBe(taskDefinitionArnOf('web', 1));
  });
});

// UpdateService: 15.2's rules, what starts a deployment (9.6, D30), deployment records (9.7, D31)
// and EX18's examples.
import { describe, expect, it } from 'vitest';
import {
  advanceClock, aServiceWorld, awsvpc, deploymentIdAt, register, requests, serviceArnOf, taskDefinitionArnOf, taskDefinitions, SUBNET_A, SUBNET_B, SG_1, SG_2 } from '../../../builders/services.ts';

const START_MS = Date.UTC(2018, 4, 22);
const START_S = START_MS / 1000;
const ipe = 'InvalidParameterException';

/** A world with: `ec2` (bridge, web), `lb` (bridge + instance target group), `vpc` (awsvpc), `fg` (FARGATE), `reg` (bridge + SRV registry web:80), `fgreg` (FARGATE + A registry). */
function updateWorld() {
  const w = aServiceWorld();
  const { s, tg, reg } = w;
  s.ecs('CreateService', requests.ec2({ serviceName: 'ec2' }));
  s.ecs('CreateService', requests.ec2({ serviceName: 'lb', loadBalancers: [{ targetGroupArn: tg.instance, containerName: 'web', containerPort: 80 }] }));
  s.ecs('CreateService', requests.vpc({ serviceName: 'vpc' }));
  s.ecs('CreateService', requests.fargate({ serviceName: 'fg' }));
  s.ecs('CreateService', requests.ec2({ serviceName: 'reg', serviceRegistries: [{ registryArn: reg.srv, containerName: 'web', containerPort: 80 }] }));
  s.ecs('CreateService', requests.fargate({ serviceName: 'fgreg', serviceRegistries: [{ registryArn: reg.a }] }));
  s.ecs('CreateService', requests.ec2({ serviceName: 'draining', desiredCount: 0 }));
  s.ecs('DeleteService', { service: 'draining' });
  s.ecs('CreateService', requests.ec2({ serviceName: 'inactive', desiredCount: 0 }));
  s.ecs('DeleteService', { service: 'inactive' });
  // what the scheduler's step does to a DRAINING service with no live task (section 12), without moving the clock
  for (const service of w.sc.state.services) if (service.status === 'DRAINING') service.status = 'INACTIVE';
  s.ecs('CreateService', requests.ec2({ serviceName: 'draining', desiredCount: 0 })); // a new one replaces the INACTIVE record…
  s.ecs('DeleteService', { service: 'draining' }); // …and is DRAINING again
  register(s, taskDefinitions.bridge('web', [{ name: 'web', ports: [8080] }])); // web:2 drops port 80
  register(s, taskDefinitions.bridge('web2')); // web2:1 keeps web:80
  register(s, taskDefinitions.fargate('fg')); // fg:2
  register(s, taskDefinitions.bridge('old'));
  register(s, taskDefinitions.bridge('old'));
  w.sc.state.taskDefinitions.find((d) => d.definition.taskDefinitionArn === taskDefinitionArnOf('old', 1))!.definition.status = 'INACTIVE';
  return w;
}

describe('UpdateService: 15.2', () => {
  it.each([
    ['#1', 'unknown cluster', { cluster: 'ghost', service: 'ec2' }, 'ClusterNotFoundException', 'Cluster not found.'],
    ['#2', 'unknown service', { service: 'ghost' }, 'ServiceNotFoundException', 'Service not found.'],
    ['#2', 'a service of another cluster', { cluster: 'other', service: 'ec2' }, 'ServiceNotFoundException', 'Service not found.'],
    ['#3', 'DRAINING', { service: 'draining', desiredCount: 1 }, 'ServiceNotActiveException', 'Service was not ACTIVE.'],
    ['#3', 'INACTIVE', { service: 'inactive' }, 'ServiceNotActiveException', 'Service was not ACTIVE.'],
    ['#4', 'desiredCount −1', { service: 'ec2', desiredCount: -1 }, ipe, 'Task count can not be lesser than 0'],
    ['#5', 'unknown task definition', { service: 'ec2', taskDefinition: 'nope' }, 'ClientException', 'TaskDefinition not found.'],
    ['#5b', 'an INACTIVE revision (DG18)', { service: 'ec2', taskDefinition: 'old:1' }, ipe, 'TaskDefinition is inactive'],
    // #6–…: 15.1 rules against the resulting service
    ['15.1 #9', 'FARGATE → an EC2-only task definition', { service: 'fg', taskDefinition: 'vpc' }, ipe,
      'Task definition does not support launch_type FARGATE.'],
    ['15.1 #10', 'platformVersion on EC2', { service: 'ec2', platformVersion: '1.1.0' }, ipe,
      'The platform version must be null when specifying an EC2 launch type.'],
    ['15.1 #11', 'unknown platformVersion', { service: 'fg', platformVersion: '2.0.0' }, 'PlatformUnknownException',
      'The specified platform version does not exist.'],
    ['15.1 #12', 'bridge → awsvpc without networkConfiguration', { service: 'ec2', taskDefinition: 'vpc' }, ipe,
      "Network Configuration must be provided when networkMode 'awsvpc' is specified."],
    ['15.1 #13', 'networkConfiguration on bridge', { service: 'ec2', networkConfiguration: awsvpc([SUBNET_A]) }, ipe,
      'Network Configuration is not valid for the given networkMode of this task definition.'],
    ['15.1 #13', 'awsvpc → bridge keeps the networkConfiguration', { service: 'vpc', taskDefinition: 'web2' }, ipe,
      'Network Configuration is not valid for the given networkMode of this task definition.'],
    ['15.1 #14', 'subnets []', { service: 'vpc', networkConfiguration: awsvpc([]) }, ipe, 'subnets can not be empty.'],
    ['15.1 #15', '6 security groups', { service: 'vpc', networkConfiguration: awsvpc([SUBNET_A], Array(6).fill(SG_1)) }, ipe,
      'There is a limit of 10 subnets and 5 security groups per AwsVpcConfiguration.'],
    ['15.1 #15a', 'an undeclared subnet', { service: 'fg', networkConfiguration: awsvpc([SUBNET_A, 'subnet-0000f00d']) }, ipe,
      "Error retrieving subnet information for [subnet-0000000a, subnet-0000f00d]: The subnet ID 'subnet-0000f00d' does not exist (ErrorCode: InvalidSubnetID.NotFound)"],
    ['15.1 #15a', 'an undeclared security group', { service: 'fg', networkConfiguration: awsvpc([SUBNET_A], ['sg-0000beef']) }, ipe,
      "Error retrieving security group information for [sg-0000beef]: The security group 'sg-0000beef' does not exist (ErrorCode: InvalidGroup.NotFound)"],
    ['15.1 #16', 'assignPublicIp ENABLED on EC2', { service: 'vpc', networkConfiguration: awsvpc([SUBNET_A], [], 'ENABLED') }, ipe,
      'Assign public IP is not supported for this launch type.'],
    ['15.1 #25', 'minimumHealthyPercent 101', { service: 'ec2', deploymentConfiguration: { minimumHealthyPercent: 101 } }, ipe,
      'deploymentConfiguration.minimumHealthyPercent must be between 0 and 100, but was 101.'],
    ['15.1 #26', 'maximumPercent 99', { service: 'ec2', deploymentConfiguration: { maximumPercent: 99 } }, ipe,
      'deploymentConfiguration.maximumPercent must be at least 100, but was 99.'],
    ['15.1 #29', 'the new task definition lacks the LB container', { service: 'lb', taskDefinition: 'alt' }, ipe,
      'The container web does not exist in the task definition.'],
    ['15.1 #30', 'the new task definition drops the LB port', { service: 'lb', taskDefinition: 'web:2' }, ipe,
      'The container web did not have a container port 80 defined.'],
    ['15.1 #31', 'an instance target group with an awsvpc task definition', { service: 'lb', taskDefinition: 'vpc', networkConfiguration: awsvpc([SUBNET_A]) }, ipe,
      'Services with tasks that use the awsvpc network mode only support target groups with target type ip.'],
    ['15.1 #34', 'grace period without a load balancer', { service: 'ec2', healthCheckGracePeriodSeconds: 30 }, ipe,
      'Health check grace period is only valid for services configured to use load balancers'],
    ['15.1 #35', 'grace period 1801', { service: 'lb', healthCheckGracePeriodSeconds: 1801 }, ipe,
      'healthCheckGracePeriodSeconds must be between 0 and 1800.'],
    ['15.1 #39', 'the new task definition drops the registry port', { service: 'reg', taskDefinition: 'web:2' }, ipe,
      `The container web does not have a containerPort 80 in its port mappings. Registry: arn:aws:servicediscovery:us-east-1:123456789012:service/srv-srv`],
    ['15.1 #43', 'FARGATE 1.0.0 with a registry', { service: 'fgreg', platformVersion: '1.0.0' }, ipe,
      'Service discovery requires Fargate platform version 1.1.0 or later.'],
  ])('%s %s', (_, __, input, code, message) => {
    const { s } = updateWorld();
    s.ecs('CreateCluster', { clusterName: 'other' });
    const e = s.ecsError('UpdateService', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });

  it.each([
    ['#2', '#4', { service: 'ghost', desiredCount: -1 }, 'Service not found.'],
    ['#3', '#4', { service: 'draining', desiredCount: -1 }, 'Service was not ACTIVE.'],
    ['#4', '#5', { service: 'ec2', desiredCount: -1, taskDefinition: 'nope' }, 'Task count can not be lesser than 0'],
    ['#5', '15.1 #10', { service: 'ec2', taskDefinition: 'nope', platformVersion: '1.0.0' }, 'TaskDefinition not found.'],
    ['15.1 #10', '#13', { service: 'ec2', platformVersion: '1.0.0', networkConfiguration: awsvpc([SUBNET_A]) },
      'The platform version must be null when specifying an EC2 launch type.'],
    ['15.1 #16', '#25', { service: 'vpc', networkConfiguration: awsvpc([SUBNET_A], [], 'ENABLED'), deploymentConfiguration: { maximumPercent: 1 } },
      'Assign public IP is not supported for this launch type.'],
    ['15.1 #26', '#29', { service: 'lb', taskDefinition: 'alt', deploymentConfiguration: { maximumPercent: 1 } },
      'deploymentConfiguration.maximumPercent must be at least 100, but was 1.'],
    ['15.1 #30', '#35', { service: 'lb', taskDefinition: 'web:2', healthCheckGracePeriodSeconds: 5000 },
      'The container web did not have a container port 80 defined.'],
    ['15.1 #34', '#39', { service: 'reg', taskDefinition: 'web:2', healthCheckGracePeriodSeconds: 5 },
      'Health check grace period is only valid for services configured to use load balancers'],
  ])('%s before %s', (_, __, input, message) => {
    expect(updateWorld().s.ecsError('UpdateService', input).message).toBe(message);
  });

  it('accepts a service ARN and the cluster by ARN', () => {
    const { s } = updateWorld();
    const out = s.ecs('UpdateService', { cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/default', service: serviceArnOf('ec2'), desiredCount: 3 });
    expect(out.service.desiredCount).toBe(3);
  });

  it('#15a is not rechecked when the request carries no networkConfiguration (a subnet gone from the scenario)', () => {
    const { s, sc } = updateWorld();
    sc.state.subnets.splice(0); // every subnet gone
    expect(s.ecs('UpdateService', { service: 'vpc', desiredCount: 2 }).service.desiredCount).toBe(2);
  });

  it('the service\'s own INACTIVE revision stays usable (DG18: existing services keep running and scaling)', () => {
    const { s, sc } = updateWorld();
    s.ecs('CreateService', requests.ec2({ serviceName: 'legacy', taskDefinition: 'old:2' }));
    sc.state.taskDefinitions.find((d) => d.definition.taskDefinitionArn === taskDefinitionArnOf('old', 2))!.definition.status = 'INACTIVE';
    expect(s.ecs('UpdateService', { service: 'legacy', taskDefinition: 'old:2', desiredCount: 2 }).service.deployments).toHaveLength(1);
  });
});

describe('UpdateService: what starts a new deployment (9.6, D30)', () => {
  it.each([
    // [service, request, new deployment?]
    ['ec2', { taskDefinition: 'web2' }, true], // a task definition with a different ARN (9.6)
    ['ec2', { taskDefinition: 'web:1' }, false], // the same ARN again (D30)
    ['ec2', { taskDefinition: taskDefinitionArnOf('web', 1) }, false], // the same ARN, given as an ARN
    ['ec2', { taskDefinition: 'web' }, true], // `web` now resolves to web:2, the latest ACTIVE revision
    ['ec2', { forceNewDeployment: true }, true], // forced, although nothing else changes
    ['ec2', { forceNewDeployment: false }, false],
    ['ec2', { desiredCount: 5 }, false], // scaling, not a deployment (D30)
    ['ec2', { deploymentConfiguration: { minimumHealthyPercent: 50 } }, false], // D30
    ['lb', { healthCheckGracePeriodSeconds: 120 }, false], // D30
    ['fg', { platformVersion: '1.1.0' }, true], // LATEST → 1.1.0 compares as given (D30)
    ['fg', { platformVersion: 'LATEST' }, false], // unchanged
    ['fg', { networkConfiguration: awsvpc([SUBNET_A, SUBNET_B]) }, false], // only adds a subnet (API18)
    ['fg', { networkConfiguration: awsvpc([SUBNET_B]) }, true], // replaces a subnet
    ['fg', { networkConfiguration: awsvpc([SUBNET_A], [], 'DISABLED') }, false], // omitted assignPublicIp = DISABLED
    ['fg', { networkConfiguration: awsvpc([SUBNET_A], [SG_1]) }, true], // adds a security group
    ['fg', { networkConfiguration: awsvpc([SUBNET_A, SUBNET_B], [SG_1]) }, true], // adds a subnet and a security group
    ['fg', { networkConfiguration: awsvpc([SUBNET_A], [], 'ENABLED') }, true], // assignPublicIp changes
    ['fg', { networkConfiguration: {} }, false], // carries no awsvpcConfiguration: nothing to change
    ['fg', { desiredCount: 3, deploymentConfiguration: { maximumPercent: 150 } }, false],
  ])('%s %j → new deployment: %s', (service, request, expected) => {
    const { s } = updateWorld();
    register(s, taskDefinitions.bridge('web')); // web:3, so `web` resolves to web:3 ≠ web:1
    const before = s.ecs('DescribeServices', { services: [service] }).services[0];
    advanceClock(s, 5000);
    const after = s.ecs('UpdateService', { service, ...request }).service;
    expect(after.deployments.length).toBe(expected ? 2 : 1);
    expect(after.deployments[0].id !== before.deployments[0].id).toBe(expected);
  });

  it('sets and subnet order do not matter', () => {
    const { s } = updateWorld();
    s.ecs('UpdateService', { service: 'fg', networkConfiguration: awsvpc([SUBNET_A, SUBNET_B], [SG_1, SG_2]) }); // new deployment
    const out = s.ecs('UpdateService', { service: 'fg', networkConfiguration: awsvpc([SUBNET_B, SUBNET_A], [SG_2, SG_1]) }).service;
    expect(out.deployments).toHaveLength(2); // no third one
    expect(out.networkConfiguration).toEqual(awsvpc([SUBNET_B, SUBNET_A], [SG_2, SG_1], 'DISABLED'));
  });

  it('desiredCount alone updates the PRIMARY in place: id kept, updatedAt set (D30)', () => {
    const { s } = updateWorld();
    const id = s.ecs('DescribeServices', { services: ['ec2'] }).services[0].deployments[0].id;
    advanceClock(s, 60_000);
    const out = s.ecs('UpdateService', { service: 'ec2', desiredCount: 4 }).service;
    expect(out.deployments).toEqual([expect.objectContaining({ id, desiredCount: 4, createdAt: START_S, updatedAt: START_S + 60 })]);
    expect(out.desiredCount).toBe(4);
  });

  it('adding a subnet updates the service and the PRIMARY in place (9.6)', () => {
    const { s } = updateWorld();
    advanceClock(s, 1000);
    const out = s.ecs('UpdateService', { service: 'fg', networkConfiguration: awsvpc([SUBNET_A, SUBNET_B]) }).service;
    const expected = awsvpc([SUBNET_A, SUBNET_B], [], 'DISABLED');
    expect(out.networkConfiguration).toEqual(expected);
    expect(out.deployments).toEqual([expect.objectContaining({ networkConfiguration: expected, updatedAt: START_S + 1 })]);
  });

  it('a partial deploymentConfiguration merges with the current one (D30)', () => {
    const { s } = updateWorld();
    s.ecs('UpdateService', { service: 'ec2', deploymentConfiguration: { minimumHealthyPercent: 50 } });
    const out = s.ecs('UpdateService', { service: 'ec2', deploymentConfiguration: { maximumPercent: 150 } }).service;
    expect(out.deploymentConfiguration).toEqual({ maximumPercent: 150, minimumHealthyPercent: 50 });
  });
});

describe('UpdateService: deployment records (9.7, D31)', () => {
  it('a new deployment is PRIMARY; the previous one becomes ACTIVE with desiredCount 0 and updatedAt = now', () => {
    const { s } = updateWorld();
    s.ecs('UpdateService', { service: 'ec2', desiredCount: 3 });
    advanceClock(s, 90_000); // t = START + 90 s
    const out = s.ecs('UpdateService', { service: 'ec2', taskDefinition: 'web2' }).service;
    expect(out.deployments).toEqual([
      {
        id: deploymentIdAt(START_MS + 90_000), status: 'PRIMARY', taskDefinition: taskDefinitionArnOf('web2', 1), desiredCount: 3,
        pendingCount: 0, runningCount: 0, createdAt: START_S + 90, updatedAt: START_S + 90, launchType: 'EC2',
      },
      {
        id: deploymentIdAt(START_MS), status: 'ACTIVE', taskDefinition: taskDefinitionArnOf('web', 1), desiredCount: 0,
        pendingCount: 0, runningCount: 0, createdAt: START_S, updatedAt: START_S + 90, launchType: 'EC2',
      },
    ]);
    expect(out.taskDefinition).toBe(taskDefinitionArnOf('web2', 1));
  });

  it('copies platformVersion and networkConfiguration into the new deployment; the service mirrors the PRIMARY', () => {
    const { s } = updateWorld();
    const out = s.ecs('UpdateService', { service: 'fg', platformVersion: '1.1.0', networkConfiguration: awsvpc([SUBNET_B], [SG_2]) }).service;
    const primary = out.deployments[0];
    expect(primary).toMatchObject({ status: 'PRIMARY', platformVersion: '1.1.0', launchType: 'FARGATE', networkConfiguration: awsvpc([SUBNET_B], [SG_2], 'DISABLED') });
    expect(out.deployments[1]).toMatchObject({ status: 'ACTIVE', platformVersion: 'LATEST', networkConfiguration: awsvpc([SUBNET_A], [], 'DISABLED') });
    expect([out.platformVersion, out.networkConfiguration, out.taskDefinition]).toEqual([primary.platformVersion, primary.networkConfiguration, primary.taskDefinition]);
  });

  it('deployments at the same millisecond get distinct ids (D2: add 1 until unique); older ones list newest first', () => {
    const { s } = updateWorld();
    // updateWorld leaves 8 deployments made at START_MS (the replaced `draining` record took its id with it):
    // ids n … n+7 are taken (n = 2^63 − 1 − START_MS), so the next two are n+8 and n+9
    s.ecs('UpdateService', { service: 'ec2', forceNewDeployment: true });
    const out = s.ecs('UpdateService', { service: 'ec2', forceNewDeployment: true }).service;
    const base = 9223372036854775807n - BigInt(START_MS);
    expect(out.deployments.map((d: { id: string; status: string }) => [d.id, d.status])).toEqual([
      [`ecs-svc/${base + 9n}`, 'PRIMARY'],
      [`ecs-svc/${base + 8n}`, 'ACTIVE'],
      [`ecs-svc/${base}`, 'ACTIVE'],
    ]);
  });

  it('INACTIVE deployments leave the list (D31) but stay in the record', () => {
    const { s, sc } = updateWorld();
    s.ecs('UpdateService', { service: 'ec2', taskDefinition: 'web2' });
    const record = sc.state.services.find((x) => x.serviceName === 'ec2')!;
    record.deployments[0].status = 'INACTIVE'; // what the scheduler's bookkeeping does (9.3)
    const out = s.ecs('DescribeServices', { services: ['ec2'] }).services[0];
    expect(out.deployments.map((d: { status: string }) => d.status)).toEqual(['PRIMARY']);
    expect(record.deployments).toHaveLength(2);
  });
});

describe('UpdateService: EX18 replayed', () => {
  it('"To change the task definition used in a service"', () => {
    const { s } = aServiceWorld();
    register(s, taskDefinitions.bridge('amazon-ecs-sample'));
    s.ecs('CreateService', requests.ec2({ serviceName: 'my-http-service' }));
    const out = s.ecs('UpdateService', { service: 'my-http-service', taskDefinition: 'amazon-ecs-sample' });
    expect(out.service.taskDefinition).toBe(taskDefinitionArnOf('amazon-ecs-sample', 1));
    expect(out.service.deployments.map((d: { status: string }) => d.status)).toEqual(['PRIMARY', 'ACTIVE']);
  });

  it('"To change the number of tasks in a service"', () => {
    const { s } = aServiceWorld();
    s.ecs('CreateService', requests.ec2({ serviceName: 'my-http-service' }));
    const out = s.ecs('UpdateService', { desiredCount: 10, service: 'my-http-service' });
    expect(out.service).toMatchObject({ desiredCount: 10, deployments: [expect.objectContaining({ desiredCount: 10, status: 'PRIMARY' })] });
  });
});

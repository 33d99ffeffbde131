// CreateService 15.1 #25–#35 and D51: deployment configuration (D39), load balancers (section 13),
// roles and the health-check grace period (D55).
import { describe, expect, it } from 'vitest';
import { aServiceWorld, awsvpc, requests, targetGroupArnOf, SUBNET_A } from '../../../builders/services.ts';

const ipe = 'InvalidParameterException';
const classic = (containerName = 'web', containerPort = 80) => ({ loadBalancerName: 'my-elb', containerName, containerPort });

describe('CreateService: deploymentConfiguration (15.1 #25, #26, D39)', () => {
  it.each([
    ['#25', 'min −1', { minimumHealthyPercent: -1 }, 'deploymentConfiguration.minimumHealthyPercent must be between 0 and 100, but was -1.'],
    ['#25', 'min 101', { minimumHealthyPercent: 101 }, 'deploymentConfiguration.minimumHealthyPercent must be between 0 and 100, but was 101.'],
    ['#26', 'max 99', { maximumPercent: 99 }, 'deploymentConfiguration.maximumPercent must be at least 100, but was 99.'],
    ['#26', 'max 0', { maximumPercent: 0 }, 'deploymentConfiguration.maximumPercent must be at least 100, but was 0.'],
  ])('%s %s', (_, __, deploymentConfiguration, message) => {
    const e = aServiceWorld().s.ecsError('CreateService', requests.ec2({ deploymentConfiguration }));
    expect([e.code, e.message]).toEqual([ipe, message]);
  });

  it.each([
    [{ minimumHealthyPercent: 0, maximumPercent: 100 }],
    [{ minimumHealthyPercent: 100, maximumPercent: 100 }], // a deadlock (9.5), but valid
    [{ minimumHealthyPercent: 50, maximumPercent: 1000 }],
  ])('accepts %j', (deploymentConfiguration) => {
    expect(aServiceWorld().s.ecs('CreateService', requests.ec2({ deploymentConfiguration })).service.deploymentConfiguration)
      .toEqual({ maximumPercent: deploymentConfiguration.maximumPercent, minimumHealthyPercent: deploymentConfiguration.minimumHealthyPercent });
  });
});

describe('CreateService: load balancers, roles and grace period (15.1 #27–#35, D51)', () => {
  const w = aServiceWorld(); // only for the ARNs in the table
  it.each([
    ['#27', 'two load balancers', requests.ec2({ loadBalancers: [classic(), classic()] }),
      'You can specify a maximum of 1 load balancer per service.'],
    ['#28', 'both loadBalancerName and targetGroupArn', requests.ec2({ loadBalancers: [{ ...classic(), targetGroupArn: w.tg.instance }] }),
      'loadBalancerName and targetGroupArn cannot both be specified'],
    ['#28', 'neither', requests.ec2({ loadBalancers: [{ containerName: 'web', containerPort: 80 }] }),
      'Specify either loadBalancerName or targetGroupArn, but not both.'],
    ['#29', 'a container the task definition lacks', requests.ec2({ loadBalancers: [classic('api')] }),
      'The container api does not exist in the task definition.'],
    ['#29', 'no containerName (printed as null)', requests.ec2({ loadBalancers: [{ loadBalancerName: 'my-elb', containerPort: 80 }] }),
      'The container null does not exist in the task definition.'],
    ['#30', 'a port the container does not map', requests.ec2({ loadBalancers: [classic('web', 8080)] }),
      'The container web did not have a container port 8080 defined.'],
    ['#31', 'awsvpc with a Classic Load Balancer', requests.vpc({ loadBalancers: [classic()] }),
      'Services with tasks that use the awsvpc network mode only support target groups with target type ip.'],
    ['#31', 'awsvpc with an instance target group', requests.vpc({ loadBalancers: [{ targetGroupArn: w.tg.instance, containerName: 'web', containerPort: 80 }] }),
      'Services with tasks that use the awsvpc network mode only support target groups with target type ip.'],
    ['#31', 'FARGATE with an instance target group', requests.fargate({ loadBalancers: [{ targetGroupArn: w.tg.instance, containerName: 'web', containerPort: 80 }] }),
      'Services with tasks that use the awsvpc network mode only support target groups with target type ip.'],
    // D51 supersedes #31's synthesised `Target group <arn> does not exist.` for undeclared target groups
    ['#31/D51', 'an undeclared target group', requests.ec2({ loadBalancers: [{ targetGroupArn: targetGroupArnOf('ghost'), containerName: 'web', containerPort: 80 }] }),
      'Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions.'],
    ['#31', 'a target group behind no load balancer', requests.ec2({ loadBalancers: [{ targetGroupArn: w.tg.instanceLoose, containerName: 'web', containerPort: 80 }] }),
      `The target group with targetGroupArn ${w.tg.instanceLoose} does not have an associated load balancer.`],
    ['#31', 'awsvpc: an ip target group behind no load balancer', requests.vpc({ loadBalancers: [{ targetGroupArn: w.tg.ipLoose, containerName: 'web', containerPort: 80 }] }),
      `The target group with targetGroupArn ${w.tg.ipLoose} does not have an associated load balancer.`],
    // AWS output beyond 15.1: bridge/host register instance targets (section 13)
    ['#31+', 'bridge with an ip target group', requests.ec2({ loadBalancers: [{ targetGroupArn: w.tg.ip, containerName: 'web', containerPort: 80 }] }),
      `The provided target group ${w.tg.ip} has target type ip, which is incompatible with the bridge network mode specified in the task definition.`],
    ['#31+', 'host with an ip target group', requests.ec2({ taskDefinition: 'hostweb', loadBalancers: [{ targetGroupArn: w.tg.ip, containerName: 'web', containerPort: 80 }] }),
      `The provided target group ${w.tg.ip} has target type ip, which is incompatible with the host network mode specified in the task definition.`],
    ['#32', 'role without a load balancer', requests.ec2({ role: 'ecsServiceRole' }), 'A role was passed, but no load balancers were present.'],
    ['#33', 'role with awsvpc', requests.vpc({ role: 'ecsServiceRole', loadBalancers: [{ targetGroupArn: w.tg.ip, containerName: 'web', containerPort: 80 }] }),
      'You cannot specify an IAM role for services that require a service linked role.'],
    ['#34', 'grace period without a load balancer', requests.ec2({ healthCheckGracePeriodSeconds: 60 }),
      'Health check grace period is only valid for services configured to use load balancers'],
    ['#35', 'grace period 1801 (range 0–1800)', requests.ec2({ loadBalancers: [classic()], healthCheckGracePeriodSeconds: 1801 }),
      'healthCheckGracePeriodSeconds must be between 0 and 1800.'],
    ['#35', 'grace period −1', requests.ec2({ loadBalancers: [classic()], healthCheckGracePeriodSeconds: -1 }),
      'healthCheckGracePeriodSeconds must be between 0 and 1800.'],
  ])('%s %s', (_, __, input, message) => {
    const e = aServiceWorld().s.ecsError('CreateService', input);
    expect([e.code, e.message]).toEqual([ipe, message]);
  });

  it.each([
    ['awsvpc', requests.vpc()],
    ['FARGATE', requests.fargate()],
    ['a load balancer without role', requests.ec2({ loadBalancers: [classic()] })],
  ])('D51: without the service-linked role, %s is refused', (_, input) => {
    const { s, sc } = aServiceWorld();
    sc.withServiceLinkedRole(false);
    const e = s.ecsError('CreateService', input);
    expect([e.code, e.message]).toEqual([ipe,
      'Unable to assume the service linked role. Please verify that the ECS service linked role exists.']);
  });

  it('D51: a load balancer with a role, or no load balancer on bridge, needs no service-linked role', () => {
    const { s, sc } = aServiceWorld();
    sc.withServiceLinkedRole(false);
    expect(s.ecs('CreateService', requests.ec2({ serviceName: 'a', loadBalancers: [classic()], role: 'ecsServiceRole' })).service.status).toBe('ACTIVE');
    expect(s.ecs('CreateService', requests.ec2({ serviceName: 'b' })).service.status).toBe('ACTIVE');
  });

  it('valid combinations: ALB instance group on bridge, ip group on awsvpc and FARGATE, grace 0 and 1800 (D55)', () => {
    const { s, tg } = aServiceWorld();
    const alb = (targetGroupArn: string) => [{ targetGroupArn, containerName: 'web', containerPort: 80 }];
    const a = s.ecs('CreateService', requests.ec2({ serviceName: 'a', loadBalancers: alb(tg.instance), healthCheckGracePeriodSeconds: 1800 })).service;
    expect(a.healthCheckGracePeriodSeconds).toBe(1800);
    expect(a).not.toHaveProperty('roleArn');
    const b = s.ecs('CreateService', requests.vpc({ serviceName: 'b', loadBalancers: alb(tg.ip), healthCheckGracePeriodSeconds: 0 })).service;
    expect(b.healthCheckGracePeriodSeconds).toBe(0);
    const c = s.ecs('CreateService', requests.fargate({ serviceName: 'c', loadBalancers: alb(tg.ip), networkConfiguration: awsvpc([SUBNET_A]) })).service;
    expect(c.loadBalancers).toEqual(alb(tg.ip));
    expect(c.healthCheckGracePeriodSeconds).toBe(0); // D55
  });
});

import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';

const TG = (name: string, region = 'us-east-1', account = '123456789012') =>
  `arn:aws:elasticloadbalancing:${region}:${account}:targetgroup/${name}/0123456789abcdef`;
const LB = (region = 'us-east-1', account = '123456789012') =>
  `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/app/front/fedcba9876543210`;

const subnet = (subnetId: string, availabilityZone = 'us-east-1a', cidrBlock?: string) =>
  ({ subnetId, availabilityZone, ...(cidrBlock ? { cidrBlock } : {}) });

describe('EcsSandbox.PutSubnets', () => {
  it('merges by subnetId: a known id is replaced in place, a new one appended', () => {
    const s = aSandbox();
    s.sandbox('PutSubnets', { subnets: [subnet('subnet-0000000a', 'us-east-1a', '10.0.0.0/24'), subnet('subnet-0000000b', 'us-east-1b')] });
    const out = s.sandbox('PutSubnets', { subnets: [subnet('subnet-0000000c', 'us-east-1c'), subnet('subnet-0000000a', 'us-east-1d', '10.0.8.0/21')] });
    expect(out).toEqual({
      subnets: [
        subnet('subnet-0000000a', 'us-east-1d', '10.0.8.0/21'),
        subnet('subnet-0000000b', 'us-east-1b'),
        subnet('subnet-0000000c', 'us-east-1c'),
      ],
    });
    expect(s.sandbox('ExportScenario').scenario.regions['us-east-1'].subnets).toEqual(out.subnets);
  });

  it('accepts the 17-digit ids and an empty list', () => {
    const s = aSandbox();
    expect(s.sandbox('PutSubnets', { subnets: [subnet('subnet-0123456789abcdef0')] }).subnets).toHaveLength(1);
    expect(s.sandbox('PutSubnets', { subnets: [] }).subnets).toHaveLength(1);
  });

  it('state is per region: a subnet of us-east-1 is not in eu-west-1, whose zones are its own', () => {
    const s = aSandbox();
    s.sandbox('PutSubnets', { subnets: [subnet('subnet-0000000a')] });
    expect(s.sandbox('PutSubnets', { subnets: [subnet('subnet-0000000b', 'eu-west-1a')] }, 'eu-west-1'))
      .toEqual({ subnets: [subnet('subnet-0000000b', 'eu-west-1a')] });
    const e = s.error('EcsSandbox.PutSubnets', { subnets: [subnet('subnet-0000000c', 'us-east-1a')] }, 'eu-west-1');
    expect(e.message).toBe('Availability zone "us-east-1a" is not in eu-west-1: expected eu-west-1 and one letter, such as eu-west-1a.');
  });

  it.each<[unknown, string, string]>([
    [{}, 'InvalidParameterException', 'subnets is required.'],
    [{ subnets: 'subnet-0000000a' }, 'SerializationException', 'subnets must be a list.'],
    [{ subnets: [null] }, 'SerializationException', 'subnets[0] must be an object.'],
    [{ subnets: [{ subnetId: 'subnet-0000000a' }] }, 'InvalidParameterException', 'subnets[0].availabilityZone is required.'],
    [{ subnets: [{ ...subnet('subnet-0000000a'), cidrBlock: 24 }] }, 'SerializationException', 'subnets[0].cidrBlock must be a string.'],
    [{ subnets: [subnet('subnet-123')] }, 'InvalidParameterException',
      'Invalid subnet id "subnet-123": expected "subnet-" and 8 or 17 lower-case hexadecimal digits.'],
    [{ subnets: [subnet('subnet-ABCDEF12')] }, 'InvalidParameterException',
      'Invalid subnet id "subnet-ABCDEF12": expected "subnet-" and 8 or 17 lower-case hexadecimal digits.'],
    [{ subnets: [subnet('sg-0000000a')] }, 'InvalidParameterException',
      'Invalid subnet id "sg-0000000a": expected "subnet-" and 8 or 17 lower-case hexadecimal digits.'],
    [{ subnets: [subnet('subnet-0000000a', 'us-east-1')] }, 'InvalidParameterException',
      'Availability zone "us-east-1" is not in us-east-1: expected us-east-1 and one letter, such as us-east-1a.'],
    [{ subnets: [subnet('subnet-0000000a', 'us-west-2a')] }, 'InvalidParameterException',
      'Availability zone "us-west-2a" is not in us-east-1: expected us-east-1 and one letter, such as us-east-1a.'],
    // prefix lengths outside /16–/28, octets over 255, no prefix, leading zeros
    ...['10.0.0.0/8', '10.0.0.0/29', '10.0.300.0/24', '10.0.0.0', '10.0.01.0/24'].map((cidr): [unknown, string, string] => [
      { subnets: [subnet('subnet-0000000a', 'us-east-1a', cidr)] }, 'InvalidParameterException',
      `Invalid CIDR block "${cidr}": expected an IPv4 network with a prefix length from 16 to 28, such as 10.0.1.0/24.`]),
    // 10.0.1.5/24: the last 8 bits are host bits; the network is 10.0.1.0/24
    [{ subnets: [subnet('subnet-0000000a', 'us-east-1a', '10.0.1.5/24')] }, 'InvalidParameterException',
      'CIDR block "10.0.1.5/24" has host bits set; the network is 10.0.1.0/24.'],
    // 172.16.20.0/20: 20 = 0001 0100, the low 4 bits of the third octet are host bits → 172.16.16.0/20
    [{ subnets: [subnet('subnet-0000000a', 'us-east-1a', '172.16.20.0/20')] }, 'InvalidParameterException',
      'CIDR block "172.16.20.0/20" has host bits set; the network is 172.16.16.0/20.'],
    [{ subnets: [subnet('subnet-0000000a'), subnet('subnet-0000000a', 'us-east-1b')] }, 'InvalidParameterException',
      'Subnet subnet-0000000a appears more than once in the request.'],
  ])('PutSubnets %j → %s', (input, code, message) => {
    const s = aSandbox();
    s.sandbox('PutSubnets', { subnets: [subnet('subnet-0000000f')] });
    const e = s.error('EcsSandbox.PutSubnets', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });
});

describe('EcsSandbox.PutSecurityGroups', () => {
  it('merges by groupId', () => {
    const s = aSandbox();
    s.sandbox('PutSecurityGroups', { securityGroups: [{ groupId: 'sg-0000000a' }] });
    expect(s.sandbox('PutSecurityGroups', { securityGroups: [{ groupId: 'sg-0123456789abcdef0' }, { groupId: 'sg-0000000a' }] }))
      .toEqual({ securityGroups: [{ groupId: 'sg-0000000a' }, { groupId: 'sg-0123456789abcdef0' }] });
  });

  it.each([
    [{ securityGroups: [{}] }, 'InvalidParameterException', 'securityGroups[0].groupId is required.'],
    [{ securityGroups: [{ groupId: 'sg-1' }] }, 'InvalidParameterException',
      'Invalid security group id "sg-1": expected "sg-" and 8 or 17 lower-case hexadecimal digits.'],
    [{ securityGroups: [{ groupId: 'sg-0000000a' }, { groupId: 'sg-0000000a' }] }, 'InvalidParameterException',
      'Security group sg-0000000a appears more than once in the request.'],
  ])('PutSecurityGroups %j → %s', (input, code, message) => {
    const e = aSandbox().error('EcsSandbox.PutSecurityGroups', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });
});

describe('EcsSandbox.PutTargetGroups', () => {
  it('merges by ARN and keeps only the members given; loadBalancerArns may be empty (15.1 #31)', () => {
    const s = aSandbox();
    s.sandbox('PutTargetGroups', { targetGroups: [{ targetGroupArn: TG('a'), targetType: 'ip', loadBalancerArns: [] }] });
    const out = s.sandbox('PutTargetGroups', {
      targetGroups: [
        { targetGroupArn: TG('b'), targetType: 'instance', loadBalancerArns: [LB(), LB()], port: 80, protocol: 'HTTP' },
        { targetGroupArn: TG('a'), targetType: 'ip', loadBalancerArns: [LB()] },
      ],
    });
    expect(out).toEqual({
      targetGroups: [
        { targetGroupArn: TG('a'), targetType: 'ip', loadBalancerArns: [LB()] },
        // a load balancer named twice is listed once
        { targetGroupArn: TG('b'), targetType: 'instance', loadBalancerArns: [LB()], port: 80, protocol: 'HTTP' },
      ],
    });
  });

  const group = (over: Record<string, unknown>) => ({ targetGroupArn: TG('a'), targetType: 'ip', loadBalancerArns: [LB()], ...over });
  it.each([
    [group({ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/a/xyz' }),
      'Invalid target group ARN "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/a/xyz": expected arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<16 hexadecimal digits>.'],
    [group({ targetGroupArn: TG('-a') }),
      `Invalid target group ARN "${TG('-a')}": expected arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<16 hexadecimal digits>.`],
    [group({ targetGroupArn: TG('a', 'eu-west-1') }), `${TG('a', 'eu-west-1')} does not belong to region us-east-1 of account 123456789012.`],
    [group({ targetGroupArn: TG('a', 'us-east-1', '999999999999') }),
      `${TG('a', 'us-east-1', '999999999999')} does not belong to region us-east-1 of account 123456789012.`],
    [group({ loadBalancerArns: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/front'] }),
      'Invalid load balancer ARN "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/front": expected arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app|net/<name>/<16 hexadecimal digits>.'],
    [group({ loadBalancerArns: [LB('eu-west-1')] }), `${LB('eu-west-1')} does not belong to region us-east-1 of account 123456789012.`],
    [group({ targetType: 'lambda' }), 'targetGroups[0].targetType should be one of [instance, ip]'],
    [group({ protocol: 'UDP' }), 'targetGroups[0].protocol should be one of [HTTP, HTTPS, TCP]'],
    [group({ port: 0 }), 'targetGroups[0].port must be from 1 to 65535, not 0.'],
    [group({ port: 65536 }), 'targetGroups[0].port must be from 1 to 65535, not 65536.'],
    [group({ loadBalancerArns: undefined }), 'targetGroups[0].loadBalancerArns is required.'],
  ])('PutTargetGroups %j → InvalidParameterException', (targetGroup, message) => {
    const e = aSandbox().error('EcsSandbox.PutTargetGroups', { targetGroups: [targetGroup] });
    expect([e.code, e.message]).toEqual(['InvalidParameterException', message]);
  });

  it('a target group ARN repeated in one request is refused', () => {
    const e = aSandbox().error('EcsSandbox.PutTargetGroups', { targetGroups: [group({}), group({ targetType: 'instance' })] });
    expect(e.message).toBe(`Target group ${TG('a')} appears more than once in the request.`);
  });

  it('a wrong JSON type is SerializationException', () => {
    const e = aSandbox().error('EcsSandbox.PutTargetGroups', { targetGroups: [group({ port: '80' })] });
    expect([e.code, e.message]).toEqual(['SerializationException', 'targetGroups[0].port must be an integer.']);
  });
});

describe('EcsSandbox.PutIamState', () => {
  it('records whether the service-linked role exists (D51), per region', () => {
    const s = aSandbox();
    expect(s.sandbox('PutIamState', { serviceLinkedRoleExists: false })).toEqual({ serviceLinkedRoleExists: false });
    const regions = s.sandbox('ExportScenario').scenario.regions;
    expect(regions['us-east-1'].iam).toEqual({ serviceLinkedRoleExists: false });
    s.sandbox('PutIamState', { serviceLinkedRoleExists: true }, 'eu-west-1');
    expect(s.sandbox('ExportScenario').scenario.regions['us-east-1'].iam).toEqual({ serviceLinkedRoleExists: false });
  });

  it.each([
    [{}, 'InvalidParameterException', 'serviceLinkedRoleExists is required.'],
    [{ serviceLinkedRoleExists: 'yes' }, 'SerializationException', 'serviceLinkedRoleExists must be a boolean.'],
  ])('PutIamState %j → %s', (input, code, message) => {
    const e = aSandbox().error('EcsSandbox.PutIamState', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });
});

describe('Put* feed the ECS checks', () => {
  it('a declared target group is accepted by CreateService; PutIamState false makes awsvpc services fail (D51)', () => {
    const s = aSandbox();
    s.sandbox('PutTargetGroups', { targetGroups: [{ targetGroupArn: TG('web'), targetType: 'instance', loadBalancerArns: [LB()] }] });
    s.ecs('RegisterTaskDefinition', {
      family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128, portMappings: [{ containerPort: 80 }] }],
    });
    const out = s.ecs('CreateService', {
      serviceName: 'web', taskDefinition: 'web', desiredCount: 0,
      loadBalancers: [{ targetGroupArn: TG('web'), containerName: 'web', containerPort: 80 }],
    });
    expect(out.service.loadBalancers).toEqual([{ targetGroupArn: TG('web'), containerName: 'web', containerPort: 80 }]);
    s.sandbox('PutIamState', { serviceLinkedRoleExists: false });
    const e = s.ecsError('CreateService', {
      serviceName: 'web2', taskDefinition: 'web', desiredCount: 0,
      loadBalancers: [{ targetGroupArn: TG('web'), containerName: 'web', containerPort: 80 }],
    });
    expect(e.message).toBe('Unable to assume the service linked role. Please verify that the ECS service linked role exists.');
  });
});

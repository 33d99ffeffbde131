// CreateService 15.1 #9–#16 (with #15a): launch type, Fargate platform versions (section 7) and
// networkConfiguration against the task definition's network mode and the scenario.
import { describe, expect, it } from 'vitest';
import { aServiceWorld, awsvpc, requests, SUBNET_A, SUBNET_B, SG_1, SG_2, subnetIds, groupIds } from '../../../builders/services.ts';

const ipe = 'InvalidParameterException';
const subnets = subnetIds;
const groups = groupIds;

describe('CreateService: launch type and platform version (15.1 #9–#11)', () => {
  it.each([
    // `vpc` is awsvpc but requires only EC2 (requiresCompatibilities omitted = EC2, API18)
    ['#9', 'FARGATE with an EC2-only task definition', requests.fargate({ taskDefinition: 'vpc' }), ipe,
      'Task definition does not support launch_type FARGATE.'],
    ['#9', 'FARGATE with a bridge task definition', requests.fargate({ taskDefinition: 'web', networkConfiguration: undefined }), ipe,
      'Task definition does not support launch_type FARGATE.'],
    ['#10', 'EC2 with platformVersion 1.0.0', requests.ec2({ platformVersion: '1.0.0' }), ipe,
      'The platform version must be null when specifying an EC2 launch type.'],
    ['#10', 'EC2 (explicit) with platformVersion LATEST', requests.vpc({ launchType: 'EC2', platformVersion: 'LATEST' }), ipe,
      'The platform version must be null when specifying an EC2 launch type.'],
    ['#11', 'FARGATE with 1.2.0 (known: 1.0.0, 1.1.0, LATEST)', requests.fargate({ platformVersion: '1.2.0' }),
      'PlatformUnknownException', 'The specified platform version does not exist.'],
    ['#11', 'FARGATE with "latest" (case matters)', requests.fargate({ platformVersion: 'latest' }),
      'PlatformUnknownException', 'The specified platform version does not exist.'],
  ])('%s %s', (_, __, input, code, message) => {
    const e = aServiceWorld().s.ecsError('CreateService', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });

  it('the generic validator refuses an unknown launchType with the D52 text', () => {
    const e = aServiceWorld().s.ecsError('CreateService', requests.ec2({ launchType: 'SPOT' }));
    expect([e.code, e.message]).toEqual([ipe, 'launchType should be one of [EC2, FARGATE]']);
  });

  it.each(['1.0.0', '1.1.0', 'LATEST'])('FARGATE accepts platformVersion %s', (platformVersion) => {
    expect(aServiceWorld().s.ecs('CreateService', requests.fargate({ platformVersion })).service.platformVersion).toBe(platformVersion);
  });
});

describe('CreateService: networkConfiguration (15.1 #12–#16)', () => {
  it.each([
    ['#12', 'awsvpc on EC2 without networkConfiguration', requests.vpc({ networkConfiguration: undefined }), ipe,
      "Network Configuration must be provided when networkMode 'awsvpc' is specified."],
    ['#12', 'FARGATE without networkConfiguration', requests.fargate({ networkConfiguration: undefined }), ipe,
      "Network Configuration must be provided when networkMode 'awsvpc' is specified."],
    ['#12', 'awsvpc with an empty networkConfiguration {}', requests.vpc({ networkConfiguration: {} }), ipe,
      "Network Configuration must be provided when networkMode 'awsvpc' is specified."],
    ['#13', 'bridge with networkConfiguration', requests.ec2({ networkConfiguration: awsvpc([SUBNET_A]) }), ipe,
      'Network Configuration is not valid for the given networkMode of this task definition.'],
    ['#13', 'host with networkConfiguration', requests.ec2({ taskDefinition: 'hostweb', networkConfiguration: awsvpc([SUBNET_A]) }), ipe,
      'Network Configuration is not valid for the given networkMode of this task definition.'],
    ['#14', 'subnets []', requests.vpc({ networkConfiguration: awsvpc([]) }), ipe, 'subnets can not be empty.'],
    ['#15', '11 subnets (limit 10)', requests.vpc({ networkConfiguration: awsvpc(subnets(11)) }), ipe,
      'There is a limit of 10 subnets and 5 security groups per AwsVpcConfiguration.'],
    ['#15', '6 security groups (limit 5)', requests.vpc({ networkConfiguration: awsvpc([SUBNET_A], groups(6)) }), ipe,
      'There is a limit of 10 subnets and 5 security groups per AwsVpcConfiguration.'],
    // #15a: the list is the request's subnets joined by ", "; the first unknown id is named
    ['#15a', 'an undeclared subnet', requests.vpc({ networkConfiguration: awsvpc([SUBNET_A, 'subnet-0000dead', 'subnet-0000beef']) }), ipe,
      "Error retrieving subnet information for [subnet-0000000a, subnet-0000dead, subnet-0000beef]: The subnet ID 'subnet-0000dead' does not exist (ErrorCode: InvalidSubnetID.NotFound)"],
    ['#15a', 'an undeclared security group', requests.vpc({ networkConfiguration: awsvpc([SUBNET_A], [SG_1, 'sg-0000dead']) }), ipe,
      "Error retrieving security group information for [sg-00000001, sg-0000dead]: The security group 'sg-0000dead' does not exist (ErrorCode: InvalidGroup.NotFound)"],
    ['#15a', 'subnets are checked before security groups', requests.vpc({ networkConfiguration: awsvpc(['subnet-0000dead'], ['sg-0000dead']) }), ipe,
      "Error retrieving subnet information for [subnet-0000dead]: The subnet ID 'subnet-0000dead' does not exist (ErrorCode: InvalidSubnetID.NotFound)"],
    ['#16', 'assignPublicIp ENABLED on EC2', requests.vpc({ networkConfiguration: awsvpc([SUBNET_A], [], 'ENABLED') }), ipe,
      'Assign public IP is not supported for this launch type.'],
  ])('%s %s', (_, __, input, code, message) => {
    const e = aServiceWorld().s.ecsError('CreateService', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });

  it('the generic validator refuses a missing subnets member and an unknown assignPublicIp', () => {
    const { s } = aServiceWorld();
    const missing = s.ecsError('CreateService', requests.vpc({ networkConfiguration: { awsvpcConfiguration: { securityGroups: [SG_1] } } }));
    expect([missing.code, missing.message]).toEqual([ipe, 'subnets is required.']);
    const bad = s.ecsError('CreateService', requests.vpc({ networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A], assignPublicIp: 'YES' } } }));
    expect(bad.message).toBe('networkConfiguration.awsvpcConfiguration.assignPublicIp should be one of [ENABLED, DISABLED]');
  });

  it('10 subnets and 5 security groups are allowed; FARGATE may assign a public IP', () => {
    const { s, sc } = aServiceWorld();
    for (const id of subnets(10)) sc.withSubnet(id);
    for (const id of groups(5)) sc.withSecurityGroup(id);
    expect(s.ecs('CreateService', requests.vpc({ networkConfiguration: awsvpc(subnets(10), groups(5)) })).service.networkConfiguration)
      .toEqual(awsvpc(subnets(10), groups(5), 'DISABLED'));
    expect(s.ecs('CreateService', requests.fargate({ serviceName: 'f', networkConfiguration: awsvpc([SUBNET_B], [SG_2], 'ENABLED') }))
      .service.networkConfiguration).toEqual(awsvpc([SUBNET_B], [SG_2], 'ENABLED'));
  });
});

// 15.1: "Checks run in the order listed, and the first failure wins." Each row breaks two rules at once;
// the earlier one must be reported.
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../../src/api/aws-error.ts';
import { assertValidExpression } from '../../../../src/api/validate/validate-expression.ts';
import { aServiceWorld, awsvpc, registryArnOf, requests, targetGroupArnOf, SUBNET_A, SG_1 } from '../../../builders/services.ts';

const w = aServiceWorld(); // only for the ARNs in the table
const classic = { loadBalancerName: 'my-elb', containerName: 'web', containerPort: 80 };
const parseErrorOf = (text: string) => {
  try {
    assertValidExpression(text);
  } catch (e) {
    return (e as AwsError).message;
  }
  throw new Error('expected a parse error');
};
const tooManySubnets = Array.from({ length: 11 }, (_, i) => `subnet-dead${i.toString(16).padStart(4, "0")}`);

describe('CreateService: two faults, the earlier rule wins', () => {
  it.each([
    ['#1', '#2', { serviceName: 'svc', desiredCount: 1, cluster: 'ghost' }, 'taskDefinition is required.'],
    ['#2', '#4', requests.ec2({ cluster: 'ghost', serviceName: 'bad name' }), 'Cluster not found.'],
    ['#3', '#4', requests.ec2({ cluster: 'gone', serviceName: 'bad name' }), 'The referenced cluster was inactive.'],
    ['#4', '#5', requests.ec2({ serviceName: 'bad name' }), 'Service names can have up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.'],
    ['#5', '#7', requests.ec2({ serviceName: 'taken', taskDefinition: 'nope' }), 'Creation of service was not idempotent.'],
    ['#6', '#7', requests.ec2({ serviceName: 'draining', taskDefinition: 'nope' }), 'Unable to Start a service that is still Draining.'],
    ['#7', '#8', requests.ec2({ taskDefinition: 'nope', desiredCount: -1 }), 'TaskDefinition not found.'],
    ['#8', '#9', requests.fargate({ taskDefinition: 'vpc', desiredCount: -1 }), 'Task count can not be lesser than 0'],
    ['#9', '#11', requests.fargate({ taskDefinition: 'vpc', platformVersion: '9.9.9' }), 'Task definition does not support launch_type FARGATE.'],
    ['#10', '#13', requests.ec2({ platformVersion: '1.0.0', networkConfiguration: awsvpc([SUBNET_A]) }),
      'The platform version must be null when specifying an EC2 launch type.'],
    ['#11', '#12', requests.fargate({ platformVersion: '9.9.9', networkConfiguration: undefined }), 'The specified platform version does not exist.'],
    ['#12', '#17', requests.fargate({ networkConfiguration: undefined, placementStrategy: [{ type: 'random' }] }),
      "Network Configuration must be provided when networkMode 'awsvpc' is specified."],
    ['#13', '#19', requests.ec2({ networkConfiguration: awsvpc([SUBNET_A]), placementStrategy: Array(6).fill({ type: 'random' }) }),
      'Network Configuration is not valid for the given networkMode of this task definition.'],
    ['#14', '#15', requests.vpc({ networkConfiguration: awsvpc([], Array(6).fill(SG_1)) }), 'subnets can not be empty.'],
    ['#15', '#15a', requests.vpc({ networkConfiguration: awsvpc(tooManySubnets) }),
      'There is a limit of 10 subnets and 5 security groups per AwsVpcConfiguration.'],
    ['#15a', '#16', requests.vpc({ networkConfiguration: awsvpc(['subnet-0000dead'], [], 'ENABLED') }),
      "Error retrieving subnet information for [subnet-0000dead]: The subnet ID 'subnet-0000dead' does not exist (ErrorCode: InvalidSubnetID.NotFound)"],
    ['#16', '#19', requests.vpc({ networkConfiguration: awsvpc([SUBNET_A], [], 'ENABLED'), placementStrategy: Array(6).fill({ type: 'random' }) }),
      'Assign public IP is not supported for this launch type.'],
    ['#17', '#18', requests.fargate({ placementStrategy: [{ type: 'random' }], placementConstraints: [{ type: 'distinctInstance' }] }),
      'Placement strategies are not supported with FARGATE launch type.'],
    ['#18', '#25', requests.fargate({ placementConstraints: [{ type: 'distinctInstance' }], deploymentConfiguration: { maximumPercent: 50 } }),
      'Placement constraints are not supported with FARGATE launch type.'],
    ['#19', '#20', requests.ec2({ placementStrategy: Array(6).fill({ type: 'random' }), placementConstraints: Array(11).fill({ type: 'distinctInstance' }) }),
      'You can specify a maximum of 5 strategy rules per service.'],
    ['#20', '#22', requests.ec2({ placementConstraints: Array(11).fill({ type: 'distinctInstance', expression: 'x' }) }),
      'You can specify a maximum of 10 constraints per task.'],
    // rule by rule over the whole list: the distinctInstance fault wins although the memberOf one comes first
    ['#22', '#23', requests.ec2({ placementConstraints: [{ type: 'memberOf' }, { type: 'distinctInstance', expression: 'x' }] }),
      'An expression cannot be specified for the distinctInstance constraint type.'],
    ['#23', '#24', requests.ec2({ placementConstraints: [{ type: 'memberOf' }], placementStrategy: [{ type: 'spread', field: 'az' }] }),
      parseErrorOf('')],
    ['#24', '#25', requests.ec2({ placementStrategy: [{ type: 'binpack', field: 'disk' }], deploymentConfiguration: { minimumHealthyPercent: 101 } }),
      'Invalid field for binpack strategy: disk. Valid values are cpu and memory.'],
    ['#25', '#26', requests.ec2({ deploymentConfiguration: { minimumHealthyPercent: 101, maximumPercent: 99 } }),
      'deploymentConfiguration.minimumHealthyPercent must be between 0 and 100, but was 101.'],
    ['#26', '#27', requests.ec2({ deploymentConfiguration: { maximumPercent: 99 }, loadBalancers: [classic, classic] }),
      'deploymentConfiguration.maximumPercent must be at least 100, but was 99.'],
    ['#27', '#28', requests.ec2({ loadBalancers: [{ containerName: 'web' }, { containerName: 'web' }] }),
      'You can specify a maximum of 1 load balancer per service.'],
    ['#28', '#29', requests.ec2({ loadBalancers: [{ containerName: 'api', containerPort: 80 }] }),
      'Specify either loadBalancerName or targetGroupArn, but not both.'],
    ['#29', '#30', requests.ec2({ loadBalancers: [{ ...classic, containerName: 'api', containerPort: 1 }] }),
      'The container api does not exist in the task definition.'],
    ['#30', '#31', requests.vpc({ loadBalancers: [{ ...classic, containerPort: 1 }] }), 'The container web did not have a container port 1 defined.'],
    ['#31', '#32', requests.ec2({ role: 'r', loadBalancers: [{ targetGroupArn: targetGroupArnOf('ghost'), containerName: 'web', containerPort: 80 }] }),
      'Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions.'],
    ['#32', '#34', requests.ec2({ role: 'r', healthCheckGracePeriodSeconds: 10 }), 'A role was passed, but no load balancers were present.'],
    ['#33', '#35', requests.vpc({ role: 'r', loadBalancers: [{ targetGroupArn: w.tg.ip, containerName: 'web', containerPort: 80 }], healthCheckGracePeriodSeconds: 9999 }),
      'You cannot specify an IAM role for services that require a service linked role.'],
    ['#34', '#35', requests.ec2({ healthCheckGracePeriodSeconds: 9999 }),
      'Health check grace period is only valid for services configured to use load balancers'],
    ['#35', '#36', requests.ec2({ loadBalancers: [classic], healthCheckGracePeriodSeconds: 9999, serviceRegistries: [{ registryArn: registryArnOf('ghost') }] }),
      'healthCheckGracePeriodSeconds must be between 0 and 1800.'],
    ['#36', '#37', requests.ec2({ serviceRegistries: [{ registryArn: registryArnOf('ghost') }] }),
      `Service registry ${registryArnOf('ghost')} does not exist.`],
    ['#37', '#38', requests.ec2({ serviceRegistries: [{ registryArn: w.reg.a }] }),
      `When specifying 'host' or 'bridge' for networkMode, values for 'containerName' and 'containerPort' must be specified from the task definition. Registry: ${w.reg.a}`],
    ['#38', '#39', requests.ec2({ serviceRegistries: [{ registryArn: w.reg.a, containerName: 'api', containerPort: 1 }] }),
      `The SRV record is the only supported DNS record type for the 'host' or 'bridge' networkMode. Registry: ${w.reg.a}`],
    ['#39', '#40', requests.vpc({ serviceRegistries: [{ registryArn: w.reg.srv, port: 80, containerName: 'api', containerPort: 1 }] }),
      `The container api does not have a containerPort 1 in its port mappings. Registry: ${w.reg.srv}`],
    ['#40', '#43', requests.fargate({ platformVersion: '1.0.0', serviceRegistries: [{ registryArn: w.reg.srv }] }),
      `When specifying 'awsvpc' for networkMode with an SRV record, specify either 'port' or 'containerName' and 'containerPort', but not both. Registry: ${w.reg.srv}`],
    ['#41', '#43', requests.fargate({ platformVersion: '1.0.0', serviceRegistries: [{ registryArn: w.reg.a, port: 80 }] }),
      'A port was provided but is not required by the specified service registry'],
    // #41 names containerPort before port
    ['#41 (containerPort)', '#41 (port)', requests.vpc({ serviceRegistries: [{ registryArn: w.reg.a, port: 80, containerName: 'web', containerPort: 80 }] }),
      "The values specified for serviceRegistries do not require a value for 'containerPort'. Remove the value and retry."],
    // #42–#44 exclude one another (none has no port mappings; FARGATE and awsvpc refuse Classic LBs), so
    // #44 is checked against the last rule that can co-occur with it.
    ['#39', '#44', requests.ec2({ loadBalancers: [classic], serviceRegistries: [{ registryArn: w.reg.srv, containerName: 'web', containerPort: 8080 }] }),
      `The container web does not have a containerPort 8080 in its port mappings. Registry: ${w.reg.srv}`],
  ])('%s before %s', (_, __, input, message) => {
    const { s } = aServiceWorld();
    s.ecs('CreateCluster', { clusterName: 'gone' });
    s.ecs('DeleteCluster', { cluster: 'gone' });
    s.ecs('CreateService', requests.ec2({ serviceName: 'taken' }));
    s.ecs('CreateService', requests.ec2({ serviceName: 'draining', desiredCount: 0 }));
    s.ecs('DeleteService', { service: 'draining' });
    const e = s.ecsError('CreateService', input);
    expect(e.message).toBe(message);
  });

  it('D51 (service-linked role) comes after #33 and before #34', () => {
    const { s, sc } = aServiceWorld();
    sc.withServiceLinkedRole(false);
    expect(s.ecsError('CreateService', requests.vpc({ role: 'r', loadBalancers: [{ targetGroupArn: w.tg.ip, containerName: 'web', containerPort: 80 }] })).message)
      .toBe('You cannot specify an IAM role for services that require a service linked role.');
    expect(s.ecsError('CreateService', requests.vpc({ healthCheckGracePeriodSeconds: 10 })).message)
      .toBe('Unable to assume the service linked role. Please verify that the ECS service linked role exists.');
  });
});

import { describe, expect, it } from 'vitest';
import { CLUSTERS, CONTAINER_INSTANCES, QUERY, SERVICES, TASK_DEFINITIONS, WIRE } from '../../../src/messages.ts';
import { fieldOfError, nearestShownField, type EditorKind } from '../../../web/editors/error-fields.ts';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/demo-web/5ea1000000000001';
const TG2 = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/demo-api/5ea1000000000002';
const REG = 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-2';
const serviceRequest = {
  serviceName: 'web', taskDefinition: 'web', desiredCount: 1,
  loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 80 }, { targetGroupArn: TG2, containerName: 'api', containerPort: 8080 }],
  serviceRegistries: [{ registryArn: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1' }, { registryArn: REG }],
  placementConstraints: [{ type: 'memberOf', expression: 'x' }, { type: 'distinctInstance', expression: 'y' }],
  placementStrategy: [{ type: 'spread', field: 'instanceId' }, { type: 'binpack', field: 'disk' }],
};
const taskDefinitionRequest = {
  family: 'web',
  containerDefinitions: [{ name: 'web', image: 'nginx' }, { name: 'log', image: '' }, { name: 'web', image: 'x' }, { name: 'bad name', image: 'y' }],
};

describe('API error → field (message texts from src/messages.ts)', () => {
  it.each<[string, EditorKind, string, string | undefined]>([
    // 15.1 #1 and D52 name the member themselves
    ['required', 'service', WIRE.required('desiredCount'), 'desiredCount'],
    ['required service (UpdateService)', 'service', WIRE.required('service'), 'serviceName'],
    ['required subnets', 'service', WIRE.required('subnets'), 'networkConfiguration.awsvpcConfiguration.subnets'],
    ['enum with a path', 'service', WIRE.enumValue('placementStrategy[1].type', ['random', 'spread', 'binpack']), 'placementStrategy[1].type'],
    ['enum launchType', 'service', WIRE.enumValue('launchType', ['EC2', 'FARGATE']), 'launchType'],
    ['cluster', 'service', CLUSTERS.notFound, 'cluster'],
    ['inactive cluster', 'service', CLUSTERS.inactive, 'cluster'],
    ['service name', 'service', SERVICES.badName, 'serviceName'],
    ['not idempotent', 'service', SERVICES.notIdempotent, 'serviceName'],
    ['negative count', 'service', SERVICES.negativeDesiredCount, 'desiredCount'],
    ['task definition', 'service', TASK_DEFINITIONS.notFound, 'taskDefinition'],
    ['launch type', 'service', SERVICES.launchTypeNotSupported('FARGATE'), 'launchType'],
    ['platform with EC2', 'service', SERVICES.platformVersionWithEc2, 'platformVersion'],
    ['platform unknown', 'service', SERVICES.platformUnknown, 'platformVersion'],
    ['network required', 'service', SERVICES.networkConfigurationRequired, 'networkConfiguration'],
    ['subnets empty', 'service', SERVICES.subnetsEmpty, 'networkConfiguration.awsvpcConfiguration.subnets'],
    ['subnet unknown', 'service', SERVICES.subnetNotFound(['subnet-1'], 'subnet-1'), 'networkConfiguration.awsvpcConfiguration.subnets'],
    ['security group unknown', 'service', SERVICES.securityGroupNotFound(['sg-1'], 'sg-1'), 'networkConfiguration.awsvpcConfiguration.securityGroups'],
    ['public ip', 'service', SERVICES.assignPublicIpNotSupported, 'networkConfiguration.awsvpcConfiguration.assignPublicIp'],
    ['max percent', 'service', SERVICES.maximumPercentTooLow(50), 'deploymentConfiguration.maximumPercent'],
    ['min percent', 'service', SERVICES.minimumHealthyPercentRange(150), 'deploymentConfiguration.minimumHealthyPercent'],
    ['too many strategies', 'service', SERVICES.tooManyStrategies(5), 'placementStrategy'],
    // the binpack entry with field disk is the second strategy
    ['binpack field', 'service', SERVICES.badBinpackField('disk'), 'placementStrategy[1].field'],
    ['fargate strategies', 'service', SERVICES.fargateStrategies, 'placementStrategy'],
    ['fargate constraints', 'service', SERVICES.fargateConstraints, 'placementConstraints'],
    // the distinctInstance entry with an expression is the second constraint
    ['distinctInstance expression', 'service', SERVICES.distinctInstanceExpression, 'placementConstraints[1].expression'],
    ['D48 expression', 'service', QUERY.invalidExpression(3, QUERY.unexpectedEnd), 'placementConstraints'],
    ['too many constraints', 'service', SERVICES.tooManyConstraints(10), 'placementConstraints'],
    ['too many load balancers', 'service', SERVICES.tooManyLoadBalancers(1), 'loadBalancers'],
    ['both names', 'service', SERVICES.loadBalancerBoth, 'loadBalancers[0].targetGroupArn'],
    // container api is the second load balancer
    ['container port', 'service', SERVICES.containerPortNotDefined('api', '8080'), 'loadBalancers[1].containerPort'],
    ['container name', 'service', SERVICES.containerNotInTaskDefinition('api'), 'loadBalancers[1].containerName'],
    ['target group without LB', 'service', SERVICES.targetGroupWithoutLoadBalancer(TG2), 'loadBalancers[1].targetGroupArn'],
    ['target group unknown', 'service', SERVICES.targetGroupNotFound(TG2), 'loadBalancers[1].targetGroupArn'],
    ['awsvpc ip target group', 'service', SERVICES.awsvpcNeedsIpTargetGroup, 'loadBalancers[0].targetGroupArn'],
    ['D51 target group', 'service', SERVICES.targetGroupUnvalidated, 'loadBalancers[0].targetGroupArn'],
    ['role without LB', 'service', SERVICES.roleWithoutLoadBalancer, 'role'],
    ['role with awsvpc', 'service', SERVICES.roleWithAwsvpc, 'role'],
    ['D51 service-linked role', 'service', SERVICES.serviceLinkedRoleMissing, 'role'],
    ['grace period without LB', 'service', SERVICES.gracePeriodWithoutLoadBalancer, 'healthCheckGracePeriodSeconds'],
    ['grace period range', 'service', SERVICES.gracePeriodRange(1800), 'healthCheckGracePeriodSeconds'],
    ['one registry', 'service', SERVICES.tooManyServiceRegistries, 'serviceRegistries'],
    // REG is the second registry
    ['registry unknown', 'service', SERVICES.serviceRegistryNotFound(REG), 'serviceRegistries[1].registryArn'],
    ['registry needs container', 'service', SERVICES.registryNeedsContainer(REG), 'serviceRegistries[1].containerName'],
    ['registry SRV only', 'service', SERVICES.registryNeedsSrvOnly(REG), 'serviceRegistries[1].registryArn'],
    ['registry port not mapped', 'service', SERVICES.registryContainerPortNotMapped('web', '81', REG), 'serviceRegistries[1].containerPort'],
    ['registry port or container', 'service', SERVICES.registryPortOrContainer(REG), 'serviceRegistries[1].port'],
    ['registry containerPort not required', 'service', SERVICES.registryContainerPortNotRequired, 'serviceRegistries[0].containerPort'],
    ['registry port not required', 'service', SERVICES.registryPortNotRequired, 'serviceRegistries[0].port'],
    ['registry with classic LB', 'service', SERVICES.registryWithClassicLoadBalancer, 'serviceRegistries'],
    ['delete scaled above 0', 'service', SERVICES.scaledAboveZero, 'desiredCount'],
    ['not found goes to the top', 'service', SERVICES.notFound, undefined],
    ['not active goes to the top', 'service', SERVICES.notActive, undefined],
    ['serialization goes to the top', 'service', WIRE.cannotConvert('STRING_VALUE', 'an Integer'), undefined],

    ['family', 'taskDefinition', TASK_DEFINITIONS.familyInvalid, 'family'],
    ['task cpu', 'taskDefinition', TASK_DEFINITIONS.invalidTaskCpu, 'cpu'],
    ['task memory', 'taskDefinition', TASK_DEFINITIONS.invalidTaskMemory, 'memory'],
    ['no containers', 'taskDefinition', TASK_DEFINITIONS.containerDefinitionsEmpty, 'containerDefinitions'],
    // `bad name` is the fourth container
    ['container name invalid', 'taskDefinition', TASK_DEFINITIONS.containerNameInvalid, 'containerDefinitions[3].name'],
    // the second `web` is the third container
    ['duplicate container', 'taskDefinition', TASK_DEFINITIONS.containerNameDuplicate('web'), 'containerDefinitions[2].name'],
    // `log` (second) has no image
    ['image missing', 'taskDefinition', TASK_DEFINITIONS.containerImageMissing, 'containerDefinitions[1].image'],
    ['memory missing', 'taskDefinition', TASK_DEFINITIONS.containerMemoryMissing('log'), 'containerDefinitions[1].memory'],
    ['reservation', 'taskDefinition', TASK_DEFINITIONS.containerMemoryNotAboveReservation('log'), 'containerDefinitions[1].memoryReservation'],
    ['memory above task', 'taskDefinition', TASK_DEFINITIONS.containerMemoryAboveTask('log'), 'containerDefinitions[1].memory'],
    ['container port', 'taskDefinition', TASK_DEFINITIONS.invalidContainerPort('log'), 'containerDefinitions[1].portMappings'],
    ['host port mismatch', 'taskDefinition', TASK_DEFINITIONS.hostPortMismatch('awsvpc'), 'networkMode'],
    ['fargate network', 'taskDefinition', TASK_DEFINITIONS.fargateNetworkMode, 'networkMode'],
    ['fargate cpu', 'taskDefinition', TASK_DEFINITIONS.fargateCpuRequired, 'cpu'],
    ['fargate memory', 'taskDefinition', TASK_DEFINITIONS.fargateMemoryRequired, 'memory'],
    ['fargate constraints', 'taskDefinition', TASK_DEFINITIONS.fargateConstraints, 'placementConstraints'],
    ['D48 in a task definition', 'taskDefinition', QUERY.invalidExpression(1, QUERY.unknownSubject('foo')), 'placementConstraints'],
    ['enum networkMode', 'taskDefinition', WIRE.enumValue('networkMode', ['bridge', 'host', 'awsvpc', 'none']), 'networkMode'],

    ['region mismatch', 'instance', CONTAINER_INSTANCES.identityRegionMismatch('eu-west-1', 'us-east-1'), 'availabilityZone'],
    ['unknown type', 'instance', CONTAINER_INSTANCES.unknownInstanceType('x9.huge'), 'instanceType'],
    ['attribute name', 'instance', CONTAINER_INSTANCES.badAttributeName(128), 'attributes'],
    ['attribute limit', 'instance', CONTAINER_INSTANCES.attributeLimit(10), 'attributes'],
    ['running tasks goes to the top', 'instance', CONTAINER_INSTANCES.hasRunningTasks, undefined],
    ['instance cluster', 'instance', CLUSTERS.notFound, 'cluster'],

    ['cluster name', 'cluster', CLUSTERS.badName, 'clusterName'],
    ['cluster not empty goes to the top', 'cluster', CLUSTERS.containsServices, undefined],
  ])('%s', (_name, kind, message, field) => {
    const request = kind === 'service' ? serviceRequest : kind === 'taskDefinition' ? taskDefinitionRequest : {};
    expect(fieldOfError(kind, { code: 'InvalidParameterException', message }, request)).toBe(field);
  });
});

describe('nearestShownField', () => {
  const shown = new Set(['placementStrategy', 'loadBalancers[0].containerPort', 'deploymentConfiguration.maximumPercent']);
  it.each([
    ['placementStrategy[1].field', 'placementStrategy'],
    ['loadBalancers[0].containerPort', 'loadBalancers[0].containerPort'],
    ['deploymentConfiguration.maximumPercent', 'deploymentConfiguration.maximumPercent'],
    ['networkConfiguration.awsvpcConfiguration.subnets', undefined],
  ])('%s → %s', (path, field) => expect(nearestShownField(path, shown)).toBe(field));
});

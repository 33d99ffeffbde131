// The built-in demo: the world the playground opens on and `serve --scenario demo` starts from.
// Run on a fresh document it builds, in us-east-1:
//   - cluster `demo` over us-east-1a/b/c: six container instances registered as the agent does,
//     an m5.large and a c5.large per zone, each with a private IP inside its zone's subnet;
//   - three subnets (10.0.0.0/24, 10.0.1.0/24, 10.0.2.0/24), one security group;
//   - an ALB with two target groups: `demo-web` (target type instance) and `demo-api` (ip);
//   - the private DNS namespace `demo.local` and two registry services in it;
//   - task definitions in the three network modes: `web` (bridge, dynamic host port), `api`
//     (awsvpc) and `node-exporter` (host, no service);
//   - service `web`: bridge, behind demo-web, SRV registry by containerName/containerPort,
//     spread over zones then binpack on memory;
//   - service `api`: awsvpc in all three subnets, behind demo-api, A+SRV registry with `port`,
//     one task per instance at most.
// No time passes after the services are created: the scheduler starts their tasks at its next steps.
import type { ScenarioCall } from './scenario-call.ts';

const ECS = 'AmazonEC2ContainerServiceV20141113';
const SD = 'Route53AutoNaming_v20170314';
const SANDBOX = 'EcsSandbox';
const REGION = 'us-east-1';

export const DEMO_VPC = 'vpc-5ea1d000';
export const DEMO_SUBNETS = [
  { subnetId: 'subnet-5ea1a000', availabilityZone: 'us-east-1a', cidrBlock: '10.0.0.0/24' },
  { subnetId: 'subnet-5ea1b000', availabilityZone: 'us-east-1b', cidrBlock: '10.0.1.0/24' },
  { subnetId: 'subnet-5ea1c000', availabilityZone: 'us-east-1c', cidrBlock: '10.0.2.0/24' },
] as const;
export const DEMO_SECURITY_GROUP = 'sg-5ea15ec0';

/** Six instances: the m5.large of each zone, then the c5.large of each zone (registration order). */
export const DEMO_INSTANCES = [
  { instanceId: 'i-05ea1a00000000001', instanceType: 'm5.large', availabilityZone: 'us-east-1a', privateIp: '10.0.0.11' },
  { instanceId: 'i-05ea1b00000000002', instanceType: 'm5.large', availabilityZone: 'us-east-1b', privateIp: '10.0.1.11' },
  { instanceId: 'i-05ea1c00000000003', instanceType: 'm5.large', availabilityZone: 'us-east-1c', privateIp: '10.0.2.11' },
  { instanceId: 'i-05ea1a00000000004', instanceType: 'c5.large', availabilityZone: 'us-east-1a', privateIp: '10.0.0.12' },
  { instanceId: 'i-05ea1b00000000005', instanceType: 'c5.large', availabilityZone: 'us-east-1b', privateIp: '10.0.1.12' },
  { instanceId: 'i-05ea1c00000000006', instanceType: 'c5.large', availabilityZone: 'us-east-1c', privateIp: '10.0.2.12' },
] as const;

const elbArn = (accountId: string, resource: string) => `arn:aws:elasticloadbalancing:${REGION}:${accountId}:${resource}`;
export const demoLoadBalancerArn = (accountId: string) => elbArn(accountId, 'loadbalancer/app/demo-alb/5ea1a1b0000000a1');
export const demoWebTargetGroupArn = (accountId: string) => elbArn(accountId, 'targetgroup/demo-web/5ea1000000000001');
export const demoApiTargetGroupArn = (accountId: string) => elbArn(accountId, 'targetgroup/demo-api/5ea1000000000002');

/** The identity document the agent reads from the instance metadata service. */
function identityDocument(accountId: string, instance: (typeof DEMO_INSTANCES)[number]): string {
  return JSON.stringify({
    accountId,
    architecture: 'x86_64',
    availabilityZone: instance.availabilityZone,
    imageId: 'ami-aff65ad2',
    instanceId: instance.instanceId,
    instanceType: instance.instanceType,
    pendingTime: '2018-05-21T23:50:00Z',
    privateIp: instance.privateIp,
    region: REGION,
    version: '2017-09-30',
  });
}

/** The demo's calls for a document of `accountId` (the ELB ARNs carry the account). */
export function demoScenario(options: { accountId: string }): ScenarioCall[] {
  const { accountId } = options;
  const ecs = (op: string, input: unknown, as?: string): ScenarioCall => ({ target: `${ECS}.${op}`, input, ...(as ? { as } : {}) });
  const sd = (op: string, input: unknown, as?: string): ScenarioCall => ({ target: `${SD}.${op}`, input, ...(as ? { as } : {}) });
  const sandbox = (op: string, input: unknown): ScenarioCall => ({ target: `${SANDBOX}.${op}`, input });

  return [
    // The network the instances and awsvpc tasks live in.
    sandbox('PutSubnets', { subnets: DEMO_SUBNETS.map((s) => ({ ...s })) }),
    sandbox('PutSecurityGroups', { securityGroups: [{ groupId: DEMO_SECURITY_GROUP }] }),
    sandbox('PutTargetGroups', {
      targetGroups: [
        { targetGroupArn: demoWebTargetGroupArn(accountId), targetType: 'instance', loadBalancerArns: [demoLoadBalancerArn(accountId)], port: 80, protocol: 'HTTP' },
        { targetGroupArn: demoApiTargetGroupArn(accountId), targetType: 'ip', loadBalancerArns: [demoLoadBalancerArn(accountId)], port: 8080, protocol: 'HTTP' },
      ],
    }),

    // The cluster and its instances, registered as the ECS agent registers them.
    ecs('CreateCluster', { clusterName: 'demo' }),
    ...DEMO_INSTANCES.map((instance) => ecs('RegisterContainerInstance', {
      cluster: 'demo',
      instanceIdentityDocument: identityDocument(accountId, instance),
      instanceIdentityDocumentSignature: 'ecs-sandbox-demo',
    })),

    // Task definitions in the three network modes.
    ecs('RegisterTaskDefinition', {
      family: 'web',
      networkMode: 'bridge',
      containerDefinitions: [{
        name: 'web', image: 'nginx:1.14-alpine', cpu: 256, memory: 512, memoryReservation: 256, essential: true,
        // hostPort 0: a dynamic port from the ephemeral range (semantics 4.5)
        portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
      }],
    }),
    ecs('RegisterTaskDefinition', {
      family: 'api',
      networkMode: 'awsvpc',
      containerDefinitions: [{
        name: 'api', image: 'demo/api:1.0', cpu: 512, memory: 1024, essential: true,
        portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
      }],
    }),
    ecs('RegisterTaskDefinition', {
      family: 'node-exporter',
      networkMode: 'host',
      containerDefinitions: [{
        name: 'node-exporter', image: 'prom/node-exporter:v0.16.0', cpu: 128, memory: 128, essential: true,
        portMappings: [{ containerPort: 9100, hostPort: 9100, protocol: 'tcp' }],
      }],
    }),

    // Service discovery. The namespace is created asynchronously: its operation completes at the
    // first scheduler step, one second on, and the namespace id is read from the operation.
    sd('CreatePrivateDnsNamespace', {
      Name: 'demo.local', Vpc: DEMO_VPC, CreatorRequestId: 'demo-namespace',
      Description: 'Service discovery for the demo cluster',
    }, 'namespace'),
    sandbox('AdvanceTime', { seconds: 1 }),
    sd('GetOperation', { OperationId: '${namespace.OperationId}' }, 'namespaceOperation'),
    sd('CreateService', {
      Name: 'web', CreatorRequestId: 'demo-web-registry',
      DnsConfig: {
        NamespaceId: '${namespaceOperation.Operation.Targets.NAMESPACE}',
        RoutingPolicy: 'MULTIVALUE',
        // bridge: SRV only (semantics 14.2)
        DnsRecords: [{ Type: 'SRV', TTL: 10 }],
      },
      HealthCheckCustomConfig: { FailureThreshold: 1 },
    }, 'webRegistry'),
    sd('CreateService', {
      Name: 'api', CreatorRequestId: 'demo-api-registry',
      DnsConfig: {
        NamespaceId: '${namespaceOperation.Operation.Targets.NAMESPACE}',
        RoutingPolicy: 'MULTIVALUE',
        DnsRecords: [{ Type: 'A', TTL: 10 }, { Type: 'SRV', TTL: 10 }],
      },
      HealthCheckCustomConfig: { FailureThreshold: 1 },
    }, 'apiRegistry'),

    // The two services.
    ecs('CreateService', {
      cluster: 'demo',
      serviceName: 'web',
      taskDefinition: 'web',
      desiredCount: 4,
      clientToken: 'demo-web',
      loadBalancers: [{ targetGroupArn: demoWebTargetGroupArn(accountId), containerName: 'web', containerPort: 80 }],
      serviceRegistries: [{ registryArn: '${webRegistry.Service.Arn}', containerName: 'web', containerPort: 80 }],
      healthCheckGracePeriodSeconds: 60,
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 50 },
      placementStrategy: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'binpack', field: 'memory' },
      ],
    }),
    ecs('CreateService', {
      cluster: 'demo',
      serviceName: 'api',
      taskDefinition: 'api',
      desiredCount: 3,
      clientToken: 'demo-api',
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: DEMO_SUBNETS.map((s) => s.subnetId),
          securityGroups: [DEMO_SECURITY_GROUP],
          assignPublicIp: 'DISABLED',
        },
      },
      loadBalancers: [{ targetGroupArn: demoApiTargetGroupArn(accountId), containerName: 'api', containerPort: 8080 }],
      serviceRegistries: [{ registryArn: '${apiRegistry.Service.Arn}', port: 8080 }],
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
      placementConstraints: [{ type: 'distinctInstance' }],
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
    }),
  ];
}

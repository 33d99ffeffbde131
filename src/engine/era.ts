// Era constants (semantics 1.3). Everything that was a 2018 limit lives here and nowhere else.
export const ERA_2018 = {
  maxStrategiesPerService: 5,
  maxConstraintsPerTask: 10,
  healthCheckGracePeriodMaxSeconds: 1800,
  describeServicesMaxNames: 10,
  listServicesMaxResults: 10,
  listDefaultMaxResults: 100,
  serviceNameMaxLength: 255,
  clientTokenMaxLength: 32,
  maxSubnetsPerAwsVpcConfiguration: 10,
  maxSecurityGroupsPerAwsVpcConfiguration: 5,
  maxLoadBalancersPerService: 1,
  maxServiceRegistriesPerService: 1,
  defaultReservedHostPorts: [22, 2375, 2376, 51678, 51679],
  maxReservedHostPortsPerInstance: 100,
  ephemeralPortRange: { first: 49153, last: 65535 },
  stopTimeoutSeconds: 30,
  serviceEventsKept: 100,
  duplicateEventSuppressionMs: 6 * 3600 * 1000,
  startBackoffCapSeconds: 900,
  fargateLatestPlatformVersion: '1.1.0',
  fargatePlatformVersions: ['1.0.0', '1.1.0'],
  runTaskMaxCount: 10,
  // Task definitions (API18 RegisterTaskDefinitionRequest, ContainerDefinition; semantics 7).
  taskDefinitionFamilyMaxLength: 255,
  containerNameMaxLength: 255,
  /** EC2 task-level cpu: "between 128 CPU units (0.125 vCPUs) and 10240 CPU units (10 vCPUs)" (API18). */
  taskCpuUnits: { min: 128, max: 10240 },
  /** Fargate task sizes of 2018: cpu units → the memory (MiB) values allowed with it (API18, semantics 7). */
  fargateTaskSizes: [
    { cpu: 256, memory: [512, 1024, 2048] },
    { cpu: 512, memory: [1024, 2048, 3072, 4096] },
    { cpu: 1024, memory: [2048, 3072, 4096, 5120, 6144, 7168, 8192] },
    { cpu: 2048, memory: Array.from({ length: 13 }, (_, i) => 4096 + 1024 * i) }, // 4096–16384
    { cpu: 4096, memory: Array.from({ length: 23 }, (_, i) => 8192 + 1024 * i) }, // 8192–30720
  ],
  // Tasks (API18 DescribeTasksRequest.tasks, StopTaskRequest.reason).
  describeTasksMaxTasks: 100,
  stopTaskReasonMaxLength: 255,
  // container instances and attributes (API18)
  describeContainerInstancesMaxIds: 100,
  maxAttributesPerCall: 10,
  maxCustomAttributesPerResource: 10,
  attributeNameMaxLength: 128,
  attributeValueMaxLength: 128,
  deploymentConfigurationDefaults: { maximumPercent: 200, minimumHealthyPercent: 100 },
  /** Largest request body accepted on the wire, in bytes. */
  maxRequestBodyBytes: 1024 * 1024,
} as const;

export type Era = typeof ERA_2018;

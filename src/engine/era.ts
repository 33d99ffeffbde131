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
  deploymentConfigurationDefaults: { maximumPercent: 200, minimumHealthyPercent: 100 },
  /** Largest request body accepted on the wire, in bytes. */
  maxRequestBodyBytes: 1024 * 1024,
} as const;

export type Era = typeof ERA_2018;

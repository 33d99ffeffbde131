// The texts of what-if errors (issue 6). All synthesised: what-if is ecs-sandbox's own, with no AWS
// counterpart. Every error names the JSON path of the fault first, `<path>: <problem>`, so that the CLI
// and the playground can point at it (the style of SANDBOX.wrongType).

const list = (names: readonly string[]) => names.join(', ');

export const WHATIF = {
  at: (path: string, problem: string) => (path ? `${path}: ${problem}` : problem),
  required: 'required',
  expected: (what: string) => `expected ${what}`,
  unknownMember: 'unknown member',
  noVariants: 'expected at least one variant',
  tooManyVariants: (limit: number) => `expected at most ${limit} variants`,
  emptyName: 'expected a non-empty name',
  duplicateName: (name: string, first: string) => `"${name}" is already the name of ${first}`,
  oneKind: (kinds: readonly string[]) => `expected exactly one of ${list(kinds)}`,
  integerRange: (low: number, high: number, value: unknown) => `expected an integer from ${low} to ${high}, got ${String(value)}`,
  positiveUpTo: (high: number, value: unknown) => `expected a number greater than 0 and at most ${high}, got ${String(value)}`,
  atSecondsRange: (high: number, value: unknown) => `expected a number from 0 to ${high}, got ${String(value)}`,
  nothingToChange: 'expected at least one of placementStrategy, placementConstraints, deploymentConfiguration, desiredCount, taskDefinition',
  noCluster: (cluster: string) => `no cluster "${cluster}"`,
  noService: (service: string, cluster: string) => `no service "${service}" in cluster "${cluster}"`,
  serviceNotActive: (service: string, status: string) => `service "${service}" is ${status}`,
  unknownInstanceType: (type: string) => `unknown instance type "${type}"`,
  wrongRegion: (zone: string, region: string) => `"${zone}" is not an Availability Zone of ${region}`,
  noInstance: (ec2InstanceId: string, cluster: string) => `no container instance of EC2 instance "${ec2InstanceId}" in cluster "${cluster}"`,
  noInstancesInZone: (zone: string, cluster: string) => `no ACTIVE container instance in ${zone} in cluster "${cluster}"`,
  faultNeedsZone: 'terminateAvailabilityZone needs availabilityZone',
  zoneOnlyForZoneFault: 'availabilityZone goes with terminateAvailabilityZone only',
  inVariant: (message: string, name: string) => `${message} (variant "${name}")`,
} as const;

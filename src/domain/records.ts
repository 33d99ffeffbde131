// The records a region's state is made of. They are plain JSON (no classes, no Dates), so a
// document can be exported, stored in IndexedDB and replayed. Times are simulated epoch milliseconds;
// the API layer turns them into the wire's epoch seconds.
import type {
  Attribute, ContainerDefinition, DeploymentConfiguration, LoadBalancer, NetworkConfiguration,
  PlacementConstraint, PlacementStrategy, Resource, ServiceRegistry, TaskDefinition, VersionInfo,
} from '../model/ecs-types.ts';

export interface ClusterRecord {
  clusterName: string;
  status: 'ACTIVE' | 'INACTIVE';
  createdAt: number;
}

export type Compatibility = 'EC2' | 'FARGATE';

/**
 * The stored task definition is the API shape itself, as DescribeTaskDefinition returns it (the
 * generated `TaskDefinition` types the two compatibility lists wrongly, hence the override).
 * RegisterTaskDefinition always sets and normalises these members, so the engine can read them as is:
 * - `taskDefinitionArn`, `family`, `revision` (1, 2, … per family), `status` (ACTIVE | INACTIVE);
 * - `networkMode`: the effective mode; `bridge` when the request omitted it (API18 default). Responses
 *   then omit it again, as AWS does (EX18), which `networkModeDefaulted` records;
 * - `containerDefinitions[]`: `cpu` (0 when omitted), `essential` (true when omitted), `memory` and
 *   `memoryReservation` as given, and `portMappings` always a list whose entries all carry
 *   `containerPort`, `protocol` (tcp when omitted) and `hostPort`: bridge `0` = dynamic, otherwise
 *   static; host and awsvpc always equal to `containerPort` (semantics 4.5);
 * - `cpu` / `memory`: task-level sizes as integer strings in CPU units / MiB ("1 vCPU" → "1024",
 *   "1 GB" → "1024"), or absent;
 * - `requiresCompatibilities`: as requested, `[]` when omitted (which means EC2, API18);
 * - `compatibilities`: `['EC2']`, plus `'FARGATE'` when the definition qualifies (semantics 7);
 * - `placementConstraints`: memberOf entries with parsed expressions, `[]` when none (4.9);
 * - `requiresAttributes`: derived by the table of 4.7, names only, `[]` when none.
 */
export interface TaskDefinitionRecord {
  definition: Omit<TaskDefinition, 'compatibilities' | 'requiresCompatibilities'> & {
    containerDefinitions: ContainerDefinition[];
    compatibilities?: Compatibility[];
    requiresCompatibilities?: Compatibility[];
  };
  registeredAt: number;
  /** True when the request omitted `networkMode` (see above). */
  networkModeDefaulted?: boolean;
}

export interface ContainerInstanceRecord {
  /** UUID, the last part of the ARN. */
  id: string;
  clusterName: string;
  ec2InstanceId: string;
  /** 0, 1, 2, … in RegisterContainerInstance order within the region (semantics 3.3). */
  registrationIndex: number;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  agentConnected: boolean;
  registeredAt: number;
  /** Bumped on every change, as ContainerInstance.version is. */
  version: number;
  versionInfo: VersionInfo;
  registeredResources: Resource[];
  attributes: Attribute[];
  instanceType?: string;
  availabilityZone?: string;
  privateIp?: string;
  subnetId?: string;
  /** ENIs the instance type supports, the primary included (semantics 4.6). */
  eniLimit?: number;
  ephemeralPortRange?: { first: number; last: number };
}

export interface DeploymentRecord {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  createdAt: number;
  updatedAt: number;
  launchType: 'EC2' | 'FARGATE';
  platformVersion?: string;
  networkConfiguration?: NetworkConfiguration;
}

export interface ServiceEventRecord {
  id: string;
  createdAt: number;
  message: string;
}

export interface ServiceRecord {
  serviceName: string;
  clusterName: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  desiredCount: number;
  taskDefinition: string;
  launchType: 'EC2' | 'FARGATE';
  platformVersion?: string;
  roleArn?: string;
  loadBalancers: LoadBalancer[];
  serviceRegistries: ServiceRegistry[];
  deploymentConfiguration: Required<DeploymentConfiguration>;
  placementConstraints: PlacementConstraint[];
  placementStrategy: PlacementStrategy[];
  networkConfiguration?: NetworkConfiguration;
  healthCheckGracePeriodSeconds?: number;
  createdAt: number;
  /** The clientToken and a fingerprint of the request that created it (CreateService idempotency). */
  clientToken?: string;
  requestFingerprint: string;
  /** Every deployment, INACTIVE ones included (responses hide those; the timeline keeps them). */
  deployments: DeploymentRecord[];
  /** Newest first, at most 100 (semantics 16.2). */
  events: ServiceEventRecord[];
}

export interface TaskRecord {
  id: string;
  clusterName: string;
  taskDefinitionArn: string;
  containerInstanceId?: string;
  group: string;
  startedBy?: string;
  lastStatus: 'PROVISIONING' | 'PENDING' | 'RUNNING' | 'DEPROVISIONING' | 'STOPPED';
  desiredStatus: 'RUNNING' | 'STOPPED';
  launchType: 'EC2' | 'FARGATE';
  createdAt: number;
  startedAt?: number;
  stoppingAt?: number;
  stoppedAt?: number;
  stoppedReason?: string;
  version: number;
  /** Host ports bound per container mapping, in container then mapping order. */
  hostPorts: { containerName: string; containerPort: number; hostPort: number; protocol: 'tcp' | 'udp' }[];
  /** awsvpc: the ENI's subnet and private address. */
  eni?: { subnetId: string; privateIpv4Address: string; attachmentId: string; networkInterfaceId?: string; macAddress?: string };
  platformVersion?: string;
  /** API `TaskOverride`; when absent, responses list one `{name}` per container, as AWS does (EX18). */
  overrides?: unknown;
  /** UUIDs of the task's containers, in container-definition order, drawn when the task is created
   *  (semantics 2.1); they form the containers' ARNs (`…:container/<id>`). */
  containerIds?: string[];
}

export interface SubnetRecord {
  subnetId: string;
  availabilityZone: string;
  cidrBlock?: string;
}

export interface TargetGroupRecord {
  targetGroupArn: string;
  targetType: 'instance' | 'ip';
  loadBalancerArns: string[];
  port?: number;
  protocol?: string;
}

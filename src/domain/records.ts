// The records a region's state is made of. They are plain JSON (no classes, no Dates), so a
// document can be exported, stored in IndexedDB and replayed. Times are simulated epoch milliseconds;
// the API layer turns them into the wire's epoch seconds.
import type {
  Attribute, ContainerDefinition, DeploymentConfiguration, LoadBalancer, NetworkConfiguration,
  PlacementConstraint, PlacementStrategy, Resource, ServiceRegistry, TaskDefinition, VersionInfo,
} from '../api/model/ecs-types.ts';

export interface ClusterRecord {
  clusterName: string;
  status: 'ACTIVE' | 'INACTIVE';
  createdAt: number;
}

/** The stored task definition is the API shape itself (ARN, revision, requiresAttributes derived). */
export interface TaskDefinitionRecord {
  definition: TaskDefinition & { containerDefinitions: ContainerDefinition[] };
  registeredAt: number;
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
  eni?: { subnetId: string; privateIpv4Address: string; attachmentId: string };
  platformVersion?: string;
  overrides?: unknown;
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

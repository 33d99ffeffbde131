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
  /** Fault injection: a disconnected agent comes back at this time. */
  agentReconnectAt?: number;
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
  /** Every event, oldest first (16.2: the full log for the timeline and golden tests), at most EVENT_LOG_LIMIT. */
  eventLog: ServiceEventRecord[];
  /** Section 11: consecutive PENDING → STOPPED failures, and the end of the current back-off. */
  startFailures: number;
  backoffUntil?: number;
  /** 16.3: when each suppressible message was last emitted, while its cause persists. */
  suppressed: Record<string, number>;
  /** 9.9: when the steady-state event was last emitted while the service stayed steady; absent when not steady. */
  steadyEventAt?: number;
  /** 9.5: why the deployment cannot progress (for the UI, never in events); absent when it can. */
  stuck?: 'CAPACITY' | 'DEPLOYMENT_CONFIGURATION';
  /** Fault injection: its targets fail health checks until then. */
  targetsUnhealthyUntil?: number;
  /** Samples of its counts, oldest first, at most TIMELINE_LIMIT. */
  timeline: TimelineSample[];
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
  /**
   * The simulated time of the task's next lifecycle transition (semantics 3.1, 3.2, 10): PROVISIONING →
   * PENDING, PENDING → RUNNING (or a start failure), an essential container turning unhealthy (D46),
   * the end of a stop phase. It takes effect at the first scheduler step at or after it. Absent: none.
   */
  nextAt?: number;
  /**
   * Where the stop sequence (10) stands once begun: waiting out the load balancer's deregistration
   * delay, or for the containers to exit after SIGTERM (SIGKILL at 30 s).
   */
  stopPhase?: 'deregistering' | 'exiting';
  /** The service scheduler began this stop: its stopped event is due at SIGTERM (10 step 3). */
  announceStop?: boolean;
}

/** A load balancer target of a service task (semantics 13), from RUNNING until deregistered. */
export interface TargetRecord {
  taskId: string;
  clusterName: string;
  serviceName: string;
  /** ALB/NLB: the target group; Classic: the load balancer's name (exactly one of the two). */
  targetGroupArn?: string;
  loadBalancerName?: string;
  /** `instance` targets: the EC2 instance id; `ip` targets (awsvpc): the task's ENI address. */
  targetId: string;
  /** The host port (bridge/host) or the container port (awsvpc). */
  port: number;
  /** ELBv2 TargetHealth states of 2018 that the scheduler passes through. */
  state: 'initial' | 'healthy' | 'unhealthy' | 'draining';
  /** The health-check failure text while unhealthy (13), e.g. `Health checks failed with these codes: [502]`. */
  reason?: string;
  registeredAt: number;
  /** When the target's state next changes: its health checks decide, or its deregistration delay ends. */
  nextAt?: number;
}

/**
 * How a task definition's tasks behave in the scenario (semantics 3.2, 11, 13, D46): sandbox
 * settings, not ECS fields. `taskDefinition` is a full ARN (one revision) or a family (every
 * revision without an entry of its own).
 */
export interface TaskBehaviourRecord {
  taskDefinition: string;
  /** PENDING → RUNNING after this many seconds (3.2; default 10). */
  startSeconds: number;
  /** When set, the task never reaches RUNNING: it goes PENDING → STOPPED with this stoppedReason (11). */
  startFailureReason?: string;
  /** Seconds the containers take to exit after SIGTERM (10; default 0; SIGKILL at 30). */
  exitSeconds: number;
  /** D46: an essential container turns unhealthy this many seconds after RUNNING. */
  containerUnhealthyAfterSeconds?: number;
  /** When set, the tasks' load balancer targets fail their health checks with this reason (13). */
  targetUnhealthyReason?: string;
}

/** One point of a service's timeline (issue 4 item 8): taken whenever a count changes. */
export interface TimelineSample {
  at: number;
  desiredCount: number;
  /** 9.1 MIN and MAX at that moment. */
  min: number;
  max: number;
  healthy: number;
  deployments: { id: string; status: DeploymentRecord['status']; running: number; pending: number }[];
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
  /** Health checks (semantics 13; the ALB defaults 30 s, 5 and 2 when absent). */
  healthCheckIntervalSeconds?: number;
  healthyThresholdCount?: number;
  unhealthyThresholdCount?: number;
  /** Connection draining before a target is removed (13; default 300 s). */
  deregistrationDelaySeconds?: number;
}

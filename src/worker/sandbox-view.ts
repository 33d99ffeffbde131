// What the playground renders, in one structured-clonable value the worker builds from a region's
// state (build-sandbox-view.ts): small, flat, render-ready. The page never sees the document itself.
// Times are simulated epoch milliseconds.

export interface InstanceView {
  id: string;
  arn: string;
  clusterName: string;
  ec2InstanceId: string;
  /** Registration order (semantics 3.3). */
  registrationIndex: number;
  availabilityZone: string;
  instanceType: string;
  privateIp?: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  agentConnected: boolean;
  cpu: { registered: number; used: number };
  memory: { registered: number; used: number };
  attributes: { name: string; value?: string }[];
}

export interface TaskView {
  id: string;
  clusterName: string;
  /** The container instance it runs on (absent for FARGATE). */
  instanceId?: string;
  group: string;
  /** Set for service tasks: the service and the deployment that launched it. */
  serviceName?: string;
  deploymentId?: string;
  taskDefinitionArn: string;
  lastStatus: string;
  desiredStatus: string;
  cpu: number;
  memory: number;
  hostPorts: { containerName: string; containerPort: number; hostPort: number; protocol: string }[];
  privateIp?: string;
  createdAt: number;
  startedAt?: number;
  stoppedReason?: string;
}

export interface DeploymentView {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  running: number;
  pending: number;
  createdAt: number;
}

export interface ServiceView {
  serviceName: string;
  arn: string;
  clusterName: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  launchType: 'EC2' | 'FARGATE';
  taskDefinition: string;
  desiredCount: number;
  running: number;
  pending: number;
  /** 9.1 MIN and MAX for the current desiredCount. */
  min: number;
  max: number;
  deploymentConfiguration: { minimumHealthyPercent: number; maximumPercent: number };
  /** Shown deployments, PRIMARY first (DescribeServices' order). */
  deployments: DeploymentView[];
  /** 9.5: why the deployment cannot progress, if it cannot. */
  stuck?: 'CAPACITY' | 'DEPLOYMENT_CONFIGURATION';
  /** Newest first, at most 100 (16.2). */
  events: { id: string; createdAt: number; message: string }[];
  loadBalancer?: { targetGroupArn?: string; loadBalancerName?: string; containerName?: string; containerPort?: number };
  registryArn?: string;
}

export interface TaskDefinitionView {
  arn: string;
  family: string;
  revision: number;
  status: 'ACTIVE' | 'INACTIVE';
  networkMode: string;
  /** What a task of it reserves (4.3, 4.4). */
  cpu: number;
  memory: number;
  containers: { name: string; image: string; ports: { containerPort: number; hostPort?: number; protocol: string }[] }[];
}

export interface DiscoveryRecordView {
  namespaceName: string;
  serviceName: string;
  serviceArn: string;
  instances: { instanceId: string; ipv4?: string; port?: string; healthStatus: string }[];
}

export interface TargetView {
  taskId: string;
  serviceName: string;
  targetGroupArn?: string;
  loadBalancerName?: string;
  targetId: string;
  port: number;
  state: 'initial' | 'healthy' | 'unhealthy' | 'draining';
  reason?: string;
}

export interface SandboxView {
  /** Bumped whenever anything in the document changed (a call or a scheduler step). */
  revision: number;
  region: string;
  now: number;
  startedAt: number;
  seed: number;
  clock: { mode: 'manual' | 'realtime'; speed: number };
  clusters: { clusterName: string; status: string }[];
  /** ACTIVE and DRAINING instances, and INACTIVE ones with live tasks, in registration order. */
  instances: InstanceView[];
  /** Live tasks (not STOPPED), in creation order. */
  tasks: TaskView[];
  taskDefinitions: TaskDefinitionView[];
  services: ServiceView[];
  discovery: DiscoveryRecordView[];
  targets: TargetView[];
  /**
   * Only in an answer to `view({sinceRevision, reuse: true})` when the worker still knows the caller's
   * view of `baseRevision` (view-reuse.ts): `instances` and `tasks` then hold only the records that are
   * new or changed since it, and `instanceIds` / `taskIds` the whole lists' order; an id not among them
   * is the caller's own object from that view (web/view/apply-view-reuse.ts puts the view together).
   * Without `reused`, the lists are whole.
   */
  reused?: { baseRevision: number; instanceIds: string[]; taskIds: string[] };
}

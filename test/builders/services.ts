// Builders for the service-operation tests: task definitions registered through the API; subnets,
// security groups, target groups and IAM state declared through EcsSandbox.Put*; Route 53 registries
// and tasks (for the counts of 9.7; the scheduler comes later) put straight into the region's state.
import { regionState } from '../../src/domain/new-document.ts';
import type { RegionState } from '../../src/domain/sandbox-document.ts';
import type { TaskRecord } from '../../src/domain/records.ts';
import { aSandbox, type TestSandbox } from './sandbox.ts';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const clusterArnOf = (name: string) => `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${name}`;
export const serviceArnOf = (name: string) => `arn:aws:ecs:${REGION}:${ACCOUNT}:service/${name}`;
export const taskDefinitionArnOf = (family: string, revision: number) =>
  `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${family}:${revision}`;
export const targetGroupArnOf = (name: string) =>
  `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/${name}/0123456789abcdef`;
export const registryArnOf = (id: string) => `arn:aws:servicediscovery:${REGION}:${ACCOUNT}:service/${id}`;

/** Deployment id of D2 for a time in epoch milliseconds. */
export const deploymentIdAt = (ms: number) => `ecs-svc/${9223372036854775807n - BigInt(ms)}`;

// ── Task definitions (RegisterTaskDefinition requests) ─────────────────────────────────────────────

export interface ContainerSpec {
  name?: string;
  ports?: number[];
}

const container = ({ name = 'web', ports = [80] }: ContainerSpec = {}) => ({
  name,
  image: 'nginx:1.13',
  memory: 128,
  portMappings: ports.map((containerPort) => ({ containerPort })),
});

export const taskDefinitions = {
  bridge: (family: string, containers: ContainerSpec[] = [{}], extra: Record<string, unknown> = {}) =>
    ({ family, containerDefinitions: containers.map(container), ...extra }),
  host: (family: string, containers: ContainerSpec[] = [{}]) =>
    ({ family, networkMode: 'host', containerDefinitions: containers.map(container) }),
  none: (family: string) =>
    ({ family, networkMode: 'none', containerDefinitions: [{ name: 'web', image: 'busybox', memory: 128 }] }),
  awsvpc: (family: string, containers: ContainerSpec[] = [{}]) =>
    ({ family, networkMode: 'awsvpc', containerDefinitions: containers.map(container) }),
  fargate: (family: string, containers: ContainerSpec[] = [{}]) => ({
    family, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512',
    containerDefinitions: containers.map(container),
  }),
};

/** Registers through the API and returns the new revision's ARN. */
export const register = (s: TestSandbox, request: unknown): string =>
  s.ecs('RegisterTaskDefinition', request).taskDefinition.taskDefinitionArn;

export const SUBNET_A = 'subnet-0000000a';
export const SUBNET_B = 'subnet-0000000b';
export const SG_1 = 'sg-00000001';
export const SG_2 = 'sg-00000002';
/** n well-formed subnet or security-group ids: subnet-00000000, subnet-00000001, … */
export const subnetIds = (n: number) => Array.from({ length: n }, (_, i) => `subnet-${i.toString(16).padStart(8, '0')}`);
export const groupIds = (n: number) => Array.from({ length: n }, (_, i) => `sg-${i.toString(16).padStart(8, '0')}`);

// ── Scenario records ─────────────────────────────────────────────────────────────────────────────

export interface Scenario {
  /** Read afresh on every use: a failed call restores a snapshot, which replaces the document's objects. */
  readonly state: RegionState;
  /** Subnets `subnet-0000000a` (us-east-1a), `subnet-0000000b` (us-east-1b); security groups `sg-00000001`, `sg-00000002`. */
  withDefaultNetwork(): Scenario;
  withSubnet(subnetId: string, availabilityZone?: string): Scenario;
  withSecurityGroup(groupId: string): Scenario;
  /** An ALB/NLB target group; `attached` false leaves it behind no load balancer. Returns its ARN. */
  targetGroup(name: string, targetType: 'instance' | 'ip', attached?: boolean): string;
  /** A Route 53 Auto Naming service with the given record types, put straight into the state. Returns its ARN. */
  registry(id: string, records: ('A' | 'SRV')[]): string;
  withServiceLinkedRole(exists: boolean): Scenario;
  /** Puts a task of a deployment straight into the state (the scheduler comes later). */
  task(startedBy: string, lastStatus: TaskRecord['lastStatus'], overrides?: Partial<TaskRecord>): TaskRecord;
  /** Sets a task's lastStatus (what the scheduler's transitions do), looked up by id. */
  setTaskStatus(taskId: string, lastStatus: TaskRecord['lastStatus']): void;
}

/** Subnets, security groups, target groups and IAM state go through EcsSandbox.Put*; registries and tasks into the state. */
export function scenario(s: TestSandbox, region = REGION): Scenario {
  let taskCount = 0;
  const self: Scenario = {
    get state() {
      return regionState(s.api.document, region);
    },
    withDefaultNetwork: () => self.withSubnet(SUBNET_A, 'us-east-1a').withSubnet(SUBNET_B, 'us-east-1b')
      .withSecurityGroup(SG_1).withSecurityGroup(SG_2),
    withSubnet(subnetId, availabilityZone = 'us-east-1a') {
      s.sandbox('PutSubnets', { subnets: [{ subnetId, availabilityZone }] }, region);
      return self;
    },
    withSecurityGroup(groupId) {
      s.sandbox('PutSecurityGroups', { securityGroups: [{ groupId }] }, region);
      return self;
    },
    targetGroup(name, targetType, attached = true) {
      const targetGroupArn = targetGroupArnOf(name);
      const loadBalancerArns = attached ? [`arn:aws:elasticloadbalancing:${region}:${ACCOUNT}:loadbalancer/app/lb-${name}/50dc6c495c0c9188`] : [];
      s.sandbox('PutTargetGroups', { targetGroups: [{ targetGroupArn, targetType, loadBalancerArns }] }, region);
      return targetGroupArn;
    },
    registry(id, records) {
      const arn = registryArnOf(id);
      self.state.discovery.services.push({
        id, arn, name: id, namespaceId: 'ns-abc',
        dnsConfig: { NamespaceId: 'ns-abc', RoutingPolicy: 'MULTIVALUE', DnsRecords: records.map((Type) => ({ Type, TTL: 60 })) },
        createdAt: s.api.document.clock.nowMs,
      });
      return arn;
    },
    withServiceLinkedRole(exists) {
      s.sandbox('PutIamState', { serviceLinkedRoleExists: exists }, region);
      return self;
    },
    task(startedBy, lastStatus, overrides = {}) {
      taskCount += 1;
      const task: TaskRecord = {
        id: `00000000-0000-4000-8000-${String(taskCount).padStart(12, '0')}`,
        clusterName: 'default', taskDefinitionArn: 'unused', group: 'service:unused', startedBy,
        lastStatus, desiredStatus: lastStatus === 'STOPPED' ? 'STOPPED' : 'RUNNING', launchType: 'EC2',
        createdAt: s.api.document.clock.nowMs, version: 1, hostPorts: [], ...overrides,
      };
      self.state.tasks.push(task);
      return task;
    },
    setTaskStatus(taskId, lastStatus) {
      const task = self.state.tasks.find((t) => t.id === taskId)!;
      task.lastStatus = lastStatus;
      if (lastStatus === 'STOPPED') task.desiredStatus = 'STOPPED';
    },
  };
  return self;
}

/** Moves the manual clock forward without running anything (the scheduler is not part of these tests). */
export const advanceClock = (s: TestSandbox, ms: number) => {
  s.api.document.clock.nowMs += ms;
};

// ── A ready-made world for the rule tables ───────────────────────────────────────────────────────

export interface ServiceWorld {
  s: TestSandbox;
  sc: Scenario;
  tg: { instance: string; ip: string; ipLoose: string; instanceLoose: string };
  reg: { a: string; srv: string; both: string };
}

/**
 * Task definitions: `web` (bridge, container web:80), `hostweb` (host), `vpc` (awsvpc, EC2 only),
 * `fg` (Fargate), `none`, `alt` (bridge, container api:8080), `vpc8080` (awsvpc, web:8080).
 * Subnets SUBNET_A/B, security groups SG_1/2; target groups and registries as named in `tg` and `reg`.
 */
export function aServiceWorld(): ServiceWorld {
  const s = aSandbox();
  const sc = scenario(s).withDefaultNetwork();
  register(s, taskDefinitions.bridge('web'));
  register(s, taskDefinitions.host('hostweb'));
  register(s, taskDefinitions.awsvpc('vpc'));
  register(s, taskDefinitions.fargate('fg'));
  register(s, taskDefinitions.none('none'));
  register(s, taskDefinitions.bridge('alt', [{ name: 'api', ports: [8080] }]));
  register(s, taskDefinitions.awsvpc('vpc8080', [{ ports: [8080] }]));
  const tg = {
    instance: sc.targetGroup('tg-instance', 'instance'),
    ip: sc.targetGroup('tg-ip', 'ip'),
    ipLoose: sc.targetGroup('tg-ip-loose', 'ip', false),
    instanceLoose: sc.targetGroup('tg-instance-loose', 'instance', false),
  };
  const reg = { a: sc.registry('srv-a', ['A']), srv: sc.registry('srv-srv', ['SRV']), both: sc.registry('srv-both', ['A', 'SRV']) };
  return { s, sc, tg, reg };
}

/** Drops members set to undefined, as JSON on the wire would (`{x: undefined}` removes a default). */
const compact = (request: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined));

/** Requests the rule tables start from; `extra` overrides members, and undefined removes one. */
export const requests = {
  ec2: (extra: Record<string, unknown> = {}) => compact({ serviceName: 'svc', taskDefinition: 'web', desiredCount: 1, ...extra }),
  vpc: (extra: Record<string, unknown> = {}) => compact({
    serviceName: 'svc', taskDefinition: 'vpc', desiredCount: 1,
    networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A] } }, ...extra,
  }),
  fargate: (extra: Record<string, unknown> = {}) => compact({
    serviceName: 'svc', taskDefinition: 'fg', desiredCount: 1, launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A] } }, ...extra,
  }),
};

export const awsvpc = (subnets: string[], securityGroups?: string[], assignPublicIp?: 'ENABLED' | 'DISABLED') => ({
  awsvpcConfiguration: {
    subnets, ...(securityGroups ? { securityGroups } : {}), ...(assignPublicIp ? { assignPublicIp } : {}),
  },
});

// Builds the SandboxView of one region (sandbox-view.ts): one pass over the tasks, the rest per record.
// Counts follow the API's own rules (a deployment counts its tasks by lastStatus, 9.7; an instance's
// used CPU and memory are what its live tasks reserve, 4.3, 4.4).
import type { SandboxDocument } from '../domain/sandbox-document.ts';
import type { ServiceRecord, TaskRecord } from '../domain/records.ts';
import { containerInstanceArn, serviceArn } from '../domain/arns.ts';
import { newRegion } from '../domain/new-document.ts';
import { definitionReservation, registeredAmount } from '../engine/placement/task-reservation.ts';
import type {
  DiscoveryRecordView, InstanceView, SandboxView, ServiceView, TaskDefinitionView, TaskView,
} from './sandbox-view.ts';

const isPending = (t: TaskRecord) => t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING';

export function buildSandboxView(doc: SandboxDocument, region: string, revision: number): SandboxView {
  const state = doc.regions[region] ?? newRegion(doc.startedAt); // a region nobody called yet: empty, not created
  const scope = { region, accountId: doc.accountId };
  const reservations = new Map(state.taskDefinitions.map((d) => [d.definition.taskDefinitionArn!, definitionReservation(d.definition)]));
  const serviceOfDeployment = new Map<string, ServiceRecord>();
  for (const s of state.services) for (const d of s.deployments) serviceOfDeployment.set(d.id, s);

  const used = new Map<string, { cpu: number; memory: number }>();
  const tasks: TaskView[] = [];
  const perDeployment = new Map<string, { running: number; pending: number }>();
  for (const t of state.tasks) {
    if (t.lastStatus === 'STOPPED') continue;
    const reservation = reservations.get(t.taskDefinitionArn) ?? { cpu: 0, memory: 0 };
    if (t.containerInstanceId !== undefined) {
      const u = used.get(t.containerInstanceId) ?? { cpu: 0, memory: 0 };
      u.cpu += reservation.cpu;
      u.memory += reservation.memory;
      used.set(t.containerInstanceId, u);
    }
    const service = t.startedBy === undefined ? undefined : serviceOfDeployment.get(t.startedBy);
    if (service && t.startedBy !== undefined) {
      const c = perDeployment.get(t.startedBy) ?? { running: 0, pending: 0 };
      if (t.lastStatus === 'RUNNING') c.running++;
      else if (isPending(t)) c.pending++;
      perDeployment.set(t.startedBy, c);
    }
    tasks.push({
      id: t.id, clusterName: t.clusterName, group: t.group, taskDefinitionArn: t.taskDefinitionArn,
      lastStatus: t.lastStatus, desiredStatus: t.desiredStatus, cpu: reservation.cpu, memory: reservation.memory,
      hostPorts: t.hostPorts.map((h) => ({ ...h })), createdAt: t.createdAt,
      ...(t.containerInstanceId !== undefined ? { instanceId: t.containerInstanceId } : {}),
      ...(service ? { serviceName: service.serviceName, deploymentId: t.startedBy } : {}),
      ...(t.eni ? { privateIp: t.eni.privateIpv4Address } : {}),
      ...(t.startedAt !== undefined ? { startedAt: t.startedAt } : {}),
      ...(t.stoppedReason !== undefined ? { stoppedReason: t.stoppedReason } : {}),
    });
  }

  const attributes = internerOf(state);
  const instances: InstanceView[] = state.containerInstances
    .filter((i) => i.status !== 'INACTIVE' || used.has(i.id))
    .sort((a, b) => a.registrationIndex - b.registrationIndex)
    .map((i) => ({
      id: i.id, arn: containerInstanceArn(scope, i.id), clusterName: i.clusterName, ec2InstanceId: i.ec2InstanceId,
      registrationIndex: i.registrationIndex, availabilityZone: i.availabilityZone ?? '', instanceType: i.instanceType ?? '',
      ...(i.privateIp !== undefined ? { privateIp: i.privateIp } : {}),
      status: i.status, agentConnected: i.agentConnected,
      cpu: { registered: registeredAmount(i, 'CPU'), used: used.get(i.id)?.cpu ?? 0 },
      memory: { registered: registeredAmount(i, 'MEMORY'), used: used.get(i.id)?.memory ?? 0 },
      attributes: attributes.list(i.attributes),
    }));

  const services: ServiceView[] = state.services.filter((s) => s.status !== 'INACTIVE').map((s) => {
    const shown = s.deployments.filter((d) => d.status !== 'INACTIVE');
    const deployments = [...shown.filter((d) => d.status === 'PRIMARY'), ...shown.filter((d) => d.status !== 'PRIMARY').reverse()]
      .map((d) => ({
        id: d.id, status: d.status, taskDefinition: d.taskDefinition, desiredCount: d.desiredCount, createdAt: d.createdAt,
        running: perDeployment.get(d.id)?.running ?? 0, pending: perDeployment.get(d.id)?.pending ?? 0,
      }));
    const D = s.desiredCount;
    const { minimumHealthyPercent, maximumPercent } = s.deploymentConfiguration;
    const lb = s.loadBalancers[0];
    return {
      serviceName: s.serviceName, arn: serviceArn(scope, s.serviceName), clusterName: s.clusterName, status: s.status,
      launchType: s.launchType, taskDefinition: s.taskDefinition, desiredCount: D,
      running: deployments.reduce((n, d) => n + d.running, 0), pending: deployments.reduce((n, d) => n + d.pending, 0),
      min: Math.ceil((D * minimumHealthyPercent) / 100), max: Math.floor((D * maximumPercent) / 100),
      deploymentConfiguration: { minimumHealthyPercent, maximumPercent },
      deployments, events: s.events.map((e) => ({ ...e })),
      ...(s.stuck ? { stuck: s.stuck } : {}),
      ...(lb ? { loadBalancer: { ...lb } } : {}),
      ...(s.serviceRegistries[0]?.registryArn ? { registryArn: s.serviceRegistries[0].registryArn } : {}),
    };
  });

  const taskDefinitions: TaskDefinitionView[] = state.taskDefinitions.map(({ definition: d }) => {
    const reservation = reservations.get(d.taskDefinitionArn!)!;
    return {
      arn: d.taskDefinitionArn!, family: d.family ?? '', revision: d.revision ?? 1, status: d.status === 'INACTIVE' ? 'INACTIVE' : 'ACTIVE',
      networkMode: d.networkMode ?? 'bridge', cpu: reservation.cpu, memory: reservation.memory,
      containers: d.containerDefinitions.map((c) => ({
        name: c.name ?? '', image: c.image ?? '',
        ports: (c.portMappings ?? []).map((m) => ({
          containerPort: m.containerPort ?? 0, protocol: m.protocol ?? 'tcp', ...(m.hostPort !== undefined ? { hostPort: m.hostPort } : {}),
        })),
      })),
    };
  });

  const discovery: DiscoveryRecordView[] = state.discovery.services.map((registry) => ({
    namespaceName: state.discovery.namespaces.find((n) => n.id === registry.namespaceId)?.name ?? '',
    serviceName: registry.name,
    serviceArn: registry.arn,
    instances: state.discovery.instances.filter((i) => i.serviceId === registry.id).map((i) => ({
      instanceId: i.instanceId, healthStatus: i.healthStatus,
      ...(i.attributes.AWS_INSTANCE_IPV4 !== undefined ? { ipv4: i.attributes.AWS_INSTANCE_IPV4 } : {}),
      ...(i.attributes.AWS_INSTANCE_PORT !== undefined ? { port: i.attributes.AWS_INSTANCE_PORT } : {}),
    })),
  }));

  return {
    revision, region, now: doc.clock.nowMs, startedAt: doc.startedAt, seed: doc.seed,
    clock: { mode: doc.clock.mode, speed: doc.clock.speed },
    clusters: state.clusters.map((c) => ({ clusterName: c.clusterName, status: c.status })),
    instances, tasks, taskDefinitions, services, discovery,
    targets: state.targets.map((t) => ({
      taskId: t.taskId, serviceName: t.serviceName, targetId: t.targetId, port: t.port, state: t.state,
      ...(t.targetGroupArn !== undefined ? { targetGroupArn: t.targetGroupArn } : {}),
      ...(t.loadBalancerName !== undefined ? { loadBalancerName: t.loadBalancerName } : {}),
      ...(t.reason !== undefined ? { reason: t.reason } : {}),
    })),
  };
}

/**
 * Equal attribute lists (and equal attributes) as ONE shared object within a view. Every instance
 * carries the agent's ~30 attributes (4.7), most of them the same everywhere: structured clone writes
 * a shared object once and then a back-reference, so 5,000 instances cost about what their distinct
 * lists do (11 MB of JSON at 5,000 instances before, most of a full view's clone on the main thread).
 * The values are the same; the view is read-only on the page (and in the worker: the shared objects
 * outlive one view, see internerOf).
 */
const interners = new WeakMap<object, ReturnType<typeof attributeInterner>>();

/**
 * One interner per region state, kept across views: an unchanged instance's attribute list is then the
 * very object the last view had, which view-reuse.ts compares by reference first.
 */
function internerOf(state: object): ReturnType<typeof attributeInterner> {
  let interner = interners.get(state);
  if (!interner) interners.set(state, (interner = attributeInterner()));
  return interner;
}

function attributeInterner() {
  type A = { name: string; value?: string; targetType?: string; targetId?: string };
  // every member in the key (undefined apart from ''), so only equal attributes share
  const keyOf = (a: A) => `${a.name}\u0000${a.value ?? '\u0002'}\u0000${a.targetType ?? '\u0002'}\u0000${a.targetId ?? '\u0002'}\u0000${Object.keys(a).length}`;
  const byAttribute = new Map<string, A>();
  const byList = new Map<string, A[]>();
  return {
    list<T extends A>(list: readonly T[]): T[] {
      const keys = list.map(keyOf);
      const key = keys.join('\u0001');
      let shared = byList.get(key);
      if (!shared) {
        shared = list.map((a, i) => {
          let one = byAttribute.get(keys[i]);
          if (!one) byAttribute.set(keys[i], (one = { ...a }));
          return one;
        });
        byList.set(key, shared);
      }
      return shared as T[];
    },
  };
}

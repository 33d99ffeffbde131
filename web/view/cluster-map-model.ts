// What the cluster map draws, derived from a SandboxView without the DOM: instances grouped by
// Availability Zone, each with its live tasks and a signature that changes only when its drawing does,
// so that unchanged instances are not rendered again.
import type { InstanceView, SandboxView, TaskView } from '../../src/worker/scheduler-api.ts';
import type { DeploymentShade } from './colours.ts';

export interface MapTask {
  task: TaskView;
  shade: DeploymentShade;
  pending: boolean;
}

export interface MapInstance {
  instance: InstanceView;
  tasks: MapTask[];
  /** Equal signatures draw the same card. */
  signature: string;
  /** Marks shown as text next to the instance (never colour alone). */
  marks: string[];
}

export interface MapZone {
  availabilityZone: string;
  instances: MapInstance[];
}

const PENDING_STATES = new Set(['PROVISIONING', 'PENDING']);

/** deploymentId → PRIMARY/ACTIVE, from every service's shown deployments. */
export function deploymentStatuses(view: Pick<SandboxView, 'services'>): Map<string, DeploymentShade> {
  const out = new Map<string, DeploymentShade>();
  for (const s of view.services) for (const d of s.deployments) out.set(d.id, d.status === 'PRIMARY' ? 'PRIMARY' : 'ACTIVE');
  return out;
}

/** The text marks of an instance: DRAINING, INACTIVE, agent disconnected. */
export function instanceMarks(instance: Pick<InstanceView, 'status' | 'agentConnected'>): string[] {
  const marks: string[] = [];
  if (instance.status !== 'ACTIVE') marks.push(instance.status);
  if (!instance.agentConnected) marks.push('agent disconnected');
  return marks;
}

/**
 * Groups the view's instances by AZ (zones sorted by name, instances in registration order) and files
 * every live task under its instance. `cluster` limits it to one cluster. One pass over the tasks.
 */
export function buildClusterMap(view: Pick<SandboxView, 'instances' | 'tasks' | 'services'>, cluster?: string): MapZone[] {
  const shades = deploymentStatuses(view);
  const byInstance = new Map<string, MapTask[]>();
  for (const inst of view.instances) if (!cluster || inst.clusterName === cluster) byInstance.set(inst.id, []);
  for (const task of view.tasks) {
    if (task.instanceId === undefined) continue;
    const list = byInstance.get(task.instanceId);
    if (!list) continue;
    const shade = task.deploymentId === undefined ? 'NONE' : shades.get(task.deploymentId) ?? 'ACTIVE';
    list.push({ task, shade, pending: PENDING_STATES.has(task.lastStatus) });
  }
  const zones = new Map<string, MapInstance[]>();
  for (const instance of view.instances) {
    const tasks = byInstance.get(instance.id);
    if (!tasks) continue;
    const zone = instance.availabilityZone || 'unknown zone';
    let list = zones.get(zone);
    if (!list) zones.set(zone, (list = []));
    list.push({ instance, tasks, marks: instanceMarks(instance), signature: instanceSignature(instance, tasks) });
  }
  return [...zones.keys()].sort().map((availabilityZone) => ({ availabilityZone, instances: zones.get(availabilityZone)! }));
}

/** Everything a card shows, as one string: equal strings need no new render. */
export function instanceSignature(instance: InstanceView, tasks: readonly MapTask[]): string {
  let s = `${instance.status}|${instance.agentConnected}|${instance.cpu.used}/${instance.cpu.registered}|${instance.memory.used}/${instance.memory.registered}|${instance.instanceType}`;
  for (const t of tasks) s += `|${t.task.id}:${t.task.lastStatus}:${t.task.desiredStatus}:${t.shade}:${t.task.serviceName ?? ''}:${t.task.hostPorts.length}`;
  return s;
}

/** Tasks not on an instance (FARGATE), counted per service for the map's footer. */
export function tasksWithoutInstance(view: Pick<SandboxView, 'tasks'>): number {
  let n = 0;
  for (const t of view.tasks) if (t.instanceId === undefined) n++;
  return n;
}

// Service discovery (semantics 14.2, 14.3): a service task that reaches RUNNING is registered in the
// service's registry as one instance (InstanceId = the task id) with AWS_INSTANCE_IPV4 and, where a
// port applies, AWS_INSTANCE_PORT; it is deregistered when its stop sequence begins. With
// HealthCheckCustomConfig the instance is HEALTHY while the task is healthy (9.2), else UNHEALTHY;
// without it, UNKNOWN.
import type { ServiceRecord, TaskRecord } from '../../domain/records.ts';
import type { RegistryInstanceRecord } from '../../domain/discovery-records.ts';
import type { StepContext } from './step-context.ts';

function registryOf(ctx: StepContext, service: ServiceRecord) {
  const entry = service.serviceRegistries[0];
  const registry = entry?.registryArn === undefined ? undefined : ctx.state.discovery.services.find((s) => s.arn === entry.registryArn);
  return entry && registry ? { entry, registry } : undefined;
}

/** 14.2: the IP and port registered for the task; undefined when the task has neither (never for a valid service). */
export function discoveryAddress(ctx: StepContext, service: ServiceRecord, task: TaskRecord): { ip: string; port?: number } | undefined {
  const found = registryOf(ctx, service);
  if (!found) return undefined;
  const { entry, registry } = found;
  const hasSrv = registry.dnsConfig.DnsRecords.some((r) => r.Type === 'SRV');
  if (task.eni) {
    // awsvpc: the ENI's IP; `port`, or containerPort (no host mapping in awsvpc)
    const port = entry.port ?? entry.containerPort;
    return { ip: task.eni.privateIpv4Address, ...(hasSrv && port !== undefined ? { port } : {}) };
  }
  const instance = ctx.state.containerInstances.find((i) => i.id === task.containerInstanceId);
  if (!instance?.privateIp) return undefined;
  // bridge / host: the instance's private IP and the host port bound to containerName/containerPort
  const binding = task.hostPorts.find((h) => h.containerName === entry.containerName && h.containerPort === entry.containerPort);
  const port = binding?.hostPort ?? entry.containerPort;
  return { ip: instance.privateIp, ...(port !== undefined ? { port } : {}) };
}

export function registerDiscoveryInstance(ctx: StepContext, service: ServiceRecord, task: TaskRecord, healthy: boolean): void {
  const found = registryOf(ctx, service);
  const address = discoveryAddress(ctx, service, task);
  if (!found || !address) return;
  const attributes: Record<string, string> = { AWS_INSTANCE_IPV4: address.ip };
  if (address.port !== undefined) attributes.AWS_INSTANCE_PORT = String(address.port);
  const instance: RegistryInstanceRecord = {
    serviceId: found.registry.id, instanceId: task.id, attributes,
    healthStatus: found.registry.healthCheckCustomConfig ? (healthy ? 'HEALTHY' : 'UNHEALTHY') : 'UNKNOWN',
    registeredAt: ctx.now,
  };
  ctx.state.discovery.instances.push(instance);
}

/** With HealthCheckCustomConfig, the instance follows the task's health (14.3). */
export function setDiscoveryHealth(ctx: StepContext, task: TaskRecord, healthy: boolean): void {
  for (const instance of ctx.state.discovery.instances) {
    if (instance.instanceId !== task.id || instance.healthStatus === 'UNKNOWN') continue;
    instance.healthStatus = healthy ? 'HEALTHY' : 'UNHEALTHY';
  }
}

export function deregisterDiscoveryInstance(ctx: Pick<StepContext, 'state'>, task: TaskRecord): void {
  const instances = ctx.state.discovery.instances;
  for (let k = instances.length - 1; k >= 0; k--) if (instances[k].instanceId === task.id) instances.splice(k, 1);
}

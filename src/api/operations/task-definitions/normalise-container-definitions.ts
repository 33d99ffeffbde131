// Container definitions at RegisterTaskDefinition: the checks of semantics 4.4 and 4.5 in container
// order, then the defaults AWS fills in when it stores them (cpu 0, essential true, empty lists, tcp,
// host ports per network mode, health-check timings), as DescribeTaskDefinition shows them.
import type { ContainerDefinition, PortMapping, TaskDefinition } from '../../../model/ecs-types.ts';
import type { Era } from '../../../engine/era.ts';
import { clientException } from '../../aws-error.ts';
import { TASK_DEFINITIONS } from '../../../messages.ts';

export type NetworkMode = NonNullable<TaskDefinition['networkMode']>;

const CONTAINER_NAME = /^[A-Za-z0-9_-]+$/;
const isPositive = (n: number | undefined): n is number => n !== undefined && n > 0;
const isPort = (n: number | undefined): n is number => n !== undefined && n >= 1 && n <= 65535;

/** 4.5: a mapping's host port is 0 (dynamic) or static in bridge mode, and the container port in host and awsvpc mode. */
function normalisePortMapping(name: string, mode: NetworkMode, mapping: PortMapping): PortMapping {
  const { containerPort, hostPort } = mapping;
  if (!isPort(containerPort)) throw clientException(TASK_DEFINITIONS.invalidContainerPort(name));
  if (hostPort !== undefined && (hostPort < 0 || hostPort > 65535)) throw clientException(TASK_DEFINITIONS.invalidHostPort(name));
  let bound = hostPort ?? 0;
  if (mode === 'host' || mode === 'awsvpc') {
    // "the hostPort can either be left blank or set to the same value as the containerPort" (API18);
    // 0 counts as blank, and AWS stores the container port in its place (terraform-provider-aws#3401).
    if (bound !== 0 && bound !== containerPort) throw clientException(TASK_DEFINITIONS.hostPortMismatch(mode));
    bound = containerPort;
  }
  return { ...mapping, containerPort, hostPort: bound, protocol: mapping.protocol ?? 'tcp' };
}

/**
 * Validates and normalises `containers` for a task definition of network mode `mode` whose task-level
 * memory is `taskMemory` (MiB, already normalised). Throws ClientException.
 */
export function normaliseContainerDefinitions(
  era: Era, containers: readonly ContainerDefinition[], mode: NetworkMode, taskMemory: string | undefined,
): ContainerDefinition[] {
  if (containers.length === 0) throw clientException(TASK_DEFINITIONS.containerDefinitionsEmpty);
  const seen = new Set<string>();
  return containers.map((given) => {
    const name = given.name;
    if (name === undefined || name === '') throw clientException(TASK_DEFINITIONS.containerNameMissing);
    if (!CONTAINER_NAME.test(name) || name.length > era.containerNameMaxLength) {
      throw clientException(TASK_DEFINITIONS.containerNameInvalid);
    }
    if (seen.has(name)) throw clientException(TASK_DEFINITIONS.containerNameDuplicate(name));
    seen.add(name);
    if (given.image === undefined || given.image.trim() === '') throw clientException(TASK_DEFINITIONS.containerImageMissing);

    // 4.4: a non-zero memory or memoryReservation, unless the task sets its own memory (then the
    // containers share it; API18 ContainerDefinition.memory); memory above the reservation.
    const { memory, memoryReservation } = given;
    if (taskMemory === undefined && !isPositive(memory) && !isPositive(memoryReservation)) {
      throw clientException(TASK_DEFINITIONS.containerMemoryMissing(name));
    }
    if (isPositive(memory) && isPositive(memoryReservation) && memory <= memoryReservation) {
      throw clientException(TASK_DEFINITIONS.containerMemoryNotAboveReservation(name));
    }
    if (taskMemory !== undefined && isPositive(memory) && memory > Number(taskMemory)) {
      throw clientException(TASK_DEFINITIONS.containerMemoryAboveTask(name));
    }

    // 4.5: "If the network mode … is set to none, then you can't specify port mappings" (API18).
    const mappings = given.portMappings ?? [];
    if (mode === 'none' && mappings.length > 0) throw clientException(TASK_DEFINITIONS.portMappingsWithNone);
    const portMappings = mappings.map((m) => normalisePortMapping(name, mode, m));

    const stored: ContainerDefinition = {
      ...structuredClone(given),
      cpu: given.cpu ?? 0,
      essential: given.essential ?? true,
      portMappings,
      environment: given.environment ?? [],
      mountPoints: given.mountPoints ?? [],
      volumesFrom: given.volumesFrom ?? [],
    };
    if (given.healthCheck) {
      // API18 HealthCheck defaults: interval 30 s, timeout 5 s, retries 3; startPeriod stays off.
      const h = given.healthCheck;
      stored.healthCheck = { ...h, interval: h.interval ?? 30, timeout: h.timeout ?? 5, retries: h.retries ?? 3 };
    }
    return stored;
  });
}

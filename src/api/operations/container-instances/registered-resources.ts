// The resources an instance registers (semantics 4.3–4.5): what the agent sends in `totalResources`,
// with whatever it leaves out taken from the instance-type catalogue and the era. The agent sends
// CPU and MEMORY as INTEGER, PORTS and PORTS_UDP as STRINGSET (amazon-ecs-agent ecsclient getResources).
import type { Resource } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import type { InstanceType } from '../../../engine/instance-types.ts';
import { registeredCpu } from '../../../engine/instance-types.ts';
import { invalidParameter } from '../../aws-error.ts';
import { CONTAINER_INSTANCES } from '../../../messages.ts';
import { findResource, integerAmount, integerResource, stringSetResource } from './wire-resource.ts';

const STANDARD = ['CPU', 'MEMORY', 'PORTS', 'PORTS_UDP'];

function amountOf(resource: Resource): number {
  const amount = integerAmount(resource);
  if (amount === undefined || !Number.isInteger(amount) || amount < 0) {
    throw invalidParameter(CONTAINER_INSTANCES.badResource(resource.name!));
  }
  return amount;
}

/**
 * CPU, MEMORY, PORTS, PORTS_UDP in the agent's order, then any user-defined resource as sent.
 * Missing CPU = 1,024 × vCPUs, missing MEMORY = the type's registered MiB; with neither given nor
 * catalogued, InvalidParameterException. Missing PORTS = the default reserved ports (1.3); missing
 * PORTS_UDP = none (the agent's ECS_RESERVED_PORTS_UDP default).
 */
export function registeredResourcesOf(
  ctx: OperationContext, total: readonly Resource[], instanceTypeName: string, instanceType: InstanceType | undefined,
): Resource[] {
  const cpu = findResource(total, 'CPU');
  const memory = findResource(total, 'MEMORY');
  if ((!cpu || !memory) && !instanceType) throw invalidParameter(CONTAINER_INSTANCES.unknownInstanceType(instanceTypeName));
  const ports = findResource(total, 'PORTS')?.stringSetValue ?? ctx.era.defaultReservedHostPorts.map(String);
  const udpPorts = findResource(total, 'PORTS_UDP')?.stringSetValue ?? [];
  const others = total
    .filter((r) => r.name !== undefined && !STANDARD.includes(r.name))
    .map((r): Resource => ({
      name: r.name, type: r.type, doubleValue: r.doubleValue ?? 0, longValue: r.longValue ?? 0, integerValue: r.integerValue ?? 0,
      ...(r.stringSetValue ? { stringSetValue: [...r.stringSetValue] } : {}),
    }));
  return [
    integerResource('CPU', cpu ? amountOf(cpu) : registeredCpu(instanceType!.vcpus)),
    integerResource('MEMORY', memory ? amountOf(memory) : instanceType!.registeredMemoryMiB),
    stringSetResource('PORTS', ports),
    stringSetResource('PORTS_UDP', udpPorts),
    ...others,
  ];
}

// Small scenarios for the what-if tests, as scenario calls (load-scenario.ts): instances with round
// registered resources, so that every figure of a report can be worked out by hand.
import type { ScenarioCall } from '../../../src/scenarios/scenario-call.ts';

export const ECS = 'AmazonEC2ContainerServiceV20141113';

export const ecs = (operation: string, input: unknown): ScenarioCall => ({ target: `${ECS}.${operation}`, input });

export interface InstanceSpec {
  az: string;
  /** Registered CPU units and MiB. */
  cpu?: number;
  memory?: number;
}

/** i-000…1, i-000…2, … in 10.0.<az index>.<n>; c5.large with the given totals. */
export function instances(specs: readonly InstanceSpec[], cluster = 'default'): ScenarioCall[] {
  return specs.map((spec, i) => ecs('RegisterContainerInstance', {
    cluster,
    instanceIdentityDocument: JSON.stringify({
      instanceId: `i-${(i + 1).toString(16).padStart(17, '0')}`, instanceType: 'c5.large', availabilityZone: spec.az,
      region: 'us-east-1', privateIp: `10.0.${spec.az.charCodeAt(spec.az.length - 1) - 96}.${10 + i}`,
    }),
    totalResources: [
      { name: 'CPU', type: 'INTEGER', integerValue: spec.cpu ?? 2048 },
      { name: 'MEMORY', type: 'INTEGER', integerValue: spec.memory ?? 1024 },
    ],
  }));
}

/** A bridge task definition `family` of one container with the given CPU units and MiB. */
export const taskDefinition = (family: string, cpu: number, memory: number): ScenarioCall =>
  ecs('RegisterTaskDefinition', { family, containerDefinitions: [{ name: 'app', image: 'nginx', cpu, memory }] });

export const service = (name: string, taskDefinitionRef: string, desiredCount: number, extra: Record<string, unknown> = {}): ScenarioCall =>
  ecs('CreateService', { serviceName: name, taskDefinition: taskDefinitionRef, desiredCount, ...extra });

// Placement scenarios through the API: subnets, container instances with a chosen type, AZ, memory and
// attributes, and task definitions, then RunTask / StartTask / EcsSandbox.DescribePlacement.
import { registerInstance, type RegisteredInstance } from './container-instances.ts';
import type { TestSandbox } from './sandbox.ts';

export interface InstanceOptions {
  az?: string;
  type?: string;
  privateIp?: string;
  /** Registered CPU units / MiB (totalResources); the catalogue's values when omitted. */
  cpu?: number;
  memory?: number;
  attributes?: { name: string; value?: string }[];
  cluster?: string;
}

const counters = new WeakMap<TestSandbox, number>();

/** Registers a container instance and returns it (id = the container-instance id); the n-th gets i-…n and 10.0.x.(200+n). */
export function anInstance(s: TestSandbox, options: InstanceOptions = {}): RegisteredInstance {
  const ec2Counter = (counters.get(s) ?? 0) + 1;
  counters.set(s, ec2Counter);
  const totalResources = [
    ...(options.cpu !== undefined ? [{ name: 'CPU', type: 'INTEGER', integerValue: options.cpu }] : []),
    ...(options.memory !== undefined ? [{ name: 'MEMORY', type: 'INTEGER', integerValue: options.memory }] : []),
  ];
  return registerInstance(s, {
    instanceId: `i-${ec2Counter.toString(16).padStart(17, '0')}`,
    availabilityZone: options.az ?? 'us-east-1a',
    instanceType: options.type ?? 'c5.large',
    privateIp: options.privateIp ?? `10.0.${(options.az ?? 'us-east-1a').endsWith('b') ? 2 : 1}.${200 + ec2Counter}`,
    ...(options.cluster !== undefined ? { cluster: options.cluster } : {}),
    ...(options.attributes !== undefined ? { attributes: options.attributes } : {}),
    ...(totalResources.length > 0 ? { totalResources } : {}),
  });
}

/** The subnets of the examples: a (us-east-1a, 10.0.1.0/24), a2 (us-east-1a, 10.0.3.0/24), b (us-east-1b, 10.0.2.0/24). */
export const SUBNET = { a: 'subnet-0000000a', a2: 'subnet-000000a2', b: 'subnet-0000000b' };

export function withSubnets(s: TestSandbox): void {
  s.sandbox('PutSubnets', {
    subnets: [
      { subnetId: SUBNET.a, availabilityZone: 'us-east-1a', cidrBlock: '10.0.1.0/24' },
      { subnetId: SUBNET.a2, availabilityZone: 'us-east-1a', cidrBlock: '10.0.3.0/24' },
      { subnetId: SUBNET.b, availabilityZone: 'us-east-1b', cidrBlock: '10.0.2.0/24' },
    ],
  });
}

/** Registers a bridge task definition of one container `app` and returns its ARN. */
export function aTaskDefinition(s: TestSandbox, family: string, container: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): string {
  return s.ecs('RegisterTaskDefinition', {
    family,
    containerDefinitions: [{ name: 'app', image: 'nginx', memory: 256, ...container }],
    ...extra,
  }).taskDefinition.taskDefinitionArn;
}

/** The container-instance id of a task in a RunTask/StartTask response. */
export const instanceIdOfTask = (task: { containerInstanceArn?: string }): string =>
  task.containerInstanceArn!.slice(task.containerInstanceArn!.lastIndexOf('/') + 1);

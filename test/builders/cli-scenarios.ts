// Scenarios for `ecs-sandbox check` and `what-if` as the files a user writes: lists of API calls
// (src/scenarios/scenario-call.ts), with instances of stated size so the arithmetic is by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScenarioCall } from '../../src/scenarios/scenario-call.ts';

export const ECS = 'AmazonEC2ContainerServiceV20141113';
const call = (op: string, input: unknown): ScenarioCall => ({ target: `${ECS}.${op}`, input });

export interface ClusterShape {
  /** Container instances, each registering this many MiB of MEMORY and 2048 CPU units; default 2 × 2048. */
  instances?: number[];
  /** The task's memory (MiB); default 512. */
  taskMemory?: number;
  desiredCount?: number;
  deploymentConfiguration?: { minimumHealthyPercent?: number; maximumPercent?: number };
  /** Extra members of CreateService (or misspelt ones). */
  service?: Record<string, unknown>;
}

/** One identity document per instance: i-…1 in us-east-1a, i-…2 in us-east-1b, and so on. */
function registerCall(n: number, memory: number): ScenarioCall {
  const az = `us-east-1${'abc'[(n - 1) % 3]}`;
  const instanceId = `i-${n.toString(16).padStart(17, '0')}`;
  return call('RegisterContainerInstance', {
    cluster: 'ci',
    instanceIdentityDocument: JSON.stringify({
      privateIp: `10.0.${n % 250}.10`, availabilityZone: az, version: '2017-09-30', instanceId, instanceType: 'c5.large',
      accountId: '123456789012', architecture: 'x86_64', imageId: 'ami-aff65ad2', pendingTime: '2018-05-21T09:14:27Z', region: 'us-east-1',
    }),
    instanceIdentityDocumentSignature: 'c2lnbmF0dXJl',
    totalResources: [
      { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
      { name: 'MEMORY', type: 'INTEGER', integerValue: memory },
    ],
  });
}

/** Cluster `ci`, its instances, task definition `app` (bridge, no ports), and service `app`. */
export function aServiceScenario(shape: ClusterShape = {}): ScenarioCall[] {
  const instances = shape.instances ?? [2048, 2048];
  return [
    call('CreateCluster', { clusterName: 'ci' }),
    ...instances.map((memory, i) => registerCall(i + 1, memory)),
    call('RegisterTaskDefinition', {
      family: 'app',
      containerDefinitions: [{ name: 'app', image: 'nginx:1.14', memory: shape.taskMemory ?? 512, essential: true }],
    }),
    call('CreateService', {
      cluster: 'ci',
      serviceName: 'app',
      taskDefinition: 'app',
      desiredCount: shape.desiredCount ?? 2,
      deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, ...shape.deploymentConfiguration },
      ...shape.service,
    }),
  ];
}

/** Writes `content` (a value as JSON, or a string as is) to a new temporary file and returns its path. */
export function aFile(content: unknown, name = 'scenario.json'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ecs-sandbox-cli-')), name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

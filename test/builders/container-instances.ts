// Container instances for the container-instance tests: a real-looking EC2 identity document, a
// RegisterContainerInstance call that states only what a test is about, and direct state helpers
// for the records other operations would create (subnets, task definitions).
import { regionState } from '../../src/domain/new-document.ts';
import type { ContainerInstance } from '../../src/model/ecs-types.ts';
import type { SubnetRecord, TaskDefinitionRecord } from '../../src/domain/records.ts';
import type { TestSandbox } from './sandbox.ts';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const instanceArnOf = (id: string, region = REGION) => `arn:aws:ecs:${region}:${ACCOUNT}:container-instance/${id}`;
export const idOfArn = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

export interface IdentityFields {
  instanceId?: string | null;
  instanceType?: string | null;
  availabilityZone?: string | null;
  region?: string | null;
  privateIp?: string | null;
  imageId?: string | null;
  [other: string]: unknown;
}

/**
 * What `curl http://169.254.169.254/latest/dynamic/instance-identity/document` printed on a c5.large
 * launched from the 2018.03.a ECS-optimized AMI in us-east-1 (field set and order as EC2 wrote them).
 */
export function identityDocument(fields: IdentityFields = {}): string {
  return JSON.stringify({
    devpayProductCodes: null,
    marketplaceProductCodes: null,
    privateIp: '10.0.1.25',
    availabilityZone: 'us-east-1a',
    version: '2017-09-30',
    instanceId: 'i-0a1b2c3d4e5f60718',
    billingProducts: null,
    instanceType: 'c5.large',
    accountId: ACCOUNT,
    architecture: 'x86_64',
    kernelId: null,
    ramdiskId: null,
    imageId: 'ami-aff65ad2',
    pendingTime: '2018-05-21T09:14:27Z',
    region: REGION,
    ...fields,
  }, null, 2);
}

export interface RegisterOptions extends IdentityFields {
  cluster?: string;
  attributes?: { name: string; value?: string }[];
  totalResources?: unknown[];
  versionInfo?: unknown;
  callRegion?: string;
}

/** The registered instance as RegisterContainerInstance returned it, plus its id. */
export type RegisteredInstance = Required<Omit<ContainerInstance, 'agentUpdateStatus'>> & { id: string };

/** Registers one instance (a c5.large in us-east-1a unless told otherwise) and returns it. */
export function registerInstance(s: TestSandbox, options: RegisterOptions = {}): RegisteredInstance {
  const { cluster, attributes, totalResources, versionInfo, callRegion, ...fields } = options;
  const out = s.ecs('RegisterContainerInstance', {
    ...(cluster !== undefined ? { cluster } : {}),
    instanceIdentityDocument: identityDocument(fields),
    instanceIdentityDocumentSignature: 'c2lnbmF0dXJlIG5vdCB2ZXJpZmllZA==',
    ...(attributes !== undefined ? { attributes } : {}),
    ...(totalResources !== undefined ? { totalResources } : {}),
    ...(versionInfo !== undefined ? { versionInfo } : {}),
  }, callRegion);
  return { ...out.containerInstance, id: idOfArn(out.containerInstance.containerInstanceArn) };
}

/** Declares subnets straight into the region's state (what EcsSandbox.PutSubnets stores). */
export function putSubnets(s: TestSandbox, subnets: SubnetRecord[], region = REGION): void {
  regionState(s.api.document, region).subnets.push(...subnets.map((x) => ({ ...x })));
}

/** A registered EC2 task definition with the given containers and task-level sizes. */
export function addTaskDefinition(
  s: TestSandbox, family: string,
  containers: { name: string; cpu?: number; memory?: number; memoryReservation?: number }[],
  sizes: { cpu?: string; memory?: string } = {}, region = REGION,
): string {
  const arn = `arn:aws:ecs:${region}:${ACCOUNT}:task-definition/${family}:1`;
  const record: TaskDefinitionRecord = {
    definition: {
      taskDefinitionArn: arn, family, revision: 1, status: 'ACTIVE', networkMode: 'bridge',
      containerDefinitions: containers.map((c) => ({ image: 'nginx', essential: true, ...c })),
      ...sizes,
    },
    registeredAt: s.api.document.clock.nowMs,
  };
  regionState(s.api.document, region).taskDefinitions.push(record);
  return arn;
}

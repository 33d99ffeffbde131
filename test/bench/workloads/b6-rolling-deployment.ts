// B6: rolling deployments of a service of N tasks on M container instances (performance notes §7,
// issue 4): M instances registered by RegisterContainerInstance (3 Availability Zones, one instance
// type, m5.xlarge: 4 vCPU / 16 GiB, room for 2+ tasks each), a service of desiredCount N placed
// spread(AZ) → binpack(memory) and run until steady; then, for each of (100, 200), (50, 100) and
// (90, 110), a new task definition revision, UpdateService with that deploymentConfiguration and
// AdvanceTime untilSteady (maxSeconds 3600). The task has one dynamic host port (bridge), so old and
// new tasks share hosts without a port conflict.
import { SandboxApi } from '../../../src/api/handler.ts';
import { newDocument, regionState } from '../../../src/domain/new-document.ts';
import { DEFAULT_REGION } from '../../../src/domain/sandbox-document.ts';
import { identityDocument } from '../../builders/container-instances.ts';
import { ECS } from '../../builders/sandbox.ts';
import { sized, type DeploymentWorkload } from '../workload.ts';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const CLUSTER = 'bench';
const STRATEGIES = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'binpack', field: 'memory' },
];

const call = (api: SandboxApi, op: string, input: unknown) => api.call(`${ECS}.${op}`, input);

/** Revision k of the task definition (the image tag changes, as a real deployment's would). */
function registerRevision(api: SandboxApi, k: number): void {
  call(api, 'RegisterTaskDefinition', {
    family: 'web',
    containerDefinitions: [{ name: 'web', image: `nginx:1.${k}`, memory: 256, cpu: 128, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
  });
}

function advanceUntilSteady(api: SandboxApi): boolean {
  const out = api.call('EcsSandbox.AdvanceTime', { untilSteady: true, maxSeconds: 3600 }).output as { steady: boolean };
  return out.steady;
}

export const b6RollingDeployment: DeploymentWorkload = {
  kind: 'deployment',
  id: 'B6',
  title: 'Rolling deployment through SandboxApi: N tasks on M instances, (100, 200), (50, 100), (90, 110), spread(AZ) → binpack(memory), one dynamic port',
  goalWasm: '≤ 5 ms core time per deployment; ≥ 10,000 steps/s with 500-task batches',
  goalReference: '≤ 20 ms per deployment',
  sizes: (scale) => ({
    instances: sized(scale, 5000, 1000, 24),
    tasks: sized(scale, 5000, 1000, 24),
    warmups: sized(scale, 3, 3, 0),
    runs: sized(scale, 5, 3, 1),
  }),
  configurations: [[100, 200], [50, 100], [90, 110]],
  buildSteady(scale, core) {
    const { instances, tasks } = this.sizes(scale);
    const api = new SandboxApi({ document: newDocument({ seed: 6 }), placementCore: core });
    try {
      call(api, 'CreateCluster', { clusterName: CLUSTER });
      for (let n = 0; n < instances; n++) {
        call(api, 'RegisterContainerInstance', {
          cluster: CLUSTER,
          instanceIdentityDocument: identityDocument({
            instanceId: `i-${n.toString(16).padStart(17, '0')}`,
            instanceType: 'm5.xlarge',
            availabilityZone: AZS[n % 3],
            privateIp: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          }),
          instanceIdentityDocumentSignature: 'c2lnbmF0dXJlIG5vdCB2ZXJpZmllZA==',
        });
      }
      registerRevision(api, 0);
      call(api, 'CreateService', {
        cluster: CLUSTER, serviceName: 'web', taskDefinition: 'web', desiredCount: tasks, placementStrategy: STRATEGIES,
        deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 },
      });
      if (!advanceUntilSteady(api)) throw new Error('B6: the service did not reach a steady state in 3600 s');
      return structuredClone(api.document);
    } finally {
      api.dispose();
    }
  },
  startDeployment(api, k) {
    const [minimumHealthyPercent, maximumPercent] = this.configurations[k];
    registerRevision(api, k + 1);
    call(api, 'UpdateService', { cluster: CLUSTER, service: 'web', taskDefinition: 'web', deploymentConfiguration: { minimumHealthyPercent, maximumPercent } });
  },
  runDeployment: advanceUntilSteady,
  prime(api) {
    const state = regionState(api.document, DEFAULT_REGION);
    api.placementFor(DEFAULT_REGION, state).ledgers.ledgerFor(state, CLUSTER, api.era);
  },
  remarks: [
    'wasmMs / referenceMs: the core time of the slowest of the three deployments (median over the runs); see deployment for each',
  ],
};

// W1 (issue 6): a what-if of 8 variants on a steady scenario of 1,000 container instances and 5,000
// tasks, each variant run to steady state after a deployment (a new task definition revision and
// UpdateService, the request's timeline). The variants cross four deployment configurations with two
// placement strategies. Goal: ≤ 1 s in the worker, where runWhatIf runs on the WASM core; measured
// here in Node with the same WASM core (and the indexed TS core as the reference), through the
// deployment harness: the timed part is one whole runWhatIf (scenario import, every variant's
// changes, baseline, timeline, run to steady, report), the API's own document is left as it was.
import { SandboxApi } from '../../../src/api/handler.ts';
import { newDocument } from '../../../src/domain/new-document.ts';
import { runWhatIf } from '../../../src/whatif/run-what-if.ts';
import type { PlacementStrategy } from '../../../src/model/ecs-types.ts';
import type { WhatIfRequest, WhatIfVariant } from '../../../src/whatif/what-if-types.ts';
import { identityDocument } from '../../builders/container-instances.ts';
import { ECS } from '../../builders/sandbox.ts';
import { sized, type DeploymentWorkload } from '../workload.ts';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const CLUSTER = 'bench';
const call = (api: SandboxApi, op: string, input: unknown) => api.call(`${ECS}.${op}`, input);

const taskDefinition = (k: number) => ({
  family: 'web',
  containerDefinitions: [{ name: 'web', image: `nginx:1.${k}`, memory: 256, cpu: 128, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
});

const CONFIGURATIONS: ReadonlyArray<readonly [number, number]> = [[100, 200], [50, 100], [90, 110], [0, 100]];
const STRATEGIES: Record<string, PlacementStrategy[]> = {
  'spread(AZ)+binpack': [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
  'spread(instance)': [{ type: 'spread', field: 'instanceId' }],
};

/** The 8 variants: every configuration with every strategy. */
export const W1_VARIANTS: WhatIfVariant[] = Object.entries(STRATEGIES).flatMap(([strategyName, placementStrategy]) =>
  CONFIGURATIONS.map(([minimumHealthyPercent, maximumPercent]) => ({
    name: `${minimumHealthyPercent}/${maximumPercent} ${strategyName}`,
    changes: [{ service: 'web', cluster: CLUSTER, placementStrategy, deploymentConfiguration: { minimumHealthyPercent, maximumPercent } }],
  })));

export function w1Request(scenario: unknown): WhatIfRequest {
  return {
    scenario,
    timeline: [
      { target: `${ECS}.RegisterTaskDefinition`, input: taskDefinition(1) },
      { target: `${ECS}.UpdateService`, input: { cluster: CLUSTER, service: 'web', taskDefinition: 'web' } },
    ],
    variants: W1_VARIANTS,
    maxSeconds: 3600,
  };
}

export const w1WhatIf: DeploymentWorkload = {
  kind: 'deployment',
  id: 'W1',
  title: 'What-if: 8 variants (4 deployment configurations × 2 strategies) on M instances and N tasks, each to steady after a deployment',
  goalWasm: '≤ 1 s for the whole what-if in the worker (issue 6)',
  goalReference: '—',
  sizes: (scale) => ({
    instances: sized(scale, 1000, 300, 12),
    tasks: sized(scale, 5000, 1500, 24),
    warmups: sized(scale, 1, 1, 0),
    runs: sized(scale, 3, 2, 1),
  }),
  configurations: [[100, 200]],
  buildSteady(scale, core) {
    const { instances, tasks } = this.sizes(scale);
    const api = new SandboxApi({ document: newDocument({ seed: 61 }), placementCore: core });
    try {
      call(api, 'CreateCluster', { clusterName: CLUSTER });
      for (let n = 0; n < instances; n++) {
        call(api, 'RegisterContainerInstance', {
          cluster: CLUSTER,
          instanceIdentityDocument: identityDocument({
            instanceId: `i-${n.toString(16).padStart(17, '0')}`, instanceType: 'm5.xlarge', availabilityZone: AZS[n % 3],
            privateIp: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          }),
        });
      }
      call(api, 'RegisterTaskDefinition', taskDefinition(0));
      call(api, 'CreateService', { cluster: CLUSTER, serviceName: 'web', taskDefinition: 'web', desiredCount: tasks, placementStrategy: STRATEGIES['spread(AZ)+binpack'] });
      const out = api.call('EcsSandbox.AdvanceTime', { untilSteady: true, maxSeconds: 3600 }).output as { steady: boolean };
      if (!out.steady) throw new Error('W1: the scenario did not reach a steady state in 3600 s');
      return structuredClone(api.document);
    } finally {
      api.dispose();
    }
  },
  startDeployment() {
    // the deployment is the what-if's own timeline
  },
  runDeployment(api) {
    const report = runWhatIf(w1Request(api.document), { placementCore: () => api.placementCore });
    return report.variants.every((v) => v.steady);
  },
  prime() {
    // every variant loads its own resident state: that is part of a what-if's cost
  },
  remarks: [
    'wasmWallMs: one whole runWhatIf of the 8 variants (Node, WASM core); placed / simulated seconds are 0: the API document is not changed',
  ],
};

// A1: RunTask through the API (SandboxApi.call, validation and undo point included) on a cluster of
// M container instances registered by RegisterContainerInstance — 3 Availability Zones, 2 instance
// types, a custom attribute `stack` (prod on two instances of three) — with `preplaced` tasks already
// placed by the same RunTask, so that every timed call reconciles, places and stores on a busy
// cluster. The timed call: count 10, spread(AZ) → binpack(memory), memberOf(attribute:stack == prod),
// a task definition with one dynamic host port.
import { SandboxApi } from '../../../src/api/handler.ts';
import { newDocument, regionState } from '../../../src/domain/new-document.ts';
import { DEFAULT_REGION } from '../../../src/domain/sandbox-document.ts';
import type { PlacementSettings } from '../../../src/engine/placement/batch-columns.ts';
import type { RandomState } from '../../../src/shared/xoshiro128.ts';
import { identityDocument } from '../../builders/container-instances.ts';
import { ECS } from '../../builders/sandbox.ts';
import { sized, type ApiWorkload } from '../workload.ts';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const TYPES = ['m5.large', 'c5.large'];
const CONSTRAINTS = [{ type: 'memberOf' as const, expression: 'attribute:stack == prod' }];
const STRATEGIES = [
  { type: 'spread' as const, field: 'attribute:ecs.availability-zone' },
  { type: 'binpack' as const, field: 'memory' },
];
const RUN_TASK = { cluster: 'bench', taskDefinition: 'web', count: 10, placementConstraints: CONSTRAINTS, placementStrategy: STRATEGIES };

export const a1RunTaskApi: ApiWorkload = {
  kind: 'api',
  id: 'A1',
  title: 'RunTask through SandboxApi: count 10, spread(AZ) → binpack(memory), memberOf(attribute:stack == prod), one dynamic port',
  goalWasm: '— (no §7 goal; B1 ≤ 2 ms is the nearest: one batch on 5,000 instances)',
  goalReference: '—',
  sizes: (scale) => ({
    instances: sized(scale, 5000, 1000, 30),
    preplaced: sized(scale, 2500, 500, 20),
    timedCalls: sized(scale, 100, 30, 5),
  }),
  setUp(scale, core) {
    const { instances, preplaced } = this.sizes(scale);
    const api = new SandboxApi({ document: newDocument({ seed: 11 }), placementCore: core });
    const call = (op: string, input: unknown) => api.call(`${ECS}.${op}`, input);
    call('CreateCluster', { clusterName: 'bench' });
    for (let n = 0; n < instances; n++) {
      call('RegisterContainerInstance', {
        cluster: 'bench',
        instanceIdentityDocument: identityDocument({
          instanceId: `i-${n.toString(16).padStart(17, '0')}`,
          instanceType: TYPES[n % 2],
          availabilityZone: AZS[n % 3],
          privateIp: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        }),
        instanceIdentityDocumentSignature: 'c2lnbmF0dXJlIG5vdCB2ZXJpZmllZA==',
        attributes: [{ name: 'stack', value: n % 3 === 2 ? 'dev' : 'prod' }],
      });
    }
    call('RegisterTaskDefinition', {
      family: 'web',
      containerDefinitions: [{ name: 'web', image: 'nginx', memory: 256, cpu: 128, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
    });
    for (let placed = 0; placed < preplaced; placed += 10) call('RunTask', { ...RUN_TASK, count: Math.min(10, preplaced - placed) });
    const state = () => regionState(api.document, DEFAULT_REGION);
    return {
      api,
      call: () => { call('RunTask', RUN_TASK); },
      state,
      placementSettings: (): PlacementSettings => ({
        clusterName: 'bench',
        taskDefinition: state().taskDefinitions.find((d) => d.definition.family === 'web')!.definition,
        group: 'family:web', // RunTask's default group (4.12)
        constraints: CONSTRAINTS,
        strategies: STRATEGIES,
        emptyStrategies: 'random',
        count: RUN_TASK.count,
        random: [...api.document.random.placement] as RandomState,
        era: api.era,
      }),
    };
  },
  remarks: [
    'wasmMs / referenceMs are the median of one RunTask call (the WASM core / the indexed TS core placing); the builder path is buildPlacementProblem + the WASM core\'s placeTasks on the same state',
  ],
};

// The resident placement state (region-ledgers.ts → a ResidentClusterStore) against the literal
// builder, through the API: random sequences of the calls that change what placement sees (instances
// registered, drained, deregistered, given attributes; tasks run and stopped; calls that fail and are
// undone) with RunTask and DescribePlacement in between. SandboxApi's verifyPlacement checks every
// batch: the store's instance columns and its answer must equal build-placement-problem.ts + the
// literal core's, or the call fails with a ServerException. Run on the TS store and on the WASM one.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SandboxApi } from '../../../../src/api/handler.ts';
import { AwsError } from '../../../../src/api/aws-error.ts';
import { newDocument } from '../../../../src/domain/new-document.ts';
import type { PlacementCore } from '../../../../src/placement-core.ts';
import { literalPlacementCore } from '../../../../src/reference/literal-placement-core.ts';
import { loadSchedulerCore } from '../../../../src/wasm/load-scheduler-core.ts';
import { createWasmPlacementCore } from '../../../../src/wasm/wasm-placement-core.ts';
import { identityDocument } from '../../../builders/container-instances.ts';

const ECS = 'AmazonEC2ContainerServiceV20141113';
const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const SUBNETS = [
  { subnetId: 'subnet-0000000a', availabilityZone: 'us-east-1a', cidrBlock: '10.0.1.0/24' },
  { subnetId: 'subnet-0000000b', availabilityZone: 'us-east-1b', cidrBlock: '10.0.2.0/24' },
];
const EXPRESSIONS = [
  'attribute:stack == prod',
  'attribute:stack != prod',
  'attribute:ecs.instance-type =~ c5.*',
  'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]',
  'task:group == family:web',
  'not(task:group exists)',
  'task:group =~ family:.*',
  'runningTasksCount < 2',
  'attribute:stack exists or agentConnected == true',
];
const STRATEGIES = [
  [],
  [{ type: 'random' }],
  [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
  [{ type: 'spread', field: 'instanceId' }],
  [{ type: 'binpack', field: 'cpu' }],
  [{ type: 'spread', field: 'attribute:stack' }, { type: 'random' }],
];
const FAMILIES = ['web', 'dns', 'vpc', 'host', 'big'];

type Command =
  | { kind: 'register'; az: number; type: string; cpu?: number; memory?: number; stack?: string; reservedPort?: number }
  | { kind: 'run'; family: number; count: number; constraint?: number; distinct: boolean; strategy: number; group?: string; describe: boolean }
  | { kind: 'stop'; pick: number }
  | { kind: 'drain'; pick: number; status: 'DRAINING' | 'ACTIVE' }
  | { kind: 'deregister'; pick: number }
  | { kind: 'attribute'; pick: number; stack?: string }
  | { kind: 'fail' }
  | { kind: 'undo'; tasks: number; instances: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.record({
    kind: fc.constant('register' as const), az: fc.nat(2), type: fc.constantFrom('c5.large', 't2.small', 'm5.xlarge'),
    cpu: fc.option(fc.constantFrom(512, 1024, 2048), { nil: undefined }), memory: fc.option(fc.constantFrom(512, 1024, 3000), { nil: undefined }),
    stack: fc.option(fc.constantFrom('prod', 'dev'), { nil: undefined }), reservedPort: fc.option(fc.constantFrom(80, 8080), { nil: undefined }),
  }, { requiredKeys: ['kind', 'az', 'type'] }) },
  { weight: 5, arbitrary: fc.record({
    kind: fc.constant('run' as const), family: fc.nat(FAMILIES.length - 1), count: fc.integer({ min: 1, max: 10 }),
    constraint: fc.option(fc.nat(EXPRESSIONS.length - 1), { nil: undefined }), distinct: fc.boolean(), strategy: fc.nat(STRATEGIES.length - 1),
    group: fc.option(fc.constantFrom('family:web', 'batch'), { nil: undefined }), describe: fc.boolean(),
  }, { requiredKeys: ['kind', 'family', 'count', 'distinct', 'strategy', 'describe'] }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('stop' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drain' as const), pick: fc.nat(), status: fc.constantFrom('DRAINING' as const, 'ACTIVE' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deregister' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('attribute' as const), pick: fc.nat(), stack: fc.option(fc.constantFrom('prod', 'dev'), { nil: undefined }) }, { requiredKeys: ['kind', 'pick'] }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'fail' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('undo' as const), tasks: fc.nat(4), instances: fc.nat(1) }) },
);

function setUp(api: SandboxApi): void {
  const call = (op: string, input: unknown) => api.call(`${ECS}.${op}`, input);
  api.call('EcsSandbox.PutSubnets', { subnets: SUBNETS });
  call('CreateCluster', {});
  const container = (extra: Record<string, unknown>) => ({ name: 'app', image: 'nginx', memory: 256, ...extra });
  call('RegisterTaskDefinition', { family: 'web', containerDefinitions: [container({ cpu: 256, portMappings: [{ containerPort: 80 }, { containerPort: 443, hostPort: 8443 }] })] });
  call('RegisterTaskDefinition', { family: 'dns', containerDefinitions: [container({ memory: 128, portMappings: [{ containerPort: 53, hostPort: 53, protocol: 'udp' }, { containerPort: 54, protocol: 'udp' }] })] });
  call('RegisterTaskDefinition', { family: 'vpc', networkMode: 'awsvpc', containerDefinitions: [container({ cpu: 128, portMappings: [{ containerPort: 80 }] })] });
  call('RegisterTaskDefinition', { family: 'host', networkMode: 'host', containerDefinitions: [container({ portMappings: [{ containerPort: 8080 }] })] });
  call('RegisterTaskDefinition', { family: 'big', requiresAttributes: [{ name: 'stack', value: 'prod' }], containerDefinitions: [container({ cpu: 1024, memory: 1024 })] });
}

function run(api: SandboxApi, commands: Command[]): void {
  const call = (op: string, input: unknown) => {
    try {
      return api.call(`${ECS}.${op}`, input).output as any;
    } catch (e) {
      expect(e).toBeInstanceOf(AwsError);
      if ((e as AwsError).code === 'ServerException') throw (e as Error).cause ?? e;
      return undefined;
    }
  };
  const state = () => api.document.regions['us-east-1'];
  let n = 0;
  for (const c of commands) {
    const instances = state().containerInstances;
    const pickInstance = (k: number) => instances.length > 0 ? instances[k % instances.length] : undefined;
    switch (c.kind) {
      case 'register': {
        n++;
        const totalResources = [
          ...(c.cpu !== undefined ? [{ name: 'CPU', type: 'INTEGER', integerValue: c.cpu }] : []),
          ...(c.memory !== undefined ? [{ name: 'MEMORY', type: 'INTEGER', integerValue: c.memory }] : []),
          ...(c.reservedPort !== undefined ? [{ name: 'PORTS', type: 'STRINGSET', stringSetValue: ['22', String(c.reservedPort)] }] : []),
        ];
        call('RegisterContainerInstance', {
          instanceIdentityDocument: identityDocument({
            instanceId: `i-${n.toString(16).padStart(17, '0')}`, availabilityZone: AZS[c.az], instanceType: c.type,
            privateIp: `10.0.${c.az + 1}.${10 + n}`,
          }),
          instanceIdentityDocumentSignature: 'signature',
          ...(totalResources.length > 0 ? { totalResources } : {}),
          ...(c.stack !== undefined ? { attributes: [{ name: 'stack', value: c.stack }] } : {}),
        });
        break;
      }
      case 'run': {
        const family = FAMILIES[c.family];
        const input = {
          taskDefinition: family, count: c.count,
          placementConstraints: [
            ...(c.distinct ? [{ type: 'distinctInstance' }] : []),
            ...(c.constraint !== undefined ? [{ type: 'memberOf', expression: EXPRESSIONS[c.constraint] }] : []),
          ],
          placementStrategy: STRATEGIES[c.strategy],
          ...(c.group !== undefined ? { group: c.group } : {}),
          ...(family === 'vpc' ? { networkConfiguration: { awsvpcConfiguration: { subnets: SUBNETS.map((s) => s.subnetId) } } } : {}),
        };
        if (c.describe) {
          try {
            api.call('EcsSandbox.DescribePlacement', input);
          } catch (e) {
            if ((e as AwsError).code === 'ServerException') throw (e as Error).cause ?? e;
          }
        }
        call('RunTask', input);
        break;
      }
      case 'stop': {
        const live = state().tasks.filter((t) => t.desiredStatus === 'RUNNING');
        if (live.length > 0) call('StopTask', { task: live[c.pick % live.length].id });
        break;
      }
      case 'drain': {
        const instance = pickInstance(c.pick);
        if (instance) call('UpdateContainerInstancesState', { containerInstances: [instance.id], status: c.status });
        break;
      }
      case 'deregister': {
        const instance = pickInstance(c.pick);
        if (instance) call('DeregisterContainerInstance', { containerInstance: instance.id, force: true });
        break;
      }
      case 'attribute': {
        const instance = pickInstance(c.pick);
        if (!instance) break;
        const target = { targetType: 'container-instance', targetId: instance.id };
        if (c.stack === undefined) call('DeleteAttributes', { attributes: [{ name: 'stack', ...target }] });
        else call('PutAttributes', { attributes: [{ name: 'stack', value: c.stack, ...target }] });
        break;
      }
      case 'fail':
        // an invalid expression fails after validation of the rest: the call is undone
        call('RunTask', { taskDefinition: 'web', placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack ==' }] });
        break;
      case 'undo':
        // what api/undo-point.ts does when a call fails after it created records: the lists are cut back
        state().tasks.length = Math.max(0, state().tasks.length - c.tasks);
        state().containerInstances.length = Math.max(0, state().containerInstances.length - c.instances);
        break;
    }
  }
}

function property(core: () => PlacementCore) {
  fc.assert(fc.property(fc.array(command, { minLength: 5, maxLength: 40 }), (commands) => {
    const api = new SandboxApi({ document: newDocument({ seed: 7 }), placementCore: core(), verifyPlacement: true });
    try {
      setUp(api);
      // two instances first, so that most sequences place from their first command
      run(api, [{ kind: 'register', az: 0, type: 'c5.large', stack: 'prod' }, { kind: 'register', az: 1, type: 'm5.xlarge' }, ...commands]);
    } finally {
      api.dispose();
    }
  }), { numRuns: 250 });
}

describe('resident placement state = the literal builder, through the API (performance notes 4)', () => {
  let wasm: PlacementCore;
  beforeAll(async () => {
    wasm = createWasmPlacementCore(await loadSchedulerCore({ bytes: readFileSync(new URL('../../../../build/scheduler-core.wasm', import.meta.url)) }));
  });

  it('TS store, literal core: every batch of 250 random call sequences agrees', () => property(() => literalPlacementCore));
  it('WASM store in linear memory: every batch of 250 random call sequences agrees', () => property(() => wasm));
});

// Random service-scheduler scenarios for the property, determinism and browser tests (issue 4): a
// cluster of 1–8 instances over 1–3 AZs, 1–2 services with a random deploymentConfiguration,
// strategy and maybe distinctInstance, then UpdateService calls (a new task-definition revision, a
// desiredCount change) and AdvanceTime. A scenario compiles to a plain list of calls, so the same
// list runs on a SandboxApi in Node and through the worker in Chromium (test/e2e).
import fc from 'fast-check';
import { identityDocument } from './container-instances.ts';

export const ECS = 'AmazonEC2ContainerServiceV20141113';
export const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

/** The strategy table the services draw from (6.2–6.7). */
export const STRATEGIES: { type: string; field?: string }[][] = [
  [],
  [{ type: 'random' }],
  [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
  [{ type: 'spread', field: 'instanceId' }],
  [{ type: 'binpack', field: 'memory' }],
  [{ type: 'binpack', field: 'cpu' }],
  [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
  [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }],
];

/** Task sizes (one container's cpu units / MiB); a revision picks one. */
export const SIZES = [
  { cpu: 128, memory: 128 },
  { cpu: 256, memory: 256 },
  { cpu: 512, memory: 256 },
  { cpu: 256, memory: 512 },
];

export interface InstanceSpec { az: number; cpu: number; memory: number }
export interface ServiceSpec { desired: number; min: number; max: number; strategy: number; distinct: boolean; size: number }
export type Op =
  | { kind: 'deploy'; service: number; size: number }
  | { kind: 'scale'; service: number; desired: number }
  | { kind: 'advance'; seconds: number };

export interface ScenarioSpec {
  seed: number;
  azCount: number;
  instances: InstanceSpec[];
  services: ServiceSpec[];
  ops: Op[];
}

export interface Call { target: string; input: unknown }

const serviceSpec = fc.record({
  desired: fc.integer({ min: 0, max: 8 }),
  min: fc.integer({ min: 0, max: 100 }),
  max: fc.integer({ min: 100, max: 200 }),
  strategy: fc.nat(STRATEGIES.length - 1),
  distinct: fc.boolean(),
  size: fc.nat(SIZES.length - 1),
});

const op = (services: number): fc.Arbitrary<Op> => fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deploy' as const), service: fc.nat(services - 1), size: fc.nat(SIZES.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('scale' as const), service: fc.nat(services - 1), desired: fc.integer({ min: 0, max: 8 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 120 }) }) },
);

/** Any cluster: instances may be too small for what the services ask (placement failures happen). */
export const anyScenario: fc.Arbitrary<ScenarioSpec> = fc.integer({ min: 1, max: 3 }).chain((azCount) =>
  fc.integer({ min: 1, max: 2 }).chain((serviceCount) => fc.record({
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    azCount: fc.constant(azCount),
    instances: fc.array(fc.record({
      az: fc.nat(azCount - 1),
      cpu: fc.constantFrom(256, 512, 1024, 2048, 4096),
      memory: fc.constantFrom(512, 1024, 2048, 3840),
    }), { minLength: 1, maxLength: 8 }),
    services: fc.array(serviceSpec, { minLength: serviceCount, maxLength: serviceCount }),
    ops: fc.array(op(serviceCount), { minLength: 1, maxLength: 10 }),
  })));

// ── 9.1 arithmetic ──────────────────────────────────────────────────────────────────────────────
export const maxOf = (d: number, maximumPercent: number) => Math.floor((d * maximumPercent) / 100);
export const minOf = (d: number, minimumHealthyPercent: number) => Math.ceil((d * minimumHealthyPercent) / 100);
/** 9.5 configuration deadlock: nothing can start (MAX ≤ D) and nothing can stop (MIN ≥ D). */
export const deadlocks = (d: number, min: number, max: number) => d >= 1 && maxOf(d, max) <= d && minOf(d, min) >= d;

/** Every desiredCount a service takes in the scenario. */
export function desiredCountsOf(spec: ScenarioSpec, service: number): number[] {
  return [spec.services[service].desired, ...spec.ops.flatMap((o) => (o.kind === 'scale' && o.service === service ? [o.desired] : []))];
}

/**
 * The same scenario made convergent: every instance has room for every task of every service at
 * the largest size (so neither fragmentation nor another service can block a placement); a
 * distinctInstance service never asks for more than one task per instance (its desiredCounts are
 * lowered until MAX ≤ instances); and no desiredCount a service takes is a 9.5 configuration
 * deadlock (minimumHealthyPercent is lowered until MIN < D wherever MAX ≤ D).
 */
export function roomy(spec: ScenarioSpec): ScenarioSpec {
  const n = spec.instances.length;
  const services = spec.services.map((s) => ({ ...s }));
  const clampDesired = (service: number, d: number) => {
    const s = services[service];
    let x = d;
    while (s.distinct && maxOf(x, s.max) > n) x--;
    return x;
  };
  services.forEach((s, i) => (s.desired = clampDesired(i, s.desired)));
  const ops = spec.ops.map((o) => (o.kind === 'scale' ? { ...o, desired: clampDesired(o.service, o.desired) } : o));
  services.forEach((s, i) => {
    // MIN < D ⇔ D·min ≤ 100·(D − 1)
    for (const d of desiredCountsOf({ ...spec, services, ops }, i)) {
      if (deadlocks(d, s.min, s.max)) s.min = Math.min(s.min, Math.floor((100 * (d - 1)) / d));
    }
  });
  const mostTasks = services.reduce((sum, s, i) => sum + Math.max(...desiredCountsOf({ ...spec, services, ops }, i).map((d) => maxOf(d, s.max))), 0);
  const cpu = Math.max(...SIZES.map((x) => x.cpu)) * Math.max(1, mostTasks);
  const memory = Math.max(...SIZES.map((x) => x.memory)) * Math.max(1, mostTasks);
  return {
    ...spec, services, ops,
    instances: spec.instances.map((i) => ({ ...i, cpu: Math.max(i.cpu, cpu), memory: Math.max(i.memory, memory) })),
  };
}

export const roomyScenario: fc.Arbitrary<ScenarioSpec> = anyScenario.map(roomy);

// ── Compiling to calls ──────────────────────────────────────────────────────────────────────────

export const serviceName = (i: number) => `svc${i}`;
const image = (revision: number) => `registry.example.com/app:${revision}`;

function registerTaskDefinition(service: number, size: number, revision: number): Call {
  return {
    target: `${ECS}.RegisterTaskDefinition`,
    input: { family: serviceName(service), containerDefinitions: [{ name: 'app', image: image(revision), essential: true, ...SIZES[size] }] },
  };
}

/** The set-up calls: instances, the first revision of each service's task definition, the services. */
export function setUpCalls(spec: ScenarioSpec): Call[] {
  const calls: Call[] = [];
  spec.instances.forEach((inst, n) => {
    calls.push({
      target: `${ECS}.RegisterContainerInstance`,
      input: {
        instanceIdentityDocument: identityDocument({
          instanceId: `i-${(n + 1).toString(16).padStart(17, '0')}`, availabilityZone: AZS[inst.az], instanceType: 'c5.large',
          privateIp: `10.0.${inst.az + 1}.${10 + n}`,
        }),
        instanceIdentityDocumentSignature: 'c2lnbmF0dXJlIG5vdCB2ZXJpZmllZA==',
        totalResources: [
          { name: 'CPU', type: 'INTEGER', integerValue: inst.cpu },
          { name: 'MEMORY', type: 'INTEGER', integerValue: inst.memory },
        ],
      },
    });
  });
  spec.services.forEach((s, i) => {
    calls.push(registerTaskDefinition(i, s.size, 1));
    calls.push({
      target: `${ECS}.CreateService`,
      input: {
        serviceName: serviceName(i), taskDefinition: `${serviceName(i)}:1`, desiredCount: s.desired,
        deploymentConfiguration: { minimumHealthyPercent: s.min, maximumPercent: s.max },
        placementStrategy: STRATEGIES[s.strategy],
        placementConstraints: s.distinct ? [{ type: 'distinctInstance' }] : [],
      },
    });
  });
  return calls;
}

/** The calls of one op; `revisions` counts each service's task-definition revisions so far. */
export function opCalls(o: Op, revisions: number[]): Call[] {
  switch (o.kind) {
    case 'deploy': {
      const revision = ++revisions[o.service];
      return [
        registerTaskDefinition(o.service, o.size, revision),
        { target: `${ECS}.UpdateService`, input: { service: serviceName(o.service), taskDefinition: `${serviceName(o.service)}:${revision}` } },
      ];
    }
    case 'scale':
      return [{ target: `${ECS}.UpdateService`, input: { service: serviceName(o.service), desiredCount: o.desired } }];
    case 'advance':
      return [{ target: 'EcsSandbox.AdvanceTime', input: { seconds: o.seconds } }];
  }
}

/** The whole scenario as one list of calls (AdvanceTime in the op's own lengths). */
export function scenarioCalls(spec: ScenarioSpec): Call[] {
  const revisions = spec.services.map(() => 1);
  return [
    { target: 'EcsSandbox.Reset', input: { seed: spec.seed, clock: 'manual' } },
    ...setUpCalls(spec),
    ...spec.ops.flatMap((o) => opCalls(o, revisions)),
  ];
}

/** A fixed scenario for the browser and real-client runs: two services, a deployment and scaling in both directions. */
export const FIXED_SCENARIO: ScenarioSpec = {
  seed: 20180522,
  azCount: 3,
  instances: [
    { az: 0, cpu: 2048, memory: 3840 }, { az: 1, cpu: 2048, memory: 3840 }, { az: 2, cpu: 1024, memory: 2048 },
    { az: 0, cpu: 1024, memory: 1024 }, { az: 1, cpu: 4096, memory: 3840 },
  ],
  services: [
    { desired: 4, min: 50, max: 150, strategy: 6, distinct: false, size: 1 },
    { desired: 3, min: 100, max: 200, strategy: 1, distinct: true, size: 2 },
  ],
  ops: [
    { kind: 'advance', seconds: 30 },
    { kind: 'deploy', service: 0, size: 3 },
    { kind: 'scale', service: 1, desired: 5 },
    { kind: 'advance', seconds: 7 },
    { kind: 'deploy', service: 1, size: 0 },
    { kind: 'advance', seconds: 45 },
    { kind: 'scale', service: 0, desired: 1 },
    { kind: 'deploy', service: 0, size: 1 },
    { kind: 'advance', seconds: 120 },
    { kind: 'scale', service: 1, desired: 2 },
    { kind: 'advance', seconds: 90 },
  ],
};

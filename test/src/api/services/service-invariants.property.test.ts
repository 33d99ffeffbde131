// Property: any sequence of valid and invalid Create/Update/Delete calls (with clock moves and
// DRAINING → INACTIVE settling in between) leaves every service with exactly one PRIMARY deployment,
// the service's fields mirroring it (9.7), older deployments at desiredCount 0 (D31), unique
// deployment ids (D2), and failed calls changing nothing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AwsError } from '../../../../src/api/aws-error.ts';
import { regionState } from '../../../../src/domain/new-document.ts';
import { ECS } from '../../../builders/sandbox.ts';
import { aServiceWorld, awsvpc, register, SG_1, SUBNET_A, SUBNET_B, taskDefinitions } from '../../../builders/services.ts';

const name = fc.constantFrom('a', 'b');
const networks = [awsvpc([SUBNET_A]), awsvpc([SUBNET_A, SUBNET_B]), awsvpc([SUBNET_B], [SG_1]), awsvpc([SUBNET_B, SUBNET_A], [SG_1])];
const maybe = <T>(arb: fc.Arbitrary<T>, weightOfNone = 1) =>
  fc.oneof({ weight: weightOfNone, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const validDeploymentConfiguration = fc.record({
  minimumHealthyPercent: maybe(fc.integer({ min: 0, max: 100 })),
  maximumPercent: maybe(fc.integer({ min: 100, max: 250 })),
});
// Faults that make a request invalid (15.1 / 15.2), mixed into about a third of the requests.
const fault = fc.constantFrom<Record<string, unknown>>(
  { desiredCount: -1 }, { taskDefinition: 'missing' }, { platformVersion: '9.9.9' }, { networkConfiguration: awsvpc([]) },
  { networkConfiguration: awsvpc(['subnet-0000dead']) }, { deploymentConfiguration: { maximumPercent: 50 } },
  { deploymentConfiguration: { minimumHealthyPercent: 101 } }, { healthCheckGracePeriodSeconds: 30 },
  { networkConfiguration: awsvpc([SUBNET_A], [], 'ENABLED') },
);
/** A valid CreateService request of one of the three kinds. */
const validCreate = fc.oneof(
  fc.record({ taskDefinition: fc.constantFrom('web', 'web:1', 'alt') }),
  fc.record({ taskDefinition: fc.constantFrom('vpc', 'vpc8080'), networkConfiguration: fc.constantFrom(...networks) }),
  fc.record({
    launchType: fc.constant('FARGATE'), taskDefinition: fc.constantFrom('fg', 'fg:1'), networkConfiguration: fc.constantFrom(...networks),
    platformVersion: maybe(fc.constantFrom('LATEST', '1.0.0', '1.1.0')),
  }),
);
const drop = (request: Record<string, unknown>) => JSON.parse(JSON.stringify(request)) as Record<string, unknown>;

const command = fc.oneof(
  { weight: 3, arbitrary: fc.record({
    op: fc.constant('CreateService'), serviceName: name, desiredCount: fc.integer({ min: 0, max: 4 }), valid: validCreate,
    deploymentConfiguration: maybe(validDeploymentConfiguration, 2), clientToken: maybe(fc.constantFrom('t1', 't2')),
    fault: maybe(fault, 2),
  }).map(({ valid, fault: f, ...rest }) => ({ ...rest, ...valid, ...(f ?? {}) })) },
  { weight: 4, arbitrary: fc.record({
    // the service's kind is unknown here, so some of these mismatch it and fail: that is part of the property
    op: fc.constant('UpdateService'), service: name, desiredCount: maybe(fc.integer({ min: 0, max: 4 })),
    taskDefinition: maybe(fc.constantFrom('web', 'web:1', 'alt', 'vpc', 'vpc8080', 'fg', 'fg:1'), 2),
    networkConfiguration: maybe(fc.constantFrom(...networks), 3), platformVersion: maybe(fc.constantFrom('LATEST', '1.1.0'), 4),
    deploymentConfiguration: maybe(validDeploymentConfiguration, 3), forceNewDeployment: maybe(fc.boolean(), 2),
    fault: maybe(fault, 2),
  }).map(({ fault: f, ...rest }) => ({ ...rest, ...(f ?? {}) })) },
  fc.record({ op: fc.constant('DeleteService'), service: name }),
  fc.record({ op: fc.constant('UpdateService'), service: name, desiredCount: fc.constant(0) }), // so deletes can succeed
  fc.record({ op: fc.constant('advance'), ms: fc.integer({ min: 0, max: 3000 }) }),
  fc.record({ op: fc.constant('settle') }),
);

describe('service invariants (property)', () => {
  it('every service keeps exactly one PRIMARY and mirrors it', () => {
    fc.assert(fc.property(fc.array(command, { minLength: 5, maxLength: 40 }), (commands) => {
      const { s } = aServiceWorld();
      register(s, taskDefinitions.fargate('fg')); // fg:2, so `fg` and `fg:1` differ
      for (const { op, ...request } of commands) {
        if (op === 'advance') {
          s.api.document.clock.nowMs += (request as { ms: number }).ms;
        } else if (op === 'settle') {
          s.sandbox('AdvanceTime', { seconds: 1 }); // one scheduler step: DRAINING services without live tasks settle
        } else {
          const before = s.snapshot();
          try {
            s.api.call(`${ECS}.${op}`, drop(request));
          } catch (e) {
            expect(e).toBeInstanceOf(AwsError);
            expect((e as AwsError).code).not.toBe('ServerException');
            expect(s.snapshot()).toBe(before);
          }
        }
        checkInvariants(s);
      }
    }), { numRuns: 150 });
  });
});

function checkInvariants(s: ReturnType<typeof aServiceWorld>['s']): void {
  const state = regionState(s.api.document, 'us-east-1');
  const ids = state.services.flatMap((x) => x.deployments.map((d) => d.id));
  expect(new Set(ids).size).toBe(ids.length);
  for (const service of state.services) {
    const primaries = service.deployments.filter((d) => d.status === 'PRIMARY');
    expect(primaries).toHaveLength(1);
    const [primary] = primaries;
    expect(primary.taskDefinition).toBe(service.taskDefinition);
    expect(primary.launchType).toBe(service.launchType);
    expect(primary.platformVersion).toBe(service.platformVersion);
    expect(primary.networkConfiguration).toEqual(service.networkConfiguration);
    expect(primary.desiredCount).toBe(service.desiredCount);
    for (const d of service.deployments) if (d !== primary) expect(d.desiredCount).toBe(0);
    if (service.launchType === 'FARGATE') expect(service.networkConfiguration).toBeDefined();
  }
  // and the API's view agrees: PRIMARY first, mirrored by the service
  const names = [...new Set(state.services.filter((x) => x.clusterName === 'default').map((x) => x.serviceName))];
  if (names.length === 0) return;
  const { services } = s.ecs('DescribeServices', { services: names });
  for (const view of services) {
    expect(view.deployments[0].status).toBe('PRIMARY');
    expect(view.deployments.filter((d: { status: string }) => d.status === 'PRIMARY')).toHaveLength(1);
    expect(view.deployments[0].taskDefinition).toBe(view.taskDefinition);
    expect(view.deployments[0].desiredCount).toBe(view.desiredCount);
  }
}

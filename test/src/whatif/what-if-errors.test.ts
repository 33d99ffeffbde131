// Bad what-if requests: InvalidParameterException (or the API call's own code) with the JSON path of
// the fault first. Nothing runs: the shape is checked first, then every variant's changes are
// applied before any time passes.
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../src/api/aws-error.ts';
import { literalPlacementCore } from '../../../src/reference/literal-placement-core.ts';
import { runWhatIf } from '../../../src/whatif/run-what-if.ts';
import { ecs, instances, service, taskDefinition } from './what-if-scenarios.ts';

const SCENARIO = [...instances([{ az: 'us-east-1a' }]), taskDefinition('web', 256, 256), service('web', 'web', 1)];

function errorOf(request: unknown): { code: string; message: string } {
  let progress = 0;
  try {
    runWhatIf(request as never, { placementCore: () => literalPlacementCore, onProgress: () => progress++ });
  } catch (error) {
    expect(error).toBeInstanceOf(AwsError);
    expect(progress).toBe(0); // no run finished
    const e = error as AwsError;
    return { code: e.code, message: e.message };
  }
  throw new Error('expected an error');
}

const variant = (changes: unknown[]) => ({ scenario: SCENARIO, variants: [{ name: 'a', changes: [] }, { name: 'b', changes }] });

describe('runWhatIf: bad requests', () => {
  it.each([
    ['not an object', 'x', 'expected an object'],
    ['no scenario', { variants: [] }, 'scenario: required'],
    ['no variants', { scenario: SCENARIO }, 'variants: required'],
    ['empty variants', { scenario: SCENARIO, variants: [] }, 'variants: expected at least one variant'],
    ['variants not a list', { scenario: SCENARIO, variants: {} }, 'variants: expected a list'],
    ['unknown member', { scenario: SCENARIO, variants: [{ name: 'a' }], seed: 2 }, 'seed: unknown member'],
    ['name not a string', { scenario: SCENARIO, variants: [{ name: 1 }] }, 'variants[0].name: expected a string'],
    ['empty name', { scenario: SCENARIO, variants: [{ name: ' ' }] }, 'variants[0].name: expected a non-empty name'],
    ['duplicate name', { scenario: SCENARIO, variants: [{ name: 'a' }, { name: 'a' }] }, 'variants[1].name: "a" is already the name of variants[0]'],
    ['seeds 0', { scenario: SCENARIO, variants: [{ name: 'a' }], seeds: 0 }, 'seeds: expected an integer from 1 to 100, got 0'],
    ['seeds 1.5', { scenario: SCENARIO, variants: [{ name: 'a' }], seeds: 1.5 }, 'seeds: expected an integer'],
    ['maxSeconds 0', { scenario: SCENARIO, variants: [{ name: 'a' }], maxSeconds: 0 }, 'maxSeconds: expected a number greater than 0 and at most 2592000, got 0'],
    ['timeline call without target', { scenario: SCENARIO, variants: [{ name: 'a' }], timeline: [{ input: {} }] }, 'timeline[0].target: required'],
    ['a change of two kinds', variant([{ service: 'web', desiredCount: 2, calls: [] }]),
      'variants[1].changes[0]: expected exactly one of service, addInstances, removeInstances, fault, calls'],
    ['a change of no kind', variant([{}]), 'variants[1].changes[0]: expected exactly one of service, addInstances, removeInstances, fault, calls'],
    ['a misspelt member', variant([{ service: 'web', desiredCont: 2 }]), 'variants[1].changes[0].desiredCont: unknown member'],
    ['a service change without a change', variant([{ service: 'web' }]),
      'variants[1].changes[0]: expected at least one of placementStrategy, placementConstraints, deploymentConfiguration, desiredCount, taskDefinition'],
    ['count 0', variant([{ addInstances: { instanceType: 'c5.large', availabilityZone: 'us-east-1a', count: 0 } }]),
      'variants[1].changes[0].addInstances.count: expected an integer from 1 to 1000, got 0'],
    ['an unknown fault', variant([{ fault: { atSeconds: 0, fault: 'meteor' } }]),
      'variants[1].changes[0].fault.fault: expected one of terminateInstance, disconnectAgent, failTasks, unhealthyTargets, terminateAvailabilityZone'],
    ['a zone fault without a zone', variant([{ fault: { atSeconds: 0, fault: 'terminateAvailabilityZone' } }]),
      'variants[1].changes[0].fault.availabilityZone: terminateAvailabilityZone needs availabilityZone'],
  ])('%s', (_, request, message) => {
    expect(errorOf(request)).toEqual({ code: 'InvalidParameterException', message });
  });

  it.each([
    ['no such service', [{ service: 'x', desiredCount: 1 }], 'variants[1].changes[0].service: no service "x" in cluster "default"'],
    ['no such cluster', [{ service: 'web', cluster: 'prod', desiredCount: 1 }], 'variants[1].changes[0].cluster: no cluster "prod"'],
    ['a bad binpack field (15.1 #24, the CreateService text)', [{ service: 'web', placementStrategy: [{ type: 'binpack', field: 'disk' }] }],
      'variants[1].changes[0].placementStrategy: Invalid field for binpack strategy: disk. Valid values are cpu and memory.'],
    ['maximumPercent < 100 (15.1 #26)', [{ service: 'web', deploymentConfiguration: { maximumPercent: 50 } }],
      'variants[1].changes[0].deploymentConfiguration: deploymentConfiguration.maximumPercent must be at least 100, but was 50.'],
    ['an unknown instance type', [{ addInstances: { instanceType: 'm9.huge', availabilityZone: 'us-east-1a', count: 1 } }],
      'variants[1].changes[0].addInstances.instanceType: unknown instance type "m9.huge"'],
    ['a zone of another region', [{ addInstances: { instanceType: 'c5.large', availabilityZone: 'eu-west-1a', count: 1 } }],
      'variants[1].changes[0].addInstances.availabilityZone: "eu-west-1a" is not an Availability Zone of us-east-1'],
    ['an instance not registered', [{ removeInstances: { ec2InstanceIds: ['i-0123'] } }],
      'variants[1].changes[0].removeInstances.ec2InstanceIds[0]: no container instance of EC2 instance "i-0123" in cluster "default"'],
  ])('%s', (_, changes, message) => {
    const e = errorOf(variant(changes));
    expect(e.code).toBe('InvalidParameterException');
    expect(e.message).toBe(message);
  });

  it('an API error keeps its code, behind the path: UpdateService to an unknown task definition', () => {
    const e = errorOf(variant([{ service: 'web', taskDefinition: 'nope:9' }]));
    expect(e.message.startsWith('variants[1].changes[0].taskDefinition: ')).toBe(true);
  });

  it('a failing call of a change: the path, then the scenario call’s own message', () => {
    const e = errorOf(variant([{ calls: [ecs('DeleteService', { service: 'ghost' })] }]));
    expect(e.message.startsWith('variants[1].changes[0].calls: ')).toBe(true);
  });

  it('a scenario that does not load: `scenario: ` and the loader’s message', () => {
    const e = errorOf({ scenario: 'no-such-scenario', variants: [{ name: 'a' }] });
    expect(e.code).toBe('InvalidParameterException');
    expect(e.message.startsWith('scenario: ')).toBe(true);
  });

  it('a timeline call that fails names the timeline and the variant', () => {
    const e = errorOf({ scenario: SCENARIO, variants: [{ name: 'a' }], timeline: [ecs('UpdateService', { service: 'ghost', desiredCount: 1 })] });
    expect(e.message.startsWith('timeline: ')).toBe(true);
    expect(e.message.endsWith(' (variant "a")')).toBe(true);
  });
});

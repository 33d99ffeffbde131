// The generic model check that runs before every ECS and Auto Naming operation.
import { describe, expect, it } from 'vitest';
import { aSandbox, ECS, SD } from '../../../builders/sandbox.ts';

describe('validate-input through the handler', () => {
  it.each([
    // JSON type errors are deserialisation failures: SerializationException, Coral's wording
    ['CreateService', { serviceName: 'a', taskDefinition: 't', desiredCount: 'two' }, 'SerializationException', 'STRING_VALUE can not be converted to an Integer'],
    ['CreateService', { serviceName: 5, taskDefinition: 't', desiredCount: 1 }, 'SerializationException', 'NUMBER_VALUE can not be converted to a String'],
    ['CreateService', { serviceName: 'a', taskDefinition: 't', desiredCount: 1.5 }, 'SerializationException', 'NUMBER_VALUE can not be converted to an Integer'],
    // 2^31 does not fit an Integer
    ['CreateService', { serviceName: 'a', taskDefinition: 't', desiredCount: 2147483648 }, 'SerializationException', 'NUMBER_VALUE can not be converted to an Integer'],
    ['CreateService', { serviceName: ['a'], taskDefinition: 't', desiredCount: 1 }, 'SerializationException', 'Start of list found where not expected'],
    ['CreateService', { serviceName: { a: 1 }, taskDefinition: 't', desiredCount: 1 }, 'SerializationException', 'Start of structure or map found where not expected.'],
    ['CreateService', { serviceName: 'a', taskDefinition: 't', desiredCount: 1, placementStrategy: {} }, 'SerializationException', 'Start of structure or map found where not expected.'],
    ['UpdateService', { service: 'a', forceNewDeployment: 'yes' }, 'SerializationException', 'STRING_VALUE can not be converted to a Boolean'],
    // required members (15.1 #1), in model order
    ['CreateService', { taskDefinition: 't', desiredCount: 1 }, 'InvalidParameterException', 'serviceName is required.'],
    ['CreateService', { serviceName: 'a', desiredCount: 1 }, 'InvalidParameterException', 'taskDefinition is required.'],
    ['CreateService', { serviceName: 'a', taskDefinition: 't' }, 'InvalidParameterException', 'desiredCount is required.'],
    // null is absent
    ['CreateService', { serviceName: null, taskDefinition: 't', desiredCount: 1 }, 'InvalidParameterException', 'serviceName is required.'],
    // enum values (D52), listed in model order
    ['CreateService', { serviceName: 'a', taskDefinition: 't', desiredCount: 1, launchType: 'SPOT' }, 'InvalidParameterException', 'launchType should be one of [EC2, FARGATE]'],
    ['CreateService', { serviceName: 'a', taskDefinition: 't', desiredCount: 1, placementStrategy: [{ type: 'pack' }] }, 'InvalidParameterException', 'placementStrategy.type should be one of [random, spread, binpack]'],
  ])('%s %j → %s', (op, input, code, message) => {
    const e = aSandbox().error(`${ECS}.${op}`, input);
    expect([e.code, e.message]).toEqual([code, message]);
  });

  it.each([
    ['CreatePrivateDnsNamespace', { Vpc: 'vpc-12345678' }, "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null"],
    ['ListNamespaces', { Filters: [{ Name: 'COLOUR', Values: ['x'] }] }, "1 validation error detected: Value 'COLOUR' at 'filters.name' failed to satisfy constraint: Member must satisfy enum value set: [TYPE]"],
  ])('Auto Naming answers in Coral form: %s %j', (op, input, message) => {
    const e = aSandbox().error(`${SD}.${op}`, input);
    expect([e.code, e.message]).toEqual(['InvalidInput', message]);
  });

  it('unknown members are ignored and reported (D1), even Object.prototype names', () => {
    const s = aSandbox();
    const result = s.api.call(`${ECS}.ListClusters`, { maxResults: 5, colour: 'blue', __proto__x: 1, constructor: 2 });
    expect(result.unknownMembers).toEqual(['colour', '__proto__x', 'constructor']);
  });
});

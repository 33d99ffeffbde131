import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';
import { instanceArnOf, registerInstance } from '../../../builders/container-instances.ts';
import type { TestSandbox } from '../../../builders/sandbox.ts';

const customOf = (s: TestSandbox, id: string) =>
  s.ecs('DescribeContainerInstances', { containerInstances: [id] }).containerInstances[0].attributes
    .filter((a: any) => !a.name.startsWith('ecs.') && !a.name.startsWith('com.amazonaws.ecs.'));

describe('PutAttributes', () => {
  it('creates, then replaces, an attribute by ARN or by id with targetType; echoes the request', () => {
    const s = aSandbox();
    const { id, containerInstanceArn } = registerInstance(s); // version 1
    const put = [{ name: 'stack', value: 'prod', targetId: containerInstanceArn }];
    expect(s.ecs('PutAttributes', { attributes: put })).toEqual({ attributes: put });
    expect(customOf(s, id)).toEqual([{ name: 'stack', value: 'prod' }]);
    s.ecs('PutAttributes', { cluster: 'default', attributes: [{ name: 'stack', value: 'staging', targetType: 'container-instance', targetId: id }] });
    s.ecs('PutAttributes', { attributes: [{ name: 'canary', targetType: 'container-instance', targetId: id }] });
    expect(customOf(s, id)).toEqual([{ name: 'stack', value: 'staging' }, { name: 'canary' }]);
    // one version per call that changed the instance: 1 → 4
    expect(s.ecs('DescribeContainerInstances', { containerInstances: [id] }).containerInstances[0].version).toBe(4);
    // the attribute is what memberOf and filters see
    expect(s.ecs('ListContainerInstances', { filter: 'attribute:stack == staging' }).containerInstanceArns).toEqual([containerInstanceArn]);
  });

  it('applies up to 10 attributes to several instances in one call', () => {
    const s = aSandbox();
    const a = registerInstance(s);
    const b = registerInstance(s, { instanceId: 'i-00000000000000002' });
    s.ecs('PutAttributes', {
      attributes: [
        { name: 'stack', value: 'prod', targetId: a.containerInstanceArn },
        { name: 'stack', value: 'dev', targetId: b.containerInstanceArn },
        ...Array.from({ length: 8 }, (_, i) => ({ name: `k${i}`, targetId: a.containerInstanceArn })),
      ],
    });
    expect(customOf(s, a.id)).toHaveLength(9);
    expect(customOf(s, b.id)).toEqual([{ name: 'stack', value: 'dev' }]);
  });

  it('counts custom attributes only toward the limit of 10 (the agent\'s ecs.* and com.amazonaws.ecs.* are free)', () => {
    const s = aSandbox();
    const { id, containerInstanceArn } = registerInstance(s, { attributes: Array.from({ length: 9 }, (_, i) => ({ name: `k${i}` })) });
    // 9 custom + 1 = 10: allowed; replacing one of them keeps 10; and capability-style names do not count
    s.ecs('PutAttributes', { attributes: [{ name: 'k9', targetId: containerInstanceArn }] });
    s.ecs('PutAttributes', { attributes: [{ name: 'k0', value: 'v', targetId: containerInstanceArn }] });
    s.ecs('PutAttributes', { attributes: [{ name: 'ecs.capability.extra', targetId: containerInstanceArn }] });
    expect(customOf(s, id)).toHaveLength(10);
    // an 11th: AttributeLimitExceededException, and nothing of the call is applied
    const e = s.ecsError('PutAttributes', { attributes: [{ name: 'k5', value: 'changed', targetId: id, targetType: 'container-instance' }, { name: 'k10', targetId: containerInstanceArn }] });
    expect([e.code, e.message]).toEqual(['AttributeLimitExceededException', 'You can apply up to 10 custom attributes per resource.']);
  });

  const target = (id: string) => ({ targetId: instanceArnOf(id) });
  it.each([
    ['an unknown cluster', () => ({ cluster: 'ghost', attributes: [{ name: 'a' }] }), 'ClusterNotFoundException', 'Cluster not found.'],
    ['no attributes member', () => ({}), 'InvalidParameterException', 'attributes is required.'],
    ['an empty list', () => ({ attributes: [] }), 'InvalidParameterException', 'Attributes cannot be empty.'],
    ['11 attributes in one call', (id: string) => ({ attributes: Array.from({ length: 11 }, (_, i) => ({ name: `k${i}`, ...target(id) })) }),
      'InvalidParameterException', 'You can specify up to 10 attributes in a single call.'],
    ['a name with a slash (API18 allows none)', (id: string) => ({ attributes: [{ name: 'a/b', ...target(id) }] }), 'InvalidParameterException',
      'Attribute names can have up to 128 letters (uppercase and lowercase), numbers, hyphens, underscores, and periods.'],
    ['an empty name', (id: string) => ({ attributes: [{ name: '', ...target(id) }] }), 'InvalidParameterException',
      'Attribute names can have up to 128 letters (uppercase and lowercase), numbers, hyphens, underscores, and periods.'],
    ['a value of 129 characters', (id: string) => ({ attributes: [{ name: 'a', value: 'v'.repeat(129), ...target(id) }] }), 'InvalidParameterException',
      'Attribute values can have up to 128 letters (uppercase and lowercase), numbers, hyphens, underscores, periods, at signs (@), forward slashes, colons, and spaces.'],
    ['an empty value', (id: string) => ({ attributes: [{ name: 'a', value: '', ...target(id) }] }), 'InvalidParameterException',
      'Attribute values can have up to 128 letters (uppercase and lowercase), numbers, hyphens, underscores, periods, at signs (@), forward slashes, colons, and spaces.'],
    ['no targetId', () => ({ attributes: [{ name: 'a', value: 'b' }] }), 'InvalidParameterException', 'targetId is required.'],
    ['a short id without targetType', (id: string) => ({ attributes: [{ name: 'a', targetId: id }] }), 'InvalidParameterException',
      'targetType is required when targetId is not a full ARN.'],
    ['a bad targetType (D52)', (id: string) => ({ attributes: [{ name: 'a', targetId: id, targetType: 'task' }] }), 'InvalidParameterException',
      'attributes.targetType should be one of [container-instance]'],
    ['an unknown id', () => ({ attributes: [{ name: 'a', targetId: 'nope', targetType: 'container-instance' }] }), 'TargetNotFoundException', 'Could not find nope'],
    ['an ARN of another kind', () => ({ attributes: [{ name: 'a', targetId: 'arn:aws:ecs:us-east-1:123456789012:task/x' }] }),
      'TargetNotFoundException', 'Could not find arn:aws:ecs:us-east-1:123456789012:task/x'],
    ['an instance of another cluster', (id: string) => ({ cluster: 'other', attributes: [{ name: 'a', ...target(id) }] }),
      'TargetNotFoundException', (id: string) => `Could not find ${instanceArnOf(id)}`],
  ])('refuses %s', (_, input, code, message) => {
    const s = aSandbox();
    s.ecs('CreateCluster', { clusterName: 'other' });
    const { id } = registerInstance(s);
    const e = s.ecsError('PutAttributes', input(id));
    expect([e.code, e.message]).toEqual([code, typeof message === 'function' ? message(id) : message]);
  });

  it('refuses a deregistered target', () => {
    const s = aSandbox();
    const { id, containerInstanceArn } = registerInstance(s);
    s.ecs('DeregisterContainerInstance', { containerInstance: id });
    const e = s.ecsError('PutAttributes', { attributes: [{ name: 'a', targetId: containerInstanceArn }] });
    expect([e.code, e.message]).toEqual(['TargetNotFoundException', `Could not find ${containerInstanceArn}`]);
  });
});

describe('DeleteAttributes', () => {
  it('deletes by name whatever value is given; a name the target lacks is no error; echoes the request', () => {
    const s = aSandbox();
    const { id, containerInstanceArn } = registerInstance(s, { attributes: [{ name: 'stack', value: 'prod' }, { name: 'team', value: 'a' }] });
    const request = [
      { name: 'stack', targetId: containerInstanceArn },
      { name: 'team', value: 'not-a', targetType: 'container-instance', targetId: id },
      { name: 'never-set', targetId: containerInstanceArn },
    ];
    expect(s.ecs('DeleteAttributes', { attributes: request })).toEqual({ attributes: request });
    expect(customOf(s, id)).toEqual([]);
  });

  it('can take a capability away, which is how a scenario builds an instance without task ENIs', () => {
    const s = aSandbox();
    const { containerInstanceArn } = registerInstance(s);
    s.ecs('DeleteAttributes', { attributes: [{ name: 'ecs.capability.task-eni', targetId: containerInstanceArn }] });
    expect(s.ecs('ListContainerInstances', { filter: 'attribute:ecs.capability.task-eni exists' }).containerInstanceArns).toEqual([]);
  });

  it.each([
    ['an empty list', { attributes: [] }, 'InvalidParameterException', 'Attributes cannot be empty.'],
    ['no targetId', { attributes: [{ name: 'stack' }] }, 'InvalidParameterException', 'targetId is required.'],
    ['an unknown target', { attributes: [{ name: 'stack', targetId: instanceArnOf('nope') }] }, 'TargetNotFoundException', `Could not find ${instanceArnOf('nope')}`],
    ['an unknown cluster', { cluster: 'ghost', attributes: [{ name: 'stack' }] }, 'ClusterNotFoundException', 'Cluster not found.'],
  ])('refuses %s', (_, input, code, message) => {
    const s = aSandbox();
    registerInstance(s);
    const e = s.ecsError('DeleteAttributes', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });
});

describe('ListAttributes', () => {
  function twoInstances() {
    const s = aSandbox();
    const a = registerInstance(s, { instanceType: 't2.small', attributes: [{ name: 'stack', value: 'prod' }] });
    const b = registerInstance(s, { instanceId: 'i-00000000000000002', instanceType: 'c5.large', attributes: [{ name: 'stack', value: 'dev' }] });
    return { s, a, b };
  }

  it('lists {name, value, targetId} per attribute per live instance, filtered by name, or by name and value', () => {
    const { s, a, b } = twoInstances();
    expect(s.ecs('ListAttributes', { targetType: 'container-instance', attributeName: 'stack' })).toEqual({
      attributes: [
        { name: 'stack', value: 'prod', targetId: a.containerInstanceArn },
        { name: 'stack', value: 'dev', targetId: b.containerInstanceArn },
      ],
    });
    // "which container instances in a cluster are running a Linux AMI (ecs.os-type=linux)" (API18)
    expect(s.ecs('ListAttributes', { targetType: 'container-instance', attributeName: 'ecs.os-type', attributeValue: 'linux' })
      .attributes.map((x: any) => x.targetId)).toEqual([a.containerInstanceArn, b.containerInstanceArn]);
    expect(s.ecs('ListAttributes', { targetType: 'container-instance', attributeName: 'ecs.instance-type', attributeValue: 'c5.large' }).attributes)
      .toEqual([{ name: 'ecs.instance-type', value: 'c5.large', targetId: b.containerInstanceArn }]);
    // capability attributes have no value
    expect(s.ecs('ListAttributes', { targetType: 'container-instance', attributeName: 'ecs.capability.task-eni' }).attributes[0])
      .toEqual({ name: 'ecs.capability.task-eni', targetId: a.containerInstanceArn });
    // deregistered instances drop out
    s.ecs('DeregisterContainerInstance', { containerInstance: a.id });
    expect(s.ecs('ListAttributes', { targetType: 'container-instance', attributeName: 'stack' }).attributes.map((x: any) => x.value)).toEqual(['dev']);
  });

  it('pages 1–100 at a time', () => {
    const { s } = twoInstances();
    // 2 instances × (28 agent attributes + stack + ami-id + zone + type = 32) = 64 entries → 50 then 14
    const first = s.ecs('ListAttributes', { targetType: 'container-instance', maxResults: 50 });
    expect(first.attributes).toHaveLength(50);
    const second = s.ecs('ListAttributes', { targetType: 'container-instance', maxResults: 50, nextToken: first.nextToken });
    expect(second.attributes).toHaveLength(14);
    expect(second.nextToken).toBeUndefined();
    expect(s.ecs('ListAttributes', { targetType: 'container-instance' }).attributes).toHaveLength(64);
  });

  it.each([
    ['no targetType', {}, 'InvalidParameterException', 'targetType is required.'],
    ['a bad targetType (D52)', { targetType: 'service' }, 'InvalidParameterException', 'targetType should be one of [container-instance]'],
    ['attributeValue without attributeName', { targetType: 'container-instance', attributeValue: 'prod' }, 'InvalidParameterException',
      'attributeName must be specified when attributeValue is specified.'],
    ['an unknown cluster', { cluster: 'ghost', targetType: 'container-instance' }, 'ClusterNotFoundException', 'Cluster not found.'],
    ['maxResults 101', { targetType: 'container-instance', maxResults: 101 }, 'InvalidParameterException', 'maxResults must be between 1 and 100.'],
  ])('refuses %s', (_, input, code, message) => {
    const e = aSandbox().ecsError('ListAttributes', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });
});

import { describe, expect, it } from 'vitest';
import { identityDocument as builderDocument } from '../../builders/container-instances.ts';
import { identityDocument, nextInstanceId, pendingTimeOf, regionOfZone } from '../../../web/editors/identity-document.ts';
import {
  attributeChanges, attributesRequest, deregisterRequest, emptyInstanceForm, instanceFormFromRegisterRequest,
  registerContainerInstanceRequest, updateStateRequest,
} from '../../../web/editors/instance-form.ts';
import { INSTANCE_TYPES } from '../../../web/editors/instance-types.ts';

const ARN = 'arn:aws:ecs:us-east-1:123456789012:container-instance/0b5c1f3e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';

describe('instance form', () => {
  it('builds the identity document the test builder builds (same fields, same order)', () => {
    const fields = { instanceId: 'i-0a1b2c3d4e5f60718', instanceType: 'c5.large', availabilityZone: 'us-east-1a', privateIp: '10.0.1.25',
      accountId: '123456789012', pendingTime: '2018-05-21T09:14:27Z' };
    expect(identityDocument(fields)).toBe(builderDocument());
    expect(regionOfZone('eu-west-1c')).toBe('eu-west-1');
  });

  it('RegisterContainerInstance request: document, signature, attributes only when given', () => {
    const form = emptyInstanceForm({ cluster: 'demo', instanceId: 'i-0e5a0000000000001', pendingTime: pendingTimeOf(1527000000500) });
    expect(form.pendingTime).toBe('2018-05-22T14:40:00Z');
    const request = registerContainerInstanceRequest(form);
    expect(Object.keys(request)).toEqual(['cluster', 'instanceIdentityDocument', 'instanceIdentityDocumentSignature']);
    expect(JSON.parse(request.instanceIdentityDocument!)).toMatchObject({ instanceId: 'i-0e5a0000000000001', instanceType: 't2.micro', availabilityZone: 'us-east-1a', region: 'us-east-1' });
    const withAttributes = registerContainerInstanceRequest({ ...form, attributes: [{ name: 'stack', value: 'prod' }, { name: 'gpu', value: '' }] });
    expect(withAttributes.attributes).toEqual([{ name: 'stack', value: 'prod' }, { name: 'gpu' }]);
    expect(registerContainerInstanceRequest(instanceFormFromRegisterRequest(withAttributes as unknown as Record<string, unknown>, form))).toEqual(withAttributes);
  });

  it('offers the common 2018 types', () => {
    expect(INSTANCE_TYPES).toContain('t2.micro');
    expect(INSTANCE_TYPES).toContain('c5.4xlarge');
    expect(INSTANCE_TYPES).toContain('r4.large');
    expect(INSTANCE_TYPES).toHaveLength(6 + 5 * 4);
  });

  it('picks an unused EC2 instance id', () => {
    expect(nextInstanceId([])).toBe('i-0e5a0000000000001');
    expect(nextInstanceId(['i-0e5a0000000000001'])).toBe('i-0e5a0000000000002');
    expect(nextInstanceId([])).toMatch(/^i-[0-9a-f]{17}$/);
  });

  it('attribute changes: put new and changed custom attributes, delete removed ones, never touch ecs.*', () => {
    const before = [{ name: 'ecs.instance-type', value: 't2.micro' }, { name: 'stack', value: 'prod' }, { name: 'team', value: 'a' }];
    const after = [{ name: 'ecs.instance-type', value: 'x' }, { name: 'stack', value: 'dev' }, { name: 'gpu', value: '' }];
    expect(attributeChanges(before, after, ARN)).toEqual({
      put: [
        { name: 'stack', value: 'dev', targetType: 'container-instance', targetId: ARN },
        { name: 'gpu', targetType: 'container-instance', targetId: ARN },
      ],
      remove: [{ name: 'team', targetType: 'container-instance', targetId: ARN }],
    });
  });

  it('the action requests', () => {
    expect(updateStateRequest('demo', ARN, 'DRAINING')).toEqual({ cluster: 'demo', containerInstances: [ARN], status: 'DRAINING' });
    expect(deregisterRequest('demo', ARN, true)).toEqual({ cluster: 'demo', containerInstance: ARN, force: true });
    expect(deregisterRequest('demo', ARN, false)).toEqual({ cluster: 'demo', containerInstance: ARN });
    expect(attributesRequest('', [{ name: 'a' }])).toEqual({ attributes: [{ name: 'a' }] });
  });
});

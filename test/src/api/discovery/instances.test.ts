import { describe, expect, it } from 'vitest';
import { SD, aSandbox } from '../../../builders/sandbox.ts';
import { START, withInstance, withNamespace, withRegistry } from '../../../builders/discovery.ts';

const IP_PORT = { AWS_INSTANCE_IPV4: '10.0.0.5', AWS_INSTANCE_PORT: '8080' };

describe('RegisterInstance, GetInstance, ListInstances, DeregisterInstance', () => {
  it('registration is asynchronous: the instance appears at the next step', () => {
    const s = aSandbox();
    const web = withRegistry(s, withNamespace(s));
    const { OperationId } = s.sd('RegisterInstance', { ServiceId: web.Id, InstanceId: 'task-1', CreatorRequestId: 'r1', Attributes: IP_PORT });
    expect(s.sd('GetOperation', { OperationId }).Operation).toMatchObject({
      Type: 'REGISTER_INSTANCE', Status: 'SUBMITTED', Targets: { SERVICE: web.Id, INSTANCE: 'task-1' },
    });
    expect(s.sd('ListInstances', { ServiceId: web.Id })).toEqual({ Instances: [] });
    const e = s.error(`${SD}.GetInstance`, { ServiceId: web.Id, InstanceId: 'task-1' });
    expect([e.code, e.message]).toEqual(['InstanceNotFound',
      "No instance exists with the specified ID, or the instance was recently registered, and information about the instance hasn't propagated yet."]);

    s.sandbox('AdvanceTime', { seconds: 1 });
    expect(s.sd('GetOperation', { OperationId }).Operation).toMatchObject({ Status: 'SUCCESS', UpdateDate: START + 2 });
    expect(s.sd('GetInstance', { ServiceId: web.Id, InstanceId: 'task-1' })).toEqual({ Instance: { Id: 'task-1', CreatorRequestId: 'r1', Attributes: IP_PORT } });
    expect(s.sd('ListInstances', { ServiceId: web.Id })).toEqual({ Instances: [{ Id: 'task-1', Attributes: IP_PORT }] });
    expect(s.sd('GetService', { Id: web.Id }).Service.InstanceCount).toBe(1);
  });

  it('registering a known InstanceId again replaces its attributes', () => {
    const s = aSandbox();
    const web = withRegistry(s, withNamespace(s));
    withInstance(s, web.Id, 'task-1', IP_PORT);
    withInstance(s, web.Id, 'task-1', { ...IP_PORT, AWS_INSTANCE_PORT: '9090' });
    expect(s.sd('ListInstances', { ServiceId: web.Id }).Instances).toEqual([{ Id: 'task-1', Attributes: { ...IP_PORT, AWS_INSTANCE_PORT: '9090' } }]);
  });

  it('deregistration is asynchronous too', () => {
    const s = aSandbox();
    const web = withRegistry(s, withNamespace(s));
    withInstance(s, web.Id, 'task-1', IP_PORT);
    const { OperationId } = s.sd('DeregisterInstance', { ServiceId: web.Id, InstanceId: 'task-1' });
    expect(s.sd('ListInstances', { ServiceId: web.Id }).Instances).toHaveLength(1);
    expect(s.error(`${SD}.DeregisterInstance`, { ServiceId: web.Id, InstanceId: 'task-1' }).code).toBe('DuplicateRequest');
    s.sandbox('AdvanceTime', { seconds: 1 });
    expect(s.sd('GetOperation', { OperationId }).Operation).toMatchObject({ Type: 'DEREGISTER_INSTANCE', Status: 'SUCCESS' });
    expect(s.sd('ListInstances', { ServiceId: web.Id })).toEqual({ Instances: [] });
  });

  it('a pending registration: a retry with its CreatorRequestId gets the same operation, another request is DuplicateRequest', () => {
    const s = aSandbox();
    const web = withRegistry(s, withNamespace(s));
    const input = { ServiceId: web.Id, InstanceId: 'task-1', CreatorRequestId: 'r1', Attributes: IP_PORT };
    const first = s.sd('RegisterInstance', input);
    expect(s.sd('RegisterInstance', input)).toEqual(first);
    const e = s.error(`${SD}.RegisterInstance`, { ...input, CreatorRequestId: 'r2' });
    expect([e.code, e.message]).toEqual(['DuplicateRequest', 'The operation is already in progress.']);
  });

  it('a service deleted before the registration completes makes the operation FAIL', () => {
    const s = aSandbox();
    const web = withRegistry(s, withNamespace(s));
    const { OperationId } = s.sd('RegisterInstance', { ServiceId: web.Id, InstanceId: 'task-1', Attributes: IP_PORT });
    s.sd('DeleteService', { Id: web.Id });
    s.sandbox('AdvanceTime', { seconds: 1 });
    expect(s.sd('GetOperation', { OperationId }).Operation).toMatchObject({
      Status: 'FAIL', ErrorCode: 'SERVICE_NOT_FOUND', ErrorMessage: 'The service was deleted before the operation completed.',
    });
  });

  it.each([
    // [records, attributes, message]
    [['A'], { AWS_INSTANCE_PORT: '80' }, 'Attributes must include AWS_INSTANCE_IPV4 because the service has a DNS record of type A.'],
    [['SRV'], { AWS_INSTANCE_IPV4: '10.0.0.5' }, 'Attributes must include AWS_INSTANCE_PORT because the service has a DNS record of type SRV.'],
    [['SRV'], { AWS_INSTANCE_PORT: '80' }, 'Attributes must include AWS_INSTANCE_IPV4 because the service has a DNS record of type SRV.'],
    [['AAAA'], { AWS_INSTANCE_IPV4: '10.0.0.5' }, 'Attributes must include AWS_INSTANCE_IPV6 because the service has a DNS record of type AAAA.'],
    [['A'], { AWS_INSTANCE_IPV4: '10.0.0.256' }, 'AWS_INSTANCE_IPV4 must be an IPv4 address, not "10.0.0.256".'],
    [['A', 'SRV'], { AWS_INSTANCE_IPV4: '10.0.0.5', AWS_INSTANCE_PORT: '65536' }, 'AWS_INSTANCE_PORT must be a port number from 1 to 65535, not "65536".'],
    [['A'], { AWS_INSTANCE_IPV4: '10.0.0.5', 'bad key': 'x' },
      "1 validation error detected: Value 'bad key' at 'attributes.key' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9!-~]+$"],
  ] as const)('records %j with attributes %j → InvalidInput', (records, attributes, message) => {
    const s = aSandbox();
    const svc = withRegistry(s, withNamespace(s), { records: [...records] });
    const e = s.error(`${SD}.RegisterInstance`, { ServiceId: svc.Id, InstanceId: 'task-1', Attributes: attributes });
    expect([e.code, e.message]).toEqual(['InvalidInput', message]);
  });

  it('an InstanceId outside the model pattern is InvalidInput', () => {
    const s = aSandbox();
    const web = withRegistry(s, withNamespace(s));
    const e = s.error(`${SD}.RegisterInstance`, { ServiceId: web.Id, InstanceId: 'task 1', Attributes: IP_PORT });
    expect(e.message).toBe("1 validation error detected: Value 'task 1' at 'instanceId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9a-zA-Z_/:.@-]+$");
  });

  it.each([
    ['RegisterInstance', { ServiceId: 'srv-0000000000000000', InstanceId: 'i', Attributes: IP_PORT }],
    ['DeregisterInstance', { ServiceId: 'srv-0000000000000000', InstanceId: 'i' }],
    ['GetInstance', { ServiceId: 'srv-0000000000000000', InstanceId: 'i' }],
    ['ListInstances', { ServiceId: 'srv-0000000000000000' }],
  ])('%s in an unknown service is ServiceNotFound', (op, input) => {
    expect(aSandbox().error(`${SD}.${op}`, input).code).toBe('ServiceNotFound');
  });

  it('DeregisterInstance of an unregistered instance is InstanceNotFound', () => {
    const s = aSandbox();
    const web = withRegistry(s, withNamespace(s));
    expect(s.error(`${SD}.DeregisterInstance`, { ServiceId: web.Id, InstanceId: 'ghost' }).code).toBe('InstanceNotFound');
  });

  it('with HealthCheckCustomConfig an instance starts HEALTHY unless AWS_INIT_HEALTH_STATUS says otherwise', () => {
    const s = aSandbox();
    const web = withRegistry(s, withNamespace(s), { customHealth: true });
    withInstance(s, web.Id, 'a', IP_PORT);
    withInstance(s, web.Id, 'b', { ...IP_PORT, AWS_INIT_HEALTH_STATUS: 'UNHEALTHY' });
    const instances = s.sandbox('ExportScenario').scenario.regions['us-east-1'].discovery.instances;
    expect(instances.map((i: any) => [i.instanceId, i.healthStatus])).toEqual([['a', 'HEALTHY'], ['b', 'UNHEALTHY']]);
  });

  it('ListInstances pages by MaxResults', () => {
    const s = aSandbox();
    const web = withRegistry(s, withNamespace(s));
    for (const id of ['t1', 't2', 't3']) withInstance(s, web.Id, id, IP_PORT);
    // 3 instances, 2 per page → t1 t2, then t3
    const first = s.sd('ListInstances', { ServiceId: web.Id, MaxResults: 2 });
    expect(first.Instances.map((i: any) => i.Id)).toEqual(['t1', 't2']);
    expect(s.sd('ListInstances', { ServiceId: web.Id, MaxResults: 2, NextToken: first.NextToken }).Instances.map((i: any) => i.Id)).toEqual(['t3']);
  });
});

import { describe, expect, it } from 'vitest';
import { SD, aSandbox } from '../../../builders/sandbox.ts';
import { START, withInstance, withNamespace, withRegistry } from '../../../builders/discovery.ts';

const ARN = (id: string, region = 'us-east-1') => `arn:aws:servicediscovery:${region}:123456789012:service/${id}`;

describe('CreateService (Auto Naming)', () => {
  it('returns the 2018 Service shape: DnsConfig with its namespace, the health config, no later members', () => {
    const s = aSandbox();
    const ns = withNamespace(s);
    const { Service } = s.sd('CreateService', {
      Name: 'web', Description: 'front end', CreatorRequestId: 'r1',
      DnsConfig: { NamespaceId: ns, RoutingPolicy: 'MULTIVALUE', DnsRecords: [{ Type: 'A', TTL: 60 }, { Type: 'SRV', TTL: 60 }] },
      HealthCheckCustomConfig: { FailureThreshold: 1 },
    });
    expect(Service).toEqual({
      Id: expect.stringMatching(/^srv-[a-z0-9]{16}$/), Arn: ARN(Service.Id), Name: 'web', Description: 'front end', InstanceCount: 0,
      DnsConfig: { NamespaceId: ns, RoutingPolicy: 'MULTIVALUE', DnsRecords: [{ Type: 'A', TTL: 60 }, { Type: 'SRV', TTL: 60 }] },
      HealthCheckCustomConfig: { FailureThreshold: 1 },
      CreateDate: START + 1, // the namespace took the first second
      CreatorRequestId: 'r1',
    });
    expect(s.sd('GetService', { Id: Service.Id })).toEqual({ Service });
    expect(s.sd('GetNamespace', { Id: ns }).Namespace.ServiceCount).toBe(1);
  });

  it('RoutingPolicy defaults to MULTIVALUE; the later top-level NamespaceId is accepted too', () => {
    const s = aSandbox();
    const ns = withNamespace(s);
    const { Service } = s.sd('CreateService', { Name: 'api', NamespaceId: ns, DnsConfig: { DnsRecords: [{ Type: 'SRV', TTL: 10 }] } });
    expect(Service.DnsConfig).toEqual({ NamespaceId: ns, RoutingPolicy: 'MULTIVALUE', DnsRecords: [{ Type: 'SRV', TTL: 10 }] });
  });

  it('CNAME alone with WEIGHTED routing is a valid service', () => {
    const s = aSandbox();
    const ns = withNamespace(s);
    const out = s.sd('CreateService', { Name: 'legacy', DnsConfig: { NamespaceId: ns, RoutingPolicy: 'WEIGHTED', DnsRecords: [{ Type: 'CNAME', TTL: 10 }] } });
    expect(out.Service.DnsConfig.RoutingPolicy).toBe('WEIGHTED');
  });

  it('a retry with the same CreatorRequestId returns the same service; another request of that name is ServiceAlreadyExists', () => {
    const s = aSandbox();
    const ns = withNamespace(s);
    const input = { Name: 'web', CreatorRequestId: 'tok', DnsConfig: { NamespaceId: ns, DnsRecords: [{ Type: 'A', TTL: 10 }] } };
    const first = s.sd('CreateService', input);
    expect(s.sd('CreateService', input)).toEqual(first);
    const e = s.error(`${SD}.CreateService`, { ...input, CreatorRequestId: 'other' });
    expect([e.code, e.message]).toEqual(['ServiceAlreadyExists', "The service can't be created because a service with the same name already exists."]);
    const { CreatorRequestId: _token, ...untokened } = input;
    expect(s.error(`${SD}.CreateService`, { ...untokened, Name: 'WEB' }).code).toBe('ServiceAlreadyExists');
  });

  it('one name may be used in two namespaces', () => {
    const s = aSandbox();
    const [a, b] = [withNamespace(s, 'a.local'), withNamespace(s, 'b.local')];
    expect(withRegistry(s, a).Id).not.toBe(withRegistry(s, b).Id);
  });

  const dns = (over: Record<string, unknown> = {}) => ({ NamespaceId: '$ns', DnsRecords: [{ Type: 'A', TTL: 10 }], ...over });
  it.each([
    ['no DnsConfig', { Name: 'web' }, 'InvalidInput', 'DnsConfig is required: a service in a DNS namespace must specify its DNS records.'],
    ['no namespace', { Name: 'web', DnsConfig: { DnsRecords: [{ Type: 'A', TTL: 10 }] } }, 'InvalidInput',
      "1 validation error detected: Value null at 'dnsConfig.namespaceId' failed to satisfy constraint: Member must not be null"],
    ['two namespaces', { Name: 'web', NamespaceId: 'ns-0000000000000000', DnsConfig: dns() }, 'InvalidInput',
      'NamespaceId and DnsConfig.NamespaceId name different namespaces.'],
    ['an unknown namespace', { Name: 'web', DnsConfig: dns({ NamespaceId: 'ns-0000000000000000' }) }, 'NamespaceNotFound',
      'No namespace exists with the specified ID.'],
    ['no records', { Name: 'web', DnsConfig: dns({ DnsRecords: [] }) }, 'InvalidInput', 'DnsConfig.DnsRecords must contain at least one record.'],
    ['two A records', { Name: 'web', DnsConfig: dns({ DnsRecords: [{ Type: 'A', TTL: 10 }, { Type: 'A', TTL: 20 }] }) }, 'InvalidInput',
      'DnsConfig.DnsRecords contains more than one record of type A.'],
    ['CNAME with A', { Name: 'web', DnsConfig: dns({ RoutingPolicy: 'WEIGHTED', DnsRecords: [{ Type: 'CNAME', TTL: 10 }, { Type: 'A', TTL: 10 }] }) },
      'InvalidInput', 'A CNAME record cannot be combined with other record types.'],
    ['CNAME with MULTIVALUE', { Name: 'web', DnsConfig: dns({ DnsRecords: [{ Type: 'CNAME', TTL: 10 }] }) }, 'InvalidInput',
      'CNAME records are supported only with the WEIGHTED routing policy.'],
    ['both health checks', { Name: 'web', DnsConfig: dns(), HealthCheckConfig: { Type: 'HTTP' }, HealthCheckCustomConfig: {} }, 'InvalidInput',
      'You can specify either HealthCheckConfig or HealthCheckCustomConfig, but not both.'],
    ['Route 53 health checks in a private namespace', { Name: 'web', DnsConfig: dns(), HealthCheckConfig: { Type: 'HTTP' } }, 'InvalidInput',
      'HealthCheckConfig is supported only for public DNS namespaces; use HealthCheckCustomConfig.'],
    ['a negative TTL', { Name: 'web', DnsConfig: dns({ DnsRecords: [{ Type: 'A', TTL: -1 }] }) }, 'InvalidInput',
      "1 validation error detected: Value '-1' at 'dnsConfig.dnsRecords.1.member.tTL' failed to satisfy constraint: Member must have value greater than or equal to 0"],
    ['a failure threshold of 11', { Name: 'web', DnsConfig: dns(), HealthCheckCustomConfig: { FailureThreshold: 11 } }, 'InvalidInput',
      "1 validation error detected: Value '11' at 'healthCheckCustomConfig.failureThreshold' failed to satisfy constraint: Member must have value less than or equal to 10"],
    ['a name with a space', { Name: 'my web', DnsConfig: dns() }, 'InvalidInput',
      "1 validation error detected: Value 'my web' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: " +
      '((?=^.{1,127}$)^([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9])(\\.([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9]))*$)|(^\\.$)'],
  ])('%s → %s', (_what, input, code, message) => {
    const s = aSandbox();
    const ns = withNamespace(s);
    const e = s.error(`${SD}.CreateService`, JSON.parse(JSON.stringify(input).replaceAll('$ns', ns)));
    expect([e.code, e.message]).toEqual([code, message]);
  });

  it('a namespace whose creation is still pending is NamespaceNotFound', () => {
    const s = aSandbox();
    const { OperationId } = s.sd('CreatePrivateDnsNamespace', { Name: 'a.local', Vpc: 'vpc-0a1b2c3d' });
    const ns = s.sd('GetOperation', { OperationId }).Operation.Targets.NAMESPACE;
    expect(s.error(`${SD}.CreateService`, { Name: 'web', DnsConfig: { NamespaceId: ns, DnsRecords: [{ Type: 'A', TTL: 10 }] } }).code)
      .toBe('NamespaceNotFound');
  });
});

describe('GetService, ListServices, DeleteService', () => {
  it('ListServices lists in creation order, filtered by NAMESPACE_ID', () => {
    const s = aSandbox();
    const [a, b] = [withNamespace(s, 'a.local'), withNamespace(s, 'b.local')];
    const web = withRegistry(s, a, { name: 'web' });
    const api = withRegistry(s, b, { name: 'api' });
    const summary = (svc: { Id: string; Arn: string }, Name: string) => ({ Id: svc.Id, Arn: svc.Arn, Name, InstanceCount: 0 });
    expect(s.sd('ListServices')).toEqual({ Services: [summary(web, 'web'), summary(api, 'api')] });
    expect(s.sd('ListServices', { Filters: [{ Name: 'NAMESPACE_ID', Values: [b] }] })).toEqual({ Services: [summary(api, 'api')] });
    expect(s.sd('ListServices', { Filters: [{ Name: 'NAMESPACE_ID', Values: [a, b], Condition: 'IN' }] }).Services).toHaveLength(2);
  });

  it('DeleteService removes it; with registered instances it is ResourceInUse (the 2018 text)', () => {
    const s = aSandbox();
    const ns = withNamespace(s);
    const web = withRegistry(s, ns);
    withInstance(s, web.Id, 'task-1', { AWS_INSTANCE_IPV4: '10.0.0.5', AWS_INSTANCE_PORT: '80' });
    const e = s.error(`${SD}.DeleteService`, { Id: web.Id });
    expect([e.code, e.message]).toEqual(['ResourceInUse', 'Service contains registered instances; delete the instances before deleting the service']);
    s.sd('DeregisterInstance', { ServiceId: web.Id, InstanceId: 'task-1' });
    s.sandbox('AdvanceTime', { seconds: 1 });
    expect(s.sd('DeleteService', { Id: web.Id })).toEqual({});
    expect(s.error(`${SD}.GetService`, { Id: web.Id }).code).toBe('ServiceNotFound');
    expect(s.sd('GetNamespace', { Id: ns }).Namespace.ServiceCount).toBe(0);
  });

  it.each(['GetService', 'DeleteService'])('%s of an unknown id is ServiceNotFound', (op) => {
    const e = aSandbox().error(`${SD}.${op}`, { Id: 'srv-0000000000000000' });
    expect([e.code, e.message]).toEqual(['ServiceNotFound', 'No service exists with the specified ID.']);
  });

  it('an id longer than 64 characters breaks the model constraint', () => {
    const e = aSandbox().error(`${SD}.GetService`, { Id: 'x'.repeat(65) });
    expect(e.message).toBe(`1 validation error detected: Value '${'x'.repeat(65)}' at 'id' failed to satisfy constraint: Member must have length less than or equal to 64`);
  });

  it('state is per region', () => {
    const s = aSandbox();
    const web = withRegistry(s, withNamespace(s));
    expect(s.error(`${SD}.GetService`, { Id: web.Id }, 'eu-west-1').code).toBe('ServiceNotFound');
    expect(s.sd('ListServices', {}, 'eu-west-1')).toEqual({ Services: [] });
    const west = withRegistry(s, withNamespace(s, 'example.local', 'eu-west-1'), { region: 'eu-west-1' });
    expect(west.Arn).toBe(ARN(west.Id, 'eu-west-1'));
  });

  it('an ECS service may name the registry by its ARN', () => {
    const s = aSandbox();
    const web = withRegistry(s, withNamespace(s), { records: ['A'] });
    s.ecs('RegisterTaskDefinition', {
      family: 'web', networkMode: 'awsvpc', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }],
    });
    s.sandbox('PutSubnets', { subnets: [{ subnetId: 'subnet-0000000a', availabilityZone: 'us-east-1a' }] });
    const out = s.ecs('CreateService', {
      serviceName: 'web', taskDefinition: 'web', desiredCount: 0,
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0000000a'] } },
      serviceRegistries: [{ registryArn: web.Arn }],
    });
    expect(out.service.serviceRegistries).toEqual([{ registryArn: web.Arn }]);
  });
});

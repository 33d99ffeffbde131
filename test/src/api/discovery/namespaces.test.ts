import { describe, expect, it } from 'vitest';
import { SandboxApi } from '../../../../src/api/handler.ts';
import { newDocument } from '../../../../src/domain/new-document.ts';
import { SD, aSandbox } from '../../../builders/sandbox.ts';
import { START, VPC, withNamespace, withRegistry } from '../../../builders/discovery.ts';

const OPERATION_ID = /^[a-z0-9]{32}-[a-z0-9]{8}$/;
const NAMESPACE_ID = /^ns-[a-z0-9]{16}$/;

describe('CreatePrivateDnsNamespace and GetOperation', () => {
  it('is asynchronous: SUBMITTED at once, SUCCESS at the first step after (1 s), then the namespace exists', () => {
    const s = aSandbox();
    const { OperationId } = s.sd('CreatePrivateDnsNamespace', {
      Name: 'example.local', Vpc: VPC, Description: 'internal', CreatorRequestId: 'req-1',
    });
    expect(OperationId).toMatch(OPERATION_ID);
    const submitted = s.sd('GetOperation', { OperationId }).Operation;
    expect(submitted).toEqual({
      Id: OperationId, Type: 'CREATE_NAMESPACE', Status: 'SUBMITTED',
      CreateDate: START, UpdateDate: START, Targets: { NAMESPACE: expect.stringMatching(NAMESPACE_ID) },
    });
    const id = submitted.Targets.NAMESPACE;
    expect(s.sd('ListNamespaces')).toEqual({ Namespaces: [] });
    expect(s.error(`${SD}.GetNamespace`, { Id: id }).code).toBe('NamespaceNotFound');

    s.sandbox('AdvanceTime', { seconds: 1 });
    expect(s.sd('GetOperation', { OperationId }).Operation).toEqual({ ...submitted, Status: 'SUCCESS', UpdateDate: START + 1 });
    expect(s.sd('GetNamespace', { Id: id })).toEqual({
      Namespace: {
        Id: id, Arn: `arn:aws:servicediscovery:us-east-1:123456789012:namespace/${id}`, Name: 'example.local',
        Type: 'DNS_PRIVATE', Description: 'internal', ServiceCount: 0,
        Properties: { DnsProperties: { HostedZoneId: expect.stringMatching(/^Z[0-9A-Z]{13}$/) } },
        CreateDate: START, CreatorRequestId: 'req-1',
      },
    });
    expect(s.sd('ListNamespaces')).toEqual({
      Namespaces: [{ Id: id, Arn: `arn:aws:servicediscovery:us-east-1:123456789012:namespace/${id}`, Name: 'example.local', Type: 'DNS_PRIVATE' }],
    });
  });

  it.each([
    // [submitted at (s), completes at (s)]
    [0, 1],
    [0.4, 1], // the next whole second
    [1, 2], // the step at 1 s has run: the next is at 2 s
    [59.999, 60],
  ])('submitted at t=%d s, the operation completes at t=%d s', (at, done) => {
    const s = aSandbox();
    s.sandbox('AdvanceTime', { seconds: at });
    const { OperationId } = s.sd('CreatePrivateDnsNamespace', { Name: 'a.local', Vpc: VPC });
    s.sandbox('AdvanceTime', { seconds: 120 - at });
    expect(s.sd('GetOperation', { OperationId }).Operation.UpdateDate).toBe(START + done);
  });

  it('completes on a realtime clock too, with no step having run: the first Auto Naming call after settles it', () => {
    let wall = 0;
    const api = new SandboxApi({ document: newDocument({ clock: 'realtime' }), wallClock: () => wall });
    const sd = (op: string, input: unknown) => api.call(`${SD}.${op}`, input).output as any;
    const { OperationId } = sd('CreatePrivateDnsNamespace', { Name: 'a.local', Vpc: VPC });
    wall = 999; // 0.999 s at 1×
    expect(sd('GetOperation', { OperationId }).Operation.Status).toBe('SUBMITTED');
    wall = 1500; // 1.5 s: past the step at 1 s; UpdateDate is the step's time, not the poll's
    expect(sd('GetOperation', { OperationId }).Operation).toMatchObject({ Status: 'SUCCESS', UpdateDate: START + 1 });
  });

  it('a retry with the same CreatorRequestId gets the same operation; with other parameters it is refused', () => {
    const s = aSandbox();
    const first = s.sd('CreatePrivateDnsNamespace', { Name: 'a.local', Vpc: VPC, CreatorRequestId: 'tok' });
    expect(s.sd('CreatePrivateDnsNamespace', { Name: 'a.local', Vpc: VPC, CreatorRequestId: 'tok' })).toEqual(first);
    s.sandbox('AdvanceTime', { seconds: 1 });
    expect(s.sd('CreatePrivateDnsNamespace', { Name: 'a.local', Vpc: VPC, CreatorRequestId: 'tok' })).toEqual(first);
    const e = s.error(`${SD}.CreatePrivateDnsNamespace`, { Name: 'b.local', Vpc: VPC, CreatorRequestId: 'tok' });
    expect([e.code, e.message]).toEqual(['InvalidInput', 'CreatorRequestId tok was already used for a different request.']);
  });

  it.each([
    ['a.local', 'created'],
    ['A.LOCAL', 'differing in case'],
    ['a.local.', 'with a final dot'],
  ])('NamespaceAlreadyExists for %j (%s)', (name) => {
    const s = aSandbox();
    withNamespace(s, 'a.local');
    const e = s.error(`${SD}.CreatePrivateDnsNamespace`, { Name: name, Vpc: VPC });
    expect([e.code, e.message]).toEqual(['NamespaceAlreadyExists', "The namespace that you're trying to create already exists."]);
  });

  it('NamespaceAlreadyExists while the first creation is still pending', () => {
    const s = aSandbox();
    s.sd('CreatePrivateDnsNamespace', { Name: 'a.local', Vpc: VPC });
    expect(s.error(`${SD}.CreatePrivateDnsNamespace`, { Name: 'a.local', Vpc: VPC }).code).toBe('NamespaceAlreadyExists');
  });

  it.each([
    [{ Name: 'bad name', Vpc: VPC },
      'Invalid namespace name "bad name": expected a DNS domain name of labels of letters, digits and hyphens separated by dots.'],
    [{ Name: '-a.local', Vpc: VPC },
      'Invalid namespace name "-a.local": expected a DNS domain name of labels of letters, digits and hyphens separated by dots.'],
    [{ Name: `${'a'.repeat(64)}.local`, Vpc: VPC }, // a label of 64 characters; 63 is the DNS limit
      `Invalid namespace name "${'a'.repeat(64)}.local": expected a DNS domain name of labels of letters, digits and hyphens separated by dots.`],
    [{ Name: `${'a.'.repeat(126)}ab`, Vpc: VPC }, // 254 characters
      `1 validation error detected: Value '${'a.'.repeat(126)}ab' at 'name' failed to satisfy constraint: Member must have length less than or equal to 253`],
    [{ Name: 'a.local', Vpc: 'vpc-1' }, 'Invalid VPC ID "vpc-1": expected "vpc-" and 8 or 17 lower-case hexadecimal digits.'],
    [{ Name: 'a.local', Vpc: VPC, Description: 'd'.repeat(1025) },
      `1 validation error detected: Value '${'d'.repeat(1025)}' at 'description' failed to satisfy constraint: Member must have length less than or equal to 1024`],
    [{ Name: 'a.local', Vpc: VPC, CreatorRequestId: 'c'.repeat(65) },
      `1 validation error detected: Value '${'c'.repeat(65)}' at 'creatorRequestId' failed to satisfy constraint: Member must have length less than or equal to 64`],
  ])('CreatePrivateDnsNamespace %j → InvalidInput', (input, message) => {
    const e = aSandbox().error(`${SD}.CreatePrivateDnsNamespace`, input);
    expect([e.code, e.message]).toEqual(['InvalidInput', message]);
  });

  it('GetOperation of an unknown id is OperationNotFound', () => {
    const e = aSandbox().error(`${SD}.GetOperation`, { OperationId: 'nope' });
    expect([e.code, e.message]).toEqual(['OperationNotFound', 'No operation exists with the specified ID.']);
  });

  it('state is per region: a namespace of us-east-1 is unknown in eu-west-1, and its name is free there', () => {
    const s = aSandbox();
    const id = withNamespace(s, 'a.local');
    const e = s.error(`${SD}.GetNamespace`, { Id: id }, 'eu-west-1');
    expect([e.code, e.message]).toEqual(['NamespaceNotFound', 'No namespace exists with the specified ID.']);
    const other = withNamespace(s, 'a.local', 'eu-west-1');
    expect(s.sd('GetNamespace', { Id: other }, 'eu-west-1').Namespace.Arn)
      .toBe(`arn:aws:servicediscovery:eu-west-1:123456789012:namespace/${other}`);
  });
});

describe('DeleteNamespace', () => {
  it('is asynchronous: the namespace goes at the next step', () => {
    const s = aSandbox();
    const id = withNamespace(s);
    const { OperationId } = s.sd('DeleteNamespace', { Id: id });
    expect(s.sd('GetOperation', { OperationId }).Operation).toMatchObject({ Type: 'DELETE_NAMESPACE', Status: 'SUBMITTED', Targets: { NAMESPACE: id } });
    expect(s.sd('GetNamespace', { Id: id }).Namespace.Id).toBe(id);
    const e = s.error(`${SD}.DeleteNamespace`, { Id: id });
    expect([e.code, e.message]).toEqual(['DuplicateRequest', 'The operation is already in progress.']);
    s.sandbox('AdvanceTime', { seconds: 1 });
    expect(s.sd('GetOperation', { OperationId }).Operation).toMatchObject({ Status: 'SUCCESS', UpdateDate: START + 2 });
    expect(s.error(`${SD}.GetNamespace`, { Id: id }).code).toBe('NamespaceNotFound');
  });

  it('a namespace with services is ResourceInUse', () => {
    const s = aSandbox();
    const id = withNamespace(s);
    withRegistry(s, id);
    const e = s.error(`${SD}.DeleteNamespace`, { Id: id });
    expect([e.code, e.message]).toEqual(['ResourceInUse', 'Namespace contains services; delete the services before deleting the namespace']);
  });

  it('a service created while the deletion is pending makes the operation FAIL', () => {
    const s = aSandbox();
    const id = withNamespace(s);
    const { OperationId } = s.sd('DeleteNamespace', { Id: id });
    withRegistry(s, id);
    s.sandbox('AdvanceTime', { seconds: 1 });
    expect(s.sd('GetOperation', { OperationId }).Operation).toMatchObject({
      Status: 'FAIL', ErrorCode: 'RESOURCE_IN_USE', ErrorMessage: 'The namespace contains services, so it was not deleted.',
    });
    expect(s.sd('GetNamespace', { Id: id }).Namespace.ServiceCount).toBe(1);
  });

  it('an unknown namespace is NamespaceNotFound', () => {
    const e = aSandbox().error(`${SD}.DeleteNamespace`, { Id: 'ns-0000000000000000' });
    expect([e.code, e.message]).toEqual(['NamespaceNotFound', 'No namespace exists with the specified ID.']);
  });
});

describe('ListNamespaces and ListOperations', () => {
  it('filter by TYPE and page by MaxResults', () => {
    const s = aSandbox();
    const ids = ['a.local', 'b.local', 'c.local'].map((n) => withNamespace(s, n));
    expect(s.sd('ListNamespaces', { Filters: [{ Name: 'TYPE', Values: ['DNS_PUBLIC'] }] })).toEqual({ Namespaces: [] });
    expect(s.sd('ListNamespaces', { Filters: [{ Name: 'TYPE', Values: ['DNS_PUBLIC', 'DNS_PRIVATE'], Condition: 'IN' }] }).Namespaces)
      .toHaveLength(3);
    // 3 namespaces, 2 per page → 2 then 1
    const first = s.sd('ListNamespaces', { MaxResults: 2 });
    expect(first.Namespaces.map((n: any) => n.Id)).toEqual(ids.slice(0, 2));
    expect(s.sd('ListNamespaces', { MaxResults: 2, NextToken: first.NextToken })).toEqual({ Namespaces: [expect.objectContaining({ Id: ids[2] })] });
  });

  it('ListOperations filters by STATUS, TYPE, NAMESPACE_ID and UPDATE_DATE', () => {
    const s = aSandbox();
    const a = s.sd('CreatePrivateDnsNamespace', { Name: 'a.local', Vpc: VPC }).OperationId; // t=0, SUCCESS at 1 s
    s.sandbox('AdvanceTime', { seconds: 1 });
    const b = s.sd('CreatePrivateDnsNamespace', { Name: 'b.local', Vpc: VPC }).OperationId; // t=1, still SUBMITTED
    const list = (Filters: unknown) => s.sd('ListOperations', { Filters }).Operations;
    expect(list([{ Name: 'STATUS', Values: ['SUBMITTED'] }])).toEqual([{ Id: b, Status: 'SUBMITTED' }]);
    expect(list([{ Name: 'TYPE', Values: ['CREATE_NAMESPACE'] }])).toEqual([{ Id: a, Status: 'SUCCESS' }, { Id: b, Status: 'SUBMITTED' }]);
    const nsA = s.sd('GetOperation', { OperationId: a }).Operation.Targets.NAMESPACE;
    expect(list([{ Name: 'NAMESPACE_ID', Values: [nsA] }])).toEqual([{ Id: a, Status: 'SUCCESS' }]);
    // a was updated at START + 1 (its completion), b at START + 1 (its submission)
    expect(list([{ Name: 'UPDATE_DATE', Values: [String(START + 1), String(START + 1)], Condition: 'BETWEEN' }])).toHaveLength(2);
    expect(list([{ Name: 'UPDATE_DATE', Values: [String(START), String(START + 0.5)], Condition: 'BETWEEN' }])).toEqual([]);
  });

  it.each([
    ['ListNamespaces', { MaxResults: 101 },
      "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100"],
    ['ListNamespaces', { MaxResults: 0 },
      "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"],
    ['ListNamespaces', { NextToken: 'garbage!' }, 'Invalid nextToken.'],
    // NAME filters came with Cloud Map (2018-11); the 2018 model's enum refuses them
    ['ListNamespaces', { Filters: [{ Name: 'NAME', Values: ['a.local'] }] },
      "1 validation error detected: Value 'NAME' at 'filters.name' failed to satisfy constraint: Member must satisfy enum value set: [TYPE]"],
    ['ListNamespaces', { Filters: [{ Name: 'TYPE', Values: ['DNS_PRIVATE'], Condition: 'BETWEEN' }] }, 'Condition BETWEEN is not supported for filter TYPE.'],
    ['ListNamespaces', { Filters: [{ Name: 'TYPE', Values: ['DNS_PRIVATE', 'DNS_PUBLIC'] }] }, 'Filter TYPE with condition EQ takes exactly one value.'],
    ['ListOperations', { Filters: [{ Name: 'STATUS', Values: [], Condition: 'IN' }] }, 'Filter STATUS with condition IN takes at least one value.'],
    ['ListOperations', { Filters: [{ Name: 'UPDATE_DATE', Values: ['yesterday', 'today'], Condition: 'BETWEEN' }] },
      'Filter UPDATE_DATE with condition BETWEEN takes two epoch-second values.'],
    ['ListOperations', { Filters: [{ Name: 'UPDATE_DATE', Values: ['1'] }] }, 'Condition EQ is not supported for filter UPDATE_DATE.'],
  ])('%s %j → InvalidInput', (op, input, message) => {
    const e = aSandbox().error(`${SD}.${op}`, input);
    expect([e.code, e.message]).toEqual(['InvalidInput', message]);
  });
});

import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';
import {
  ACCOUNT, identityDocument, instanceArnOf, putSubnets, registerInstance,
} from '../../../builders/container-instances.ts';
import { regionState } from '../../../../src/domain/new-document.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CAP = 'com.amazonaws.ecs.capability.';

/** The attributes agent 1.18.0 registers on the ECS-optimized AMI, in its order. */
const AGENT_ATTRIBUTES = [
  { name: `${CAP}privileged-container` },
  ...['17', '18', '19', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30']
    .map((v) => ({ name: `${CAP}docker-remote-api.1.${v}` })),
  { name: `${CAP}logging-driver.json-file` },
  { name: `${CAP}logging-driver.syslog` },
  { name: `${CAP}logging-driver.awslogs` },
  { name: `${CAP}logging-driver.none` },
  { name: `${CAP}task-iam-role` },
  { name: `${CAP}task-iam-role-network-host` },
  { name: 'ecs.capability.task-cpu-mem-limit' },
  { name: 'ecs.capability.task-eni' },
  { name: `${CAP}ecr-auth` },
  { name: 'ecs.capability.execution-role-ecr-pull' },
  { name: 'ecs.capability.container-health-check' },
  { name: 'ecs.capability.execution-role-awslogs' },
  { name: 'ecs.os-type', value: 'linux' },
];

const resources = (cpu: number, memory: number, ports = ['22', '2375', '2376', '51678', '51679'], udp: string[] = []) => [
  { name: 'CPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: cpu },
  { name: 'MEMORY', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: memory },
  { name: 'PORTS', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: ports },
  { name: 'PORTS_UDP', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: udp },
];

describe('RegisterContainerInstance', () => {
  it('registers a c5.large from its EC2 identity document, as the agent would', () => {
    const s = aSandbox();
    const out = s.ecs('RegisterContainerInstance', {
      cluster: 'default',
      instanceIdentityDocument: identityDocument(),
      instanceIdentityDocumentSignature: 'c2lnbmF0dXJl',
    });
    const ci = out.containerInstance;
    const id = ci.containerInstanceArn.split('/')[1];
    expect(id).toMatch(UUID);
    expect(ci).toEqual({
      containerInstanceArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:container-instance/${id}`,
      ec2InstanceId: 'i-0a1b2c3d4e5f60718',
      version: 1,
      versionInfo: { agentVersion: '1.18.0', agentHash: 'c0defea9', dockerVersion: 'DockerVersion: 17.12.1-ce' },
      // c5.large: 2 vCPU → 2,048 CPU; 4 GiB → 4096 − 64 − 15 − 65 = 3952 MiB; the five default ports
      remainingResources: resources(2048, 3952),
      registeredResources: resources(2048, 3952),
      status: 'ACTIVE',
      agentConnected: true,
      runningTasksCount: 0,
      pendingTasksCount: 0,
      attributes: [
        ...AGENT_ATTRIBUTES,
        { name: 'ecs.ami-id', value: 'ami-aff65ad2' },
        { name: 'ecs.availability-zone', value: 'us-east-1a' },
        { name: 'ecs.instance-type', value: 'c5.large' },
      ],
      registeredAt: 1526947200, // 2018-05-22T00:00:00Z, the document's start
      attachments: [],
    });
    expect(regionState(s.api.document, 'us-east-1').containerInstances[0]).toMatchObject({
      id, clusterName: 'default', registrationIndex: 0, instanceType: 'c5.large', availabilityZone: 'us-east-1a',
      privateIp: '10.0.1.25', eniLimit: 3, // c5.large: ENI limit 3 → 2 awsvpc tasks
    });
  });

  it('gives registration indexes 0, 1, 2 … across the region\'s clusters, in call order (semantics 3.3)', () => {
    const s = aSandbox();
    s.ecs('CreateCluster', { clusterName: 'other' });
    registerInstance(s);
    registerInstance(s, { cluster: 'other', instanceId: 'i-0000000000000000b' });
    registerInstance(s, { instanceId: 'i-0000000000000000c' });
    const state = regionState(s.api.document, 'us-east-1');
    expect(state.containerInstances.map((i) => [i.clusterName, i.registrationIndex])).toEqual([['default', 0], ['other', 1], ['default', 2]]);
    expect(state.nextRegistrationIndex).toBe(3);
  });

  it.each([
    // instance type, CPU (1,024 × vCPU), registered MiB, ENI limit
    ['t2.micro', 1024, 993, 2],
    ['m4.large', 2048, 7985, 2], // DG18:memory-management
    ['c4.xlarge', 4096, 7480, 4],
    ['r4.large', 2048, 15292, 3],
    ['m5.xlarge', 4096, 16048, 4], // 16 GiB: 16384 − 256 − 80
    ['p2.xlarge', 4096, 61408, 4], // 61 GiB: 62464 − 976 − 80 (4 vCPU: no per-CPU share)
  ])('fills a %s\'s resources from the catalogue: %i CPU, %i MiB, ENI limit %i', (instanceType, cpu, memory, eni) => {
    const s = aSandbox();
    const ci = registerInstance(s, { instanceType });
    expect(ci.registeredResources).toEqual(resources(cpu, memory));
    expect(regionState(s.api.document, 'us-east-1').containerInstances[0].eniLimit).toBe(eni);
  });

  it('takes totalResources as the agent sends them, and the catalogue only for what is missing', () => {
    const s = aSandbox();
    const agentSent = registerInstance(s, {
      instanceType: 'c5.large',
      totalResources: [
        // ECS_RESERVED_MEMORY=256: 3952 − 256 = 3696; ECS_RESERVED_PORTS adds 8080; one UDP port reserved
        { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
        { name: 'MEMORY', type: 'INTEGER', integerValue: 3696 },
        { name: 'PORTS', type: 'STRINGSET', stringSetValue: ['22', '2375', '2376', '51678', '51679', '8080'] },
        { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: ['161'] },
      ],
    });
    expect(agentSent.registeredResources).toEqual(resources(2048, 3696, ['22', '2375', '2376', '51678', '51679', '8080'], ['161']));
    // only CPU given: MEMORY from the catalogue (c5.large 3952), ports from the era defaults
    const partial = registerInstance(s, { instanceId: 'i-00000000000000002', totalResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 1024 }] });
    expect(partial.registeredResources).toEqual(resources(1024, 3952));
    // an uncatalogued type is fine when CPU and MEMORY are both given; a user-defined resource is kept
    const custom = registerInstance(s, {
      instanceId: 'i-00000000000000003', instanceType: 'z9.huge',
      totalResources: [{ name: 'CPU', integerValue: 8192 }, { name: 'MEMORY', longValue: 30000 }, { name: 'GPU', type: 'INTEGER', integerValue: 2 }],
    });
    expect(custom.registeredResources).toEqual([
      ...resources(8192, 30000),
      { name: 'GPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 2 },
    ]);
    expect(regionState(s.api.document, 'us-east-1').containerInstances[2].eniLimit).toBeUndefined();
  });

  it('without an identity document, the sandbox agent runs on an m4.large in the region\'s first zone', () => {
    const s = aSandbox();
    const ci = s.ecs('RegisterContainerInstance', {}, 'eu-west-1').containerInstance;
    expect(ci.containerInstanceArn).toMatch(/^arn:aws:ecs:eu-west-1:123456789012:container-instance\//);
    expect(ci.ec2InstanceId).toMatch(/^i-[0-9a-f]{17}$/); // drawn from the ids stream
    // m4.large: 2 vCPU → 2,048; DG18: 7985 MiB
    expect(ci.registeredResources).toEqual(resources(2048, 7985));
    expect(ci.attributes.slice(-3)).toEqual([
      { name: 'ecs.ami-id', value: 'ami-aff65ad2' },
      { name: 'ecs.availability-zone', value: 'eu-west-1a' },
      { name: 'ecs.instance-type', value: 'm4.large' },
    ]);
    // an empty document (the agent sends "" when it cannot read one) is no document
    expect(s.ecs('RegisterContainerInstance', { instanceIdentityDocument: '' }).containerInstance.attributes)
      .toContainEqual({ name: 'ecs.instance-type', value: 'm4.large' });
  });

  it('ignores unknown and null document fields', () => {
    const s = aSandbox();
    const ci = registerInstance(s, { instanceType: null, privateIp: null, imageId: null, somethingNew: { nested: true } });
    expect(ci.attributes).toContainEqual({ name: 'ecs.instance-type', value: 'm4.large' });
    expect(ci.attributes).toContainEqual({ name: 'ecs.ami-id', value: 'ami-aff65ad2' });
    expect(regionState(s.api.document, 'us-east-1').containerInstances[0].privateIp).toBeUndefined();
  });

  it('draws the same ids for the same seed, and none for a call that fails', () => {
    const arns = () => {
      const s = aSandbox();
      s.ecsError('RegisterContainerInstance', { instanceIdentityDocument: 'not json' });
      return [s.ecs('RegisterContainerInstance', {}), s.ecs('RegisterContainerInstance', {})]
        .map((o) => [o.containerInstance.containerInstanceArn, o.containerInstance.ec2InstanceId]);
    };
    const first = arns();
    expect(arns()).toEqual(first);
    expect(first[0]).not.toEqual(first[1]);
  });

  it('lays custom attributes over the default agent list, but takes a capability list as the agent\'s whole list', () => {
    const s = aSandbox();
    const custom = registerInstance(s, { attributes: [{ name: 'stack', value: 'prod' }, { name: 'team' }] });
    expect(custom.attributes.map((a) => a.name)).toEqual([
      ...AGENT_ATTRIBUTES.slice(0, -1).map((a) => a.name), 'ecs.os-type', 'stack', 'team',
      'ecs.ami-id', 'ecs.availability-zone', 'ecs.instance-type',
    ]);
    const agent = registerInstance(s, {
      instanceId: 'i-00000000000000002',
      attributes: [{ name: `${CAP}docker-remote-api.1.17` }, { name: 'ecs.capability.task-eni' }],
    });
    expect(agent.attributes).toEqual([
      { name: `${CAP}docker-remote-api.1.17` },
      { name: 'ecs.capability.task-eni' },
      { name: 'ecs.os-type', value: 'linux' }, // added when the agent sends none
      { name: 'ecs.ami-id', value: 'ami-aff65ad2' },
      { name: 'ecs.availability-zone', value: 'us-east-1a' },
      { name: 'ecs.instance-type', value: 'c5.large' },
    ]);
  });

  it.each([
    ['10.0.1.25 lies in subnet-a\'s 10.0.1.0/24', { privateIp: '10.0.1.25' }, 'subnet-0000000a'],
    ['10.0.2.9 lies in subnet-b\'s 10.0.2.0/24, whatever the AZ says', { privateIp: '10.0.2.9' }, 'subnet-0000000b'],
    ['no CIDR holds 172.16.0.4: the first subnet of us-east-1a', { privateIp: '172.16.0.4' }, 'subnet-0000000a'],
    ['no private IP: the first subnet of us-east-1c', { privateIp: null, availabilityZone: 'us-east-1c' }, 'subnet-0000000c'],
    ['no subnet in us-east-1d: none', { privateIp: null, availabilityZone: 'us-east-1d' }, undefined],
  ])('subnet: %s', (_, fields, subnetId) => {
    const s = aSandbox();
    putSubnets(s, [
      { subnetId: 'subnet-0000000a', availabilityZone: 'us-east-1a', cidrBlock: '10.0.1.0/24' },
      { subnetId: 'subnet-0000000b', availabilityZone: 'us-east-1b', cidrBlock: '10.0.2.0/24' },
      { subnetId: 'subnet-0000000c', availabilityZone: 'us-east-1c' },
    ]);
    registerInstance(s, fields);
    expect(regionState(s.api.document, 'us-east-1').containerInstances[0].subnetId).toBe(subnetId);
  });

  const elevenCustom = Array.from({ length: 11 }, (_, i) => ({ name: `custom${i}`, value: 'x' }));

  it.each([
    ['an unknown cluster', { cluster: 'ghost' }, 'ClusterNotFoundException', 'Cluster not found.'],
    ['a document that is not JSON', { instanceIdentityDocument: '{"instanceId": ' }, 'InvalidParameterException', 'Invalid instance identity document.'],
    ['a document that is a JSON array', { instanceIdentityDocument: '["i-1"]' }, 'InvalidParameterException', 'Invalid instance identity document.'],
    ['a document whose instanceType is a number', { instanceIdentityDocument: '{"instanceType": 5}' }, 'InvalidParameterException', 'Invalid instance identity document.'],
    ['a document of another region', { instanceIdentityDocument: identityDocument({ region: 'eu-west-1' }) }, 'InvalidParameterException',
      'The instance identity document is for region eu-west-1, but the request was sent to region us-east-1.'],
    ['an uncatalogued type without totalResources', { instanceIdentityDocument: identityDocument({ instanceType: 'z9.huge' }) }, 'InvalidParameterException',
      'Unknown instance type z9.huge: specify the CPU and MEMORY resources in totalResources.'],
    ['a negative CPU', { totalResources: [{ name: 'CPU', integerValue: -1 }] }, 'InvalidParameterException',
      'The CPU resource must have a non-negative integerValue.'],
    ['a fractional MEMORY', { totalResources: [{ name: 'MEMORY', doubleValue: 1.5 }] }, 'InvalidParameterException',
      'The MEMORY resource must have a non-negative integerValue.'],
    ['an attribute name with a space', { attributes: [{ name: 'my attr' }] }, 'InvalidParameterException',
      'Attribute names can have up to 128 letters (uppercase and lowercase), numbers, hyphens, underscores, and periods.'],
    ['an attribute name of 129 characters', { attributes: [{ name: 'a'.repeat(129) }] }, 'InvalidParameterException',
      'Attribute names can have up to 128 letters (uppercase and lowercase), numbers, hyphens, underscores, and periods.'],
    ['an attribute value with a comma', { attributes: [{ name: 'stack', value: 'a,b' }] }, 'InvalidParameterException',
      'Attribute values can have up to 128 letters (uppercase and lowercase), numbers, hyphens, underscores, periods, at signs (@), forward slashes, colons, and spaces.'],
    ['11 custom attributes (10 allowed)', { attributes: elevenCustom }, 'InvalidParameterException',
      'You can apply up to 10 custom attributes per resource.'],
    ['an attribute without a name', { attributes: [{ value: 'x' }] }, 'InvalidParameterException', 'name is required.'],
  ])('refuses %s', (_, input, code, message) => {
    const e = aSandbox().ecsError('RegisterContainerInstance', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });

  it('refuses an INACTIVE cluster', () => {
    const s = aSandbox();
    s.ecs('CreateCluster', { clusterName: 'gone' });
    s.ecs('DeleteCluster', { cluster: 'gone' });
    const e = s.ecsError('RegisterContainerInstance', { cluster: 'gone' });
    expect([e.code, e.message]).toEqual(['ClusterNotFoundException', 'The referenced cluster was inactive.']);
  });

  it('accepts attribute values with @ / : and spaces, and names of 128 characters', () => {
    const s = aSandbox();
    const ci = registerInstance(s, { attributes: [{ name: 'a'.repeat(128), value: 'team@example.com/x:y z' }] });
    expect(ci.attributes).toContainEqual({ name: 'a'.repeat(128), value: 'team@example.com/x:y z' });
  });
});

describe('RegisterContainerInstance with containerInstanceArn (re-registration)', () => {
  it('refreshes resources, versionInfo and agent attributes; keeps id, index, registeredAt, status and custom attributes', () => {
    const s = aSandbox();
    const first = registerInstance(s);
    s.ecs('PutAttributes', { attributes: [{ name: 'stack', value: 'prod', targetId: first.containerInstanceArn }] }); // version 2
    s.ecs('UpdateContainerInstancesState', { containerInstances: [first.id], status: 'DRAINING' }); // version 3
    const again = s.ecs('RegisterContainerInstance', {
      instanceIdentityDocument: identityDocument(),
      containerInstanceArn: first.containerInstanceArn,
      versionInfo: { agentVersion: '1.18.0', agentHash: 'c0defea9', dockerVersion: 'DockerVersion: 18.03.1-ce' },
      totalResources: [{ name: 'MEMORY', type: 'INTEGER', integerValue: 3696 }],
    }).containerInstance;
    expect(again).toMatchObject({
      containerInstanceArn: first.containerInstanceArn,
      ec2InstanceId: first.ec2InstanceId,
      version: 4,
      status: 'DRAINING',
      registeredAt: first.registeredAt,
      versionInfo: { dockerVersion: 'DockerVersion: 18.03.1-ce' },
      registeredResources: resources(2048, 3696),
    });
    expect(again.attributes).toContainEqual({ name: 'stack', value: 'prod' });
    const state = regionState(s.api.document, 'us-east-1');
    expect(state.containerInstances).toHaveLength(1);
    expect(state.nextRegistrationIndex).toBe(1);
  });

  it.each([
    ['a changed instance type', (id: string) => ({ containerInstanceArn: instanceArnOf(id), instanceIdentityDocument: identityDocument({ instanceType: 'c5.xlarge' }) }),
      'ClientException', (id: string) => `Container instance type changes are not supported. Container instance ${id} was previously registered as c5.large.`],
    ['an instance of another cluster', (id: string) => ({ cluster: 'other', containerInstanceArn: instanceArnOf(id) }),
      'ClientException', (id: string) => `Container instance ${id} not found.`],
    ['an unknown instance', () => ({ containerInstanceArn: instanceArnOf('00000000-0000-4000-8000-000000000000') }),
      'ClientException', () => 'Container instance 00000000-0000-4000-8000-000000000000 not found.'],
  ])('refuses %s', (_, input, code, message) => {
    const s = aSandbox();
    s.ecs('CreateCluster', { clusterName: 'other' });
    const { id } = registerInstance(s);
    const e = s.ecsError('RegisterContainerInstance', input(id));
    expect([e.code, e.message]).toEqual([code, message(id)]);
  });

  it('refuses a deregistered instance with AWS\'s "is inactive" text (aws/amazon-ecs-agent#583)', () => {
    const s = aSandbox();
    const { id, containerInstanceArn } = registerInstance(s);
    s.ecs('DeregisterContainerInstance', { containerInstance: id });
    const e = s.ecsError('RegisterContainerInstance', { containerInstanceArn, instanceIdentityDocument: identityDocument() });
    expect([e.code, e.message]).toEqual(['ClientException', `Container instance ${id} is inactive.`]);
  });
});

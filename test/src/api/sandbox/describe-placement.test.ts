import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';
import { aTask, addTasks, containerInstanceArnOf } from '../../../builders/tasks.ts';
import { aTaskDefinition, anInstance, SUBNET, withSubnets } from '../../../builders/placement.ts';

describe('EcsSandbox.DescribePlacement: a dry run of RunTask', () => {
  it('explains every instance and changes no state (snapshot before = after)', () => {
    const s = aSandbox();
    const small = anInstance(s, { memory: 1024 });
    const draining = anInstance(s);
    const other = anInstance(s, { az: 'us-east-1b' });
    const fits = anInstance(s, { az: 'us-east-1a' });
    s.ecs('UpdateContainerInstancesState', { containerInstances: [draining.id], status: 'DRAINING' });
    aTaskDefinition(s, 'web', { memory: 1536, portMappings: [{ containerPort: 80, hostPort: 8080 }] });
    const before = s.snapshot();
    const out = s.sandbox('DescribePlacement', {
      taskDefinition: 'web', count: 2,
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone == us-east-1a' }],
    });
    expect(s.snapshot()).toBe(before);
    const arn = (x: { id: string }) => containerInstanceArnOf(x.id);
    expect(out).toEqual({
      // the second task fails: 8080 is taken on `fits` by the first
      placements: [{ containerInstanceArn: arn(fits), ec2InstanceId: fits.ec2InstanceId, hostPorts: [{ containerName: 'app', containerPort: 80, hostPort: 8080, protocol: 'tcp' }] }],
      instances: [
        { containerInstanceArn: arn(small), ec2InstanceId: small.ec2InstanceId, result: 'RESOURCE:MEMORY',
          reason: 'has insufficient memory available', detail: 'needs 1,536 MiB, has 1,024' },
        { containerInstanceArn: arn(draining), ec2InstanceId: draining.ec2InstanceId, result: 'DRAINING', reason: 'is DRAINING and receives no new tasks' },
        { containerInstanceArn: arn(other), ec2InstanceId: other.ec2InstanceId, result: 'MemberOf placement constraint unsatisfied.',
          reason: 'encountered error "MemberOf placement constraint unsatisfied."',
          detail: 'constraint 1 is false: memberOf(attribute:ecs.availability-zone == us-east-1a)' },
        { containerInstanceArn: arn(fits), ec2InstanceId: fits.ec2InstanceId, result: 'RESOURCE:PORTS',
          reason: 'is already using a port required by your task', detail: 'host port 8080/tcp is already in use' },
      ],
      // 4.10: `fits` passed CPU, memory (2 stages); `other` failed later but at the constraint (7 stages)
      closestMatch: { containerInstanceArn: arn(other), ec2InstanceId: other.ec2InstanceId, reason: 'encountered error "MemberOf placement constraint unsatisfied."' },
    });
  });

  it('reports PLACED and ELIGIBLE when every task fits', () => {
    const s = aSandbox();
    const a = anInstance(s, { memory: 4096 });
    const b = anInstance(s, { memory: 8192 });
    aTaskDefinition(s, 'web');
    const out = s.sandbox('DescribePlacement', { taskDefinition: 'web', placementStrategy: [{ type: 'binpack', field: 'memory' }] });
    expect(out.instances.map((i: { result: string }) => i.result)).toEqual(['PLACED', 'ELIGIBLE']);
    expect(out.placements[0].containerInstanceArn).toBe(containerInstanceArnOf(a.id));
    expect(out.closestMatch).toBeUndefined();
    void b;
  });

  it.each([
    ['CPU', { cpu: 512 }, { cpu: 256 }, 'needs 512 CPU units, has 256'],
    ['distinctInstance', {}, {}, 'constraint 1: hosts 1 live task of family:web'],
  ])('details: %s', (what, container, instance, detail) => {
    const s = aSandbox();
    const only = anInstance(s, instance);
    const web = aTaskDefinition(s, 'web', container);
    if (what === 'distinctInstance') addTasks(s, [aTask('6b809ef6-c67e-4467-921f-ee261c15a0a1', web).onInstance(only.id)]);
    const out = s.sandbox('DescribePlacement', {
      taskDefinition: 'web', ...(what === 'distinctInstance' ? { placementConstraints: [{ type: 'distinctInstance' }] } : {}),
    });
    expect(out.instances[0].detail).toBe(detail);
  });

  it('details: awsvpc ENIs and subnets', () => {
    const s = aSandbox();
    withSubnets(s);
    const inB = anInstance(s, { az: 'us-east-1b' });
    aTaskDefinition(s, 'web', {}, { networkMode: 'awsvpc' });
    const out = s.sandbox('DescribePlacement', { taskDefinition: 'web', networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET.a] } } });
    expect(out.instances).toEqual([{
      containerInstanceArn: containerInstanceArnOf(inB.id), ec2InstanceId: inB.ec2InstanceId, result: 'ATTRIBUTE',
      reason: 'is missing an attribute required by your task', detail: `its subnet ${SUBNET.b} is not one of [${SUBNET.a}]`,
    }]);
  });

  it('validates like RunTask and the sandbox shape checker', () => {
    const s = aSandbox();
    aTaskDefinition(s, 'web');
    let e = s.error('EcsSandbox.DescribePlacement', { taskDefinition: 'web', count: 11 });
    expect([e.code, e.message]).toEqual(['InvalidParameterException', 'count must be between 1 and 10.']);
    e = s.error('EcsSandbox.DescribePlacement', {});
    expect([e.code, e.message]).toEqual(['InvalidParameterException', 'taskDefinition is required.']);
    e = s.error('EcsSandbox.DescribePlacement', { taskDefinition: 'web', count: 'two' });
    expect(e.code).toBe('SerializationException');
  });
});

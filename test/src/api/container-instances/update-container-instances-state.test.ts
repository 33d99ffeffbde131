import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';
import { instanceArnOf, registerInstance } from '../../../builders/container-instances.ts';

describe('UpdateContainerInstancesState', () => {
  it('drains and reactivates, bumping the version only when the status changes', () => {
    const s = aSandbox();
    const { id, containerInstanceArn } = registerInstance(s); // version 1
    const drained = s.ecs('UpdateContainerInstancesState', { containerInstances: [id], status: 'DRAINING' });
    expect(drained.failures).toEqual([]);
    expect(drained.containerInstances[0]).toMatchObject({ containerInstanceArn, status: 'DRAINING', version: 2 });
    // DRAINING again: nothing changes
    expect(s.ecs('UpdateContainerInstancesState', { containerInstances: [containerInstanceArn], status: 'DRAINING' })
      .containerInstances[0]).toMatchObject({ status: 'DRAINING', version: 2 });
    expect(s.ecs('UpdateContainerInstancesState', { containerInstances: [id], status: 'ACTIVE' })
      .containerInstances[0]).toMatchObject({ status: 'ACTIVE', version: 3 });
  });

  it('reports unknown instances as MISSING and deregistered ones as INACTIVE, in request order', () => {
    const s = aSandbox();
    const a = registerInstance(s);
    const b = registerInstance(s, { instanceId: 'i-00000000000000002' });
    s.ecs('DeregisterContainerInstance', { containerInstance: b.id });
    const out = s.ecs('UpdateContainerInstancesState', { containerInstances: ['nope', b.id, a.containerInstanceArn], status: 'DRAINING' });
    expect(out.containerInstances.map((c: any) => [c.containerInstanceArn, c.status])).toEqual([[a.containerInstanceArn, 'DRAINING']]);
    expect(out.failures).toEqual([
      { arn: instanceArnOf('nope'), reason: 'MISSING' },
      { arn: b.containerInstanceArn, reason: 'INACTIVE' },
    ]);
  });

  it.each([
    ['an unknown cluster', { cluster: 'ghost', containerInstances: ['x'], status: 'DRAINING' }, 'ClusterNotFoundException', 'Cluster not found.'],
    ['no status', { containerInstances: ['x'] }, 'InvalidParameterException', 'status is required.'],
    ['no containerInstances', { status: 'ACTIVE' }, 'InvalidParameterException', 'containerInstances is required.'],
    ['an empty list', { containerInstances: [], status: 'ACTIVE' }, 'InvalidParameterException', 'Container instances cannot be empty.'],
    ['status INACTIVE (D52)', { containerInstances: ['x'], status: 'INACTIVE' }, 'InvalidParameterException', 'status should be one of [ACTIVE, DRAINING]'],
  ])('refuses %s', (_, input, code, message) => {
    const e = aSandbox().ecsError('UpdateContainerInstancesState', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });
});

import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';
import { addTaskDefinition, registerInstance } from '../../../builders/container-instances.ts';
import { aTask, addTasks } from '../../../builders/tasks.ts';
import type { TestSandbox } from '../../../builders/sandbox.ts';

/** Four instances: t2.small/us-east-1a, t2.small/us-east-1b, c5.large/us-east-1a (stack=prod), m4.large/us-east-1d. */
function fourInstances(s: TestSandbox) {
  return [
    registerInstance(s, { instanceId: 'i-00000000000000001', instanceType: 't2.small', availabilityZone: 'us-east-1a' }),
    registerInstance(s, { instanceId: 'i-00000000000000002', instanceType: 't2.small', availabilityZone: 'us-east-1b' }),
    registerInstance(s, { instanceId: 'i-00000000000000003', instanceType: 'c5.large', availabilityZone: 'us-east-1a', attributes: [{ name: 'stack', value: 'prod' }] }),
    registerInstance(s, { instanceId: 'i-00000000000000004', instanceType: 'm4.large', availabilityZone: 'us-east-1d' }),
  ];
}

describe('ListContainerInstances', () => {
  it('replays EX18 "To list your available container instances in a cluster"', () => {
    const s = aSandbox();
    const [a, b] = [registerInstance(s), registerInstance(s, { instanceId: 'i-00000000000000002' })];
    // EX18 lists the two ARNs of the default cluster and nothing else
    expect(s.ecs('ListContainerInstances', { cluster: 'default' })).toEqual({
      containerInstanceArns: [a.containerInstanceArn, b.containerInstanceArn],
    });
  });

  it('lists ACTIVE and DRAINING instances by default, in registration order; INACTIVE never', () => {
    const s = aSandbox();
    const [a, b, c, d] = fourInstances(s);
    s.ecs('UpdateContainerInstancesState', { containerInstances: [b.id], status: 'DRAINING' });
    s.ecs('DeregisterContainerInstance', { containerInstance: c.id });
    expect(s.ecs('ListContainerInstances').containerInstanceArns).toEqual([a, b, d].map((x) => x.containerInstanceArn));
    expect(s.ecs('ListContainerInstances', { status: 'ACTIVE' }).containerInstanceArns).toEqual([a, d].map((x) => x.containerInstanceArn));
    expect(s.ecs('ListContainerInstances', { status: 'DRAINING' }).containerInstanceArns).toEqual([b.containerInstanceArn]);
  });

  it('lists only the cluster\'s own instances', () => {
    const s = aSandbox();
    s.ecs('CreateCluster', { clusterName: 'other' });
    const mine = registerInstance(s);
    const theirs = registerInstance(s, { cluster: 'other', instanceId: 'i-00000000000000002' });
    expect(s.ecs('ListContainerInstances').containerInstanceArns).toEqual([mine.containerInstanceArn]);
    expect(s.ecs('ListContainerInstances', { cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/other' }).containerInstanceArns)
      .toEqual([theirs.containerInstanceArn]);
  });

  it.each([
    // DG18 examples (5.7) and a few more; instances are [t2.small/1a, t2.small/1b, c5.large/1a stack=prod, m4.large/1d]
    ['attribute:ecs.instance-type == t2.small', [0, 1]],
    ['attribute:ecs.availability-zone in [us-east-1a, us-east-1b]', [0, 1, 2]],
    ['attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone != us-east-1d', [0, 1]],
    ['attribute:stack != prod', [0, 1, 3]], //                      true where `stack` is missing (5.5)
    ['attribute:stack exists', [2]],
    ['attribute:ecs.capability.task-eni exists', [0, 1, 2, 3]], //    a capability without a value exists
    ['ec2InstanceId in [\'i-00000000000000002\', \'i-00000000000000004\']', [1, 3]],
    ['task:group == service:web', [1]], //                          instance 1 hosts a live web task
    ['not(task:group == service:web)', [0, 2, 3]],
    ['runningTasksCount == 1', [1]],
    ['agentVersion < 1.18.1 and agentConnected == true', [0, 1, 2, 3]],
    ['registeredAt >= 2018-05-22', [0, 1, 2, 3]], //               all registered at 2018-05-22T00:00:00Z
  ])('filter %s', (filter, expected) => {
    const s = aSandbox();
    const instances = fourInstances(s);
    const td = addTaskDefinition(s, 'web', [{ name: 'web', cpu: 128, memory: 128 }]);
    addTasks(s, [aTask('t1', td).onInstance(instances[1].id).inGroup('service:web')]);
    expect(s.ecs('ListContainerInstances', { filter }).containerInstanceArns)
      .toEqual(expected.map((i) => instances[i].containerInstanceArn));
  });

  it('pages 1–100 at a time with an opaque nextToken', () => {
    const s = aSandbox();
    const arns = fourInstances(s).map((x) => x.containerInstanceArn);
    // 4 instances, 3 per page → 3 then 1
    const first = s.ecs('ListContainerInstances', { maxResults: 3 });
    expect(first.containerInstanceArns).toEqual(arns.slice(0, 3));
    expect(s.ecs('ListContainerInstances', { maxResults: 3, nextToken: first.nextToken })).toEqual({ containerInstanceArns: arns.slice(3) });
  });

  it.each([
    ['an unknown cluster', { cluster: 'ghost' }, 'ClusterNotFoundException', 'Cluster not found.'],
    ['maxResults 0', { maxResults: 0 }, 'InvalidParameterException', 'maxResults must be between 1 and 100.'],
    ['maxResults 101', { maxResults: 101 }, 'InvalidParameterException', 'maxResults must be between 1 and 100.'],
    ['a nextToken that does not decode', { nextToken: 'garbage!' }, 'InvalidParameterException', 'Invalid nextToken.'],
    ['a bad status', { status: 'INACTIVE' }, 'InvalidParameterException', 'status should be one of [ACTIVE, DRAINING]'],
    // D48: 1-based position of the offending token
    ['a filter that ends early', { filter: 'attribute:ecs.instance-type ==' }, 'InvalidParameterException',
      'Invalid expression at position 31: unexpected end of expression.'],
    ['a filter with an operator its subject does not take', { filter: 'agentVersion exists' }, 'InvalidParameterException',
      "Invalid expression at position 14: operator 'exists' is not valid for agentVersion."],
  ])('refuses %s', (_, input, code, message) => {
    const e = aSandbox().ecsError('ListContainerInstances', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });
});

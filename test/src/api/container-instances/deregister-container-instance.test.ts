import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';
import { addTaskDefinition, registerInstance } from '../../../builders/container-instances.ts';
import { aTask, addTasks } from '../../../builders/tasks.ts';
import { regionState } from '../../../../src/domain/new-document.ts';

describe('DeregisterContainerInstance', () => {
  it('replays EX18 "To deregister a container instance from a cluster" (container_instance_UUID → a real id)', () => {
    const s = aSandbox();
    const { id } = registerInstance(s);
    const out = s.ecs('DeregisterContainerInstance', { cluster: 'default', containerInstance: id, force: true });
    // EX18 prints `{}`; the API18 response carries the deregistered instance
    expect(out.containerInstance).toMatchObject({ status: 'INACTIVE', agentConnected: false, version: 2 });
    expect(s.ecs('ListContainerInstances', { cluster: 'default' }).containerInstanceArns).toEqual([]);
  });

  it('leaves the record INACTIVE: described, not listed; the cluster can then be deleted', () => {
    const s = aSandbox();
    s.ecs('CreateCluster', { clusterName: 'c1' });
    const { id, containerInstanceArn } = registerInstance(s, { cluster: 'c1' });
    expect(s.ecsError('DeleteCluster', { cluster: 'c1' }).code).toBe('ClusterContainsContainerInstancesException');
    s.ecs('DeregisterContainerInstance', { cluster: 'c1', containerInstance: containerInstanceArn });
    expect(s.ecs('DescribeContainerInstances', { cluster: 'c1', containerInstances: [id] }).containerInstances[0].status).toBe('INACTIVE');
    expect(s.ecs('DeleteCluster', { cluster: 'c1' }).cluster.status).toBe('INACTIVE');
    // deregistering again returns it unchanged (Decision)
    expect(s.ecs('DeregisterContainerInstance', { cluster: 'c1', containerInstance: id }).containerInstance)
      .toMatchObject({ status: 'INACTIVE', version: 2 });
  });

  it('refuses an instance with live tasks unless forced; force stops them (aws/amazon-ecs-agent#125)', () => {
    const s = aSandbox();
    const { id } = registerInstance(s);
    const td = addTaskDefinition(s, 'web', [{ name: 'web', cpu: 128, memory: 128 }]);
    addTasks(s, [
      aTask('running', td).onInstance(id),
      aTask('pending', td).onInstance(id).withStatus('PENDING'),
      aTask('done', td).onInstance(id).withStatus('STOPPED'),
    ]);
    const e = s.ecsError('DeregisterContainerInstance', { containerInstance: id });
    expect([e.code, e.message]).toEqual(['InvalidParameterException', 'Found running tasks on the instance.']);
    expect(s.ecsError('DeregisterContainerInstance', { containerInstance: id, force: false }).message)
      .toBe('Found running tasks on the instance.');

    s.api.document.clock.nowMs += 60_000;
    const out = s.ecs('DeregisterContainerInstance', { containerInstance: id, force: true });
    expect(out.containerInstance).toMatchObject({ status: 'INACTIVE', runningTasksCount: 0, pendingTasksCount: 0 });
    const tasks = regionState(s.api.document, 'us-east-1').tasks;
    const now = s.api.document.clock.nowMs;
    expect(tasks.map((t) => [t.id, t.lastStatus, t.desiredStatus, t.stoppedAt === now, t.stoppedReason])).toEqual([
      ['running', 'STOPPED', 'STOPPED', true, 'The container instance was deregistered.'],
      ['pending', 'STOPPED', 'STOPPED', true, 'The container instance was deregistered.'],
      ['done', 'STOPPED', 'STOPPED', false, undefined], // already STOPPED: untouched
    ]);
  });

  it.each([
    ['an unknown cluster', () => ({ cluster: 'ghost', containerInstance: 'x' }), 'ClusterNotFoundException', 'Cluster not found.'],
    ['no containerInstance', () => ({}), 'InvalidParameterException', 'containerInstance is required.'],
    ['an unknown instance', () => ({ containerInstance: '00000000-0000-4000-8000-000000000000' }), 'InvalidParameterException', 'Container instance not found.'],
    ['an instance of another cluster', (id: string) => ({ cluster: 'other', containerInstance: id }), 'InvalidParameterException', 'Container instance not found.'],
  ])('refuses %s', (_, input, code, message) => {
    const s = aSandbox();
    s.ecs('CreateCluster', { clusterName: 'other' });
    const { id } = registerInstance(s);
    const e = s.ecsError('DeregisterContainerInstance', input(id));
    expect([e.code, e.message]).toEqual([code, message]);
  });
});

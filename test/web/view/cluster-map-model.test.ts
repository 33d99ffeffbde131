import { describe, expect, it } from 'vitest';
import { buildClusterMap, deploymentStatuses, instanceMarks, instanceSignature, tasksWithoutInstance } from '../../../web/view/cluster-map-model.ts';
import { aView } from './fixtures.ts';

describe('cluster map model', () => {
  it('groups instances by zone (sorted), in registration order, with their tasks', () => {
    const zones = buildClusterMap(aView());
    expect(zones.map((z) => [z.availabilityZone, z.instances.map((m) => [m.instance.id, m.tasks.map((t) => t.task.id)])])).toEqual([
      ['us-east-1a', [['ci-2', []], ['ci-3', ['t-2', 't-3']]]],
      ['us-east-1b', [['ci-1', ['t-1']]]],
    ]);
  });

  it('shades tasks by their deployment and marks pending ones', () => {
    const [a] = buildClusterMap(aView());
    expect(a.instances[1].tasks.map((t) => [t.task.id, t.shade, t.pending])).toEqual([['t-2', 'ACTIVE', false], ['t-3', 'PRIMARY', true]]);
    expect([...deploymentStatuses(aView())]).toEqual([['ecs-svc/new', 'PRIMARY'], ['ecs-svc/old', 'ACTIVE'], ['ecs-svc/api', 'PRIMARY']]);
  });

  it('marks DRAINING, INACTIVE and disconnected instances in words', () => {
    expect(instanceMarks({ status: 'ACTIVE', agentConnected: true })).toEqual([]);
    expect(instanceMarks({ status: 'DRAINING', agentConnected: true })).toEqual(['DRAINING']);
    expect(instanceMarks({ status: 'INACTIVE', agentConnected: false })).toEqual(['INACTIVE', 'agent disconnected']);
    const [a] = buildClusterMap(aView());
    expect(a.instances.map((m) => m.marks)).toEqual([['DRAINING'], ['agent disconnected']]);
  });

  it('filters by cluster', () => expect(buildClusterMap(aView(), 'other')).toEqual([]));

  it('the signature changes when a task changes and only then', () => {
    const view = aView();
    const before = buildClusterMap(view)[0].instances[1];
    expect(instanceSignature(before.instance, before.tasks)).toBe(before.signature);
    const same = buildClusterMap(aView())[0].instances[1];
    expect(same.signature).toBe(before.signature);
    view.tasks[2].lastStatus = 'RUNNING';
    expect(buildClusterMap(view)[0].instances[1].signature).not.toBe(before.signature);
    // an untouched instance keeps its signature
    expect(buildClusterMap(view)[1].instances[0].signature).toBe(buildClusterMap(aView())[1].instances[0].signature);
  });

  it('counts tasks without an instance (FARGATE)', () => expect(tasksWithoutInstance(aView())).toBe(1));
});

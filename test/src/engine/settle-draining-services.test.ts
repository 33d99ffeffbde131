// Section 12: DRAINING → INACTIVE at the first step with no live task of the service.
import { describe, expect, it } from 'vitest';
import { settleDrainingServices } from '../../../src/engine/settle-draining-services.ts';
import { newRegion } from '../../../src/domain/new-document.ts';
import type { ServiceRecord, TaskRecord } from '../../../src/domain/records.ts';

const service = (serviceName: string, status: ServiceRecord['status'], deploymentIds: string[]): ServiceRecord => ({
  serviceName, clusterName: 'default', status, desiredCount: 0, taskDefinition: 'td', launchType: 'EC2',
  loadBalancers: [], serviceRegistries: [], deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
  placementConstraints: [], placementStrategy: [], createdAt: 0, requestFingerprint: '', events: [], eventLog: [], startFailures: 0, suppressed: {}, timeline: [],
  deployments: deploymentIds.map((id, i) => ({
    id, status: i === deploymentIds.length - 1 ? 'PRIMARY' : 'ACTIVE', taskDefinition: 'td', desiredCount: 0,
    createdAt: 0, updatedAt: 0, launchType: 'EC2',
  })),
});
const task = (id: string, startedBy: string, lastStatus: TaskRecord['lastStatus'], clusterName = 'default'): TaskRecord => ({
  id, clusterName, taskDefinitionArn: 'td', group: 'service:x', startedBy, lastStatus,
  desiredStatus: 'STOPPED', launchType: 'EC2', createdAt: 0, version: 1, hostPorts: [],
});

describe('settleDrainingServices', () => {
  it.each([
    ['no task at all', [], 'INACTIVE'],
    ['only STOPPED tasks', [task('t1', 'd1', 'STOPPED')], 'INACTIVE'],
    ['a PENDING task of an old deployment', [task('t1', 'd0', 'PENDING')], 'DRAINING'],
    ['a RUNNING (stopping) task of the PRIMARY', [task('t1', 'd1', 'RUNNING')], 'DRAINING'],
    ['a live task of another deployment id', [task('t1', 'other', 'RUNNING')], 'INACTIVE'],
    ['a live task with the same startedBy in another cluster', [task('t1', 'd1', 'RUNNING', 'prod')], 'INACTIVE'],
  ])('%s → %s', (_, tasks, expected) => {
    const state = newRegion(0);
    state.services.push(service('s', 'DRAINING', ['d0', 'd1']));
    state.tasks.push(...tasks);
    const settled = settleDrainingServices(state, 1000);
    expect(state.services[0].status).toBe(expected);
    expect(settled.map((s) => s.serviceName)).toEqual(expected === 'INACTIVE' ? ['s'] : []);
  });

  it('leaves ACTIVE and INACTIVE services alone and returns the settled ones in creation order', () => {
    const state = newRegion(0);
    state.services.push(service('a', 'ACTIVE', ['a1']), service('b', 'DRAINING', ['b1']), service('c', 'INACTIVE', ['c1']),
      service('d', 'DRAINING', ['d1']));
    expect(settleDrainingServices(state, 0).map((s) => s.serviceName)).toEqual(['b', 'd']);
    expect(state.services.map((s) => s.status)).toEqual(['ACTIVE', 'INACTIVE', 'INACTIVE', 'INACTIVE']);
  });
});

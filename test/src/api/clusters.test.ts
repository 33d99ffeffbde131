import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../builders/sandbox.ts';

const ARN = (name: string) => `arn:aws:ecs:us-east-1:123456789012:cluster/${name}`;

describe('clusters', () => {
  it('CreateCluster returns the EX18 shape with zero counts', () => {
    const s = aSandbox();
    expect(s.ecs('CreateCluster', { clusterName: 'my_cluster' })).toEqual({
      cluster: {
        activeServicesCount: 0, clusterArn: ARN('my_cluster'), clusterName: 'my_cluster',
        pendingTasksCount: 0, registeredContainerInstancesCount: 0, runningTasksCount: 0, status: 'ACTIVE',
      },
    });
  });

  it('a new document has an ACTIVE default cluster in every region (D4)', () => {
    const s = aSandbox();
    expect(s.ecs('ListClusters')).toEqual({ clusterArns: [ARN('default')] });
    expect(s.ecs('ListClusters', {}, 'eu-west-1')).toEqual({
      clusterArns: ['arn:aws:ecs:eu-west-1:123456789012:cluster/default'],
    });
  });

  it.each([
    ['', 'empty'],
    ['a'.repeat(256), '256 characters'],
    ['has space', 'a space'],
    ['x/y', 'a slash'],
  ])('CreateCluster refuses the name %j (%s)', (clusterName) => {
    const e = aSandbox().ecsError('CreateCluster', { clusterName });
    expect([e.code, e.message]).toEqual(['InvalidParameterException',
      'Cluster names can have up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.']);
  });

  it('DeleteCluster leaves it INACTIVE: described, not listed; re-creating revives it', () => {
    const s = aSandbox();
    s.ecs('CreateCluster', { clusterName: 'c1' });
    expect(s.ecs('DeleteCluster', { cluster: 'c1' }).cluster.status).toBe('INACTIVE');
    expect(s.ecs('ListClusters').clusterArns).toEqual([ARN('default')]);
    expect(s.ecs('DescribeClusters', { clusters: ['c1', ARN('c1'), 'nope'] })).toEqual({
      clusters: [
        expect.objectContaining({ clusterName: 'c1', status: 'INACTIVE' }),
        expect.objectContaining({ clusterName: 'c1', status: 'INACTIVE' }),
      ],
      failures: [{ arn: ARN('nope'), reason: 'MISSING' }],
    });
    expect(s.ecs('CreateCluster', { clusterName: 'c1' }).cluster.status).toBe('ACTIVE');
  });

  it('DeleteCluster of an unknown cluster is ClusterNotFoundException', () => {
    const e = aSandbox().ecsError('DeleteCluster', { cluster: 'ghost' });
    expect([e.code, e.message]).toEqual(['ClusterNotFoundException', 'Cluster not found.']);
  });

  it('DescribeClusters with STATISTICS adds the statistics list', () => {
    const out = aSandbox().ecs('DescribeClusters', { include: ['STATISTICS'] });
    expect(out.clusters[0].statistics).toContainEqual({ name: 'runningEC2TasksCount', value: '0' });
  });

  it('ListClusters pages with an opaque nextToken', () => {
    const s = aSandbox();
    for (const n of ['a', 'b', 'c']) s.ecs('CreateCluster', { clusterName: n });
    // 4 clusters (default, a, b, c), 3 per page → 3 then 1
    const first = s.ecs('ListClusters', { maxResults: 3 });
    expect(first.clusterArns).toEqual([ARN('default'), ARN('a'), ARN('b')]);
    const second = s.ecs('ListClusters', { maxResults: 3, nextToken: first.nextToken });
    expect(second).toEqual({ clusterArns: [ARN('c')] });
    expect(s.ecsError('ListClusters', { nextToken: 'garbage!' }).message).toBe('Invalid nextToken.');
    expect(s.ecsError('ListClusters', { maxResults: 101 }).message).toBe('maxResults must be between 1 and 100.');
  });
});

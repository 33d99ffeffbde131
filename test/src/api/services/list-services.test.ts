// ListServices (15.5, D41) and EX18's example.
import { describe, expect, it } from 'vitest';
import { aServiceWorld, requests, serviceArnOf } from '../../../builders/services.ts';

describe('ListServices: 15.5', () => {
  it.each([
    ['#1', 'unknown cluster', { cluster: 'ghost' }, 'Cluster not found.'],
    ['#2', 'maxResults 0', { maxResults: 0 }, 'maxResults must be between 1 and 10.'],
    ['#2', 'maxResults 11', { maxResults: 11 }, 'maxResults must be between 1 and 10.'],
    ['#2', 'before #3', { maxResults: 11, nextToken: '%%%' }, 'maxResults must be between 1 and 10.'],
    ['#3', 'a nextToken that does not decode', { nextToken: '%%%' }, 'Invalid nextToken.'],
    ['#3', 'a nextToken of base64 garbage', { nextToken: btoa('hello') }, 'Invalid nextToken.'],
  ])('%s %s', (_, __, input, message) => {
    const e = aServiceWorld().s.ecsError('ListServices', input);
    expect(e.message).toBe(message);
    expect(e.code).toBe(message === 'Cluster not found.' ? 'ClusterNotFoundException' : 'InvalidParameterException');
  });

  it('EX18 "To list the services in a cluster"', () => {
    const { s } = aServiceWorld();
    s.ecs('CreateService', requests.ec2({ serviceName: 'my-http-service' }));
    expect(s.ecs('ListServices', {})).toEqual({ serviceArns: [serviceArnOf('my-http-service')] });
  });

  it('lists ACTIVE services of the cluster in creation order, filtered by launchType', () => {
    const { s } = aServiceWorld();
    s.ecs('CreateCluster', { clusterName: 'prod' });
    s.ecs('CreateService', requests.ec2({ serviceName: 'zeta' }));
    s.ecs('CreateService', requests.fargate({ serviceName: 'alpha' }));
    s.ecs('CreateService', requests.ec2({ serviceName: 'other', cluster: 'prod' }));
    s.ecs('CreateService', requests.vpc({ serviceName: 'mid' }));
    s.ecs('CreateService', requests.ec2({ serviceName: 'deleted', desiredCount: 0 }));
    s.ecs('DeleteService', { service: 'deleted' });
    expect(s.ecs('ListServices').serviceArns).toEqual(['zeta', 'alpha', 'mid'].map(serviceArnOf));
    expect(s.ecs('ListServices', { launchType: 'EC2' }).serviceArns).toEqual(['zeta', 'mid'].map(serviceArnOf));
    expect(s.ecs('ListServices', { launchType: 'FARGATE' }).serviceArns).toEqual([serviceArnOf('alpha')]);
    expect(s.ecs('ListServices', { cluster: 'prod' }).serviceArns).toEqual([serviceArnOf('other')]);
    expect(s.ecsError('ListServices', { launchType: 'SPOT' }).message).toBe('launchType should be one of [EC2, FARGATE]');
  });

  it('pages with an opaque nextToken: 12 services, 10 by default → 10 then 2; maxResults 5 → 5, 5, 2', () => {
    const { s } = aServiceWorld();
    const names = Array.from({ length: 12 }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
    for (const serviceName of names) s.ecs('CreateService', requests.ec2({ serviceName }));
    const first = s.ecs('ListServices');
    expect(first.serviceArns).toEqual(names.slice(0, 10).map(serviceArnOf));
    expect(s.ecs('ListServices', { nextToken: first.nextToken })).toEqual({ serviceArns: names.slice(10).map(serviceArnOf) });
    const pages: string[][] = [];
    let token: string | undefined;
    do {
      const page = s.ecs('ListServices', { maxResults: 5, ...(token ? { nextToken: token } : {}) });
      pages.push(page.serviceArns);
      token = page.nextToken;
    } while (token);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
    expect(pages.flat()).toEqual(names.map(serviceArnOf));
  });

  it('an empty cluster lists [] without nextToken', () => {
    expect(aServiceWorld().s.ecs('ListServices')).toEqual({ serviceArns: [] });
  });
});

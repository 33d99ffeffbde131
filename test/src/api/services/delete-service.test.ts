// DeleteService (15.3) and the service lifecycle ACTIVE → DRAINING → INACTIVE (section 12, D35, D36, D40).
import { describe, expect, it } from 'vitest';
import { aServiceWorld, clusterArnOf, requests, serviceArnOf } from '../../../builders/services.ts';

function world() {
  const w = aServiceWorld();
  w.s.ecs('CreateService', requests.ec2({ serviceName: 'my-http-service', desiredCount: 0 }));
  w.s.ecs('CreateService', requests.ec2({ serviceName: 'busy', desiredCount: 2 }));
  return w;
}
/** One scheduler step (section 12: a DRAINING service stops its tasks, and is INACTIVE once none is live). */
const step = (w: ReturnType<typeof world>) => w.s.sandbox('AdvanceTime', { seconds: 1 });
const statusOf = (w: ReturnType<typeof world>, name: string) => w.s.ecs('DescribeServices', { services: [name] }).services[0].status;
const primaryId = (w: ReturnType<typeof world>, name: string) =>
  w.sc.state.services.find((s) => s.serviceName === name && s.status !== 'INACTIVE')!.deployments[0].id;

describe('DeleteService: 15.3', () => {
  it.each([
    ['#1', 'unknown cluster', { cluster: 'ghost', service: 'my-http-service' }, 'ClusterNotFoundException', 'Cluster not found.'],
    ['#2', 'unknown service', { service: 'ghost' }, 'ServiceNotFoundException', 'Service not found.'],
    ['#2', 'an INACTIVE service (D36)', { service: 'gone' }, 'ServiceNotFoundException', 'Service not found.'],
    ['#3', 'desiredCount 2 > 0 (D35)', { service: 'busy' }, 'InvalidParameterException', 'The service cannot be stopped while it is scaled above 0.'],
    ['#1', 'before #2', { cluster: 'ghost', service: 'ghost' }, 'ClusterNotFoundException', 'Cluster not found.'],
  ])('%s %s', (_, __, input, code, message) => {
    const w = world();
    w.s.ecs('CreateService', requests.ec2({ serviceName: 'gone', desiredCount: 0 }));
    w.s.ecs('DeleteService', { service: 'gone' });
    step(w);
    const e = w.s.ecsError('DeleteService', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });

  it('EX18 "To delete a service": desiredCount 0 → DRAINING', () => {
    const w = world();
    const out = w.s.ecs('DeleteService', { service: 'my-http-service' });
    expect(out.service).toMatchObject({ serviceArn: serviceArnOf('my-http-service'), status: 'DRAINING', desiredCount: 0 });
  });

  it('D35: only desiredCount counts; live tasks do not block the delete', () => {
    const w = world();
    w.sc.task(primaryId(w, 'my-http-service'), 'RUNNING');
    expect(w.s.ecs('DeleteService', { service: 'my-http-service' }).service).toMatchObject({ status: 'DRAINING', runningCount: 1 });
  });

  it('D36: DeleteService on a DRAINING service returns it unchanged', () => {
    const w = world();
    const first = w.s.ecs('DeleteService', { service: 'my-http-service' });
    const before = w.s.snapshot();
    expect(w.s.ecs('DeleteService', { service: serviceArnOf('my-http-service') })).toEqual(first);
    expect(w.s.snapshot()).toBe(before);
  });
});

describe('service lifecycle: ACTIVE → DRAINING → INACTIVE (section 12)', () => {
  it('DRAINING and INACTIVE are hidden from ListServices, described by DescribeServices, refused by UpdateService', () => {
    const w = world();
    const task = w.sc.task(primaryId(w, 'my-http-service'), 'RUNNING');
    w.s.ecs('DeleteService', { service: 'my-http-service' });
    expect(w.s.ecs('ListServices').serviceArns).toEqual([serviceArnOf('busy')]);
    expect(w.s.ecs('DescribeServices', { services: ['my-http-service'] }).services[0].status).toBe('DRAINING');
    expect(w.s.ecsError('UpdateService', { service: 'my-http-service', desiredCount: 1 }).code).toBe('ServiceNotActiveException');
    // the cluster's activeServicesCount counts ACTIVE services only (12)
    expect(w.s.ecs('DescribeClusters').clusters[0].activeServicesCount).toBe(1);

    // a live task keeps it DRAINING: the step at 1 s begins its stop (SIGTERM; exit time 0)…
    step(w);
    expect(statusOf(w, 'my-http-service')).toBe('DRAINING');
    expect(w.sc.state.tasks.find((t) => t.id === task.id)).toMatchObject({ lastStatus: 'RUNNING', desiredStatus: 'STOPPED', stopPhase: 'exiting' });
    // …and the step at 2 s stops it, finds none live, and makes the service INACTIVE
    step(w);
    expect(w.sc.state.tasks.find((t) => t.id === task.id)!.lastStatus).toBe('STOPPED');
    const inactive = w.s.ecs('DescribeServices', { services: ['my-http-service'] }).services[0];
    expect(inactive).toMatchObject({ status: 'INACTIVE', runningCount: 0, pendingCount: 0 });
    expect(w.s.ecs('ListServices').serviceArns).toEqual([serviceArnOf('busy')]);
    const e = w.s.ecsError('UpdateService', { service: 'my-http-service' });
    expect([e.code, e.message]).toEqual(['ServiceNotActiveException', 'Service was not ACTIVE.']);
  });

  it('D40: a DRAINING name cannot be reused; an INACTIVE one is replaced by a new service, listed last', () => {
    const w = world();
    w.s.ecs('DeleteService', { service: 'my-http-service' });
    const e = w.s.ecsError('CreateService', requests.ec2({ serviceName: 'my-http-service' }));
    expect([e.code, e.message]).toEqual(['InvalidParameterException', 'Unable to Start a service that is still Draining.']);
    step(w); // no live task: INACTIVE at the step at 1 s
    const created = w.s.ecs('CreateService', requests.ec2({ serviceName: 'my-http-service', desiredCount: 3 })).service;
    expect(created).toMatchObject({ status: 'ACTIVE', desiredCount: 3, createdAt: Date.UTC(2018, 4, 22) / 1000 + 1 });
    expect(w.s.ecs('ListServices').serviceArns).toEqual([serviceArnOf('busy'), serviceArnOf('my-http-service')]);
    expect(w.sc.state.services.filter((s) => s.serviceName === 'my-http-service')).toHaveLength(1);
  });

  it('a task of another service (or cluster) does not hold a DRAINING service', () => {
    const w = world();
    w.s.ecs('CreateCluster', { clusterName: 'other' });
    w.sc.task(primaryId(w, 'busy'), 'RUNNING');
    w.sc.task(primaryId(w, 'my-http-service'), 'RUNNING', { clusterName: 'other' });
    w.s.ecs('DeleteService', { service: 'my-http-service' });
    step(w);
    expect(statusOf(w, 'my-http-service')).toBe('INACTIVE');
  });

  it('a DRAINING service still counts its tasks of every deployment', () => {
    const w = world();
    w.s.ecs('UpdateService', { service: 'my-http-service', forceNewDeployment: true });
    const [oldDeployment] = w.sc.state.services.find((s) => s.serviceName === 'my-http-service')!.deployments;
    const task = w.sc.task(oldDeployment.id, 'RUNNING');
    w.s.ecs('DeleteService', { service: 'my-http-service', cluster: clusterArnOf('default') });
    step(w); // the ACTIVE deployment's task is stopped too (SIGTERM at 1 s)…
    expect(statusOf(w, 'my-http-service')).toBe('DRAINING');
    expect(w.sc.state.tasks.find((t) => t.id === task.id)!.desiredStatus).toBe('STOPPED');
    step(w); // …STOPPED at 2 s: INACTIVE
    expect(statusOf(w, 'my-http-service')).toBe('INACTIVE');
  });
});

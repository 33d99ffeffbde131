// The Service shape (2.3, 9.7, 16.2, D5, D55): counts from tasks, events newest first, timestamps.
import { describe, expect, it } from 'vitest';
import { aServiceWorld, advanceClock, requests } from '../../../builders/services.ts';

const START_S = Date.UTC(2018, 4, 22) / 1000;

describe('service view', () => {
  it('a deployment counts its own tasks by lastStatus (stopping ones included); the service sums them', () => {
    const { s, sc } = aServiceWorld();
    s.ecs('CreateService', requests.ec2({ desiredCount: 4 }));
    const oldId = sc.state.services[0].deployments[0].id;
    advanceClock(s, 1000);
    s.ecs('UpdateService', { service: 'svc', forceNewDeployment: true });
    const newId = sc.state.services[0].deployments[1].id;
    sc.task(oldId, 'RUNNING');
    sc.task(oldId, 'RUNNING', { desiredStatus: 'STOPPED' }); // stopping: still counted by lastStatus
    sc.task(oldId, 'STOPPED'); // not counted
    sc.task(newId, 'PENDING');
    sc.task(newId, 'PROVISIONING'); // counted as pending, as the cluster counts do
    sc.task(newId, 'RUNNING');
    sc.task('ecs-svc/1', 'RUNNING'); // another deployment's task
    sc.task(newId, 'RUNNING', { clusterName: 'elsewhere' }); // another cluster's task
    const out = s.ecs('DescribeServices', { services: ['svc'] }).services[0];
    // PRIMARY (new): pending 2, running 1; ACTIVE (old): pending 0, running 2 → service: pending 2, running 3
    expect(out.deployments.map((d: { status: string; pendingCount: number; runningCount: number }) =>
      [d.status, d.pendingCount, d.runningCount])).toEqual([['PRIMARY', 2, 1], ['ACTIVE', 0, 2]]);
    expect([out.pendingCount, out.runningCount]).toEqual([2, 3]);
  });

  it('events are shown newest first, with epoch-second timestamps of millisecond precision (16.2, D53)', () => {
    const { s, sc } = aServiceWorld();
    s.ecs('CreateService', requests.ec2());
    const t = Date.UTC(2018, 4, 22);
    // stored newest first (16.2)
    sc.state.services[0].events.push(
      { id: 'e3', createdAt: t + 2_500, message: '(service svc) has reached a steady state.' },
      { id: 'e2', createdAt: t + 1_001, message: '(service svc) has started 1 tasks: (task x).' },
    );
    expect(s.ecs('DescribeServices', { services: ['svc'] }).services[0].events).toEqual([
      { id: 'e3', createdAt: START_S + 2.5, message: '(service svc) has reached a steady state.' },
      { id: 'e2', createdAt: START_S + 1.001, message: '(service svc) has started 1 tasks: (task x).' },
    ]);
  });

  it('always emits the lists (D5) and omits unset optional members; never later-era members', () => {
    const { s } = aServiceWorld();
    const service = s.ecs('CreateService', requests.ec2()).service;
    expect(Object.keys(service).sort()).toEqual([
      'clusterArn', 'createdAt', 'deploymentConfiguration', 'deployments', 'desiredCount', 'events', 'launchType',
      'loadBalancers', 'pendingCount', 'placementConstraints', 'placementStrategy', 'runningCount', 'serviceArn',
      'serviceName', 'serviceRegistries', 'status', 'taskDefinition',
    ]);
  });

  it('D55: the grace period shows 0 with a load balancer and none given, the value when given, nothing without a load balancer', () => {
    const { s, tg } = aServiceWorld();
    const lb = [{ targetGroupArn: tg.instance, containerName: 'web', containerPort: 80 }];
    expect(s.ecs('CreateService', requests.ec2({ serviceName: 'a', loadBalancers: lb })).service.healthCheckGracePeriodSeconds).toBe(0);
    expect(s.ecs('UpdateService', { service: 'a', healthCheckGracePeriodSeconds: 45 }).service.healthCheckGracePeriodSeconds).toBe(45);
    expect(s.ecs('CreateService', requests.ec2({ serviceName: 'b' })).service).not.toHaveProperty('healthCheckGracePeriodSeconds');
  });

  it('responses are copies: changing one does not change the stored service', () => {
    const { s } = aServiceWorld();
    const out = s.ecs('CreateService', requests.fargate()).service;
    out.networkConfiguration.awsvpcConfiguration.subnets.push('x');
    out.deploymentConfiguration.maximumPercent = 1;
    out.deployments[0].networkConfiguration.awsvpcConfiguration.subnets.push('y');
    const again = s.ecs('DescribeServices', { services: ['svc'] }).services[0];
    expect(again.networkConfiguration.awsvpcConfiguration.subnets).toHaveLength(1);
    expect(again.deployments[0].networkConfiguration.awsvpcConfiguration.subnets).toHaveLength(1);
    expect(again.deploymentConfiguration.maximumPercent).toBe(200);
  });
});

// DeleteService with running tasks (semantics 12): the service turns DRAINING at once (hidden from
// ListServices, shown by DescribeServices); the next step begins the stop sequence of every task,
// with the stopped event; the first step with no live task makes it INACTIVE.
import { describe, expect, it } from 'vitest';
import { aSandbox } from '../../../builders/sandbox.ts';
import { anInstance, aTaskDefinition } from '../../../builders/placement.ts';
import { advance, describeService, eventRows, liveByInstance, regionOf, settle } from '../../../builders/scheduler.ts';
import { serviceArnOf } from '../../../builders/services.ts';

describe('DeleteService with running tasks (12)', () => {
  it('DRAINING → tasks stopped with the stopped event → INACTIVE; ListServices hides it throughout', () => {
    const s = aSandbox();
    anInstance(s);
    aTaskDefinition(s, 'web');
    s.ecs('CreateService', { serviceName: 'web', taskDefinition: 'web', desiredCount: 2 });
    settle(s, 60);
    // at 11 s: scale to 0 and delete before any step runs (API calls only change desired state, 3.1)
    s.ecs('UpdateService', { service: 'web', desiredCount: 0 });
    expect(s.ecs('DeleteService', { service: 'web' }).service).toMatchObject({ status: 'DRAINING', runningCount: 2 });
    expect(s.ecs('ListServices', {})).toEqual({ serviceArns: [] });
    expect(liveByInstance(s)).toEqual({ CI1: ['T1', 'T2'] });

    advance(s, 1); // 12 s: both stop (SIGTERM); still RUNNING until they exit
    expect(describeService(s, 'web')).toMatchObject({ status: 'DRAINING', runningCount: 2 });
    expect(regionOf(s).tasks.map((t) => [t.lastStatus, t.desiredStatus])).toEqual([['RUNNING', 'STOPPED'], ['RUNNING', 'STOPPED']]);
    advance(s, 1); // 13 s: both STOPPED: no live task, INACTIVE
    expect(describeService(s, 'web')).toMatchObject({ serviceArn: serviceArnOf('web'), status: 'INACTIVE', runningCount: 0, pendingCount: 0 });
    expect(s.ecs('ListServices', {})).toEqual({ serviceArns: [] });
    expect(s.ecs('ListTasks', {}).taskArns).toEqual([]);
    expect(eventRows(s, 'web', 12)).toEqual(['12s (service web) has stopped 2 running tasks: (task T1) (task T2).']);
    // INACTIVE: nothing more happens, and DeleteService again is ServiceNotFoundException (D36)
    advance(s, 60);
    expect(eventRows(s, 'web', 13)).toEqual([]);
    const e = s.ecsError('DeleteService', { service: 'web' });
    expect([e.code, e.message]).toEqual(['ServiceNotFoundException', 'Service not found.']);
  });

  it('a service with PENDING tasks: they stop at once, and it is INACTIVE at the same step', () => {
    const s = aSandbox();
    anInstance(s);
    aTaskDefinition(s, 'web');
    s.ecs('CreateService', { serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    advance(s, 2); // T1 PENDING since 1 s
    s.ecs('UpdateService', { service: 'web', desiredCount: 0 });
    s.ecs('DeleteService', { service: 'web' });
    advance(s, 1); // 3 s: T1 never ran: STOPPED at once (10), so no live task is left after this step
    expect(eventRows(s, 'web', 3)).toEqual(['3s (service web) has stopped 1 running tasks: (task T1).']);
    expect(describeService(s, 'web').status).toBe('INACTIVE');
  });

  it('behind a Classic load balancer: deregistered and drained for 300 s before SIGTERM; INACTIVE after', () => {
    const s = aSandbox();
    anInstance(s);
    aTaskDefinition(s, 'web', { portMappings: [{ containerPort: 80, hostPort: 80 }] });
    s.ecs('CreateService', {
      serviceName: 'web', taskDefinition: 'web', desiredCount: 1, role: 'ecsServiceRole',
      loadBalancers: [{ loadBalancerName: 'web-elb', containerName: 'app', containerPort: 80 }],
    });
    advance(s, 200);
    s.ecs('UpdateService', { service: 'web', desiredCount: 0 });
    s.ecs('DeleteService', { service: 'web' });
    advance(s, 301); // to 501 s: SIGTERM at 201 + 300
    expect(describeService(s, 'web').status).toBe('DRAINING');
    advance(s, 1); // 502 s: STOPPED
    expect(describeService(s, 'web').status).toBe('INACTIVE');
    expect(eventRows(s, 'web')).toEqual([
      '1s (service web) has started 1 tasks: (task T1).',
      '11s (service web) registered 1 instances in (elb web-elb)', // 13: the synthesised Classic text
      '11s (service web) has reached a steady state.',
      '201s (service web) deregistered 1 instances in (elb web-elb)',
      '201s (service web) has begun draining connections on 1 tasks.',
      '501s (service web) has stopped 1 running tasks: (task T1).',
    ]);
    expect(regionOf(s).targets).toEqual([]);
  });
});

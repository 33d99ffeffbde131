// DescribeServices (15.4, D41) and EX18's example.
import { describe, expect, it } from 'vitest';
import { aServiceWorld, deploymentIdAt, register, requests, serviceArnOf, taskDefinitions } from '../../../builders/services.ts';

const START_MS = Date.UTC(2018, 4, 22);
const START_S = START_MS / 1000;

describe('DescribeServices: 15.4', () => {
  it.each([
    ['#1', 'unknown cluster', { cluster: 'ghost', services: ['svc'] }, 'ClusterNotFoundException', 'Cluster not found.'],
    ['#1', 'before #2', { cluster: 'ghost', services: [] }, 'ClusterNotFoundException', 'Cluster not found.'],
    // A missing `services` is refused by the generic validator (API18 marks it required) before #1 and #2.
    ['#2', 'services missing', {}, 'InvalidParameterException', 'Services cannot be empty.'],
    ['#2', 'services []', { services: [] }, 'InvalidParameterException', 'Services cannot be empty.'],
    ['#3', '11 entries (limit 10)', { services: Array(11).fill('svc') }, 'InvalidParameterException', 'service names can have at most 10 items.'],
  ])('%s %s', (_, __, input, code, message) => {
    const e = aServiceWorld().s.ecsError('DescribeServices', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });

  it('#4 D41: MISSING failures keep the request order and duplicates; names become short ARNs, ARNs are echoed', () => {
    const { s } = aServiceWorld();
    s.ecs('CreateService', requests.ec2({ serviceName: 'a' }));
    s.ecs('CreateService', requests.ec2({ serviceName: 'b' }));
    const foreign = 'arn:aws:ecs:eu-west-1:123456789012:service/a'; // another region: not this cluster's
    const out = s.ecs('DescribeServices', { services: ['zz', 'b', 'nope', serviceArnOf('a'), 'zz', foreign, 'b', serviceArnOf('ghost')] });
    expect(out.services.map((x: { serviceName: string }) => x.serviceName)).toEqual(['b', 'a', 'b']);
    expect(out.failures).toEqual([
      { arn: serviceArnOf('zz'), reason: 'MISSING' },
      { arn: serviceArnOf('nope'), reason: 'MISSING' },
      { arn: serviceArnOf('zz'), reason: 'MISSING' },
      { arn: foreign, reason: 'MISSING' },
      { arn: serviceArnOf('ghost'), reason: 'MISSING' },
    ]);
  });

  it('looks services up in the given cluster only', () => {
    const { s } = aServiceWorld();
    s.ecs('CreateCluster', { clusterName: 'prod' });
    s.ecs('CreateService', requests.ec2({ serviceName: 'a', cluster: 'prod' }));
    expect(s.ecs('DescribeServices', { services: ['a'] })).toEqual({ services: [], failures: [{ arn: serviceArnOf('a'), reason: 'MISSING' }] });
    expect(s.ecs('DescribeServices', { cluster: 'prod', services: ['a'] }).services).toHaveLength(1);
  });

  it('10 entries are allowed; the answer always has both lists (D5)', () => {
    const { s } = aServiceWorld();
    s.ecs('CreateService', requests.ec2());
    const out = s.ecs('DescribeServices', { services: Array(10).fill('svc') });
    expect(out.services).toHaveLength(10);
    expect(out.failures).toEqual([]);
  });

  it('EX18 "To describe a service": a service with a placement-failure event (account, ids and times normalised)', () => {
    const { s, sc } = aServiceWorld();
    for (let i = 0; i < 6; i++) register(s, taskDefinitions.bridge('hello_world'));
    s.ecs('CreateService', { serviceName: 'ecs-simple-service', taskDefinition: 'hello_world', desiredCount: 1 });
    // The event comes from the scheduler (4.11), which is not part of this test: it is put in directly, 6.39 s later.
    const message = '(service ecs-simple-service) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance 3f4de1c5-ffdd-4954-af7e-75b4be0c8841) is already using a port required by your task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';
    sc.state.services[0].events.unshift({ id: '38c285e5-d335-4b68-8b15-e46dedc8e88d', createdAt: START_MS + 6390, message });
    const td = 'arn:aws:ecs:us-east-1:123456789012:task-definition/hello_world:6';
    expect(s.ecs('DescribeServices', { services: ['ecs-simple-service'] })).toEqual({
      failures: [],
      services: [{
        clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/default',
        createdAt: START_S,
        deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
        deployments: [{
          createdAt: START_S, desiredCount: 1, id: deploymentIdAt(START_MS), pendingCount: 0, runningCount: 0,
          status: 'PRIMARY', taskDefinition: td, updatedAt: START_S, launchType: 'EC2',
        }],
        desiredCount: 1,
        events: [{ createdAt: START_S + 6.39, id: '38c285e5-d335-4b68-8b15-e46dedc8e88d', message }],
        loadBalancers: [],
        pendingCount: 0,
        runningCount: 0,
        serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/ecs-simple-service',
        serviceName: 'ecs-simple-service',
        status: 'ACTIVE',
        taskDefinition: td,
        // members EX18 (2016) predates, always present here (D5)
        launchType: 'EC2', serviceRegistries: [], placementConstraints: [], placementStrategy: [],
      }],
    });
  });
});

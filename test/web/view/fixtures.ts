// A small SandboxView for the helpers' tests: two zones, three instances, two services with a rolling deployment.
import type { InstanceView, SandboxView, TaskView } from '../../../src/worker/scheduler-api.ts';

export function anInstance(id: string, az: string, extra: Partial<InstanceView> = {}): InstanceView {
  return {
    id, arn: `arn:aws:ecs:us-east-1:123456789012:container-instance/${id}`, clusterName: 'demo', ec2InstanceId: `i-${id}`,
    registrationIndex: Number(id.replace(/\D/g, '')) || 0, availabilityZone: az, instanceType: 'm5.large', status: 'ACTIVE', agentConnected: true,
    cpu: { registered: 2048, used: 0 }, memory: { registered: 7680, used: 0 }, attributes: [], ...extra,
  };
}

export function aTask(id: string, instanceId: string | undefined, extra: Partial<TaskView> = {}): TaskView {
  return {
    id, clusterName: 'demo', group: 'service:web', taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
    lastStatus: 'RUNNING', desiredStatus: 'RUNNING', cpu: 256, memory: 512, hostPorts: [], createdAt: 0,
    ...(instanceId ? { instanceId } : {}), ...extra,
  };
}

export function aView(): SandboxView {
  return {
    revision: 7, region: 'us-east-1', now: 1_527_000_000_000 + 65_000, startedAt: 1_527_000_000_000, seed: 1,
    clock: { mode: 'manual', speed: 1 },
    clusters: [{ clusterName: 'demo', status: 'ACTIVE' }],
    instances: [
      anInstance('ci-1', 'us-east-1b'),
      anInstance('ci-2', 'us-east-1a', { status: 'DRAINING' }),
      anInstance('ci-3', 'us-east-1a', { agentConnected: false, cpu: { registered: 2048, used: 512 }, memory: { registered: 7680, used: 1024 } }),
    ],
    tasks: [
      aTask('t-1', 'ci-1', { serviceName: 'web', deploymentId: 'ecs-svc/new' }),
      aTask('t-2', 'ci-3', { serviceName: 'web', deploymentId: 'ecs-svc/old' }),
      aTask('t-3', 'ci-3', { serviceName: 'web', deploymentId: 'ecs-svc/new', lastStatus: 'PENDING' }),
      aTask('t-4', undefined, { serviceName: 'api', deploymentId: 'ecs-svc/api' }),
      aTask('t-5', 'ci-9'), // an instance the view does not list
    ],
    taskDefinitions: [{ arn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1', family: 'web', revision: 1, status: 'ACTIVE', networkMode: 'bridge', cpu: 256, memory: 512, containers: [] }],
    services: [
      {
        serviceName: 'web', arn: 'arn:aws:ecs:us-east-1:123456789012:service/web', clusterName: 'demo', status: 'ACTIVE', launchType: 'EC2',
        taskDefinition: 'web:2', desiredCount: 2, running: 2, pending: 1, min: 1, max: 4,
        deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 },
        deployments: [
          { id: 'ecs-svc/new', status: 'PRIMARY', taskDefinition: 'web:2', desiredCount: 2, running: 1, pending: 1, createdAt: 2 },
          { id: 'ecs-svc/old', status: 'ACTIVE', taskDefinition: 'web:1', desiredCount: 2, running: 1, pending: 0, createdAt: 1 },
        ],
        events: [
          { id: 'e3', createdAt: 30, message: '(service web) has reached a steady state.' },
          { id: 'e1', createdAt: 10, message: '(service web) has started 1 tasks: (task t-1).' },
        ],
      },
      {
        serviceName: 'api', arn: 'arn:aws:ecs:us-east-1:123456789012:service/api', clusterName: 'demo', status: 'ACTIVE', launchType: 'EC2',
        taskDefinition: 'api:1', desiredCount: 1, running: 1, pending: 0, min: 1, max: 2,
        deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 },
        deployments: [{ id: 'ecs-svc/api', status: 'PRIMARY', taskDefinition: 'api:1', desiredCount: 1, running: 1, pending: 0, createdAt: 1 }],
        events: [
          { id: 'e2', createdAt: 20, message: '(service api) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster.' },
          { id: 'e0', createdAt: 10, message: '(service api) has started 1 tasks: (task t-4).' },
        ],
      },
    ],
    discovery: [{ namespaceName: 'demo.local', serviceName: 'web', serviceArn: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1', instances: [] }],
    targets: [],
  };
}

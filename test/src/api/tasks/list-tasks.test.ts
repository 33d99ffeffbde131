import { describe, expect, it } from 'vitest';
import { aSandbox, type TestSandbox } from '../../../builders/sandbox.ts';
import { aTask, addTasks, containerInstanceArnOf, taskArnOf, taskDefinitionArnOf } from '../../../builders/tasks.ts';
import { regionState } from '../../../../src/domain/new-document.ts';
import type { ServiceRecord } from '../../../../src/domain/records.ts';
import { DEFAULT_START_MS } from '../../../../src/domain/sandbox-document.ts';

const WEB = taskDefinitionArnOf('web', 1);
const API = taskDefinitionArnOf('api', 2);
const I1 = 'f6bbb147-5370-4ace-8c73-c7181ded911f';
const I2 = '18f9eda5-27d7-4c19-b133-45adc516e8fb';
const OLD_DEPLOYMENT = 'ecs-svc/9223370509854775807';
const NEW_DEPLOYMENT = 'ecs-svc/9223370509854705807';

/** A service record as CreateService would leave it, with an old and a new deployment. */
function putService(s: TestSandbox, serviceName: string, clusterName = 'default'): void {
  const deployment = (id: string, status: 'PRIMARY' | 'ACTIVE') => ({
    id, status, taskDefinition: WEB, desiredCount: 1, createdAt: DEFAULT_START_MS, updatedAt: DEFAULT_START_MS, launchType: 'EC2' as const,
  });
  const service: ServiceRecord = {
    serviceName, clusterName, status: 'ACTIVE', desiredCount: 1, taskDefinition: WEB, launchType: 'EC2',
    loadBalancers: [], serviceRegistries: [], deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
    placementConstraints: [], placementStrategy: [], createdAt: DEFAULT_START_MS, requestFingerprint: '',
    deployments: [deployment(NEW_DEPLOYMENT, 'PRIMARY'), deployment(OLD_DEPLOYMENT, 'ACTIVE')], events: [], eventLog: [], startFailures: 0, suppressed: {}, timeline: [],
  };
  regionState(s.api.document, 'us-east-1').services.push(service);
}

/**
 * Tasks t1–t8 in creation order (ids 00000000-…-00000001 to …8):
 * t1 web RUNNING on I1 by the old deployment; t2 web PENDING on I2 by the new one; t3 api RUNNING on I1,
 * startedBy "cron"; t4 web STOPPED on I1; t5 web stopping (desired STOPPED, still RUNNING) on I2;
 * t6 api FARGATE RUNNING; t7 web RUNNING in cluster `other`; t8 web RUNNING by the new deployment on I2.
 */
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
function withTasks(): TestSandbox {
  const s = aSandbox();
  s.ecs('CreateCluster', { clusterName: 'other' });
  putService(s, 'web');
  addTasks(s, [
    aTask(id(1), WEB).onInstance(I1).startedBy(OLD_DEPLOYMENT).inGroup('service:web'),
    aTask(id(2), WEB).onInstance(I2).startedBy(NEW_DEPLOYMENT).inGroup('service:web').withStatus('PENDING'),
    aTask(id(3), API).onInstance(I1).startedBy('cron'),
    aTask(id(4), WEB).onInstance(I1).withStatus('STOPPED'),
    aTask(id(5), WEB).onInstance(I2).withStatus('RUNNING', 'STOPPED'),
    aTask(id(6), API).onFargate(),
    aTask(id(7), WEB).inCluster('other'),
    aTask(id(8), WEB).onInstance(I2).startedBy(NEW_DEPLOYMENT).inGroup('service:web'),
  ]);
  // the definitions the family filter looks up
  s.ecs('RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'c', image: 'i', memory: 8 }] });
  for (let i = 0; i < 2; i++) s.ecs('RegisterTaskDefinition', { family: 'api', containerDefinitions: [{ name: 'c', image: 'i', memory: 8 }] });
  return s;
}

const list = (s: TestSandbox, input: Record<string, unknown> = {}) => s.ecs('ListTasks', input);
const arns = (...ns: number[]) => ns.map((n) => taskArnOf(id(n)));

describe('ListTasks', () => {
  it('lists the tasks of the default cluster whose desiredStatus is RUNNING, in creation order', () => {
    expect(list(withTasks())).toEqual({ taskArns: arns(1, 2, 3, 6, 8) });
  });

  it.each([
    ['desiredStatus STOPPED (stopped and stopping tasks)', { desiredStatus: 'STOPPED' }, [4, 5]],
    // "Amazon ECS never sets the desired status of a task to [PENDING]" (API18)
    ['desiredStatus PENDING', { desiredStatus: 'PENDING' }, []],
    ['a container instance id', { containerInstance: I1 }, [1, 3]],
    ['a container instance ARN', { containerInstance: containerInstanceArnOf(I2) }, [2, 8]],
    ['a container instance ARN of another region', { containerInstance: `arn:aws:ecs:eu-west-1:123456789012:container-instance/${I2}` }, []],
    ['an unknown container instance (Decision: matches nothing)', { containerInstance: 'nope' }, []],
    ['a family', { family: 'api' }, [3, 6]],
    ['a family with no tasks', { family: 'nothing' }, []],
    ['startedBy', { startedBy: 'cron' }, [3]],
    ['startedBy a deployment id', { startedBy: NEW_DEPLOYMENT }, [2, 8]],
    // every deployment of the service: the old one's t1 and the new one's t2 and t8
    ['serviceName', { serviceName: 'web' }, [1, 2, 8]],
    ['launchType FARGATE', { launchType: 'FARGATE' }, [6]],
    ['launchType EC2', { launchType: 'EC2' }, [1, 2, 3, 8]],
    ['family + containerInstance', { family: 'web', containerInstance: I2 }, [2, 8]],
    ['serviceName + containerInstance + desiredStatus', { serviceName: 'web', containerInstance: I1, desiredStatus: 'STOPPED' }, []],
    ['containerInstance + desiredStatus STOPPED', { containerInstance: I1, desiredStatus: 'STOPPED' }, [4]],
  ])('filters by %s', (_, input, expected) => {
    expect(list(withTasks(), input).taskArns).toEqual(arns(...expected));
  });

  it('lists the named cluster, by name or ARN', () => {
    expect(list(withTasks(), { cluster: 'other' })).toEqual({ taskArns: arns(7) });
    expect(list(withTasks(), { cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/other' })).toEqual({ taskArns: arns(7) });
  });

  it('pages with maxResults and nextToken', () => {
    const s = withTasks();
    // 5 tasks, 2 per page → 2, 2, 1
    const p1 = list(s, { maxResults: 2 });
    const p2 = list(s, { maxResults: 2, nextToken: p1.nextToken });
    const p3 = list(s, { maxResults: 2, nextToken: p2.nextToken });
    expect([p1.taskArns, p2.taskArns, p3]).toEqual([arns(1, 2), arns(3, 6), { taskArns: arns(8) }]);
  });

  it('returns up to 100 without maxResults', () => {
    const s = aSandbox();
    addTasks(s, Array.from({ length: 101 }, (_, i) => aTask(`task-${String(i).padStart(3, '0')}`, WEB)));
    const first = list(s);
    expect(first.taskArns).toHaveLength(100);
    expect(list(s, { nextToken: first.nextToken })).toEqual({ taskArns: [taskArnOf('task-100')] });
  });

  it.each([
    [{ cluster: 'ghost' }, 'ClusterNotFoundException', 'Cluster not found.'],
    // AWS output for a family outside [a-zA-Z0-9-_] (2017-11, 2018-06)
    [{ family: 'web:1' }, 'InvalidParameterException', 'family must match ^[a-zA-Z0-9\\-_]+$'],
    [{ family: '' }, 'InvalidParameterException', 'family must match ^[a-zA-Z0-9\\-_]+$'],
    [{ serviceName: 'ghost' }, 'ServiceNotFoundException', 'Service not found.'],
    // the service lives in `default`, not in `other`
    [{ cluster: 'other', serviceName: 'web' }, 'ServiceNotFoundException', 'Service not found.'],
    [{ maxResults: 0 }, 'InvalidParameterException', 'maxResults must be between 1 and 100.'],
    [{ nextToken: 'garbage!' }, 'InvalidParameterException', 'Invalid nextToken.'],
    [{ desiredStatus: 'DONE' }, 'InvalidParameterException', 'desiredStatus should be one of [RUNNING, PENDING, STOPPED]'],
    [{ launchType: 'SPOT' }, 'InvalidParameterException', 'launchType should be one of [EC2, FARGATE]'],
  ])('refuses %j', (input, code, message) => {
    const e = withTasks().ecsError('ListTasks', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });
});

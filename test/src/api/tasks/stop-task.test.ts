import { describe, expect, it } from 'vitest';
import { aSandbox, type TestSandbox } from '../../../builders/sandbox.ts';
import { aTask, addTasks, taskArnOf, taskDefinitionArnOf } from '../../../builders/tasks.ts';
import { DEFAULT_START_MS } from '../../../../src/domain/sandbox-document.ts';

const T0 = DEFAULT_START_MS / 1000;
const A = '0cc43cdb-3bee-4407-9c26-c0e6ea5bee84';
const B = '6b809ef6-c67e-4467-921f-ee261c15a0a1';
const WEB = taskDefinitionArnOf('web', 1);

/** web:1 and a RUNNING task A in `default`, B in `other`; the clock 60 s after the start. */
function withTasks(): TestSandbox {
  const s = aSandbox();
  s.api.document.clock.nowMs = DEFAULT_START_MS + 60_000;
  s.ecs('RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] });
  s.ecs('CreateCluster', { clusterName: 'other' });
  addTasks(s, [aTask(A, WEB), aTask(B, WEB).inCluster('other')]);
  return s;
}

const record = (s: TestSandbox, id: string) => s.api.document.regions['us-east-1'].tasks.find((t) => t.id === id)!;

describe('StopTask', () => {
  it('records the stop request and returns the task; the scheduler stops it later (D6)', () => {
    const s = withTasks();
    const task = s.ecs('StopTask', { task: A, reason: 'deploying' }).task;
    expect(task).toMatchObject({
      taskArn: taskArnOf(A), lastStatus: 'RUNNING', desiredStatus: 'STOPPED', stoppedReason: 'deploying',
      version: 3, // 2 + 1
      stoppingAt: T0 + 60, // now
      containers: [{ name: 'web', lastStatus: 'RUNNING' }],
    });
    expect(task).not.toHaveProperty('stoppedAt');
    expect(record(s, A)).toMatchObject({ desiredStatus: 'STOPPED', lastStatus: 'RUNNING', stoppedReason: 'deploying' });
  });

  it('records "Task stopped by user" without a reason (AWS)', () => {
    expect(withTasks().ecs('StopTask', { task: A }).task.stoppedReason).toBe('Task stopped by user');
    expect(withTasks().ecs('StopTask', { task: A, reason: '' }).task.stoppedReason).toBe('Task stopped by user');
  });

  it('takes a task ARN and a cluster name or ARN', () => {
    expect(withTasks().ecs('StopTask', { task: taskArnOf(A) }).task.desiredStatus).toBe('STOPPED');
    expect(withTasks().ecs('StopTask', { cluster: 'other', task: B }).task.desiredStatus).toBe('STOPPED');
    expect(withTasks().ecs('StopTask', { cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/other', task: taskArnOf(B) })
      .task.desiredStatus).toBe('STOPPED');
  });

  it('returns a task that is already stopping unchanged, with its first reason (Decision)', () => {
    const s = withTasks();
    const first = s.ecs('StopTask', { task: A, reason: 'first' }).task;
    const before = s.snapshot();
    expect(s.ecs('StopTask', { task: A, reason: 'second' }).task).toEqual(first);
    expect(s.snapshot()).toBe(before);
  });

  it('moves the task from the RUNNING to the STOPPED list of ListTasks', () => {
    const s = withTasks();
    s.ecs('StopTask', { task: A });
    expect(s.ecs('ListTasks').taskArns).toEqual([]);
    expect(s.ecs('ListTasks', { desiredStatus: 'STOPPED' }).taskArns).toEqual([taskArnOf(A)]);
  });

  it('accepts a reason of 255 characters', () => {
    expect(withTasks().ecs('StopTask', { task: A, reason: 'r'.repeat(255) }).task.stoppedReason).toHaveLength(255);
  });

  it.each([
    ['an unknown task', { task: 'nope' }, 'InvalidParameterException', 'The referenced task was not found.'],
    ['a task of another cluster', { task: B }, 'InvalidParameterException', 'The referenced task was not found.'],
    ['a task ARN of another account', { task: `arn:aws:ecs:us-east-1:999999999999:task/${A}` },
      'InvalidParameterException', 'The referenced task was not found.'],
    ['an unknown cluster', { cluster: 'ghost', task: A }, 'ClusterNotFoundException', 'Cluster not found.'],
    ['a 256-character reason', { task: A, reason: 'r'.repeat(256) }, 'InvalidParameterException', 'reason can have at most 255 characters.'],
    ['no task', {}, 'InvalidParameterException', 'task is required.'],
  ])('refuses %s', (_, input, code, message) => {
    const e = withTasks().ecsError('StopTask', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });
});

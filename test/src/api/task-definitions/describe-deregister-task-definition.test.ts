import { describe, expect, it } from 'vitest';
import { aSandbox, type TestSandbox } from '../../../builders/sandbox.ts';
import { taskDefinitionArnOf } from '../../../builders/tasks.ts';

const request = (family: string, image = 'nginx') => ({ family, containerDefinitions: [{ name: 'web', image, memory: 128 }] });

/** web:1, web:2, web:3 (images v1–v3) and api:1; web:3 deregistered. */
function withRevisions(): TestSandbox {
  const s = aSandbox();
  for (const v of ['v1', 'v2', 'v3']) s.ecs('RegisterTaskDefinition', request('web', `nginx:${v}`));
  s.ecs('RegisterTaskDefinition', request('api'));
  s.ecs('DeregisterTaskDefinition', { taskDefinition: 'web:3' });
  return s;
}

const describeImage = (s: TestSandbox, taskDefinition: string) => {
  const td = s.ecs('DescribeTaskDefinition', { taskDefinition }).taskDefinition;
  return [td.taskDefinitionArn, td.status, td.containerDefinitions[0].image];
};

describe('DescribeTaskDefinition', () => {
  it.each([
    // a family resolves to its latest ACTIVE revision: web:3 is INACTIVE, so web:2 (semantics 2.2)
    ['web', [taskDefinitionArnOf('web', 2), 'ACTIVE', 'nginx:v2']],
    ['web:1', [taskDefinitionArnOf('web', 1), 'ACTIVE', 'nginx:v1']],
    // an INACTIVE revision stays describable by revision or ARN
    ['web:3', [taskDefinitionArnOf('web', 3), 'INACTIVE', 'nginx:v3']],
    [taskDefinitionArnOf('web', 3), [taskDefinitionArnOf('web', 3), 'INACTIVE', 'nginx:v3']],
    [taskDefinitionArnOf('api', 1), [taskDefinitionArnOf('api', 1), 'ACTIVE', 'nginx']],
  ])('%s → %j', (ref, expected) => {
    expect(describeImage(withRevisions(), ref)).toEqual(expected);
  });

  it.each([
    ['an unknown family', 'ghost'],
    ['an unknown revision', 'web:9'],
    ['a revision that is no number', 'web:latest'],
    ['an ARN of another region', 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1'],
    ['an ARN of another account', 'arn:aws:ecs:us-east-1:999999999999:task-definition/web:1'],
    ['an ARN without a revision', 'arn:aws:ecs:us-east-1:123456789012:task-definition/web'],
  ])('refuses %s', (_, taskDefinition) => {
    const e = withRevisions().ecsError('DescribeTaskDefinition', { taskDefinition });
    expect([e.code, e.message]).toEqual(['ClientException', 'Unable to describe task definition.']);
  });

  it('finds no family whose revisions are all INACTIVE', () => {
    const s = withRevisions();
    s.ecs('DeregisterTaskDefinition', { taskDefinition: 'api:1' });
    expect(s.ecsError('DescribeTaskDefinition', { taskDefinition: 'api' }).message).toBe('Unable to describe task definition.');
    expect(describeImage(s, 'api:1')).toEqual([taskDefinitionArnOf('api', 1), 'INACTIVE', 'nginx']);
  });

  it('requires taskDefinition', () => {
    expect(aSandbox().ecsError('DescribeTaskDefinition', {}).message).toBe('taskDefinition is required.');
  });
});

describe('DeregisterTaskDefinition', () => {
  it('marks the revision INACTIVE, returns it, and leaves the other revisions alone', () => {
    const s = withRevisions();
    const out = s.ecs('DeregisterTaskDefinition', { taskDefinition: taskDefinitionArnOf('web', 1) }).taskDefinition;
    expect([out.taskDefinitionArn, out.status, out.revision]).toEqual([taskDefinitionArnOf('web', 1), 'INACTIVE', 1]);
    expect(s.ecs('ListTaskDefinitions').taskDefinitionArns).toEqual([taskDefinitionArnOf('api', 1), taskDefinitionArnOf('web', 2)]);
    // the latest ACTIVE revision is still web:2
    expect(describeImage(s, 'web')[0]).toBe(taskDefinitionArnOf('web', 2));
  });

  it('returns the full shape, as DescribeTaskDefinition does', () => {
    const s = aSandbox();
    s.ecs('RegisterTaskDefinition', request('web'));
    const out = s.ecs('DeregisterTaskDefinition', { taskDefinition: 'web:1' }).taskDefinition;
    expect(out).toEqual({ ...s.ecs('DescribeTaskDefinition', { taskDefinition: 'web:1' }).taskDefinition, status: 'INACTIVE' });
  });

  it('returns an INACTIVE revision unchanged when deregistered again (Decision)', () => {
    const s = withRevisions();
    const before = s.snapshot();
    expect(s.ecs('DeregisterTaskDefinition', { taskDefinition: 'web:3' }).taskDefinition.status).toBe('INACTIVE');
    expect(s.snapshot()).toBe(before);
  });

  it.each([
    // API18: "You must specify a revision."
    ['a family without revision', 'web', 'Revision is missing.'],
    ['an ARN without revision', 'arn:aws:ecs:us-east-1:123456789012:task-definition/web', 'Revision is missing.'],
    ['an unknown revision', 'web:9', 'The specified task definition does not exist.'],
    ['an unknown family', 'ghost:1', 'The specified task definition does not exist.'],
    ['an ARN of another region', 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1', 'The specified task definition does not exist.'],
    ['an ARN of another kind', 'arn:aws:ecs:us-east-1:123456789012:cluster/web:1', 'The specified task definition does not exist.'],
  ])('refuses %s', (_, taskDefinition, message) => {
    const e = withRevisions().ecsError('DeregisterTaskDefinition', { taskDefinition });
    expect([e.code, e.message]).toEqual(['ClientException', message]);
  });
});

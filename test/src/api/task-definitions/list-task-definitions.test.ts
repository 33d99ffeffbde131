import { describe, expect, it } from 'vitest';
import { aSandbox, type TestSandbox } from '../../../builders/sandbox.ts';
import { taskDefinitionArnOf as arn } from '../../../builders/tasks.ts';

const request = (family: string) => ({ family, containerDefinitions: [{ name: 'c', image: 'busybox', memory: 16 }] });

/** Registers `families` in order (a family named twice gets two revisions) and deregisters `inactive`. */
function withDefinitions(families: string[], inactive: string[] = []): TestSandbox {
  const s = aSandbox();
  for (const family of families) s.ecs('RegisterTaskDefinition', request(family));
  for (const ref of inactive) s.ecs('DeregisterTaskDefinition', { taskDefinition: ref });
  return s;
}

describe('ListTaskDefinitions', () => {
  // Registered out of order: web:1, api:1, web:2, Web:1, api:2, web:3; api:1 deregistered.
  const s = () => withDefinitions(['web', 'api', 'web', 'Web', 'api', 'web'], ['api:1']);

  it('lists ACTIVE revisions by family (code-unit order, so "Web" < "api") then revision, ascending', () => {
    expect(s().ecs('ListTaskDefinitions')).toEqual({
      taskDefinitionArns: [arn('Web', 1), arn('api', 2), arn('web', 1), arn('web', 2), arn('web', 3)],
    });
    expect(s().ecs('ListTaskDefinitions', { sort: 'ASC' }).taskDefinitionArns).toEqual(s().ecs('ListTaskDefinitions').taskDefinitionArns);
  });

  it('DESC reverses family and revision order (newest first within a family)', () => {
    expect(s().ecs('ListTaskDefinitions', { sort: 'DESC' }).taskDefinitionArns)
      .toEqual([arn('web', 3), arn('web', 2), arn('web', 1), arn('api', 2), arn('Web', 1)]);
  });

  it.each([
    [{ status: 'INACTIVE' }, [arn('api', 1)]],
    [{ status: 'ACTIVE', familyPrefix: 'api' }, [arn('api', 2)]],
    [{ status: 'INACTIVE', familyPrefix: 'api' }, [arn('api', 1)]],
    // "The full family name": `we` is no family, and `web` does not match `Web`
    [{ familyPrefix: 'we' }, []],
    [{ familyPrefix: 'web', sort: 'DESC' }, [arn('web', 3), arn('web', 2), arn('web', 1)]],
  ])('filters %j', (input, expected) => {
    expect(s().ecs('ListTaskDefinitions', input).taskDefinitionArns).toEqual(expected);
  });

  it('pages with maxResults and an opaque nextToken', () => {
    const sandbox = s();
    // 5 ACTIVE revisions, 2 per page → 2, 2, 1
    const p1 = sandbox.ecs('ListTaskDefinitions', { maxResults: 2 });
    const p2 = sandbox.ecs('ListTaskDefinitions', { maxResults: 2, nextToken: p1.nextToken });
    const p3 = sandbox.ecs('ListTaskDefinitions', { maxResults: 2, nextToken: p2.nextToken });
    expect([p1.taskDefinitionArns, p2.taskDefinitionArns, p3]).toEqual([
      [arn('Web', 1), arn('api', 2)], [arn('web', 1), arn('web', 2)], { taskDefinitionArns: [arn('web', 3)] },
    ]);
  });

  it('returns up to 100 without maxResults, then a nextToken', () => {
    const sandbox = withDefinitions(Array.from({ length: 101 }, () => 'many'));
    const first = sandbox.ecs('ListTaskDefinitions');
    expect(first.taskDefinitionArns).toHaveLength(100);
    expect(sandbox.ecs('ListTaskDefinitions', { nextToken: first.nextToken })).toEqual({ taskDefinitionArns: [arn('many', 101)] });
  });

  it.each([
    [{ maxResults: 0 }, 'maxResults must be between 1 and 100.'],
    [{ maxResults: 101 }, 'maxResults must be between 1 and 100.'],
    [{ nextToken: 'garbage!' }, 'Invalid nextToken.'],
    [{ status: 'ALL' }, 'status should be one of [ACTIVE, INACTIVE]'],
    [{ sort: 'UP' }, 'sort should be one of [ASC, DESC]'],
  ])('refuses %j', (input, message) => {
    const e = s().ecsError('ListTaskDefinitions', input);
    expect([e.code, e.message]).toEqual(['InvalidParameterException', message]);
  });

  it('lists nothing in a fresh region', () => {
    expect(aSandbox().ecs('ListTaskDefinitions')).toEqual({ taskDefinitionArns: [] });
  });
});

describe('ListTaskDefinitionFamilies', () => {
  // web (ACTIVE), api (only INACTIVE revisions), worker (one ACTIVE of two), web-admin (ACTIVE)
  const s = () => withDefinitions(['web', 'api', 'worker', 'worker', 'web-admin'], ['api:1', 'worker:1']);

  it('lists every family by default, in first-registration order (Decision, as in EX18)', () => {
    expect(s().ecs('ListTaskDefinitionFamilies')).toEqual({ families: ['web', 'api', 'worker', 'web-admin'] });
  });

  it.each([
    [{ status: 'ALL' }, ['web', 'api', 'worker', 'web-admin']],
    // ACTIVE: families with at least one ACTIVE revision
    [{ status: 'ACTIVE' }, ['web', 'worker', 'web-admin']],
    // INACTIVE: families without any ACTIVE revision
    [{ status: 'INACTIVE' }, ['api']],
    [{ familyPrefix: 'web' }, ['web', 'web-admin']],
    [{ familyPrefix: 'web-' }, ['web-admin']],
    [{ familyPrefix: 'w', status: 'ACTIVE' }, ['web', 'worker', 'web-admin']],
    [{ familyPrefix: 'a', status: 'ACTIVE' }, []],
  ])('filters %j', (input, families) => {
    expect(s().ecs('ListTaskDefinitionFamilies', input).families).toEqual(families);
  });

  it('moves a family to INACTIVE once its last ACTIVE revision is deregistered', () => {
    const sandbox = s();
    sandbox.ecs('DeregisterTaskDefinition', { taskDefinition: 'worker:2' });
    expect(sandbox.ecs('ListTaskDefinitionFamilies', { status: 'INACTIVE' }).families).toEqual(['api', 'worker']);
  });

  it('pages with maxResults and nextToken', () => {
    const sandbox = s();
    // 4 families, 3 per page → 3 then 1
    const first = sandbox.ecs('ListTaskDefinitionFamilies', { maxResults: 3 });
    expect(first.families).toEqual(['web', 'api', 'worker']);
    expect(sandbox.ecs('ListTaskDefinitionFamilies', { maxResults: 3, nextToken: first.nextToken })).toEqual({ families: ['web-admin'] });
  });

  it.each([
    [{ maxResults: 101 }, 'maxResults must be between 1 and 100.'],
    [{ nextToken: '%%' }, 'Invalid nextToken.'],
    [{ status: 'DRAINING' }, 'status should be one of [ACTIVE, INACTIVE, ALL]'],
  ])('refuses %j', (input, message) => {
    const e = s().ecsError('ListTaskDefinitionFamilies', input);
    expect([e.code, e.message]).toEqual(['InvalidParameterException', message]);
  });
});

// src/worker/view-reuse.ts: equal plain values, and a view reduced to what changed.
import { describe, expect, it } from 'vitest';
import { reuseAgainst, sameValue, sentView } from '../../../src/worker/view-reuse.ts';
import type { SandboxView } from '../../../src/worker/sandbox-view.ts';

describe('sameValue', () => {
  it.each([
    [1, 1, true], ['a', 'b', false], [undefined, undefined, true], [undefined, {}, false], [null, {}, false],
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false], // a member more
    [[1, 2], [1, 2, 3], false], [[1], { 0: 1 }, false], [{ cpu: { used: 1 } }, { cpu: { used: 2 } }, false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(sameValue(a, b)).toBe(expected);
  });
});

describe('reuseAgainst', () => {
  const instance = (id: string, used: number) => ({ id, cpu: { registered: 10, used } });
  const task = (id: string, lastStatus: string) => ({ id, lastStatus });
  const view = (revision: number, instances: unknown[], tasks: unknown[]) =>
    ({ revision, region: 'us-east-1', instances, tasks, services: [] }) as unknown as SandboxView;

  it('keeps only new and changed records, and the whole order as ids', () => {
    const before = view(1, [instance('a', 0), instance('b', 0)], [task('t1', 'RUNNING'), task('t2', 'RUNNING')]);
    const after = view(2, [instance('a', 0), instance('b', 5)], [task('t2', 'RUNNING'), task('t3', 'PENDING')]);
    expect(reuseAgainst(sentView(before), after)).toEqual({
      ...after,
      instances: [instance('b', 5)],
      tasks: [task('t3', 'PENDING')],
      reused: { baseRevision: 1, instanceIds: ['a', 'b'], taskIds: ['t2', 't3'] },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { EVENT_HEAD_LENGTH, isPlacementFailure, mergeEvents, servicesWithPlacementFailures, splitLongMessage } from '../../../web/view/events.ts';
import { aView } from './fixtures.ts';

describe('events', () => {
  it('merges every service\'s events newest first; ties keep service order', () => {
    expect(mergeEvents(aView()).map((e) => [e.id, e.serviceName])).toEqual([['e3', 'web'], ['e2', 'api'], ['e1', 'web'], ['e0', 'api']]);
  });

  it('filters by service name or cluster/service, and limits', () => {
    expect(mergeEvents(aView(), 'api').map((e) => e.id)).toEqual(['e2', 'e0']);
    expect(mergeEvents(aView(), 'demo/web').map((e) => e.id)).toEqual(['e3', 'e1']);
    expect(mergeEvents(aView(), undefined, 2).map((e) => e.id)).toEqual(['e3', 'e2']);
  });

  it('finds services with a placement-failure event', () => {
    expect(isPlacementFailure('(service api) was unable to place a task because …')).toBe(true);
    expect(servicesWithPlacementFailures(aView())).toEqual(['demo/api']);
  });
});

describe('splitLongMessage', () => {
  it.each([
    // short: whole
    ['(service web) has reached a steady state.', 20 + 30, { head: '(service web) has reached a steady state.' }],
    // cut at the last space within the limit: "(service web) has" is 17 characters, the limit 20
    ['(service web) has started 2 tasks: (task a) (task b).', 20, { head: '(service web) has', rest: ' started 2 tasks: (task a) (task b).' }],
    // no space in the second half of the limit: a hard cut at the limit
    ['x'.repeat(30), 20, { head: 'x'.repeat(20), rest: 'x'.repeat(10) }],
  ])('%s (limit %i)', (message, limit, expected) => {
    expect(splitLongMessage(message, limit)).toEqual(expected);
  });

  it('keeps a placement failure (about 400 characters) whole at the default limit; head + rest is the message', () => {
    const failure = `(service api) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance ${'0'.repeat(36)}) has insufficient memory available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`;
    expect(splitLongMessage(failure)).toEqual({ head: failure });
    const started = `(service web) has started 2500 tasks: ${Array.from({ length: 2500 }, (_, i) => `(task ${String(i).padStart(36, '0')})`).join(' ')}.`;
    const { head, rest } = splitLongMessage(started);
    expect(head.length).toBeLessThanOrEqual(EVENT_HEAD_LENGTH);
    expect(head + rest).toBe(started);
  });
});

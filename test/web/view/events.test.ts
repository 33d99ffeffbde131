import { describe, expect, it } from 'vitest';
import { isPlacementFailure, mergeEvents, servicesWithPlacementFailures } from '../../../web/view/events.ts';
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

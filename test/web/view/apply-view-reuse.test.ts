// view({sinceRevision, reuse: true}) end to end without a browser: the worker sends only new and changed
// instances and tasks (src/worker/view-reuse.ts), the page puts the whole view back (apply-view-reuse.ts).
import { describe, expect, it } from 'vitest';
import type { SandboxView, UnchangedView } from '../../../src/worker/scheduler-api.ts';
import { applyViewReuse } from '../../../web/view/apply-view-reuse.ts';
import { ECS_TARGET, aSchedulerService, aWallClock } from '../../builders/scheduler-service.ts';

const whole = (v: SandboxView | UnchangedView): SandboxView => {
  if ('unchanged' in v) throw new Error('expected a view');
  return v;
};

describe('view reuse', () => {
  it('sends only what changed; put together, it equals the whole view of the same revision', async () => {
    const wall = aWallClock();
    const service = aSchedulerService({ wallClock: wall.wallClock });
    await service.view(); // the clock starts with the first read
    wall.advance(20_000);
    const first = whole(await service.view({ reuse: true })); // no base named: whole (and remembered)
    expect(first.reused).toBeUndefined();
    // a view sent without reuse is not remembered: a base the worker did not send in this form gives a whole view
    const scaleTo = async (desiredCount: number) => {
      expect(await service.call(`${ECS_TARGET}.UpdateService`, { cluster: 'demo', service: 'web', desiredCount })).not.toHaveProperty('error');
      wall.advance(20_000);
    };
    await scaleTo(5);
    const plain = whole(await service.view());
    await scaleTo(6);
    const second = whole(await service.view({ sinceRevision: plain.revision, reuse: true }));
    expect(second.reused).toBeUndefined();
    // scale the demo's web service up again: new tasks appear, the old ones and most instances stay
    await scaleTo(7);
    const third = whole(await service.view({ sinceRevision: second.revision, reuse: true }));
    expect(third.reused).toMatchObject({ baseRevision: second.revision });
    expect(third.tasks.length).toBeLessThan(third.reused!.taskIds.length); // the old tasks travel as ids
    const put = applyViewReuse(second, third)!;
    const reference = whole(await service.view()); // same wall time: same revision, built whole
    expect(put).toEqual(reference);
    expect(put.tasks.filter((t) => t.serviceName === 'web')).toHaveLength(7);
    // unchanged records are the page's own objects
    const kept = put.tasks.find((t) => second.tasks.includes(t));
    expect(kept).toBeDefined();
  });

  it('a view made against another base than the one held cannot be used', () => {
    const base = { revision: 3, instances: [], tasks: [] } as unknown as SandboxView;
    const next = { revision: 5, instances: [], tasks: [], reused: { baseRevision: 4, instanceIds: [], taskIds: [] } } as unknown as SandboxView;
    expect(applyViewReuse(base, next)).toBeUndefined();
    expect(applyViewReuse(undefined, next)).toBeUndefined();
    // an id neither view has
    const missing = { ...next, reused: { baseRevision: 3, instanceIds: ['i-1'], taskIds: [] } } as unknown as SandboxView;
    expect(applyViewReuse(base, missing)).toBeUndefined();
    // without `reused`, the view is whole already
    const plain = { revision: 6, instances: [], tasks: [] } as unknown as SandboxView;
    expect(applyViewReuse(base, plain)).toBe(plain);
  });
});

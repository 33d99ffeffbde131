// SchedulerService.view (sandbox-view.ts): what the playground renders, from the demo scenario.
import { describe, expect, it } from 'vitest';
import { aSchedulerService, aWallClock } from '../../builders/scheduler-service.ts';

describe('SchedulerService.view', () => {
  it('the demo on a realtime clock: instances with their reservations, service tasks, events; unchanged → the clock only', async () => {
    const wall = aWallClock();
    const service = aSchedulerService({ wallClock: wall.wallClock });
    const empty = await service.view();
    if ('unchanged' in empty) throw new Error('a first view is whole');
    expect(empty.tasks).toEqual([]); // no time has passed: no scheduler step ran yet
    wall.advance(20_000); // 20 s at 1×: the steps at 1 s … 20 s run on the next read
    const view = await service.view({ sinceRevision: empty.revision });
    if ('unchanged' in view) throw new Error('the scheduler started tasks');
    expect(view.now - empty.now).toBe(20_000);
    const web = view.services.find((s) => s.serviceName === 'web')!;
    // the demo's web: desiredCount 4 at 50/200 → MIN ceil(2) = 2, MAX floor(8) = 8
    expect(web).toMatchObject({ desiredCount: 4, running: 4, pending: 0, min: 2, max: 8 });
    expect(web.deployments).toHaveLength(1);
    expect(web.events[0].message).toBe('(service web) has reached a steady state.');
    const webTasks = view.tasks.filter((t) => t.serviceName === 'web');
    expect(webTasks).toHaveLength(4);
    // every task's reservation shows on its instance
    for (const instance of view.instances) {
      const onIt = view.tasks.filter((t) => t.instanceId === instance.id);
      expect(instance.memory.used).toBe(onIt.reduce((n, t) => n + t.memory, 0));
      expect(instance.cpu.used).toBe(onIt.reduce((n, t) => n + t.cpu, 0));
    }
    // nothing moves between two reads at the same wall time
    expect(await service.view({ sinceRevision: view.revision })).toEqual({ unchanged: true, revision: view.revision, now: view.now });
  });
});

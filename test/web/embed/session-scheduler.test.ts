// One widget's session as a scheduler for the playground's components (web/embed/session-scheduler.ts).
import { describe, expect, it } from 'vitest';
import { sessionScheduler } from '../../../web/embed/session-scheduler.ts';
import type { EmbedApi } from '../../../src/worker/embed-api.ts';

describe('sessionScheduler', () => {
  it('names the session in every call; a view error becomes a rejection; reuse is dropped', async () => {
    const seen: unknown[] = [];
    const api: Pick<EmbedApi, 'call' | 'view'> = {
      call: async (id, target, input) => { seen.push(['call', id, target, input]); return { output: { ok: true } }; },
      view: async (id, options) => {
        seen.push(['view', id, options]);
        return id === 'gone' ? { error: { code: 'ResourceNotFoundException', message: 'No widget session gone.' } } : { output: { unchanged: true, revision: 3, now: 9 } };
      },
    };
    const s = sessionScheduler(api, 's1');
    expect(await s.call('EcsSandbox.SetClock', { clock: 'manual' })).toEqual({ output: { ok: true } });
    expect(await s.view({ sinceRevision: 3, reuse: true } as never)).toEqual({ unchanged: true, revision: 3, now: 9 });
    expect(await s.view()).toEqual({ unchanged: true, revision: 3, now: 9 });
    expect(seen).toEqual([
      ['call', 's1', 'EcsSandbox.SetClock', { clock: 'manual' }],
      ['view', 's1', { sinceRevision: 3 }],
      ['view', 's1', {}],
    ]);
    await expect(sessionScheduler(api, 'gone').view()).rejects.toThrow('ResourceNotFoundException: No widget session gone.');
  });
});

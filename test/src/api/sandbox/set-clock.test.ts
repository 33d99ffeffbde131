import { describe, expect, it } from 'vitest';
import { SandboxApi } from '../../../../src/api/handler.ts';
import { newDocument } from '../../../../src/domain/new-document.ts';
import { aSandbox } from '../../../builders/sandbox.ts';

const T0 = Date.UTC(2018, 4, 22);

describe('EcsSandbox.SetClock (semantics 3.1)', () => {
  it('realtime:N runs N× wall time from where the clock is, manual freezes it; the document is kept', () => {
    let wall = 1_000_000;
    const api = new SandboxApi({ document: newDocument({ clock: 'manual' }), wallClock: () => wall });
    api.call('AmazonEC2ContainerServiceV20141113.CreateCluster', { clusterName: 'kept' });
    api.call('EcsSandbox.AdvanceTime', { seconds: 5 });
    expect(api.call('EcsSandbox.SetClock', { clock: 'realtime:10' }).output).toEqual({ clock: 'realtime:10', now: T0 / 1000 + 5 });
    wall += 2_000; // 2 s of wall time at 10× = 20 simulated seconds
    expect(api.call('EcsSandbox.AdvanceTime', { seconds: 0 }).output).toMatchObject({ now: T0 / 1000 + 25 });
    api.call('EcsSandbox.SetClock', { clock: 'manual' });
    wall += 60_000;
    expect(api.call('EcsSandbox.AdvanceTime', { seconds: 0 }).output).toMatchObject({ now: T0 / 1000 + 25 });
    expect(api.document.regions['us-east-1'].clusters.map((c) => c.clusterName)).toContain('kept');
  });

  it.each([
    [{}, 'clock is required.'],
    [{ clock: 'fast' }, 'clock must be "manual", "realtime" or "realtime:<speed>" with a speed greater than 0, not "fast".'],
    [{ clock: 'realtime:0' }, 'clock must be "manual", "realtime" or "realtime:<speed>" with a speed greater than 0, not "realtime:0".'],
  ])('%j → InvalidParameterException, nothing changes', (input, message) => {
    const s = aSandbox();
    const e = s.error('EcsSandbox.SetClock', input);
    expect([e.code, e.message]).toEqual(['InvalidParameterException', message]);
  });
});

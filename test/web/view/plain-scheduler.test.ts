import { describe, expect, it } from 'vitest';
import { SCHEDULER_METHODS, plainScheduler } from '../../../web/view/plain-scheduler.ts';

describe('plain scheduler', () => {
  it('forwards every method with its arguments and has no other properties', async () => {
    const calls: unknown[] = [];
    // like a comlink Remote: any property is a callable
    const remote = new Proxy({}, { get: (_t, name) => (...args: unknown[]) => { calls.push([name, ...args]); return Promise.resolve(name); } });
    const plain = plainScheduler(remote) as Record<string, (...a: unknown[]) => Promise<unknown>>;
    expect(Object.keys(plain)).toEqual([...SCHEDULER_METHODS]);
    expect(await plain.call('EcsSandbox.Reset', {})).toBe('call');
    expect(calls).toEqual([['call', 'EcsSandbox.Reset', {}]]);
    expect((plain as Record<string, unknown>)._$litType$).toBeUndefined();
  });
});

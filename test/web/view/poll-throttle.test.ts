import { describe, expect, it } from 'vitest';
import { PollThrottle } from '../../../web/view/poll-throttle.ts';

describe('poll throttle', () => {
  it('while playing polls at most every interval, one at a time', () => {
    const t = new PollThrottle(200);
    expect(t.shouldStart(0, true)).toBe(true);
    t.start(0);
    expect(t.shouldStart(500, true)).toBe(false); // still in flight
    t.done();
    expect(t.shouldStart(150, true)).toBe(false); // 150 ms < 200 ms
    expect(t.shouldStart(200, true)).toBe(true);
  });

  it('paused polls only when an action asked for it, then at once', () => {
    const t = new PollThrottle(200);
    t.start(0);
    t.done();
    expect(t.shouldStart(10_000, false)).toBe(false);
    t.request();
    expect(t.shouldStart(1, false)).toBe(true);
    t.start(1);
    t.done();
    expect(t.shouldStart(2, false)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { advanceClock, nextStepAfter } from '../../../src/engine/clock.ts';
import { newDocument } from '../../../src/domain/new-document.ts';
import { SandboxApi } from '../../../src/api/handler.ts';

/** The scheduler's environment: the era and placement services of a plain API. */
const env = new SandboxApi();
/** The same, running every step (no discrete-event skipping). */
const everyStep = new SandboxApi({ runEveryStep: true });

const T0 = Date.UTC(2018, 4, 22);

describe('advanceClock (D54)', () => {
  it.each([
    // [from (s after start), advance by (s), steps run, clock after (s)]
    [0, 2.5, 2, 2.5], // 2.5 s from t=0 runs the steps at 1 s and 2 s
    [2.5, 0.5, 1, 3], // to 3.0: the step at 3 s is due at the new time, so it runs
    [0.5, 0.4, 0, 0.9], // to 0.9: no whole second in (0.5, 0.9]
    [1, 1, 1, 2], // the step at 1 s ran when the clock reached 1 s; only 2 s remains
    [0, 0, 0, 0], // reading the clock runs nothing
    [0, 60, 60, 60],
  ])('from t=%d s by %d s runs %d steps and ends at %d s', (from, by, steps, after) => {
    const doc = newDocument();
    doc.clock.nowMs = T0 + from * 1000;
    const result = advanceClock(doc, T0 + (from + by) * 1000, env);
    expect(result).toEqual({ nowMs: T0 + after * 1000, steps, stopped: false, changed: false });
    expect(doc.clock.nowMs).toBe(T0 + after * 1000);
  });

  it('steps sit on whole seconds since the document start, not since the epoch', () => {
    const doc = newDocument({ startedAt: T0 + 300 }); // starts 0.3 s past a whole epoch second
    expect(nextStepAfter(doc, doc.startedAt)).toBe(T0 + 1300);
    expect(nextStepAfter(doc, T0 + 1299)).toBe(T0 + 1300);
    expect(nextStepAfter(doc, T0 + 1300)).toBe(T0 + 2300);
  });

  it('stopWhen is checked first, then after every step run; the clock stays at the step where it held', () => {
    const doc = newDocument();
    let calls = 0;
    // holds at its 4th check: before the advance (1), after the steps at 1 s (2), 2 s (3) and 3 s (4)
    const result = advanceClock(doc, T0 + 10_000, everyStep, () => ++calls === 4);
    expect(result).toEqual({ nowMs: T0 + 3000, steps: 3, stopped: true, changed: false });
    expect(advanceClock(doc, T0 + 10_000, everyStep, () => true)).toEqual({ nowMs: T0 + 3000, steps: 0, stopped: true, changed: false });
  });

  it('discrete-event: after a step that changes nothing, the quiet steps up to the next wake are passed over', () => {
    const doc = newDocument();
    let checks = 0;
    // an empty document: the step at 1 s is quiet and nothing ever wakes, so a 30-day advance runs ONE step
    // (stopWhen is checked before it and after it), while `steps` still counts all 2,592,000
    const result = advanceClock(doc, T0 + 30 * 24 * 3600 * 1000, env, () => (checks++, false));
    expect(result).toEqual({ nowMs: T0 + 30 * 24 * 3600 * 1000, steps: 30 * 24 * 3600, stopped: false, changed: false });
    expect(checks).toBe(2);
  });

  it('a target in the past leaves the clock where it is', () => {
    const doc = newDocument();
    doc.clock.nowMs = T0 + 5000;
    expect(advanceClock(doc, T0 + 1000, env)).toEqual({ nowMs: T0 + 5000, steps: 0, stopped: false, changed: false });
  });
});

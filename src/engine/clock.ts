// The simulated clock and its scheduler steps (semantics 3.1, D54). Steps run at every whole second
// of simulated time since the document's start; moving the clock from `from` to `to` runs the steps
// due in (from, to] in time order and leaves the clock at `to`. No wall clock here: the caller
// brings the target time (AdvanceTime, or the realtime host).
import type { SandboxDocument } from '../domain/sandbox-document.ts';
import { runRegionStep } from './scheduler/scheduler-step.ts';
import { nextWakeAfter } from './scheduler/next-wake.ts';
import type { SchedulerEnvironment } from './scheduler/step-context.ts';

export type { SchedulerEnvironment };

/** D54: one scheduler step per simulated second. */
export const STEP_MS = 1000;
/** The longest single AdvanceTime, 30 simulated days (2,592,000 steps): a guard against typos, not a 2018 limit. */
export const MAX_ADVANCE_SECONDS = 30 * 24 * 3600;

/** The first step time strictly after `ms`: steps sit at startedAt + k s, k ≥ 1. */
export function nextStepAfter(doc: SandboxDocument, ms: number): number {
  const k = Math.floor((ms - doc.startedAt) / STEP_MS) + 1;
  return doc.startedAt + Math.max(1, k) * STEP_MS;
}

/** The first step time at or after `ms`. */
export function stepAtOrAfter(doc: SandboxDocument, ms: number): number {
  return doc.startedAt + Math.max(1, Math.ceil((ms - doc.startedAt) / STEP_MS)) * STEP_MS;
}

/**
 * One scheduler step at `now`, over every region of the document (the clock is the document's).
 * Returns whether it changed anything.
 */
export function runSchedulerStep(doc: SandboxDocument, now: number, env: SchedulerEnvironment): boolean {
  let changed = false;
  for (const region of Object.keys(doc.regions)) if (runRegionStep(doc, region, now, env)) changed = true;
  return changed;
}

export interface AdvanceResult {
  /** Simulated epoch milliseconds after the advance. */
  nowMs: number;
  steps: number;
  /** True when `stopWhen` held, before the advance or after one of its steps. */
  stopped: boolean;
  /** True when a step changed the document (beyond the clock). */
  changed: boolean;
}

/**
 * Moves `doc.clock` forward to `targetMs`, running each step due on the way. With `stopWhen`, the
 * condition is checked first and after every step; when it holds the clock stays at that step's
 * time. A target in the past leaves the clock where it is.
 *
 * Discrete-event: after a step that changed nothing, the steps until the next wake time
 * (next-wake.ts) would change nothing either, so they are passed over without running; they still
 * count in `steps`. `env.runEveryStep` turns this off (tests compare the two).
 */
export function advanceClock(
  doc: SandboxDocument, targetMs: number, env: SchedulerEnvironment, stopWhen?: (doc: SandboxDocument) => boolean,
): AdvanceResult {
  let steps = 0;
  let anyChange = false;
  if (stopWhen?.(doc)) return { nowMs: doc.clock.nowMs, steps, stopped: true, changed: false };
  let t = nextStepAfter(doc, doc.clock.nowMs);
  while (t <= targetMs) {
    doc.clock.nowMs = t;
    const changed = runSchedulerStep(doc, t, env);
    if (changed) anyChange = true;
    steps++;
    if (stopWhen?.(doc)) return { nowMs: t, steps, stopped: true, changed: anyChange };
    let next = t + STEP_MS;
    if (!changed && !env.runEveryStep) {
      const wake = nextWakeAfter(doc, t);
      if (wake > next) {
        next = wake === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : stepAtOrAfter(doc, wake);
        // the passed-over steps, up to the target, count as run
        const last = Math.min(next - STEP_MS, targetMs);
        if (last > t) steps += Math.floor((last - t) / STEP_MS);
      }
    }
    t = next;
  }
  if (targetMs > doc.clock.nowMs) doc.clock.nowMs = targetMs;
  return { nowMs: doc.clock.nowMs, steps, stopped: false, changed: anyChange };
}

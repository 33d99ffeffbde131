// The simulated clock and its scheduler steps (semantics 3.1, D54). Steps run at every whole second
// of simulated time since the document's start; moving the clock from `from` to `to` runs the steps
// due in (from, to] in time order and leaves the clock at `to`. No wall clock here: the caller
// brings the target time (AdvanceTime, or the realtime host).
import type { SandboxDocument } from '../domain/sandbox-document.ts';
import { runRegionStep } from './scheduler/scheduler-step.ts';
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

/** One scheduler step at `now`, over every region of the document (the clock is the document's). */
export function runSchedulerStep(doc: SandboxDocument, now: number, env: SchedulerEnvironment): void {
  for (const region of Object.keys(doc.regions)) runRegionStep(doc, region, now, env);
}

export interface AdvanceResult {
  /** Simulated epoch milliseconds after the advance. */
  nowMs: number;
  steps: number;
  /** True when `stopWhen` held, before the advance or after one of its steps. */
  stopped: boolean;
}

/**
 * Moves `doc.clock` forward to `targetMs`, running each step due on the way. With `stopWhen`, the
 * condition is checked first and after every step; when it holds the clock stays at that step's
 * time. A target in the past leaves the clock where it is.
 */
export function advanceClock(
  doc: SandboxDocument, targetMs: number, env: SchedulerEnvironment, stopWhen?: (doc: SandboxDocument) => boolean,
): AdvanceResult {
  let steps = 0;
  if (stopWhen?.(doc)) return { nowMs: doc.clock.nowMs, steps, stopped: true };
  for (let t = nextStepAfter(doc, doc.clock.nowMs); t <= targetMs; t += STEP_MS) {
    doc.clock.nowMs = t;
    runSchedulerStep(doc, t, env);
    steps++;
    if (stopWhen?.(doc)) return { nowMs: t, steps, stopped: true };
  }
  if (targetMs > doc.clock.nowMs) doc.clock.nowMs = targetMs;
  return { nowMs: doc.clock.nowMs, steps, stopped: false };
}

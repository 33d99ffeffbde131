// The simulated clock and its scheduler steps (semantics 3.1, D54). Steps run at every whole second
// of simulated time since the document's start; moving the clock from `from` to `to` runs the steps
// due in (from, to] in time order and leaves the clock at `to`. No wall clock here: the caller
// brings the target time (AdvanceTime, or the realtime host).
import type { SandboxDocument } from '../domain/sandbox-document.ts';
import { settleDiscoveryOperations } from './discovery-operations.ts';
import { settleDrainingServices } from './settle-draining-services.ts';

/** D54: one scheduler step per simulated second. */
export const STEP_MS = 1000;
/** The longest single AdvanceTime, 30 simulated days (2,592,000 steps): a guard against typos, not a 2018 limit. */
export const MAX_ADVANCE_SECONDS = 30 * 24 * 3600;

/** The first step time strictly after `ms`: steps sit at startedAt + k s, k ≥ 1. */
export function nextStepAfter(doc: SandboxDocument, ms: number): number {
  const k = Math.floor((ms - doc.startedAt) / STEP_MS) + 1;
  return doc.startedAt + Math.max(1, k) * STEP_MS;
}

/**
 * One scheduler step at `now`, over every region of the document (the clock is the document's).
 * The task transitions and the service step of section 9 join here when the scheduler lands.
 */
export function runSchedulerStep(doc: SandboxDocument, now: number): void {
  for (const state of Object.values(doc.regions)) {
    settleDiscoveryOperations(state, now);
    settleDrainingServices(state, now);
  }
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
export function advanceClock(doc: SandboxDocument, targetMs: number, stopWhen?: (doc: SandboxDocument) => boolean): AdvanceResult {
  let steps = 0;
  if (stopWhen?.(doc)) return { nowMs: doc.clock.nowMs, steps, stopped: true };
  for (let t = nextStepAfter(doc, doc.clock.nowMs); t <= targetMs; t += STEP_MS) {
    doc.clock.nowMs = t;
    runSchedulerStep(doc, t);
    steps++;
    if (stopWhen?.(doc)) return { nowMs: t, steps, stopped: true };
  }
  if (targetMs > doc.clock.nowMs) doc.clock.nowMs = targetMs;
  return { nowMs: doc.clock.nowMs, steps, stopped: false };
}

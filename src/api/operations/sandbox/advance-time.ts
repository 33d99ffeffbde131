import type { OperationContext } from '../../operation-context.ts';
import type { SandboxApi } from '../../handler.ts';
import { MAX_ADVANCE_SECONDS, advanceClock } from '../../../engine/clock.ts';
import { isRegionSteady } from '../../../engine/steady-state.ts';
import { invalidParameter } from '../../aws-error.ts';
import { SANDBOX } from '../../../messages.ts';
import { toEpochSeconds } from '../../wire-time.ts';
import { boolean, number, structure, validateSandboxInput } from '../../validate/validate-sandbox-input.ts';

export interface AdvanceTimeInput {
  seconds?: number;
  untilSteady?: boolean;
  maxSeconds?: number;
}

export interface AdvanceTimeOutput {
  /** Simulated epoch seconds after the advance. */
  now: number;
  /** Whether the calling region is steady (semantics 9.9, W18): see isRegionSteady. */
  steady: boolean;
}

const ADVANCE_TIME = structure({ seconds: number, untilSteady: boolean, maxSeconds: number });

function requireSeconds(path: string, value: number): number {
  if (value < 0 || value > MAX_ADVANCE_SECONDS) throw invalidParameter(SANDBOX.badSeconds(path, value, MAX_ADVANCE_SECONDS));
  // The clock counts whole milliseconds, as the wire's three decimals do (D53).
  return Math.round(value * 1000);
}

/**
 * `{seconds}` moves the clock forward by that much, running every scheduler step due on the way
 * (D54); `{seconds: 0}` only reads the clock. `{untilSteady: true, maxSeconds}` steps one second at
 * a time until the calling region is steady, or until maxSeconds have passed. Works on a realtime
 * clock too: it jumps ahead and keeps running from there.
 */
export function advanceTime(ctx: OperationContext, input: unknown, api: SandboxApi): AdvanceTimeOutput {
  const req = validateSandboxInput<AdvanceTimeInput>(ADVANCE_TIME, input);
  const untilSteady = req.untilSteady === true;
  if (req.seconds !== undefined && untilSteady) throw invalidParameter(SANDBOX.advanceBoth);
  const from = ctx.doc.clock.nowMs;
  if (untilSteady) {
    if (req.maxSeconds === undefined) throw invalidParameter(SANDBOX.maxSecondsRequired);
    const limit = requireSeconds('maxSeconds', req.maxSeconds);
    advanceClock(ctx.doc, from + limit, api, () => isRegionSteady(ctx.state));
  } else {
    if (req.seconds === undefined) throw invalidParameter(SANDBOX.advanceNeither);
    advanceClock(ctx.doc, from + requireSeconds('seconds', req.seconds), api);
  }
  api.reanchorClock();
  return { now: toEpochSeconds(ctx.doc.clock.nowMs), steady: isRegionSteady(ctx.state) };
}

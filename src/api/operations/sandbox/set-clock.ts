import type { OperationContext } from '../../operation-context.ts';
import type { SandboxApi } from '../../handler.ts';
import { invalidParameter } from '../../aws-error.ts';
import { SANDBOX } from '../../../messages.ts';
import { string, structure, validateSandboxInput } from '../../validate/validate-sandbox-input.ts';
import { toEpochSeconds } from '../../wire-time.ts';
import { parseClock } from './reset.ts';

const SET_CLOCK = structure({ clock: string() }, ['clock']);

/**
 * Switches the clock between `manual` (only AdvanceTime moves it) and `realtime[:N]` (N× wall time)
 * without touching the document (semantics 3.1): the playground's play, pause and speed. Simulated
 * time continues from where it is.
 */
export function setClock(ctx: OperationContext, input: unknown, api: SandboxApi): { clock: string; now: number } {
  const req = validateSandboxInput<{ clock: string }>(SET_CLOCK, input);
  const clock = parseClock(req.clock);
  if (!clock) throw invalidParameter(SANDBOX.badClock(req.clock));
  ctx.doc.clock.mode = clock.mode;
  ctx.doc.clock.speed = clock.speed;
  api.reanchorClock();
  return { clock: req.clock, now: toEpochSeconds(ctx.doc.clock.nowMs) };
}

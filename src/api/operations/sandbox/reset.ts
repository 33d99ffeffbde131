import type { OperationContext } from '../../operation-context.ts';
import type { SandboxApi } from '../../handler.ts';
import type { ClockMode } from '../../../domain/sandbox-document.ts';
import { DEFAULT_ACCOUNT_ID } from '../../../domain/sandbox-document.ts';
import { ACCOUNT_ID } from '../../../domain/resource-ids.ts';
import { invalidParameter } from '../../aws-error.ts';
import { SANDBOX } from '../../../messages.ts';
import { newDocument } from '../../../domain/new-document.ts';
import { integer, string, structure, validateSandboxInput } from '../../validate/validate-sandbox-input.ts';

export interface ResetInput {
  seed?: number;
  clock?: string;
  accountId?: string;
}

export interface ResetOutput {
  accountId: string;
}

const RESET = structure({ seed: integer, clock: string(), accountId: string() });

/** `manual`, `realtime` (1×) or `realtime:N` (N× wall time, N > 0), as `serve --clock` spells it (semantics 3.1). */
export function parseClock(text: string): { mode: ClockMode; speed: number } | undefined {
  if (text === 'manual') return { mode: 'manual', speed: 1 };
  if (text === 'realtime') return { mode: 'realtime', speed: 1 };
  const m = /^realtime:([0-9]+(?:\.[0-9]+)?)$/.exec(text);
  const speed = m ? Number(m[1]) : NaN;
  return speed > 0 && Number.isFinite(speed) ? { mode: 'realtime', speed } : undefined;
}

/**
 * A brand-new document: every region starts again from its `default` cluster (D4), the id and
 * placement streams restart from `seed`, and simulated time from 2018-05-22. Omitted members take
 * the defaults of a new document (seed 1, account 123456789012), except `clock`: the clock is the
 * host's choice (`serve --clock`, the playground's realtime), so an omitted `clock` keeps its mode.
 */
export function reset(ctx: OperationContext, input: unknown, api: SandboxApi): ResetOutput {
  const req = validateSandboxInput<ResetInput>(RESET, input);
  const seed = req.seed ?? 1;
  if (seed < 0 || seed > 0xffffffff) throw invalidParameter(SANDBOX.badSeed(seed));
  const accountId = req.accountId ?? DEFAULT_ACCOUNT_ID;
  if (!ACCOUNT_ID.test(accountId)) throw invalidParameter(SANDBOX.badAccountId(accountId));
  const clock = req.clock === undefined ? { mode: ctx.doc.clock.mode, speed: ctx.doc.clock.speed } : parseClock(req.clock);
  if (!clock) throw invalidParameter(SANDBOX.badClock(req.clock!));

  const doc = newDocument({ seed, accountId, clock: clock.mode, speed: clock.speed });
  api.replaceDocument(doc);
  return { accountId: doc.accountId };
}

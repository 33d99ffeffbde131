// Calls through the worker by operation name, with AWS's error kept as a value for display.
import type { CallOutcome, SchedulerApi } from '../../src/worker/scheduler-api.ts';

export const ECS_TARGET = 'AmazonEC2ContainerServiceV20141113';
export const SANDBOX_TARGET = 'EcsSandbox';

export type Outcome<T> = { ok: true; output: T } | { ok: false; code: string; message: string };

export async function callTarget<T>(scheduler: Pick<SchedulerApi, 'call'>, target: string, input: unknown): Promise<Outcome<T>> {
  try {
    const outcome: CallOutcome = await scheduler.call(target, input);
    if ('error' in outcome) return { ok: false, code: outcome.error.code, message: outcome.error.message };
    return { ok: true, output: outcome.output as T };
  } catch (error) {
    return { ok: false, code: 'WorkerError', message: (error as Error)?.message ?? String(error) };
  }
}

export const sandboxCall = <T>(s: Pick<SchedulerApi, 'call'>, op: string, input: unknown = {}) => callTarget<T>(s, `${SANDBOX_TARGET}.${op}`, input);
export const ecsCall = <T>(s: Pick<SchedulerApi, 'call'>, op: string, input: unknown = {}) => callTarget<T>(s, `${ECS_TARGET}.${op}`, input);

/** `code: message`, as the UI shows a failed call. */
export const outcomeError = (o: { code: string; message: string }) => `${o.code}: ${o.message}`;

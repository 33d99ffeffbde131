// One widget's session as the playground's components expect a scheduler (call, view, coreStatus):
// every call names the session, and errors of view() become rejections as the worker's would.
import type { CallOutcome, EmbedApi, SandboxView, SchedulerApi, UnchangedView } from '../../src/worker/embed-api.ts';

export type SessionScheduler = Pick<SchedulerApi, 'call' | 'view' | 'coreStatus'>;

export function sessionScheduler(api: Pick<EmbedApi, 'call' | 'view'>, id: string): SessionScheduler {
  return Object.freeze({
    call: (target: string, input?: unknown): Promise<CallOutcome> => api.call(id, target, input),
    // `reuse` is the playground's optimisation for thousands of tasks; a widget always gets whole views
    view: async (options: { region?: string; sinceRevision?: number } = {}): Promise<SandboxView | UnchangedView> => {
      const outcome = await api.view(id, { ...(options.region ? { region: options.region } : {}), ...(options.sinceRevision === undefined ? {} : { sinceRevision: options.sinceRevision }) });
      if ('error' in outcome) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
      return outcome.output;
    },
    coreStatus: () => Promise.reject(new Error('coreStatus is not available in a widget')),
  });
}

// The widgets' handle on the embed worker: one worker per page, created by the first widget that asks
// and shared by all the others (a module-level singleton), each of which works in its own session.
import { wrap, type Remote } from 'comlink';
import type { EmbedApi } from './embed-api.ts';

export interface EmbedClient {
  api: Remote<EmbedApi>;
  /** Fires when the worker itself fails (a script error), as opposed to an API error. */
  onWorkerError(listener: (message: string) => void): void;
}

let shared: EmbedClient | undefined;

/** The page's one embed worker, started on first use. */
export function sharedEmbedClient(): EmbedClient {
  if (shared) return shared;
  const worker = new Worker(new URL('./embed.worker.ts', import.meta.url), { type: 'module', name: 'ecs-sandbox-embed' });
  shared = {
    api: wrap<EmbedApi>(worker),
    onWorkerError: (listener) => worker.addEventListener('error', (event) => listener(event.message || 'worker failed to start')),
  };
  return shared;
}

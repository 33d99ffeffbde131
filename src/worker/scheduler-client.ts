// The page's handle on the worker. web/ reaches the sandbox only through this (architecture.md §2).
import { wrap, type Remote } from 'comlink';
import type { SchedulerApi } from './scheduler-api.ts';

export interface SchedulerClient {
  api: Remote<SchedulerApi>;
  /** Fires when the worker itself fails (a script error), as opposed to an API error. */
  onWorkerError(listener: (message: string) => void): void;
  terminate(): void;
}

export function createSchedulerClient(): SchedulerClient {
  const worker = new Worker(new URL('./scheduler.worker.ts', import.meta.url), { type: 'module', name: 'ecs-sandbox-scheduler' });
  return {
    api: wrap<SchedulerApi>(worker),
    onWorkerError: (listener) => worker.addEventListener('error', (event) => listener(event.message || 'worker failed to start')),
    terminate: () => worker.terminate(),
  };
}

// A plain object over the comlink Remote of the worker. A comlink proxy answers every property read
// with another proxy, so Lit (which probes bound values for `_$litType$` and directive markers) would
// mistake it for a template and try to clone symbols to the worker. Elements get this instead.

/** SchedulerApi's methods, the persistence ones included; a worker without one rejects its call. */
export const SCHEDULER_METHODS = [
  'request', 'call', 'coreStatus', 'view',
  'listScenarios', 'currentScenario', 'newScenario', 'openScenario', 'duplicateScenario', 'renameScenario',
  'deleteScenario', 'importScenario', 'readRawScenario', 'flush',
  'whatIf', 'saveWhatIf',
] as const;

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

export function plainScheduler<T extends object>(remote: T): T {
  const out: Record<string, AnyMethod> = {};
  const source = remote as unknown as Record<string, AnyMethod>;
  for (const name of SCHEDULER_METHODS) out[name] = (...args: unknown[]) => source[name](...args);
  return Object.freeze(out) as unknown as T;
}

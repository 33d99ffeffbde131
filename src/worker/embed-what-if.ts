// The what-if view of <ecs-sandbox>: runs a widget's what-if request on the what-if core (src/whatif,
// issue 6 item 1) when this build has it. import.meta.glob matches nothing while src/whatif does not
// exist, so the widget then answers "not available" instead of failing to build.
import { AwsError } from '../api/aws-error.ts';
import { EMBED } from '../messages.ts';
import type { SchedulerCoreExports } from '../wasm/scheduler-core-exports.ts';
import { createWasmPlacementCore } from '../wasm/wasm-placement-core.ts';
import type { EmbedWhatIfResult, WhatIfTable } from './embed-api.ts';
import type { CallOutcome } from './scheduler-api.ts';

type AnyFunction = (...args: unknown[]) => unknown;
const loaders = import.meta.glob<Record<string, unknown>>('../whatif/run-what-if.ts');

const pick = (module: Record<string, unknown> | undefined, name: string): AnyFunction | undefined =>
  typeof module?.[name] === 'function' ? (module[name] as AnyFunction) : undefined;

/** Whether this build carries the what-if core. */
export const whatIfAvailable = (): boolean => Object.keys(loaders).some((path) => path.endsWith('/run-what-if.ts'));

export async function runEmbedWhatIf(request: Record<string, unknown>, core: SchedulerCoreExports): Promise<CallOutcome<EmbedWhatIfResult>> {
  const load = (file: string) => {
    const key = Object.keys(loaders).find((path) => path.endsWith(`/${file}`));
    return key ? loaders[key]() : Promise.resolve(undefined);
  };
  const run = pick(await load('run-what-if.ts'), 'runWhatIf');
  if (!run) return { error: { code: 'UnsupportedOperation', message: EMBED.whatIfUnavailable } };
  try {
    // every variant on a fresh placement core over the one compiled module (RunWhatIfOptions)
    const report = await run(request, { placementCore: () => createWasmPlacementCore(core) });
    return { output: { table: whatIfTable(report as ReportLike) } };
  } catch (error) {
    if (error instanceof AwsError) return { error: { code: error.code, message: error.message } };
    return { error: { code: 'ServerException', message: EMBED.whatIfFailed(error instanceof Error ? error.message : String(error)) } };
  }
}

/** The parts of WhatIfReport (src/whatif/what-if-types.ts) the table shows, read defensively. */
interface ReportLike {
  variants?: {
    name?: string;
    steady?: boolean;
    services?: { name?: string; [metric: string]: unknown }[];
    balance?: { perAz?: Record<string, unknown>; perInstanceMax?: unknown; perInstanceMin?: unknown };
    utilization?: { cpu?: unknown; memory?: unknown };
    eventsOnlyHere?: string[];
  }[];
}

/** A Metric as text: a number, or `median (min–max)` over seeds; empty when absent. */
export function metricText(value: unknown, percent = false): string {
  const one = (n: number) => (percent ? `${Math.round(n * 1000) / 10}%` : String(Math.round(n * 100) / 100));
  if (typeof value === 'number') return one(value);
  if (value !== null && typeof value === 'object' && 'median' in value) {
    const s = value as { min: number; median: number; max: number };
    return `${one(s.median)} (${one(s.min)}–${one(s.max)})`;
  }
  return value === undefined || value === null ? '' : String(value);
}

const SERVICE_METRICS: [key: string, label: string][] = [
  ['running', 'running'], ['unplaced', 'unplaced'], ['deploymentSeconds', 'deployment (s)'], ['lowestHealthy', 'lowest healthy'],
  ['highestTotal', 'highest total'], ['secondsBelowDesired', 'seconds below desired'], ['stuck', 'stuck'],
];

/** The comparison as rows of text, one column per variant (what the widget renders as a table). */
export function whatIfTable(report: ReportLike): WhatIfTable {
  const variants = report.variants ?? [];
  const rows: WhatIfTable['rows'] = [];
  const row = (label: string, cell: (v: (typeof variants)[number]) => string) => rows.push({ label, cells: variants.map(cell) });
  row('steady', (v) => (v.steady ? 'yes' : 'no'));
  const services = [...new Set(variants.flatMap((v) => (v.services ?? []).map((s) => String(s.name))))];
  for (const name of services) {
    for (const [key, label] of SERVICE_METRICS) {
      row(`${name}: ${label}`, (v) => metricText(v.services?.find((s) => s.name === name)?.[key]));
    }
  }
  const zones = [...new Set(variants.flatMap((v) => Object.keys(v.balance?.perAz ?? {})))].sort();
  for (const zone of zones) row(`tasks in ${zone}`, (v) => metricText(v.balance?.perAz?.[zone]));
  row('most tasks on one instance', (v) => metricText(v.balance?.perInstanceMax));
  row('fewest tasks on one instance', (v) => metricText(v.balance?.perInstanceMin));
  row('CPU reserved', (v) => metricText(v.utilization?.cpu, true));
  row('memory reserved', (v) => metricText(v.utilization?.memory, true));
  row('events only here', (v) => (v.eventsOnlyHere ?? []).join('; '));
  return { variants: variants.map((v) => String(v.name ?? '')), rows };
}

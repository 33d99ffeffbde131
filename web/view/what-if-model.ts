// The playground's what-if view without the DOM: the setup it edits (WhatIfSetup, saved with the
// scenario), the quick forms that make WhatIfChanges, the request it sends to scheduler.whatIf, and
// the comparison table's rows read from the report.
import type {
  Metric, PlacementStrategy, ScenarioCall, ServiceReport, Spread, VariantReport, WhatIfChange, WhatIfReport, WhatIfRequest,
  WhatIfSetup, WhatIfTimelineKind, WhatIfVariant,
} from '../../src/worker/scheduler-api.ts';
import { ECS_TARGET } from './call.ts';

export const MAX_SEEDS = 20;
export const MAX_VARIANTS = 32;
/** How long each run may take after the timeline started (runWhatIf's default). */
export const WHAT_IF_MAX_SECONDS = 3600;

export const TIMELINE_CHOICES: readonly { id: WhatIfTimelineKind; label: string }[] = [
  { id: 'new-revision', label: 'A new revision of its task definition (rolling deployment)' },
  { id: 'steady', label: 'Nothing: just run to steady state' },
];

/** The placement strategies the quick form offers. */
export const STRATEGY_CHOICES: readonly { id: string; label: string; strategy: PlacementStrategy[] }[] = [
  {
    id: 'spread-az-binpack-memory', label: 'spread(AZ) → binpack(memory)',
    strategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
  },
  { id: 'binpack-memory', label: 'binpack(memory)', strategy: [{ type: 'binpack', field: 'memory' }] },
  { id: 'spread-instance', label: 'spread(instanceId)', strategy: [{ type: 'spread', field: 'instanceId' }] },
  { id: 'random', label: 'random', strategy: [{ type: 'random' }] },
];

/** A quick form's values: one kind of change at a time. */
export type QuickForm =
  | { kind: 'strategy'; strategy: string }
  | { kind: 'deployment'; minimumHealthyPercent: number; maximumPercent: number }
  | { kind: 'desiredCount'; desiredCount: number }
  | { kind: 'addInstances'; instanceType: string; availabilityZone: string; count: number }
  | { kind: 'terminateAz'; availabilityZone: string; atSeconds: number };

export const QUICK_KINDS: readonly { id: QuickForm['kind']; label: string }[] = [
  { id: 'strategy', label: 'Placement strategy' },
  { id: 'deployment', label: 'Deployment configuration (min/max %)' },
  { id: 'desiredCount', label: 'Desired count' },
  { id: 'addInstances', label: 'Add instances' },
  { id: 'terminateAz', label: 'Terminate an Availability Zone' },
];

/** `cluster/service` → its parts (a name without a slash is in `default`). */
export function splitService(name: string): { cluster: string; service: string } {
  const at = name.indexOf('/');
  return at < 0 ? { cluster: 'default', service: name } : { cluster: name.slice(0, at), service: name.slice(at + 1) };
}

/** The change a quick form makes for `serviceName` (`cluster/service`), or why it cannot. */
export function quickChange(form: QuickForm, serviceName: string): { change: WhatIfChange } | { error: string } {
  const { cluster, service } = splitService(serviceName);
  const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
  switch (form.kind) {
    case 'strategy': {
      const choice = STRATEGY_CHOICES.find((c) => c.id === form.strategy);
      if (!choice) return { error: 'Choose a placement strategy.' };
      return { change: { service, cluster, placementStrategy: structuredClone(choice.strategy) } };
    }
    case 'deployment':
      if (!whole(form.minimumHealthyPercent, 0, 100)) return { error: 'Minimum healthy percent must be a whole number from 0 to 100.' };
      if (!whole(form.maximumPercent, 100, 10_000)) return { error: 'Maximum percent must be a whole number of 100 or more.' };
      return {
        change: {
          service, cluster,
          deploymentConfiguration: { minimumHealthyPercent: form.minimumHealthyPercent, maximumPercent: form.maximumPercent },
        },
      };
    case 'desiredCount':
      if (!whole(form.desiredCount, 0, 1000)) return { error: 'Desired count must be a whole number from 0 to 1000.' };
      return { change: { service, cluster, desiredCount: form.desiredCount } };
    case 'addInstances':
      if (!form.instanceType.trim()) return { error: 'Enter an instance type, e.g. m4.large.' };
      if (!form.availabilityZone.trim()) return { error: 'Choose an Availability Zone.' };
      if (!whole(form.count, 1, 1000)) return { error: 'Count must be a whole number from 1 to 1000.' };
      return {
        change: { addInstances: { cluster, instanceType: form.instanceType.trim(), availabilityZone: form.availabilityZone.trim(), count: form.count } },
      };
    case 'terminateAz':
      if (!form.availabilityZone.trim()) return { error: 'Choose an Availability Zone.' };
      if (!(Number.isFinite(form.atSeconds) && form.atSeconds >= 0)) return { error: 'The time must be 0 seconds or more.' };
      return {
        change: { fault: { atSeconds: form.atSeconds, fault: 'terminateAvailabilityZone', cluster, availabilityZone: form.availabilityZone.trim() } },
      };
  }
}

/** A short human label of a change (the variant's list of changes). */
export function describeChange(change: WhatIfChange): string {
  if ('addInstances' in change) {
    const a = change.addInstances;
    return `add ${a.count} × ${a.instanceType} in ${a.availabilityZone}`;
  }
  if ('removeInstances' in change) return `remove instances ${change.removeInstances.ec2InstanceIds.join(', ')}`;
  if ('fault' in change) {
    const f = change.fault;
    return `${f.fault}${f.availabilityZone ? ` ${f.availabilityZone}` : ''} at ${f.atSeconds} s`;
  }
  if ('calls' in change) return `${change.calls.length} API call${change.calls.length === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (change.placementStrategy) {
    parts.push(`strategy ${change.placementStrategy.map((s) => (s.field ? `${s.type}(${s.field})` : s.type)).join(' → ') || 'none'}`);
  }
  if (change.placementConstraints) parts.push(`${change.placementConstraints.length} constraint(s)`);
  if (change.deploymentConfiguration) {
    const d = change.deploymentConfiguration;
    parts.push(`deployment ${d.minimumHealthyPercent ?? '–'}/${d.maximumPercent ?? '–'}`);
  }
  if (change.desiredCount !== undefined) parts.push(`desired ${change.desiredCount}`);
  if (change.taskDefinition) parts.push(`task definition ${change.taskDefinition}`);
  return `${change.service}: ${parts.join(', ') || 'no change'}`;
}

/** A JSON box's text as a change list; each element must be an object (runWhatIf judges the rest). */
export function parseChanges(text: string): { changes: WhatIfChange[] } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text.trim() === '' ? '[]' : text);
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
  if (!Array.isArray(value)) return { error: 'Expected a JSON list of changes, e.g. [{"service": "web", "desiredCount": 6}].' };
  const bad = value.findIndex((c) => c === null || typeof c !== 'object' || Array.isArray(c));
  if (bad >= 0) return { error: `Change ${bad} is not a JSON object.` };
  return { changes: value as WhatIfChange[] };
}

export const changesText = (changes: readonly WhatIfChange[]) => JSON.stringify(changes, null, 2);

/** A new setup for `service`: the scenario as it is, and the rolling deployment. */
export function defaultSetup(service: string): WhatIfSetup {
  return { service, timeline: 'new-revision', seeds: 1, variants: [{ name: 'As is', changes: [] }] };
}

/** A name not yet used by the setup's variants. */
export function freshVariantName(variants: readonly WhatIfVariant[], base = 'Variant'): string {
  const names = new Set(variants.map((v) => v.name));
  for (let n = variants.length + 1; ; n++) if (!names.has(`${base} ${n}`)) return `${base} ${n}`;
}

/** The seeds field's value, clamped to 1–20. */
export const clampSeeds = (n: number) => (Number.isFinite(n) ? Math.min(MAX_SEEDS, Math.max(1, Math.round(n))) : 1);

/** RegisterTaskDefinition's members that DescribeTaskDefinition returns as they were registered. */
const REGISTER_MEMBERS = [
  'family', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'containerDefinitions', 'volumes', 'placementConstraints',
  'requiresCompatibilities', 'cpu', 'memory',
] as const;

/** DescribeTaskDefinition's `taskDefinition` as a RegisterTaskDefinition input: the same definition, registered again. */
export function reRegisterInput(taskDefinition: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of REGISTER_MEMBERS) if (taskDefinition[key] !== undefined) input[key] = structuredClone(taskDefinition[key]);
  return input;
}

/** Names the timeline's RegisterTaskDefinition output, so that UpdateService can refer to the new revision. */
export const NEW_REVISION_REF = 'whatIfRevision';

/**
 * The timeline every variant runs: for `new-revision`, the service's task definition registered
 * again and UpdateService to that revision (a rolling deployment); for `steady`, nothing.
 */
export function timelineCalls(kind: WhatIfTimelineKind, serviceName: string, taskDefinition?: Record<string, unknown>): ScenarioCall[] {
  if (kind === 'steady' || !taskDefinition) return [];
  const { cluster, service } = splitService(serviceName);
  return [
    { target: `${ECS_TARGET}.RegisterTaskDefinition`, input: reRegisterInput(taskDefinition), as: NEW_REVISION_REF },
    {
      target: `${ECS_TARGET}.UpdateService`,
      input: { cluster, service, taskDefinition: `\${${NEW_REVISION_REF}.taskDefinition.taskDefinitionArn}` },
    },
  ];
}

export function whatIfRequest(scenario: unknown, setup: WhatIfSetup, timeline: ScenarioCall[]): WhatIfRequest {
  return {
    scenario, timeline, seeds: clampSeeds(setup.seeds), maxSeconds: WHAT_IF_MAX_SECONDS,
    variants: setup.variants.map((v) => ({ name: v.name, changes: structuredClone(v.changes) })),
  };
}

// ── The comparison table ────────────────────────────────────────────────────────────────────────

const isSpread = (m: Metric): m is Spread => typeof m === 'object';
/** The value with one seed; else `median (min–max)`. */
export function formatMetric(m: Metric, unit = ''): string {
  if (!isSpread(m)) return `${m}${unit}`;
  if (m.min === m.max) return `${m.min}${unit}`;
  return `${m.median}${unit} (${m.min}–${m.max}${unit})`;
}
export const metricMedian = (m: Metric) => (isSpread(m) ? m.median : m);
const percentOf = (m: Metric): Metric =>
  isSpread(m) ? { min: pct(m.min), median: pct(m.median), max: pct(m.max) } : pct(m);
const pct = (x: number) => Math.round(x * 1000) / 10;

export interface ComparisonRow {
  /** Stable id, for tests and `data-row`. */
  id: string;
  label: string;
  cells: string[];
}

/** The service's report in a variant, by `cluster/service`. */
export const serviceOf = (variant: VariantReport, service: string): ServiceReport | undefined =>
  variant.services.find((s) => s.name === service);

/** MIN and MAX (9.1) at the timeline's start: the limits the variant's deployment ran under. */
function limitsOf(variant: VariantReport, service: string): { min?: number; max?: number } {
  const first = variant.timelines?.find((t) => t.name === service)?.points[0];
  return first ? { min: first.min, max: first.max } : {};
}

/** The deployment cell: its seconds, `stuck: reason`, or not steady. */
export function deploymentCell(variant: VariantReport, s: ServiceReport | undefined, maxSeconds: number): string {
  if (!s) return '—';
  if (s.deploymentSeconds !== undefined && s.stuckRuns === 0) return formatMetric(s.deploymentSeconds, ' s');
  if (s.stuck) return `stuck: ${s.stuck}${variant.runs > 1 ? ` (${s.stuckRuns} of ${variant.runs} runs)` : ''}`;
  if (s.deploymentSeconds !== undefined) return formatMetric(s.deploymentSeconds, ' s');
  return `stuck: not steady after ${maxSeconds} s`;
}

/** The table's rows: metrics down, variants across. */
export function comparisonRows(report: WhatIfReport, service: string): ComparisonRow[] {
  const vs = report.variants;
  const per = (f: (v: VariantReport, s: ServiceReport | undefined) => string) => vs.map((v) => f(v, serviceOf(v, service)));
  const or = (s: ServiceReport | undefined, f: (s: ServiceReport) => string) => (s ? f(s) : '—');
  const zones = [...new Set(vs.flatMap((v) => Object.keys(v.balance.perAz)))].sort();
  return [
    { id: 'placed', label: 'Tasks placed (running / desired)', cells: per((_v, s) => or(s, (x) => `${formatMetric(x.running)} / ${formatMetric(x.desired)}`)) },
    {
      id: 'unplaced', label: 'Unplaced',
      cells: per((_v, s) => or(s, (x) => `${formatMetric(x.unplaced)}${x.lastPlacementFailure ? ` — ${x.lastPlacementFailure}` : ''}`)),
    },
    { id: 'deployment', label: 'Deployment', cells: per((v, s) => deploymentCell(v, s, report.maxSeconds)) },
    {
      id: 'lowest-healthy', label: 'Lowest healthy vs MIN',
      cells: per((v, s) => or(s, (x) => withLimit(formatMetric(x.lowestHealthy), 'MIN', limitsOf(v, service).min))),
    },
    {
      id: 'highest-total', label: 'Highest total vs MAX',
      cells: per((v, s) => or(s, (x) => withLimit(formatMetric(x.highestTotal), 'MAX', limitsOf(v, service).max))),
    },
    { id: 'below-desired', label: 'Seconds below desired', cells: per((_v, s) => or(s, (x) => formatMetric(x.secondsBelowDesired, ' s'))) },
    {
      id: 'per-az', label: 'Tasks per Availability Zone (all services)',
      cells: vs.map((v) => zones.map((z) => `${z}: ${v.balance.perAz[z] === undefined ? '—' : formatMetric(v.balance.perAz[z])}`).join(', ') || '—'),
    },
    {
      id: 'per-instance', label: 'Tasks per instance (fewest – most)',
      cells: vs.map((v) => `${formatMetric(v.balance.perInstanceMin)} – ${formatMetric(v.balance.perInstanceMax)} on ${formatMetric(v.balance.instances)} instances`),
    },
    {
      id: 'utilization', label: 'Reserved CPU / memory',
      cells: vs.map((v) => `CPU ${formatMetric(percentOf(v.utilization.cpu), '%')}, memory ${formatMetric(percentOf(v.utilization.memory), '%')}`),
    },
    { id: 'steady', label: 'Steady at the end', cells: vs.map((v) => (v.steady ? 'yes' : 'no')) },
    {
      id: 'events', label: 'Events only in this variant',
      cells: vs.map((v, i) => (i === 0 ? '(reference)' : v.eventsOnlyHere.length ? v.eventsOnlyHere.join('\n') : 'none')),
    },
  ];
}

const withLimit = (value: string, name: string, limit: number | undefined) => (limit === undefined ? value : `${value} (${name} ${limit})`);

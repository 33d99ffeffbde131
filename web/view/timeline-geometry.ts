// Geometry of the deployment timeline chart (EcsSandbox.GetTimeline samples): step lines of running and
// pending per deployment against the MIN/MAX band, in SVG path syntax, plus a text summary.

import type { TimelineOutput } from '../../src/worker/scheduler-api.ts';
import { shortDeploymentId } from './format.ts';

/** One GetTimeline sample (`at` in epoch seconds on the wire). */
export type TimelineSample = TimelineOutput['samples'][number];

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the axes' labels. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface DeploymentSeries {
  id: string;
  /** The status in the latest sample that lists it. */
  status: string;
  running: string;
  pending: string;
  lastRunning: number;
  lastPending: number;
}

export interface TimelineGeometry {
  /** Seconds since the first sample at the left and right edges. */
  t0: number;
  t1: number;
  yMax: number;
  /** The area between MIN and MAX. */
  band: string;
  min: string;
  max: string;
  desired: string;
  series: DeploymentSeries[];
  yTicks: { value: number; y: number }[];
  xTicks: { seconds: number; x: number }[];
}

export const DEFAULT_BOX: ChartBox = { width: 640, height: 220, left: 36, right: 12, top: 10, bottom: 24 };

const round = (n: number) => Math.round(n * 10) / 10;

/** Step path: each value holds from its sample until the next one, the last until `end`. */
export function stepPath(points: readonly { x: number; y: number }[], endX: number): string {
  if (points.length === 0) return '';
  let d = `M${round(points[0].x)},${round(points[0].y)}`;
  for (let i = 1; i < points.length; i++) d += `H${round(points[i].x)}V${round(points[i].y)}`;
  return `${d}H${round(endX)}`;
}

/** A "nice" tick step (1, 2, 5 × 10^k) giving about `count` ticks over `span`. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / Math.max(1, count);
  const pow = 10 ** Math.floor(Math.log10(raw));
  const m = raw / pow;
  return (m <= 1.5 ? 1 : m <= 3 ? 2 : m <= 7 ? 5 : 10) * pow;
}

/** Time steps that read well: seconds, minutes, hours. */
function timeStep(span: number, count: number): number {
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400];
  const raw = span / Math.max(1, count);
  return steps.find((s) => s >= raw) ?? niceStep(span, count);
}

/**
 * Lays out `samples` (oldest first) in `box`; `nowSeconds` extends the last values to the present.
 * Deployments keep the order they first appear in (creation order).
 */
export function timelineGeometry(samples: readonly TimelineSample[], nowSeconds?: number, box: ChartBox = DEFAULT_BOX): TimelineGeometry {
  const empty: TimelineGeometry = { t0: 0, t1: 0, yMax: 1, band: '', min: '', max: '', desired: '', series: [], yTicks: [], xTicks: [] };
  if (samples.length === 0) return empty;
  const start = samples[0].at;
  const end = Math.max(samples[samples.length - 1].at, nowSeconds ?? 0, start + 1);
  let top = 1;
  for (const s of samples) {
    top = Math.max(top, s.max, s.desiredCount);
    for (const d of s.deployments) top = Math.max(top, d.running + d.pending);
  }
  const yMax = Math.ceil(top * 1.1) || 1;
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const x = (at: number) => box.left + ((at - start) / (end - start)) * plotW;
  const y = (v: number) => box.top + plotH - (v / yMax) * plotH;
  const endX = x(end);

  const line = (value: (s: TimelineSample) => number) => stepPath(samples.map((s) => ({ x: x(s.at), y: y(value(s)) })), endX);

  // band: along MAX forwards, then back along MIN, each value held until the next sample
  const nextX = (i: number) => (i === samples.length - 1 ? endX : x(samples[i + 1].at));
  const outline: [number, number][] = [];
  for (let i = 0; i < samples.length; i++) outline.push([x(samples[i].at), y(samples[i].max)], [nextX(i), y(samples[i].max)]);
  for (let i = samples.length - 1; i >= 0; i--) outline.push([nextX(i), y(samples[i].min)], [x(samples[i].at), y(samples[i].min)]);
  const band = `M${outline.map(([px, py]) => `${round(px)},${round(py)}`).join('L')}Z`;

  const ids: string[] = [];
  for (const s of samples) for (const d of s.deployments) if (!ids.includes(d.id)) ids.push(d.id);
  const series = ids.map((id) => {
    const value = (s: TimelineSample, key: 'running' | 'pending') => s.deployments.find((d) => d.id === id)?.[key] ?? 0;
    let status = '';
    for (const s of samples) { const d = s.deployments.find((e) => e.id === id); if (d) status = d.status; }
    const last = samples[samples.length - 1].deployments.find((d) => d.id === id);
    return {
      id, status,
      running: line((s) => value(s, 'running')),
      pending: line((s) => value(s, 'pending')),
      lastRunning: last?.running ?? 0,
      lastPending: last?.pending ?? 0,
    };
  });

  const yStep = Math.max(1, niceStep(yMax, 4));
  const yTicks: { value: number; y: number }[] = [];
  for (let v = 0; v <= yMax; v += yStep) yTicks.push({ value: v, y: round(y(v)) });
  const tStep = timeStep(end - start, 6);
  const xTicks: { seconds: number; x: number }[] = [];
  for (let t = 0; t <= end - start; t += tStep) xTicks.push({ seconds: t, x: round(x(start + t)) });

  return {
    t0: 0, t1: end - start, yMax, band,
    min: line((s) => s.min), max: line((s) => s.max), desired: line((s) => s.desiredCount),
    series, yTicks, xTicks,
  };
}

/** What the chart shows, in words, for screen readers and the text view: the latest sample and the period's story. */
export function timelineSummary(serviceName: string, samples: readonly TimelineSample[], stuck?: string): string {
  if (samples.length === 0) return `${serviceName}: no samples yet.`;
  const last = samples[samples.length - 1];
  const span = last.at - samples[0].at;
  const deployments = last.deployments.map((d) => `${d.status} deployment ${shortDeploymentId(d.id)}: ${d.running} running, ${d.pending} pending`);
  const parts = [
    `${serviceName}: ${samples.length} sample${samples.length === 1 ? '' : 's'} over ${Math.round(span)} s.`,
    `Now desired ${last.desiredCount}, MIN ${last.min}, MAX ${last.max}, healthy ${last.healthy}.`,
    deployments.length ? `${deployments.join('; ')}.` : 'No deployments.',
  ];
  // the story of the whole period, not only its end: deployments that have gone, and the lowest healthy count
  const current = new Set(last.deployments.map((d) => d.id));
  const gone = new Map<string, number>();
  for (const sample of samples) {
    for (const d of sample.deployments) if (!current.has(d.id)) gone.set(d.id, Math.max(gone.get(d.id) ?? 0, d.running));
  }
  if (gone.size > 0) parts.push(`Replaced: ${[...gone].map(([id, peak]) => `deployment ${shortDeploymentId(id)} (up to ${peak} running)`).join('; ')}.`);
  if (samples.length > 1) {
    const lowest = samples.reduce((a, b) => (b.healthy < a.healthy ? b : a));
    parts.push(`Lowest healthy ${lowest.healthy} (MIN ${lowest.min} then).`);
  }
  if (stuck) parts.push(`The deployment cannot progress (${stuck}).`);
  return parts.join(' ');
}

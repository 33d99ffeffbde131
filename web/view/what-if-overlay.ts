// The what-if view's overlaid timelines without the DOM: one step line per variant of the chosen
// service's running count over the seconds since the timeline started (VariantReport.timelines), in
// SVG path syntax, with a dash pattern each (colour never carries the meaning alone) and a text summary.
import type { TimelinePoint, WhatIfReport } from '../../src/worker/scheduler-api.ts';
import { deploymentSeriesColour } from './colours.ts';
import { deploymentCell, serviceOf } from './what-if-model.ts';

export interface OverlayBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const OVERLAY_BOX: OverlayBox = { width: 640, height: 220, left: 36, right: 12, top: 10, bottom: 26 };

/** Dash patterns per variant (the first solid). */
const DASHES = ['', '7 4', '2 3', '10 3 2 3', '4 4', '1 5'];

export interface OverlaySeries {
  name: string;
  colour: string;
  dash: string;
  /** Step path of the running count; empty when the service has no samples in this variant. */
  path: string;
  points: TimelinePoint[];
}

export interface OverlayGeometry {
  /** The right edge, in seconds since the timeline started. */
  t1: number;
  yMax: number;
  series: OverlaySeries[];
  xTicks: { seconds: number; x: number }[];
  yTicks: { value: number; y: number }[];
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A round step (1, 2, 5 × 10^k) giving about `count` ticks over `span`. */
function niceStep(span: number, count: number): number {
  const raw = Math.max(span / count, 1e-9);
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

export function overlayGeometry(report: WhatIfReport, service: string, box: OverlayBox = OVERLAY_BOX): OverlayGeometry {
  const timelines = report.variants.map((v) => v.timelines?.find((t) => t.name === service)?.points ?? []);
  const lastAt = Math.max(0, ...timelines.flatMap((points) => points.map((p) => p.atSeconds)));
  // a little room after the last sample, so the final level shows as a segment
  const t1 = Math.max(10, Math.ceil(lastAt * 1.1));
  const yMax = Math.max(1, ...timelines.flatMap((points) => points.map((p) => Math.max(p.running, p.desired))));
  const x = (t: number) => round(box.left + (t / t1) * (box.width - box.left - box.right));
  const y = (v: number) => round(box.top + (1 - v / yMax) * (box.height - box.top - box.bottom));
  const series = report.variants.map((v, i): OverlaySeries => {
    const points = timelines[i];
    let path = '';
    points.forEach((p, k) => {
      path += k === 0 ? `M${x(p.atSeconds)},${y(p.running)}` : `H${x(p.atSeconds)}V${y(p.running)}`;
    });
    if (points.length) path += `H${x(t1)}`;
    return { name: v.name, colour: deploymentSeriesColour(i), dash: DASHES[i % DASHES.length], path, points };
  });
  const xStep = niceStep(t1, 6);
  const xTicks = Array.from({ length: Math.floor(t1 / xStep) + 1 }, (_, k) => ({ seconds: k * xStep, x: x(k * xStep) }));
  const yStep = Math.max(1, Math.ceil(niceStep(yMax, 4)));
  const yTicks = Array.from({ length: Math.floor(yMax / yStep) + 1 }, (_, k) => ({ value: k * yStep, y: y(k * yStep) }));
  return { t1, yMax, series, xTicks, yTicks };
}

/** One sentence per variant: the running count's course and how the deployment ended. */
export function overlaySummary(report: WhatIfReport, service: string): string[] {
  return report.variants.map((v) => {
    const points = v.timelines?.find((t) => t.name === service)?.points ?? [];
    const s = serviceOf(v, service);
    if (!points.length || !s) return `${v.name}: no samples of ${service}.`;
    const running = points.map((p) => p.running);
    const first = running[0];
    const last = points[points.length - 1];
    const low = Math.min(...running);
    const high = Math.max(...running);
    const course = low === high ? `stays at ${first} running` : `${first} running, lowest ${low}, highest ${high}, ${last.running} at ${last.atSeconds} s`;
    return `${v.name}: ${course}; deployment ${deploymentCell(v, s, report.maxSeconds)}.`;
  });
}

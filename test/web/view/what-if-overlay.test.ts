// The overlaid timelines of the what-if view: one step path per variant, shared axes, a summary.
import { describe, expect, it } from 'vitest';
import type { TimelinePoint, VariantReport, WhatIfReport } from '../../../src/worker/scheduler-api.ts';
import { OVERLAY_BOX, overlayGeometry, overlaySummary } from '../../../web/view/what-if-overlay.ts';

const p = (atSeconds: number, running: number, pending = 0): TimelinePoint => ({ atSeconds, running, pending, healthy: running, desired: 4, min: 2, max: 8 });

function variant(name: string, points: TimelinePoint[], web: Partial<VariantReport['services'][number]>): VariantReport {
  return {
    name, runs: 1, steady: true,
    services: [{ name: 'demo/web', desired: 4, running: 4, unplaced: 0, stuckRuns: 0, lowestHealthy: 2, highestTotal: 8, secondsBelowDesired: 0, ...web }],
    balance: { perAz: {}, perInstanceMax: 0, perInstanceMin: 0, instances: 0 }, utilization: { cpu: 0, memory: 0 },
    events: [], eventsOnlyHere: [], timelines: [{ name: 'demo/web', points }],
  };
}

const report: WhatIfReport = {
  region: 'us-east-1', seeds: [1], maxSeconds: 3600,
  variants: [
    variant('50/200', [p(0, 4), p(1, 2, 2), p(11, 4, 2), p(20, 4)], { deploymentSeconds: 20 }),
    variant('100/100', [p(0, 4)], { stuck: 'DEPLOYMENT_CONFIGURATION', stuckRuns: 1 }),
  ],
};

describe('overlayGeometry', () => {
  const g = overlayGeometry(report, 'demo/web');
  // x: 36 + t / 22 × 592 (t1 = ceil(20 × 1.1) = 22; 11 s → 332, 22 s → 628); y: 10 + (1 − v / 4) × 184 (2 → 102)
  it('one series per variant, a colour and a dash pattern each (the first solid)', () => {
    expect(g.series.map((s) => s.name)).toEqual(['50/200', '100/100']);
    expect(g.series[0].dash).toBe('');
    expect(g.series[1].dash).not.toBe('');
    expect(new Set(g.series.map((s) => s.colour)).size).toBe(2);
  });

  it('shared axes: 22 s wide (20 s and a tenth more), 4 high', () => {
    expect(g.t1).toBe(22);
    expect(g.yMax).toBe(4);
  });

  it('step paths: each level held until the next sample, the last to the right edge', () => {
    expect(g.series[0].path).toBe('M36,10H62.9V102H332V10H574.2V10H628');
    expect(g.series[1].path).toBe('M36,10H628');
    expect(g.xTicks[0]).toEqual({ seconds: 0, x: 36 });
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 1, 2, 3, 4]);
    expect(g.yTicks[0].y).toBe(OVERLAY_BOX.height - OVERLAY_BOX.bottom);
  });

  it('a service without samples draws nothing', () => {
    expect(overlayGeometry(report, 'demo/api').series.map((s) => s.path)).toEqual(['', '']);
  });
});

describe('overlaySummary', () => {
  it('tells each variant’s course and end', () => {
    expect(overlaySummary(report, 'demo/web')).toEqual([
      '50/200: 4 running, lowest 2, highest 4, 4 at 20 s; deployment 20 s.',
      '100/100: stays at 4 running; deployment stuck: DEPLOYMENT_CONFIGURATION.',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { niceStep, stepPath, timelineGeometry, timelineSummary, type ChartBox, type TimelineSample } from '../../../web/view/timeline-geometry.ts';

// a 100×100 plot with no margins: x = (t - t0) / span * 100, y = 100 - v / yMax * 100
const BOX: ChartBox = { width: 100, height: 100, left: 0, right: 0, top: 0, bottom: 0 };

const sample = (at: number, running: number[], pending: number[] = [], extra: Partial<TimelineSample> = {}): TimelineSample => ({
  at, desiredCount: 4, min: 2, max: 8, healthy: running.reduce((a, b) => a + b, 0),
  deployments: running.map((r, i) => ({ id: `d${i}`, status: i === running.length - 1 ? 'PRIMARY' : 'ACTIVE', running: r, pending: pending[i] ?? 0 })),
  ...extra,
});

describe('timeline geometry', () => {
  it('stepPath holds each value until the next point, the last until the end', () => {
    expect(stepPath([{ x: 0, y: 50 }, { x: 10, y: 20 }], 30)).toBe('M0,50H10V20H30');
    expect(stepPath([], 30)).toBe('');
  });

  it.each([[10, 4, 2], [100, 4, 20], [7, 4, 2], [1, 4, 0.2], [16, 4, 5], [0, 4, 1]])('niceStep(%d, %d) is %d', (span, count, step) => expect(niceStep(span, count)).toBe(step));

  it('is empty without samples', () => expect(timelineGeometry([], 10, BOX).series).toEqual([]));

  it('scales time over [first sample, now] and values over [0, 1.1 × the largest]', () => {
    // yMax = ceil(8 × 1.1) = 9 (MAX 8 is the largest value); span = 100 s (now)
    const g = timelineGeometry([sample(0, [4]), sample(50, [2, 2], [0, 2])], 100, BOX);
    expect(g.yMax).toBe(9);
    expect(g.t1).toBe(100);
    // MAX 8 → y = 100 - 8/9×100 = 11.1; MIN 2 → 77.8
    expect(g.max).toBe('M0,11.1H50V11.1H100');
    expect(g.min).toBe('M0,77.8H50V77.8H100');
    expect(g.band).toBe('M0,11.1L50,11.1L50,11.1L100,11.1L100,77.8L50,77.8L50,77.8L0,77.8Z');
    // d0 (ACTIVE in the last sample) runs 4 (y 55.6) then 2 (y 77.8); d1 appears at t=50 with 2 running, 2 pending
    expect(g.series.map((s) => [s.id, s.status, s.running, s.pending, s.lastRunning, s.lastPending])).toEqual([
      ['d0', 'ACTIVE', 'M0,55.6H50V77.8H100', 'M0,100H50V100H100', 2, 0],
      ['d1', 'PRIMARY', 'M0,100H50V77.8H100', 'M0,100H50V77.8H100', 2, 2],
    ]);
  });

  it('ticks: values from 0 by a nice step, times from 0', () => {
    const g = timelineGeometry([sample(0, [4]), sample(60, [4])], 60, BOX);
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8]); // niceStep(9, 4) = 2
    expect(g.xTicks.map((t) => t.seconds)).toEqual([0, 10, 20, 30, 40, 50, 60]); // 60 s / 6 → 10 s
  });

  it('summarises the latest sample in words, and the period: the lowest healthy count', () => {
    expect(timelineSummary('web', [])).toBe('web: no samples yet.');
    expect(timelineSummary('web', [sample(0, [4]), sample(30, [1, 3], [0, 1])], 'CAPACITY')).toBe(
      'web: 2 samples over 30 s. Now desired 4, MIN 2, MAX 8, healthy 4. ' +
      'ACTIVE deployment d0: 1 running, 0 pending; PRIMARY deployment d1: 3 running, 1 pending. ' +
      'Lowest healthy 4 (MIN 2 then). The deployment cannot progress (CAPACITY).');
  });

  it('names the deployments a finished rollout replaced, with their peak', () => {
    // d0 ran 4, then d1 took over: at the end only d1 is shown, so d0 is "replaced, up to 4 running"
    const done: TimelineSample = { ...sample(60, [4]), deployments: [{ id: 'd1', status: 'PRIMARY', running: 4, pending: 0 }] };
    expect(timelineSummary('web', [sample(0, [4]), sample(30, [2, 2]), done])).toContain('Replaced: deployment d0 (up to 4 running).');
  });
});

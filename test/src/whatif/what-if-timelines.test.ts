// The per-variant timeline samples of the what-if report (VariantReport.timelines): what the
// playground's what-if view overlays. Same small cluster as run-what-if.test.ts: 4 c5.large
// instances of 1,024 MiB, web tasks of 256 CPU / 256 MiB that start in 10 s (3.2).
import { describe, expect, it } from 'vitest';
import { literalPlacementCore } from '../../../src/reference/literal-placement-core.ts';
import { runWhatIf } from '../../../src/whatif/run-what-if.ts';
import { ecs, instances, service, taskDefinition } from './what-if-scenarios.ts';

const FOUR = instances([{ az: 'us-east-1a' }, { az: 'us-east-1a' }, { az: 'us-east-1b' }, { az: 'us-east-1b' }]);

describe('VariantReport.timelines', () => {
  const report = runWhatIf({
    scenario: [...FOUR, taskDefinition('web', 256, 256), service('web', 'web', 4),
      ecs('RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx:2', cpu: 256, memory: 256 }] })],
    timeline: [ecs('UpdateService', { service: 'web', taskDefinition: 'web:2' })],
    maxSeconds: 600,
    variants: [
      { name: '100/100', changes: [{ service: 'web', deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 100 } }] },
      { name: '100/200', changes: [{ service: 'web', deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 } }] },
    ],
  }, { placementCore: () => literalPlacementCore });
  const [stuck, rolling] = report.variants;

  it('one timeline per service, named as in services, starting at 0 s with the steady baseline (4 running of 4)', () => {
    for (const v of report.variants) {
      expect(v.timelines.map((t) => t.name)).toEqual(v.services.map((s) => s.name));
      expect(v.timelines[0].points[0]).toMatchObject({ atSeconds: 0, running: 4, pending: 0, desired: 4 });
    }
  });

  it('100/100: MIN = MAX = 4 (9.1), the running count never moves off 4', () => {
    const points = stuck.timelines[0].points;
    expect(points.every((p) => p.running === 4 && p.min === 4 && p.max === 4)).toBe(true);
  });

  it('100/200: MAX = 8; the total reaches 8 (4 old + 4 new), times ascend, the last sample is 4 running at the deployment time', () => {
    const points = rolling.timelines[0].points;
    expect(points.some((p) => p.max === 8)).toBe(true);
    expect(Math.max(...points.map((p) => p.running + p.pending))).toBe(8);
    const times = points.map((p) => p.atSeconds);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const last = points[points.length - 1];
    expect(last).toMatchObject({ running: 4, pending: 0, desired: 4 });
    expect(last.atSeconds).toBe(rolling.services[0].deploymentSeconds);
  });
});

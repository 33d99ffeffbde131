// runWhatIf golden comparisons whose answers are worked out by hand (issue 6). The scenarios are
// calls (what-if-scenarios.ts): c5.large instances registered with 2,048 CPU units and 1,024 MiB, a
// task of 256 CPU units and 256 MiB; tasks start in 10 s (the default task behaviour, 3.2).
import { describe, expect, it } from 'vitest';
import { literalPlacementCore } from '../../../src/reference/literal-placement-core.ts';
import { runWhatIf } from '../../../src/whatif/run-what-if.ts';
import type { Spread, WhatIfRequest } from '../../../src/whatif/what-if-types.ts';
import { ecs, instances, service, taskDefinition } from './what-if-scenarios.ts';

const run = (request: WhatIfRequest, onProgress?: (done: number, total: number) => void) =>
  runWhatIf(request, { placementCore: () => literalPlacementCore, ...(onProgress ? { onProgress } : {}) });

const FOUR = instances([{ az: 'us-east-1a' }, { az: 'us-east-1a' }, { az: 'us-east-1b' }, { az: 'us-east-1b' }]);

describe('runWhatIf: spread(instanceId) vs binpack(memory)', () => {
  const report = run({
    scenario: [...FOUR, taskDefinition('web', 256, 256), service('web', 'web', 4)],
    variants: [
      { name: 'spread', changes: [{ service: 'web', placementStrategy: [{ type: 'spread', field: 'instanceId' }] }] },
      { name: 'binpack', changes: [{ service: 'web', placementStrategy: [{ type: 'binpack', field: 'MEMORY' }] }] },
    ],
  });
  const [spread, binpack] = report.variants;

  it('places all 4 tasks in both, steady with no deployment (0 s)', () => {
    for (const v of report.variants) {
      expect(v.steady).toBe(true);
      expect(v.services).toEqual([{
        name: 'default/web', desired: 4, running: 4, unplaced: 0, stuckRuns: 0, deploymentSeconds: 0,
        lowestHealthy: 4, highestTotal: 4, secondsBelowDesired: 0,
      }]);
    }
  });

  it('spread puts one task on each instance; binpack all 4 on one (4 × 256 = 1,024 MiB fills it)', () => {
    expect(spread.balance).toEqual({ perAz: { 'us-east-1a': 2, 'us-east-1b': 2 }, perInstanceMax: 1, perInstanceMin: 1, instances: 4 });
    expect(binpack.balance.perInstanceMax).toBe(4);
    expect(binpack.balance.perInstanceMin).toBe(0);
    expect(Object.values(binpack.balance.perAz).sort()).toEqual([0, 4]);
  });

  it('utilisation is the same: cpu 4 × 256 / (4 × 2,048) = 0.125, memory 4 × 256 / (4 × 1,024) = 0.25', () => {
    for (const v of report.variants) expect(v.utilization).toEqual({ cpu: 0.125, memory: 0.25 });
  });

  it('the events after the baseline are none (the steady-state event is the baseline’s)', () => {
    expect(spread.events).toEqual([]);
    expect(binpack.eventsOnlyHere).toEqual([]);
    expect(report.seeds).toEqual([1]);
  });
});

describe('runWhatIf: a 100/100 deployment is stuck, 100/200 finishes', () => {
  // web:2 differs in image only; the timeline deploys it. 4 tasks, 4 instances of 1,024 MiB.
  const report = run({
    scenario: [...FOUR, taskDefinition('web', 256, 256), service('web', 'web', 4),
      ecs('RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx:2', cpu: 256, memory: 256 }] })],
    timeline: [ecs('UpdateService', { service: 'web', taskDefinition: 'web:2' })],
    maxSeconds: 600,
    variants: [
      { name: '100/100', changes: [{ service: 'web', deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 100 } }] },
      { name: '100/200', changes: [{ service: 'web', deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 } }] },
    ],
  });
  const [stuck, rolling] = report.variants;

  it('100/100: MIN = MAX = 4 = running, so nothing may stop or start (9.5): stuck, never steady', () => {
    expect(stuck.steady).toBe(false);
    const web = stuck.services[0];
    expect(web.stuck).toBe('DEPLOYMENT_CONFIGURATION');
    expect(web.deploymentSeconds).toBeUndefined();
    expect(web).toMatchObject({ desired: 4, running: 4, lowestHealthy: 4, highestTotal: 4, secondsBelowDesired: 0 });
  });

  it('100/200: MAX = 8 starts 4 new tasks (running after 10 s), then stops the 4 old: steady; lowest healthy 4 ≥ MIN 4', () => {
    expect(rolling.steady).toBe(true);
    const web = rolling.services[0];
    expect(web.stuck).toBeUndefined();
    expect(web.highestTotal).toBe(8); // 4 old + 4 new
    expect(web.lowestHealthy).toBeGreaterThanOrEqual(4);
    expect(web.secondsBelowDesired).toBe(0);
    expect(web.deploymentSeconds).toBeGreaterThanOrEqual(10);
    expect(web.deploymentSeconds).toBeLessThan(60);
  });

  it('the events only 100/200 has: the started and stopped lists (ids and counts normalised)', () => {
    expect(stuck.events).toEqual([]);
    expect(rolling.eventsOnlyHere).toEqual([
      '(service web) has reached a steady state.',
      '(service web) has started <n> tasks: <task>….',
      '(service web) has stopped <n> running tasks: <task>….',
    ]);
  });
});

describe('runWhatIf: adding an instance fixes a capacity failure', () => {
  // 2 instances of 1,024 MiB hold 8 tasks of 256 MiB; desired 10 leaves 2 unplaced until a third comes.
  const report = run({
    scenario: [...instances([{ az: 'us-east-1a' }, { az: 'us-east-1b' }]), taskDefinition('web', 256, 256), service('web', 'web', 10)],
    maxSeconds: 300,
    variants: [
      { name: 'as is', changes: [] },
      { name: '+1 instance', changes: [{ addInstances: { instanceType: 'c5.large', availabilityZone: 'us-east-1c', count: 1 } }] },
    ],
  });
  const [asIs, added] = report.variants;

  it('as is: 8 running, 2 unplaced, with the placement failure', () => {
    expect(asIs.steady).toBe(false);
    expect(asIs.services[0]).toMatchObject({ desired: 10, running: 8, unplaced: 2 });
    expect(asIs.services[0].lastPlacementFailure).toMatch(/^\(service web\) was unable to place a task because no container instance met all of its requirements\./);
    expect(asIs.services[0].deploymentSeconds).toBeUndefined();
  });

  it('+1 instance (a c5.large registers its catalogue resources, room for 2 more): all 10 run', () => {
    expect(added.steady).toBe(true);
    expect(added.services[0]).toMatchObject({ desired: 10, running: 10, unplaced: 0 });
    expect(added.services[0].lastPlacementFailure).toBeUndefined();
    expect(added.balance.instances).toBe(3);
    expect(added.balance.perAz['us-east-1c']).toBeGreaterThanOrEqual(2);
  });
});

describe('runWhatIf: an Availability Zone terminated by a fault', () => {
  // 4 instances in 2 AZs, spread(AZ) then spread(instanceId): 1 task per instance. Terminating us-east-1a stops its 2 tasks; the
  // replacements go to us-east-1b (2 instances × 4 tasks of room).
  const report = run({
    scenario: [...FOUR, taskDefinition('web', 256, 256),
      service('web', 'web', 4, { placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }] })],
    maxSeconds: 600,
    variants: [
      { name: 'calm', changes: [] },
      { name: 'AZ a lost', changes: [{ fault: { atSeconds: 30, fault: 'terminateAvailabilityZone', availabilityZone: 'us-east-1a' } }] },
    ],
  });
  const [calm, lost] = report.variants;

  it('calm: 2 + 2, one per instance', () => {
    expect(calm.balance).toEqual({ perAz: { 'us-east-1a': 2, 'us-east-1b': 2 }, perInstanceMax: 1, perInstanceMin: 1, instances: 4 });
  });

  it('AZ a lost: 4 in us-east-1b on 2 instances; running 2 of 4 from the fault (30 s) until the replacements run (10 s later)', () => {
    expect(lost.steady).toBe(true);
    expect(lost.balance.perAz).toEqual({ 'us-east-1b': 4 });
    expect(lost.balance.instances).toBe(2);
    const web = lost.services[0];
    expect(web).toMatchObject({ running: 4, unplaced: 0, lowestHealthy: 2 });
    expect(web.secondsBelowDesired).toBeGreaterThanOrEqual(10);
    expect(web.deploymentSeconds).toBeGreaterThan(30);
    expect(lost.eventsOnlyHere).toContain('(service web) has started <n> tasks: <task>….');
  });
});

describe('runWhatIf: seeds > 1 with the random strategy', () => {
  // 8 instances, 8 tasks placed at random: how many land on the busiest instance varies by seed.
  const eight = instances(Array.from({ length: 8 }, (_, i) => ({ az: i % 2 ? 'us-east-1b' : 'us-east-1a', memory: 4096 })));
  const progress: [number, number][] = [];
  const report = run({
    scenario: [...eight, taskDefinition('web', 256, 256), service('web', 'web', 8)],
    seeds: 5,
    variants: [
      { name: 'random', changes: [{ service: 'web', placementStrategy: [{ type: 'random' }] }] },
      { name: 'spread', changes: [{ service: 'web', placementStrategy: [{ type: 'spread', field: 'instanceId' }] }] },
    ],
  }, (done, total) => progress.push([done, total]));

  it('runs seeds 1–5 of each variant and reports progress after each of the 10 runs', () => {
    expect(report.seeds).toEqual([1, 2, 3, 4, 5]);
    expect(report.variants.map((v) => v.runs)).toEqual([5, 5]);
    expect(progress).toEqual(Array.from({ length: 10 }, (_, i) => [i + 1, 10]));
  });

  it('random: the per-instance maximum is a distribution (min ≤ median ≤ max, at least 1, not all equal to spread’s 1)', () => {
    const max = report.variants[0].balance.perInstanceMax as Spread;
    expect(typeof max).toBe('object');
    expect(max.min).toBeGreaterThanOrEqual(1);
    expect(max.min).toBeLessThanOrEqual(max.median);
    expect(max.median).toBeLessThanOrEqual(max.max);
    expect(max.max).toBeGreaterThan(1);
  });

  it('spread: the same every seed, min = median = max = 1', () => {
    expect(report.variants[1].balance.perInstanceMax).toEqual({ min: 1, median: 1, max: 1 });
    expect(report.variants[1].services[0].running).toEqual({ min: 8, median: 8, max: 8 });
  });
});

describe('the baseline waits for load balancer health checks (9.2, 9.9)', () => {
  it('on the demo, web (4 tasks behind an ALB, 50/200) never drops below MIN = ceil(4 × 0.5) = 2 healthy during a deployment', () => {
    const report = run({
      scenario: 'demo',
      timeline: [{ target: 'AmazonEC2ContainerServiceV20141113.UpdateService', input: { cluster: 'demo', service: 'web', forceNewDeployment: true } }],
      variants: [{ name: 'as is', changes: [] }],
    });
    const web = report.variants[0].services.find((s) => s.name === 'demo/web')!;
    // steady at the start is not enough: without waiting for the targets (150 s), healthy would read 0 here
    expect(web.lowestHealthy).toBeGreaterThanOrEqual(2);
    expect(web.deploymentSeconds).toBeGreaterThan(0);
  });
});

// The what-if view's DOM-free parts: quick forms → WhatIfChanges, the JSON box, the timeline calls
// and request, and the comparison table's cells read from a report.
import { describe, expect, it } from 'vitest';
import type { VariantReport, WhatIfReport } from '../../../src/worker/scheduler-api.ts';
import {
  NEW_REVISION_REF, clampSeeds, comparisonRows, defaultSetup, describeChange, formatMetric, freshVariantName, parseChanges,
  quickChange, reRegisterInput, splitService, timelineCalls, whatIfRequest,
} from '../../../web/view/what-if-model.ts';

const ECS = 'AmazonEC2ContainerServiceV20141113';

describe('quickChange', () => {
  it.each([
    ['spread(AZ) → binpack(memory)', { kind: 'strategy', strategy: 'spread-az-binpack-memory' },
      { service: 'web', cluster: 'demo', placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }] }],
    ['binpack(memory)', { kind: 'strategy', strategy: 'binpack-memory' }, { service: 'web', cluster: 'demo', placementStrategy: [{ type: 'binpack', field: 'memory' }] }],
    ['spread(instanceId)', { kind: 'strategy', strategy: 'spread-instance' }, { service: 'web', cluster: 'demo', placementStrategy: [{ type: 'spread', field: 'instanceId' }] }],
    ['random', { kind: 'strategy', strategy: 'random' }, { service: 'web', cluster: 'demo', placementStrategy: [{ type: 'random' }] }],
    ['50/200', { kind: 'deployment', minimumHealthyPercent: 50, maximumPercent: 200 },
      { service: 'web', cluster: 'demo', deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 } }],
    ['desired 6', { kind: 'desiredCount', desiredCount: 6 }, { service: 'web', cluster: 'demo', desiredCount: 6 }],
    ['2 × m4.large in us-east-1c', { kind: 'addInstances', instanceType: ' m4.large ', availabilityZone: 'us-east-1c', count: 2 },
      { addInstances: { cluster: 'demo', instanceType: 'm4.large', availabilityZone: 'us-east-1c', count: 2 } }],
    ['terminate us-east-1a at 30 s', { kind: 'terminateAz', availabilityZone: 'us-east-1a', atSeconds: 30 },
      { fault: { atSeconds: 30, fault: 'terminateAvailabilityZone', cluster: 'demo', availabilityZone: 'us-east-1a' } }],
  ] as const)('%s', (_label, form, change) => {
    expect(quickChange(form, 'demo/web')).toEqual({ change });
  });

  it.each([
    [{ kind: 'strategy', strategy: 'nope' }, 'Choose a placement strategy.'],
    [{ kind: 'deployment', minimumHealthyPercent: 101, maximumPercent: 200 }, 'Minimum healthy percent must be a whole number from 0 to 100.'],
    [{ kind: 'deployment', minimumHealthyPercent: 50, maximumPercent: 99 }, 'Maximum percent must be a whole number of 100 or more.'],
    [{ kind: 'desiredCount', desiredCount: -1 }, 'Desired count must be a whole number from 0 to 1000.'],
    [{ kind: 'addInstances', instanceType: '', availabilityZone: 'us-east-1a', count: 1 }, 'Enter an instance type, e.g. m4.large.'],
    [{ kind: 'addInstances', instanceType: 'm4.large', availabilityZone: 'us-east-1a', count: 0 }, 'Count must be a whole number from 1 to 1000.'],
    [{ kind: 'terminateAz', availabilityZone: '', atSeconds: 0 }, 'Choose an Availability Zone.'],
  ] as const)('refuses %j', (form, error) => {
    expect(quickChange(form, 'demo/web')).toEqual({ error });
  });

  it('a service without a cluster is in default', () => {
    expect(splitService('web')).toEqual({ cluster: 'default', service: 'web' });
    expect(quickChange({ kind: 'desiredCount', desiredCount: 1 }, 'web')).toEqual({ change: { service: 'web', cluster: 'default', desiredCount: 1 } });
  });
});

describe('the variants', () => {
  it('parseChanges: a JSON list of objects; empty text is no change', () => {
    expect(parseChanges('')).toEqual({ changes: [] });
    expect(parseChanges('[{"service":"web","desiredCount":2}]')).toEqual({ changes: [{ service: 'web', desiredCount: 2 }] });
    expect(parseChanges('{}')).toEqual({ error: 'Expected a JSON list of changes, e.g. [{"service": "web", "desiredCount": 6}].' });
    expect(parseChanges('[{}, 1]')).toEqual({ error: 'Change 1 is not a JSON object.' });
    expect(parseChanges('[')).toMatchObject({ error: expect.stringMatching(/^Not valid JSON: /) });
  });

  it('describeChange names each kind', () => {
    expect(describeChange({ service: 'web', deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 }, desiredCount: 3 }))
      .toBe('web: deployment 50/200, desired 3');
    expect(describeChange({ service: 'web', placementStrategy: [{ type: 'spread', field: 'instanceId' }, { type: 'random' }] }))
      .toBe('web: strategy spread(instanceId) → random');
    expect(describeChange({ addInstances: { instanceType: 'm4.large', availabilityZone: 'us-east-1a', count: 3 } })).toBe('add 3 × m4.large in us-east-1a');
    expect(describeChange({ fault: { atSeconds: 5, fault: 'terminateAvailabilityZone', availabilityZone: 'us-east-1b' } }))
      .toBe('terminateAvailabilityZone us-east-1b at 5 s');
  });

  it('defaultSetup, freshVariantName, clampSeeds', () => {
    expect(defaultSetup('demo/web')).toEqual({ service: 'demo/web', timeline: 'new-revision', seeds: 1, variants: [{ name: 'As is', changes: [] }] });
    expect(freshVariantName([{ name: 'As is', changes: [] }, { name: 'Variant 2', changes: [] }])).toBe('Variant 3');
    expect([0, 1, 7.4, 20, 21, Number.NaN].map(clampSeeds)).toEqual([1, 1, 7, 20, 20, 1]);
  });
});

describe('the request', () => {
  const described = {
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1', family: 'web', revision: 1, status: 'ACTIVE',
    networkMode: 'bridge', containerDefinitions: [{ name: 'web', image: 'nginx:1.14-alpine', memory: 512 }], volumes: [],
    placementConstraints: [], requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }], compatibilities: ['EC2'],
  };

  it('reRegisterInput keeps what RegisterTaskDefinition takes and drops what ECS computed', () => {
    expect(reRegisterInput(described)).toEqual({
      family: 'web', networkMode: 'bridge', containerDefinitions: [{ name: 'web', image: 'nginx:1.14-alpine', memory: 512 }], volumes: [], placementConstraints: [],
    });
  });

  it('new-revision: RegisterTaskDefinition (named) then UpdateService to its ARN; steady: nothing', () => {
    expect(timelineCalls('new-revision', 'demo/web', described)).toEqual([
      { target: `${ECS}.RegisterTaskDefinition`, input: reRegisterInput(described), as: NEW_REVISION_REF },
      { target: `${ECS}.UpdateService`, input: { cluster: 'demo', service: 'web', taskDefinition: '${whatIfRevision.taskDefinition.taskDefinitionArn}' } },
    ]);
    expect(timelineCalls('steady', 'demo/web', described)).toEqual([]);
  });

  it('whatIfRequest: the scenario, the timeline, the variants and the seeds (clamped)', () => {
    const setup = { ...defaultSetup('demo/web'), seeds: 40 };
    expect(whatIfRequest({ schemaVersion: 1 }, setup, [])).toEqual({
      scenario: { schemaVersion: 1 }, timeline: [], seeds: 20, maxSeconds: 3600, variants: [{ name: 'As is', changes: [] }],
    });
  });
});

/** A variant report of `demo/web` with the figures given. */
function variant(name: string, web: Partial<VariantReport['services'][number]>, extra: Partial<VariantReport> = {}): VariantReport {
  return {
    name, runs: 1, steady: true,
    services: [{ name: 'demo/web', desired: 4, running: 4, unplaced: 0, stuckRuns: 0, lowestHealthy: 4, highestTotal: 4, secondsBelowDesired: 0, ...web }],
    balance: { perAz: { 'us-east-1a': 2, 'us-east-1b': 2 }, perInstanceMax: 1, perInstanceMin: 1, instances: 4 },
    utilization: { cpu: 0.125, memory: 0.25 },
    events: [], eventsOnlyHere: [],
    timelines: [{ name: 'demo/web', points: [{ atSeconds: 0, running: 4, pending: 0, healthy: 4, desired: 4, min: 2, max: 8 }] }],
    ...extra,
  };
}

describe('comparisonRows', () => {
  const report: WhatIfReport = {
    region: 'us-east-1', seeds: [1], maxSeconds: 3600,
    variants: [
      variant('50/200', { deploymentSeconds: 95, lowestHealthy: 2, highestTotal: 8 }),
      variant('100/100', { stuck: 'DEPLOYMENT_CONFIGURATION', stuckRuns: 1 }, {
        steady: false, eventsOnlyHere: ['(service web) was unable to place a task.'],
        timelines: [{ name: 'demo/web', points: [{ atSeconds: 0, running: 4, pending: 0, healthy: 4, desired: 4, min: 4, max: 4 }] }],
      }),
    ],
  };
  const rows = Object.fromEntries(comparisonRows(report, 'demo/web').map((r) => [r.id, r.cells]));

  it('the deployment: seconds, or stuck with the reason', () => {
    expect(rows.deployment).toEqual(['95 s', 'stuck: DEPLOYMENT_CONFIGURATION']);
  });

  it('lowest healthy against MIN and highest total against MAX (9.1: 4 × 50% = 2, 4 × 200% = 8; 100/100: 4 and 4)', () => {
    expect(rows['lowest-healthy']).toEqual(['2 (MIN 2)', '4 (MIN 4)']);
    expect(rows['highest-total']).toEqual(['8 (MAX 8)', '4 (MAX 4)']);
  });

  it('placed, balance, utilisation (12.5% CPU, 25% memory), steady, events', () => {
    expect(rows.placed).toEqual(['4 / 4', '4 / 4']);
    expect(rows.unplaced).toEqual(['0', '0']);
    expect(rows['per-az']).toEqual(['us-east-1a: 2, us-east-1b: 2', 'us-east-1a: 2, us-east-1b: 2']);
    expect(rows['per-instance']).toEqual(['1 – 1 on 4 instances', '1 – 1 on 4 instances']);
    expect(rows.utilization).toEqual(['CPU 12.5%, memory 25%', 'CPU 12.5%, memory 25%']);
    expect(rows.steady).toEqual(['yes', 'no']);
    expect(rows.events).toEqual(['(reference)', '(service web) was unable to place a task.']);
  });

  it('an unplaced task shows its reason; a service a variant lacks shows a dash', () => {
    const failing = variant('tight', { unplaced: 2, running: 2, lastPlacementFailure: '(service web) was unable to place a task because no container instance met all of its requirements.' });
    const r = comparisonRows({ ...report, variants: [failing] }, 'demo/web').find((x) => x.id === 'unplaced')!;
    expect(r.cells).toEqual(['2 — (service web) was unable to place a task because no container instance met all of its requirements.']);
    expect(comparisonRows(report, 'demo/api').find((x) => x.id === 'deployment')!.cells).toEqual(['—', '—']);
  });

  it('with several seeds a metric reads median (min–max); equal ends read as one value', () => {
    expect(formatMetric({ min: 30, median: 40, max: 55 }, ' s')).toBe('40 s (30–55 s)');
    expect(formatMetric({ min: 3, median: 3, max: 3 })).toBe('3');
    const many = variant('random', { deploymentSeconds: { min: 30, median: 40, max: 55 }, stuckRuns: 0 }, { runs: 5 });
    expect(comparisonRows({ ...report, seeds: [1, 2, 3, 4, 5], variants: [many] }, 'demo/web').find((x) => x.id === 'deployment')!.cells)
      .toEqual(['40 s (30–55 s)']);
    const some = variant('random', { stuck: 'CAPACITY', stuckRuns: 2 }, { runs: 5 });
    expect(comparisonRows({ ...report, variants: [some] }, 'demo/web').find((x) => x.id === 'deployment')!.cells).toEqual(['stuck: CAPACITY (2 of 5 runs)']);
  });

  it('not steady without a stuck reason: not steady after maxSeconds', () => {
    const slow = variant('slow', {}, { steady: false });
    expect(comparisonRows({ ...report, variants: [slow] }, 'demo/web').find((x) => x.id === 'deployment')!.cells).toEqual(['stuck: not steady after 3600 s']);
  });
});

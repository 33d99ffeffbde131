import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../src/api/aws-error.ts';
import { loadScenario } from '../../../src/scenarios/load-scenario.ts';
import { resolveReferences } from '../../../src/scenarios/scenario-call.ts';
import { aSandbox } from '../../builders/sandbox.ts';

const ECS = 'AmazonEC2ContainerServiceV20141113';

function failure(run: () => unknown): AwsError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(AwsError);
    return e as AwsError;
  }
  throw new Error('expected an AwsError');
}

describe('loadScenario', () => {
  it('imports an ExportScenario result, as JSON text in either form', () => {
    const source = aSandbox({ seed: 1 });
    loadScenario(source.api, 'demo');
    const exported = source.sandbox('ExportScenario');
    for (const text of [JSON.stringify(exported), JSON.stringify(exported.scenario)]) {
      const s = aSandbox({ seed: 77 });
      expect(loadScenario(s.api, text)).toEqual({ kind: 'document', outputs: [{ accountId: '123456789012', schemaVersion: 2, migrations: [] }] });
      expect(s.sandbox('ExportScenario')).toEqual(exported);
    }
  });

  it('runs a list of calls; a call may use an earlier result by reference', () => {
    const s = aSandbox();
    const calls = [
      { target: `${ECS}.CreateCluster`, input: { clusterName: 'one' }, as: 'one' },
      { target: `${ECS}.CreateCluster`, input: { clusterName: 'two' }, region: 'eu-west-1' },
      { target: `${ECS}.DescribeClusters`, input: { clusters: ['${one.cluster.clusterArn}'] } },
    ];
    const loaded = loadScenario(s.api, { calls });
    expect(loaded.kind).toBe('calls');
    expect((loaded.outputs[2] as any).clusters[0].clusterName).toBe('one');
    expect(s.ecs('ListClusters', {}, 'eu-west-1').clusterArns).toContain('arn:aws:ecs:eu-west-1:123456789012:cluster/two');
    expect(loadScenario(aSandbox().api, JSON.stringify(calls)).kind).toBe('calls');
  });

  it('is all or nothing: when a call fails, the document is put back, and the error names the call', () => {
    const s = aSandbox();
    s.ecs('CreateCluster', { clusterName: 'before' });
    const before = s.snapshot();
    const e = failure(() => loadScenario(s.api, [
      { target: `${ECS}.CreateCluster`, input: { clusterName: 'made' } },
      { target: `${ECS}.DeleteCluster`, input: { cluster: 'ghost' } },
    ]));
    expect([e.code, e.message]).toEqual(['ClusterNotFoundException', `Scenario call 2 (${ECS}.DeleteCluster) failed: Cluster not found.`]);
    expect(s.snapshot()).toBe(before);
  });

  it.each([
    ['prod', 'Unknown scenario "prod": expected "demo", a scenario document or a list of calls, as JSON.'],
    ['{"schemaVersion": ', expect.stringMatching(/^The scenario is not valid JSON: /)],
    [[{ input: {} }], 'calls[0].target is required.'],
    [{ schemaVersion: 9 }, 'Scenario call 1 (EcsSandbox.ImportScenario) failed: Invalid scenario: scenario.schemaVersion is 9, but this ecs-sandbox reads schema versions up to 2; update ecs-sandbox to open it.'],
    [[{ target: `${ECS}.DescribeClusters`, input: { clusters: ['${nothing.here}'] } }],
      `Scenario call 1 (${ECS}.DescribeClusters) failed: \${nothing.here} names no earlier result of the scenario.`],
  ])('refuses %j', (source, message) => {
    const s = aSandbox();
    const before = s.snapshot();
    const e = failure(() => loadScenario(s.api, source));
    expect([e.code, e.message]).toEqual(['InvalidParameterException', message]);
    expect(s.snapshot()).toBe(before);
  });

  it('resolveReferences replaces whole-string references only, at any depth, with any JSON value', () => {
    const results = new Map<string, unknown>([['a', { list: [1, 2], deep: { id: 'x' } }]]);
    expect(resolveReferences({ v: ['${a.list}', { w: '${a.deep.id}' }], text: 'see ${a.deep.id}', n: 5 }, results))
      .toEqual({ v: [[1, 2], { w: 'x' }], text: 'see ${a.deep.id}', n: 5 });
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aSandbox, type TestSandbox } from '../../../builders/sandbox.ts';
import { START, withNamespace } from '../../../builders/discovery.ts';
import { loadScenario } from '../../../../src/scenarios/load-scenario.ts';

const v1 = (): any => JSON.parse(readFileSync(new URL('../../persistence/fixtures/v1-demo.json', import.meta.url), 'utf8'));
const v2Text = readFileSync(new URL('../../persistence/fixtures/v2-small-web.json', import.meta.url), 'utf8');

/** Calls whose answers depend on everything a document holds: ids, clock, registration order. */
function probe(s: TestSandbox): unknown[] {
  return [
    s.sd('CreatePrivateDnsNamespace', { Name: 'probe.local', Vpc: 'vpc-0a1b2c3d' }),
    s.sandbox('AdvanceTime', { seconds: 1.5 }),
    s.ecs('RegisterContainerInstance', { cluster: 'demo' }).containerInstance,
    s.sd('ListNamespaces'),
    s.ecs('DescribeServices', { cluster: 'demo', services: ['web', 'api'] }),
  ];
}

describe('EcsSandbox.ExportScenario / ImportScenario', () => {
  it('export → import → export gives the same document, and the same calls then give the same answers', () => {
    const a = aSandbox({ seed: 1 });
    loadScenario(a.api, 'demo');
    a.sandbox('AdvanceTime', { seconds: 0.25 });
    const exported = a.sandbox('ExportScenario');
    expect(exported.scenario.schemaVersion).toBe(2);

    const b = aSandbox({ seed: 999, accountId: '999999999999' });
    expect(b.sandbox('ImportScenario', exported)).toEqual({ accountId: '123456789012', schemaVersion: 2, migrations: [] });
    expect(JSON.stringify(b.sandbox('ExportScenario'))).toBe(JSON.stringify(exported));
    expect(probe(b)).toEqual(probe(a));
  });

  it('exports a copy: changing it changes nothing in the sandbox', () => {
    const s = aSandbox();
    const { scenario } = s.sandbox('ExportScenario');
    scenario.regions['us-east-1'] = {};
    scenario.clock.nowMs = 0;
    expect(s.sandbox('AdvanceTime', { seconds: 0 }).now).toBe(START);
  });

  it('imports the v2 fixture and exports it again byte for byte', () => {
    const s = aSandbox({ seed: 5 });
    expect(s.sandbox('ImportScenario', { scenario: JSON.parse(v2Text) })).toEqual({ accountId: '123456789012', schemaVersion: 2, migrations: [] });
    expect(JSON.stringify(s.sandbox('ExportScenario').scenario, null, 1) + '\n').toBe(v2Text);
  });

  it('imports the v1 fixture migrated to v2, and an export of it round-trips', () => {
    const s = aSandbox();
    expect(s.sandbox('ImportScenario', { scenario: v1() })).toEqual({ accountId: '123456789012', schemaVersion: 2, migrations: ['v2 scheduler-state'] });
    const exported = s.sandbox('ExportScenario');
    expect(exported.scenario.schemaVersion).toBe(2);
    expect(exported.scenario.regions['us-east-1'].services.map((svc: any) => svc.eventLog)).toEqual([[], []]);
    const t = aSandbox();
    expect(t.sandbox('ImportScenario', exported).migrations).toEqual([]);
    expect(JSON.stringify(t.sandbox('ExportScenario'))).toBe(JSON.stringify(exported));
  });

  it('imports the v1 fixture: its regions, its clock, its account', () => {
    const s = aSandbox();
    s.sandbox('ImportScenario', { scenario: v1() });
    // the fixture's clock stopped 2 s in: 1 s for the namespace, 1 s for the registration
    expect(s.sandbox('AdvanceTime', { seconds: 0 })).toEqual({ now: START + 2, steady: false });
    expect(s.ecs('ListClusters', {}, 'us-west-2').clusterArns).toEqual([
      'arn:aws:ecs:us-west-2:123456789012:cluster/default', 'arn:aws:ecs:us-west-2:123456789012:cluster/west',
    ]);
    // the fixture's pending namespace completes at the next step (3 s)
    expect(s.sd('ListNamespaces').Namespaces.map((n: any) => n.Name)).toEqual(['demo.local']);
    s.sandbox('AdvanceTime', { seconds: 1 });
    expect(s.sd('ListNamespaces').Namespaces.map((n: any) => n.Name)).toEqual(['demo.local', 'pending.local']);
  });

  it('a partial document is completed with the defaults of a new one', () => {
    const s = aSandbox({ seed: 42 });
    withNamespace(s);
    s.sandbox('ImportScenario', { scenario: { schemaVersion: 1, seed: 7, accountId: '000011112222' } });
    const fresh = aSandbox();
    fresh.sandbox('Reset', { seed: 7, accountId: '000011112222' });
    expect(s.sandbox('ExportScenario')).toEqual(fresh.sandbox('ExportScenario'));
  });

  it.each([
    [{}, 'InvalidParameterException', 'scenario is required.'],
    [{ scenario: null }, 'InvalidParameterException', 'scenario is required.'],
    [{ scenario: 'demo' }, 'InvalidParameterException', 'Invalid scenario: scenario must be a JSON object.'],
    [{ scenario: [1, 2] }, 'InvalidParameterException', 'Invalid scenario: scenario must be a JSON object.'],
    [{ scenario: { seed: 1 } }, 'InvalidParameterException', 'Invalid scenario: scenario.schemaVersion is missing.'],
    [{ scenario: { schemaVersion: 3 } }, 'InvalidParameterException',
      'Invalid scenario: scenario.schemaVersion is 3, but this ecs-sandbox reads schema versions up to 2; update ecs-sandbox to open it.'],
    [{ scenario: { ...JSON.parse(v2Text), regions: { 'us-east-1': { taskBehaviours: [{ taskDefinition: 'web', exitSeconds: 45 }] } } } },
      'InvalidParameterException', 'Invalid scenario: scenario.regions.us-east-1.taskBehaviours[0].exitSeconds must be a number from 0 to 30.'],
    [{ scenario: { schemaVersion: 1, regions: { 'us-east-1': { services: [{ serviceName: 'web', clusterName: 'nope', taskDefinition: 'x' }] } } } },
      'InvalidParameterException',
      'Invalid scenario: scenario.regions.us-east-1.services[0].clusterName names cluster nope, which the scenario does not contain.'],
  ])('ImportScenario %j → %s, and nothing is imported', (input, code, message) => {
    const s = aSandbox();
    withNamespace(s); // state the failed import must leave alone (the builder checks)
    const e = s.error('EcsSandbox.ImportScenario', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });

  it('never half-imports: a scenario refused deep inside leaves the old world whole', () => {
    const s = aSandbox();
    loadScenario(s.api, 'demo');
    const broken = v1();
    broken.regions['us-east-1'].tasks = [{ id: 't', clusterName: 'demo', taskDefinitionArn: 'nope', lastStatus: 'RUNNING', desiredStatus: 'RUNNING' }];
    const e = s.error('EcsSandbox.ImportScenario', { scenario: broken });
    expect(e.message).toBe('Invalid scenario: scenario.regions.us-east-1.tasks[0].taskDefinitionArn names task definition nope, which the scenario does not contain.');
  });

  it('ExportScenario ignores unknown members and refuses a request that is not an object', () => {
    expect(aSandbox().sandbox('ExportScenario', { verbose: true }).scenario.schemaVersion).toBe(2);
    expect(aSandbox().error('EcsSandbox.ExportScenario', 'all').code).toBe('SerializationException');
  });
});

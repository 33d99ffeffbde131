import { describe, expect, it } from 'vitest';
import { aSandbox, type TestSandbox } from '../../../builders/sandbox.ts';
import { START, withNamespace } from '../../../builders/discovery.ts';

/** The same calls, in the same order, on whatever sandbox they are given. */
function someCalls(s: TestSandbox): void {
  s.ecs('CreateCluster', { clusterName: 'c1' });
  s.sandbox('AdvanceTime', { seconds: 2.5 });
  withNamespace(s, 'a.local');
  s.ecs('RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] });
  s.ecs('CreateService', { cluster: 'c1', serviceName: 'web', taskDefinition: 'web', desiredCount: 0 });
  s.sd('CreatePrivateDnsNamespace', { Name: 'b.local', Vpc: 'vpc-0a1b2c3d' }, 'eu-west-1');
}

describe('EcsSandbox.Reset', () => {
  it('returns the account of the new document: 123456789012 by default', () => {
    expect(aSandbox().sandbox('Reset')).toEqual({ accountId: '123456789012' });
    expect(aSandbox().sandbox('Reset', { accountId: '000011112222' })).toEqual({ accountId: '000011112222' });
  });

  it('starts every region again from its default cluster, and the clock from 2018-05-22', () => {
    const s = aSandbox();
    someCalls(s);
    s.sandbox('Reset', { seed: 1 });
    expect(s.ecs('ListClusters')).toEqual({ clusterArns: ['arn:aws:ecs:us-east-1:123456789012:cluster/default'] });
    expect(s.sd('ListNamespaces', {}, 'eu-west-1')).toEqual({ Namespaces: [] });
    expect(s.sandbox('AdvanceTime', { seconds: 0 })).toEqual({ now: START, steady: true });
    expect(s.sandbox('ExportScenario').scenario.regions).toEqual({ 'us-east-1': expect.any(Object), 'eu-west-1': expect.any(Object) });
  });

  it('the account appears in the ARNs that follow', () => {
    const s = aSandbox();
    s.sandbox('Reset', { accountId: '000011112222' });
    expect(s.ecs('CreateCluster', { clusterName: 'x' }).cluster.clusterArn).toBe('arn:aws:ecs:us-east-1:000011112222:cluster/x');
  });

  it('same seed + same calls → byte-identical ExportScenario, whatever came before', () => {
    const a = aSandbox({ seed: 5 });
    const b = aSandbox({ seed: 99 });
    someCalls(b); // history that Reset must wipe out
    for (const s of [a, b]) {
      s.sandbox('Reset', { seed: 7, clock: 'manual' });
      someCalls(s);
    }
    expect(JSON.stringify(a.sandbox('ExportScenario'))).toBe(JSON.stringify(b.sandbox('ExportScenario')));
  });

  it('a different seed draws different ids', () => {
    const ids = [1, 2].map((seed) => {
      const s = aSandbox();
      s.sandbox('Reset', { seed });
      return s.sd('CreatePrivateDnsNamespace', { Name: 'x.local', Vpc: 'vpc-0a1b2c3d' }).OperationId;
    });
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('an omitted seed is 1, like a new document', () => {
    const [a, b] = [aSandbox({ seed: 3 }), aSandbox({ seed: 4 })];
    a.sandbox('Reset');
    b.sandbox('Reset', { seed: 1 });
    expect(a.sandbox('ExportScenario')).toEqual(b.sandbox('ExportScenario'));
  });

  it.each([
    // [clock given, mode before, expected mode, expected speed]
    [undefined, 'manual', 'manual', 1],
    [undefined, 'realtime', 'realtime', 1], // an omitted clock keeps the host's mode
    ['manual', 'realtime', 'manual', 1],
    ['realtime', 'manual', 'realtime', 1],
    ['realtime:10', 'manual', 'realtime', 10],
    ['realtime:0.5', 'manual', 'realtime', 0.5],
  ] as const)('clock %j on a %s document → %s at %d×', (clock, before, mode, speed) => {
    const s = aSandbox({ clock: before });
    s.sandbox('Reset', clock === undefined ? {} : { clock });
    expect(s.api.document.clock).toEqual({ mode, speed, nowMs: START * 1000 });
  });

  it.each([
    [{ seed: -1 }, 'InvalidParameterException', 'seed must be an integer from 0 to 4294967295, not -1.'],
    [{ seed: 4294967296 }, 'InvalidParameterException', 'seed must be an integer from 0 to 4294967295, not 4294967296.'],
    [{ seed: 1.5 }, 'SerializationException', 'seed must be an integer.'],
    [{ seed: '1' }, 'SerializationException', 'seed must be an integer.'],
    [{ clock: 5 }, 'SerializationException', 'clock must be a string.'],
    [{ clock: 'fast' }, 'InvalidParameterException', 'clock must be "manual", "realtime" or "realtime:<speed>" with a speed greater than 0, not "fast".'],
    [{ clock: 'realtime:0' }, 'InvalidParameterException', 'clock must be "manual", "realtime" or "realtime:<speed>" with a speed greater than 0, not "realtime:0".'],
    [{ clock: 'realtime:-2' }, 'InvalidParameterException', 'clock must be "manual", "realtime" or "realtime:<speed>" with a speed greater than 0, not "realtime:-2".'],
    [{ accountId: '123' }, 'InvalidParameterException', 'accountId must be 12 digits, not "123".'],
    [{ accountId: 123456789012 }, 'SerializationException', 'accountId must be a string.'],
  ])('Reset %j → %s', (input, code, message) => {
    const s = aSandbox();
    s.ecs('CreateCluster', { clusterName: 'kept' });
    const e = s.error('EcsSandbox.Reset', input);
    expect([e.code, e.message]).toEqual([code, message]);
  });

  it.each([
    [[1], 'Start of list found where not expected'],
    ['text', 'Start of structure or map found where not expected.'],
    [7, 'Start of structure or map found where not expected.'],
  ])('a request that is not an object (%j) is SerializationException', (input, message) => {
    const e = aSandbox().error('EcsSandbox.Reset', input);
    expect([e.code, e.message]).toEqual(['SerializationException', message]);
  });

  it('unknown members are ignored (D1)', () => {
    expect(aSandbox().sandbox('Reset', { seed: 3, colour: 'blue' })).toEqual({ accountId: '123456789012' });
  });
});

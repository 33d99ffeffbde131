// The worker's service, used directly: no worker, no comlink.
import { describe, expect, it } from 'vitest';
import { SandboxApi } from '../../../src/api/handler.ts';
import { SANDBOX, WIRE } from '../../../src/messages.ts';
import { newDocument } from '../../../src/domain/new-document.ts';
import { DEFAULT_START_MS } from '../../../src/domain/sandbox-document.ts';
import { loadScenario } from '../../../src/scenarios/load-scenario.ts';
import { nextU32, seedStreams } from '../../../src/shared/xoshiro128.ts';
import { ABI_VERSION } from '../../../src/wasm/abi.ts';
import { normalizeWireRequest } from '../../../src/worker/scheduler-service.ts';
import { aSchedulerService, aWallClock, aWireRequest, ECS_TARGET } from '../../builders/scheduler-service.ts';

const parse = (body: string) => JSON.parse(body);

describe('SchedulerService start-up', () => {
  it('calls made before the core has loaded wait for it and are answered', async () => {
    const service = aSchedulerService();
    // Nothing awaited yet: all three are issued while the .wasm is still compiling.
    const [reply, outcome, status] = await Promise.all([
      service.request(aWireRequest('ListClusters')),
      service.call(`${ECS_TARGET}.ListClusters`, {}),
      service.coreStatus(),
    ]);
    expect(reply.status).toBe(200);
    expect(outcome).toHaveProperty('output');
    expect(status.abiVersion).toBe(ABI_VERSION);
  });

  it('loads the demo scenario: the worker answers as a sandbox that loaded it itself', async () => {
    const service = aSchedulerService();
    const expected = new SandboxApi({ document: newDocument({ clock: 'realtime' }) });
    await loadScenario(expected, 'demo');
    const clusters = expected.call(`${ECS_TARGET}.ListClusters`, {}).output as { clusterArns: string[] };
    expect(clusters.clusterArns).toContain('arn:aws:ecs:us-east-1:123456789012:cluster/demo');
    expect(await service.call(`${ECS_TARGET}.ListClusters`, {})).toEqual({ output: clusters });
    const services = expected.call(`${ECS_TARGET}.ListServices`, { cluster: 'demo' }).output;
    expect(await service.call(`${ECS_TARGET}.ListServices`, { cluster: 'demo' })).toEqual({ output: services });
  });

  it('scenario null starts from the empty document (only the default cluster, D4)', async () => {
    const service = aSchedulerService({ scenario: null });
    expect(await service.call(`${ECS_TARGET}.ListClusters`, {})).toEqual({
      output: { clusterArns: ['arn:aws:ecs:us-east-1:123456789012:cluster/default'] },
    });
  });

  it('a scenario that fails to load is reported by coreStatus, and the API still answers on the empty document', async () => {
    const service = aSchedulerService({ scenario: 'no-such-scenario' });
    expect((await service.coreStatus()).scenarioError).toEqual({ code: 'InvalidParameterException', message: SANDBOX.unknownScenario('no-such-scenario') });
    expect(await service.call(`${ECS_TARGET}.ListClusters`, {})).toEqual({
      output: { clusterArns: ['arn:aws:ecs:us-east-1:123456789012:cluster/default'] },
    });
  });

  it('a core that does not compile makes every method reject with the reason, and nothing crashes', async () => {
    const service = aSchedulerService({ core: { bytes: new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9]) } });
    await expect(service.coreStatus()).rejects.toThrow(/WebAssembly|wasm|version/i);
    await expect(service.request(aWireRequest('ListClusters'))).rejects.toThrow();
    await expect(service.call(`${ECS_TARGET}.ListClusters`)).rejects.toThrow();
  });
});

describe('SchedulerService.coreStatus', () => {
  it.each([1, 42, 0xffffffff])('seed %i: the WASM draws equal the TS twin (semantics 3.3)', async (seed) => {
    const status = await aSchedulerService({ seed, scenario: null }).coreStatus();
    const { placement } = seedStreams(seed);
    expect(status).toEqual({
      abiVersion: ABI_VERSION,
      seed,
      placementDraws: [nextU32(placement), nextU32(placement), nextU32(placement), nextU32(placement)],
      memoryBytes: expect.any(Number),
      placementCore: 'wasm', // the service switches from the TS oracle once the core loaded
    });
    expect(status.memoryBytes % 65536).toBe(0); // whole 64 KiB wasm pages
  });

  it('probing twice gives the same draws: the probe reseeds a copy and puts the stream back', async () => {
    const service = aSchedulerService({ seed: 7, scenario: null });
    const first = await service.coreStatus();
    expect(await service.coreStatus()).toEqual(first);
  });
});

describe('SchedulerService clock', () => {
  it('runs realtime on the injected wall clock: 5 s of wall time is 5 s of simulated time', async () => {
    const clock = aWallClock();
    const service = aSchedulerService({ wallClock: clock.wallClock, scenario: null });
    await service.ready;
    const start = service.api.document.clock.nowMs;
    expect(service.api.document.clock.mode).toBe('realtime');
    clock.advance(5000);
    await service.call(`${ECS_TARGET}.ListClusters`);
    // speed 1: sim = anchor.sim + (wall − anchor.wall) × 1 = start + 5000
    expect(service.api.document.clock.nowMs).toBe(start + 5000);
    expect(start).toBe(DEFAULT_START_MS);
  });
});

describe('SchedulerService.request (AWS JSON 1.1)', () => {
  it('answers a good request with 200 and the JSON output', async () => {
    const reply = await aSchedulerService({ scenario: null }).request(aWireRequest('DescribeClusters', { clusters: ['default'] }));
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(parse(reply.body)).toEqual({
      clusters: [expect.objectContaining({ clusterName: 'default', status: 'ACTIVE' })],
      failures: [],
    });
  });

  it.each([
    ['malformed JSON', aWireRequest('ListClusters', undefined, { body: '{"clusters": [' }), 400, 'SerializationException', expect.stringMatching(/^Could not parse request body into json: /)],
    ['a JSON list for the input structure', aWireRequest('ListClusters', []), 400, 'SerializationException', WIRE.listNotExpected],
    ['a string where an integer belongs', aWireRequest('ListClusters', { maxResults: 'ten' }), 400, 'SerializationException', 'STRING_VALUE can not be converted to an Integer'],
    ['a missing required member', aWireRequest('DeleteCluster', {}), 400, 'InvalidParameterException', 'cluster is required.'],
    ['no X-Amz-Target', aWireRequest('ListClusters', {}, { headers: { 'content-type': 'application/x-amz-json-1.1' } }), 400, 'UnknownOperationException', WIRE.missingTarget],
    ['an unknown operation', aWireRequest('LaunchRocket'), 400, 'UnknownOperationException', WIRE.unknownOperation(`${ECS_TARGET}.LaunchRocket`)],
    ['a prototype name as operation', aWireRequest('__proto__'), 400, 'UnknownOperationException', WIRE.unknownOperation(`${ECS_TARGET}.__proto__`)],
    ['constructor as operation', aWireRequest('constructor'), 400, 'UnknownOperationException', WIRE.unknownOperation(`${ECS_TARGET}.constructor`)],
    ['an unknown service prefix', aWireRequest('x', {}, { headers: { 'x-amz-target': 'AmazonS3.ListBuckets' } }), 400, 'UnknownOperationException', WIRE.unknownOperation('AmazonS3.ListBuckets')],
    ['GET', aWireRequest('ListClusters', {}, { method: 'GET' }), 404, 'UnknownOperationException', WIRE.methodNotAllowed],
    // 1 MiB + 1 byte: the limit is 1,048,576 bytes (era.maxRequestBodyBytes)
    ['a body over 1 MiB', aWireRequest('ListClusters', {}, { body: ' '.repeat(1024 * 1024 + 1) }), 413, 'RequestEntityTooLargeException', WIRE.bodyTooLarge(1024 * 1024)],
  ])('%s → %i %s', async (_case, wire, status, code, message) => {
    const service = aSchedulerService({ scenario: null });
    const reply = await service.request(wire);
    expect([reply.status, parse(reply.body)]).toEqual([status, { __type: code, message }]);
    // …and the next request is answered as usual.
    expect((await service.request(aWireRequest('ListClusters'))).status).toBe(200);
  });

  it.each([
    ['__proto__', '{"__proto__": {"polluted": true}}'],
    ['constructor', '{"constructor": {"prototype": {"polluted": true}}}'],
  ])('a body with a %s member is an unknown member: ignored (D1), polluting and changing nothing', async (_member, body) => {
    const service = aSchedulerService({ scenario: null });
    await service.request(aWireRequest('ListClusters'));
    const before = JSON.stringify(service.api.document);
    const reply = await service.request(aWireRequest('DescribeClusters', undefined, { body }));
    expect(reply.status).toBe(200);
    expect(parse(reply.body)).toEqual(expect.objectContaining({ clusters: expect.any(Array) }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(service.api.document)).toBe(before);
    expect((await service.request(aWireRequest('ListClusters'))).status).toBe(200);
  });

  it('a deeply nested body gets an AWS answer and the service keeps answering', async () => {
    const service = aSchedulerService({ scenario: null });
    // 100,000 levels is 200,000 bytes: under the 1 MiB limit, deep enough to break a recursive walker.
    const body = `{"clusters": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const reply = await service.request(aWireRequest('DescribeClusters', undefined, { body }));
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(parse(reply.body)).toEqual({ __type: expect.any(String), message: expect.any(String) });
    expect((await service.request(aWireRequest('ListClusters'))).status).toBe(200);
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['headers that are a string', { method: 'POST', headers: 'x-amz-target', body: '{}' }],
    ['a body that is an object', { method: 'POST', headers: { 'x-amz-target': `${ECS_TARGET}.ListClusters` }, body: { clusters: [] } }],
    ['a method that is a number', { method: 7, headers: { 'x-amz-target': `${ECS_TARGET}.ListClusters` }, body: '{}' }],
  ])('a wire request that is %s gets an AWS error, not an exception', async (_case, wire) => {
    const service = aSchedulerService({ scenario: null });
    const reply = await service.request(wire as never);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(parse(reply.body)).toEqual({ __type: expect.stringMatching(/Exception$/), message: expect.any(String) });
  });

  it('bytes are decoded as UTF-8, and invalid UTF-8 is a SerializationException', async () => {
    const service = aSchedulerService({ scenario: null });
    const good = await service.request(aWireRequest('ListClusters', undefined, { body: new TextEncoder().encode('{}') }));
    expect(good.status).toBe(200);
    const bad = await service.request(aWireRequest('ListClusters', undefined, { body: new Uint8Array([0x7b, 0xff, 0x7d]) }));
    expect([bad.status, parse(bad.body).__type]).toEqual([400, 'SerializationException']);
  });
});

describe('normalizeWireRequest', () => {
  it.each([
    ['null', null, { method: '', headers: {}, body: '' }],
    ['non-string header values', { method: 'POST', headers: { a: 1, b: true, c: { x: 1 }, d: null }, body: '{}' },
      { method: 'POST', headers: { a: '1', b: 'true' }, body: '{}' }],
    ['an object body', { method: 'POST', headers: {}, body: { a: 1 } }, { method: 'POST', headers: {}, body: '[object Object]' }],
    ['a path', { method: 'POST', path: '/x', headers: {}, body: '' }, { method: 'POST', path: '/x', headers: {}, body: '' }],
    ['a transport-only flag from the page', { method: 'POST', headers: {}, body: '', bodyTooLarge: true }, { method: 'POST', headers: {}, body: '' }],
  ])('%s', (_case, raw, expected) => {
    expect(normalizeWireRequest(raw)).toEqual(expected);
  });
});

describe('SchedulerService.call', () => {
  it('returns {output} on success', async () => {
    const outcome = await aSchedulerService({ scenario: null }).call(`${ECS_TARGET}.CreateCluster`, { clusterName: 'c1' });
    expect(outcome).toEqual({ output: { cluster: expect.objectContaining({ clusterName: 'c1', status: 'ACTIVE' }) } });
  });

  it.each([
    ['an API error', `${ECS_TARGET}.DeleteCluster`, { cluster: 'ghost' }, 'ClusterNotFoundException', 'Cluster not found.'],
    ['a bad cluster name', `${ECS_TARGET}.CreateCluster`, { clusterName: 'has space' }, 'InvalidParameterException',
      'Cluster names can have up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.'],
    ['an unknown target', 'toString', {}, 'UnknownOperationException', WIRE.unknownOperation('toString')],
    ['a target that is not a string', 42, {}, 'UnknownOperationException', WIRE.unknownOperation('42')],
    ['a list as input', `${ECS_TARGET}.ListClusters`, [], 'SerializationException', WIRE.listNotExpected],
  ])('returns {error} for %s and keeps answering', async (_case, target, input, code, message) => {
    const service = aSchedulerService({ scenario: null });
    expect(await service.call(target as string, input)).toEqual({ error: { code, message } });
    expect(await service.call(`${ECS_TARGET}.ListClusters`)).toHaveProperty('output');
  });
});

// Bad input through the real socket: every answer is an AWS JSON 1.1 error with the right code,
// HTTP status and text, the state does not change, and the server keeps serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTERS, WIRE } from '../../../src/messages.ts';
import { ECS_TARGET, SD_TARGET, JSON_11, fakeAuthorization, startTestServer, type TestServer } from '../../builders/serve.ts';
import { rawHttp } from '../../builders/raw-http.ts';

const MAX = 1024 * 1024; // ERA_2018.maxRequestBodyBytes

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ bodyIdleTimeoutMs: 300, headersTimeoutMs: 300 });
  await server.call(`${ECS_TARGET}.ListClusters`); // the region exists before any before/after comparison
});
afterAll(() => server.close());

/** Sends, then asserts: the reply, no state change, and a healthy server afterwards. */
async function expectRejected(send: () => Promise<{ status: number; json: any; headers: Headers }>, status: number, code: string, message: string | RegExp) {
  const before = await server.state();
  const reply = await send();
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toBe(JSON_11);
  expect(reply.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  expect(reply.json.__type).toBe(code);
  if (typeof message === 'string') expect(reply.json.message).toBe(message);
  else expect(reply.json.message).toMatch(message);
  expect(await server.state(), 'a rejected request must change no state').toBe(before);
  const next = await server.call(`${ECS_TARGET}.ListClusters`);
  expect(next.status, 'the server keeps serving').toBe(200);
}

describe('serve: the happy path on the wire', () => {
  it('answers 200 with the JSON 1.1 content type and a fresh x-amzn-RequestId per request', async () => {
    const a = await server.call(`${ECS_TARGET}.ListClusters`);
    const b = await server.call(`${ECS_TARGET}.ListClusters`);
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toBe(JSON_11);
    expect(a.json).toEqual({ clusterArns: ['arn:aws:ecs:us-east-1:123456789012:cluster/default'] });
    expect(a.headers.get('x-amzn-requestid')).not.toBe(b.headers.get('x-amzn-requestid'));
  });

  it.each([
    ['unsigned', 'us-east-1', undefined],
    ['signed for eu-west-1', 'eu-west-1', 'eu-west-1'],
    ['signed for ap-southeast-2', 'ap-southeast-2', 'ap-southeast-2'],
  ])('takes the region from the SigV4 credential scope (%s → %s)', async (_, expected, region) => {
    const reply = await server.call(`${ECS_TARGET}.ListClusters`, {}, region);
    expect(reply.json.clusterArns).toEqual([`arn:aws:ecs:${expected}:123456789012:cluster/default`]);
  });

  it('treats an empty body and a JSON null body as {}', async () => {
    expect((await server.post(`${ECS_TARGET}.ListClusters`, '')).status).toBe(200);
    expect((await server.post(`${ECS_TARGET}.ListClusters`, 'null')).status).toBe(200);
  });

  it('accepts a body sent in chunks without Content-Length', async () => {
    const reply = await rawHttp(server.http.port, [
      `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: ${JSON_11}\r\nX-Amz-Target: ${ECS_TARGET}.ListClusters\r\n` +
        'Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n',
      '1\r\n{\r\n', '1\r\n}\r\n', '0\r\n\r\n',
    ]);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body).clusterArns).toHaveLength(1);
  });
});

describe('serve: malformed requests', () => {
  // Codes and statuses: unknown X-Amz-Target is 400 on the wire (aws-sdk-net#1536); a request that is not
  // `POST /` names no operation (AWS Common Errors: UnknownOperationException, 404); too large is 413.
  it.each([
    ['malformed JSON', 400, 'SerializationException', '{"clusterName": ', /^Could not parse request body into json: /],
    ['a JSON array as the body', 400, 'SerializationException', '[]', WIRE.listNotExpected],
    ['a JSON number as the body', 400, 'SerializationException', '42', 'NUMBER_VALUE can not be converted to a Structure'],
    ['a JSON string as the body', 400, 'SerializationException', '"hello"', 'STRING_VALUE can not be converted to a Structure'],
    ['a JSON boolean as the body', 400, 'SerializationException', 'true', 'TRUE_VALUE can not be converted to a Structure'],
    ['trailing garbage after the JSON', 400, 'SerializationException', '{} {}', /^Could not parse request body into json: /],
  ])('%s → %i %s', async (_, status, code, body, message) => {
    await expectRejected(() => server.post(`${ECS_TARGET}.CreateCluster`, body), status, code, message);
  });

  it('invalid UTF-8 → SerializationException', async () => {
    // 0xC3 starts a two-byte sequence; 0x28 cannot continue it.
    const bytes = new Uint8Array([...new TextEncoder().encode('{"clusterName":"'), 0xc3, 0x28, ...new TextEncoder().encode('"}')]);
    await expectRejected(() => server.post(`${ECS_TARGET}.CreateCluster`, bytes), 400, 'SerializationException', WIRE.invalidUtf8);
  });

  it.each([
    // member types (Coral's texts: token name, then the model type)
    ['clusterName as a number', { clusterName: 5 }, 'NUMBER_VALUE can not be converted to a String'],
    ['clusterName as a boolean', { clusterName: false }, 'FALSE_VALUE can not be converted to a String'],
    ['clusterName as a list', { clusterName: ['a'] }, WIRE.listNotExpected],
    ['clusterName as an object', { clusterName: { a: 1 } }, WIRE.structureNotExpected],
  ])('CreateCluster with %s → SerializationException', async (_, input, message) => {
    await expectRejected(() => server.call(`${ECS_TARGET}.CreateCluster`, input), 400, 'SerializationException', message);
  });

  it.each([
    ['maxResults as a string', { maxResults: '5' }, 'STRING_VALUE can not be converted to an Integer'],
    ['maxResults as a fraction', { maxResults: 1.5 }, 'NUMBER_VALUE can not be converted to an Integer'],
    // 2^31 does not fit a Java int
    ['maxResults of 2^31', { maxResults: 2 ** 31 }, 'NUMBER_VALUE can not be converted to an Integer'],
    ['nextToken as a number', { nextToken: 7 }, 'NUMBER_VALUE can not be converted to a String'],
  ])('ListClusters with %s → SerializationException', async (_, input, message) => {
    await expectRejected(() => server.call(`${ECS_TARGET}.ListClusters`, input), 400, 'SerializationException', message);
  });

  it('DescribeClusters with an include value outside the enum → D52 text', async () => {
    await expectRejected(() => server.call(`${ECS_TARGET}.DescribeClusters`, { include: ['EVERYTHING'] }),
      400, 'InvalidParameterException', 'include should be one of [STATISTICS]');
  });

  it('DeleteCluster without its required member → InvalidParameterException', async () => {
    await expectRejected(() => server.call(`${ECS_TARGET}.DeleteCluster`, {}), 400, 'InvalidParameterException', 'cluster is required.');
  });

  it('a member named like an Object.prototype property is an unknown member, not a server fault', async () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const reply = await server.post(`${ECS_TARGET}.ListClusters`, `{"${key}": {"x": 1}}`);
      expect([key, reply.status]).toEqual([key, 200]);
    }
  });

  it.each([
    ['an unknown operation', `${ECS_TARGET}.LaunchRockets`, '{}', WIRE.unknownOperation(`${ECS_TARGET}.LaunchRockets`)],
    ['an unknown operation with a malformed body (the target is resolved first)', `${ECS_TARGET}.LaunchRockets`, '{',
      WIRE.unknownOperation(`${ECS_TARGET}.LaunchRockets`)],
    ['an unknown service prefix', 'DynamoDB_20120810.ListTables', '{}', WIRE.unknownOperation('DynamoDB_20120810.ListTables')],
    ['a target without an operation', ECS_TARGET, '{}', WIRE.unknownOperation(ECS_TARGET)],
    ['an operation of a later API', `${ECS_TARGET}.CreateCapacityProvider`, '{}', WIRE.unknownOperation(`${ECS_TARGET}.CreateCapacityProvider`)],
  ])('%s → 400 UnknownOperationException', async (_, target, body, message) => {
    await expectRejected(() => server.post(target, body), 400, 'UnknownOperationException', message);
  });

  it('no X-Amz-Target → 400 UnknownOperationException', async () => {
    await expectRejected(() => server.post(undefined, '{}'), 400, 'UnknownOperationException', WIRE.missingTarget);
  });

  it('an agent-only operation → UnsupportedFeatureException', async () => {
    await expectRejected(() => server.post(`${ECS_TARGET}.SubmitTaskStateChange`, '{}'), 400, 'UnsupportedFeatureException',
      WIRE.agentOnly('SubmitTaskStateChange'));
  });

  it.each(['GET', 'PUT', 'DELETE', 'PATCH'])('%s / → 404 UnknownOperationException', async (method) => {
    await expectRejected(async () => {
      const res = await fetch(`${server.url}/`, {
        method, headers: { 'x-amz-target': `${ECS_TARGET}.ListClusters` }, ...(method === 'GET' ? {} : { body: '{}' }),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, json: JSON.parse(text) };
    }, 404, 'UnknownOperationException', WIRE.methodNotAllowed);
  });

  it('POST to another path → 404 UnknownOperationException', async () => {
    await expectRejected(async () => {
      const res = await fetch(`${server.url}/v1/clusters`, { method: 'POST', headers: { 'x-amz-target': `${ECS_TARGET}.ListClusters` }, body: '{}' });
      return { status: res.status, headers: res.headers, json: await res.json() };
    }, 404, 'UnknownOperationException', WIRE.methodNotAllowed);
  });

  it('a query string on / is ignored', async () => {
    const res = await fetch(`${server.url}/?foo=bar`, { method: 'POST', headers: { 'x-amz-target': `${ECS_TARGET}.ListClusters` }, body: '{}' });
    expect(res.status).toBe(200);
  });

  it('Route 53 Auto Naming errors carry `Message`, as its error shapes do', async () => {
    const reply = await server.post(`${SD_TARGET}.LaunchRockets`, '{}');
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({ __type: 'UnknownOperationException', Message: WIRE.unknownOperation(`${SD_TARGET}.LaunchRockets`) });
  });
});

describe('serve: body size', () => {
  const fiveMiB = () => new Uint8Array(5 * 1024 * 1024).fill(0x20); // 5 MiB of spaces

  it('a 5 MiB body with Content-Length → 413 RequestEntityTooLargeException, refused before it is read', async () => {
    await expectRejected(() => server.post(`${ECS_TARGET}.CreateCluster`, fiveMiB()), 413, 'RequestEntityTooLargeException', WIRE.bodyTooLarge(MAX));
  });

  it('a 5 MiB body streamed without Content-Length → 413 once it passes the limit', async () => {
    await expectRejected(async () => {
      const body = fiveMiB();
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < body.length; i += 64 * 1024) controller.enqueue(body.subarray(i, i + 64 * 1024));
          controller.close();
        },
      });
      const res = await fetch(`${server.url}/`, {
        method: 'POST', headers: { 'x-amz-target': `${ECS_TARGET}.CreateCluster` }, body: stream, duplex: 'half',
      } as RequestInit);
      return { status: res.status, headers: res.headers, json: await res.json() };
    }, 413, 'RequestEntityTooLargeException', WIRE.bodyTooLarge(MAX));
  });

  it('answers 413 while the client is still sending: it does not wait for (or keep) the rest', async () => {
    // Send 1 MiB + 1 byte in chunks, then keep the request open: the 413 must arrive anyway.
    const chunk = (n: number) => `${n.toString(16)}\r\n${' '.repeat(n)}\r\n`;
    const reply = await rawHttp(server.http.port, [
      `POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: ${ECS_TARGET}.CreateCluster\r\nTransfer-Encoding: chunked\r\n\r\n`,
      ...Array.from({ length: 16 }, () => chunk(64 * 1024)),
      chunk(1),
    ], { keepOpen: true });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toEqual({ __type: 'RequestEntityTooLargeException', message: WIRE.bodyTooLarge(MAX) });
    expect(reply.headers.connection).toBe('close');
  });

  it('exactly the limit is still read (1 MiB of JSON whitespace around {})', async () => {
    const body = `{}${' '.repeat(MAX - 2)}`;
    expect((await server.post(`${ECS_TARGET}.ListClusters`, body)).status).toBe(200);
  });
});

describe('serve: hostile clients', () => {
  it.each([
    ['garbage bytes', Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x0d, 0x0a, 0x0d, 0x0a])],
    ['a request line without HTTP', 'HELLO\r\n\r\n'],
    ['a bad header line', 'POST / HTTP/1.1\r\nHost x\r\n\r\n'],
    ['a negative Content-Length', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n'],
    ['two different Content-Lengths', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}'],
  ])('%s → 400 Bad Request and the connection is closed', async (_, bytes) => {
    const reply = await rawHttp(server.http.port, [bytes]);
    expect(reply.status).toBe(400);
    expect((await server.call(`${ECS_TARGET}.ListClusters`)).status).toBe(200);
  });

  it('a body that stops arriving → 408 RequestTimeoutException (slowloris)', async () => {
    const before = await server.state();
    const reply = await rawHttp(server.http.port, [
      `POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nX-Amz-Target: ${ECS_TARGET}.CreateCluster\r\n\r\n{"clusterName": "sl`,
    ], { keepOpen: true });
    expect(reply.status).toBe(408);
    expect(JSON.parse(reply.body)).toEqual({ __type: 'RequestTimeoutException', message: WIRE.requestTimeout });
    expect(await server.state()).toBe(before);
  });

  it('headers that never finish → the connection is closed with 408', async () => {
    const reply = await rawHttp(server.http.port, ['POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Tar'], { keepOpen: true });
    expect(reply.status).toBe(408);
    expect((await server.call(`${ECS_TARGET}.ListClusters`)).status).toBe(200);
  });

  it('a client that disconnects mid-body leaves no trace', async () => {
    const before = await server.state();
    await rawHttp(server.http.port, [
      `POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\nX-Amz-Target: ${ECS_TARGET}.CreateCluster\r\n\r\n{"clusterName":`,
    ]);
    expect(await server.state()).toBe(before);
    expect((await server.call(`${ECS_TARGET}.ListClusters`)).status).toBe(200);
  });

  it('serves 50 concurrent requests, each exactly once', async () => {
    const names = Array.from({ length: 50 }, (_, i) => `concurrent-${i}`);
    const replies = await Promise.all(names.map((clusterName) => server.call(`${ECS_TARGET}.CreateCluster`, { clusterName })));
    expect(replies.map((r) => r.status)).toEqual(names.map(() => 200));
    expect(replies.map((r) => r.json.cluster.clusterName)).toEqual(names);
    const ids = new Set(replies.map((r) => r.headers.get('x-amzn-requestid')));
    expect(ids.size).toBe(50);
    const listed = await server.call(`${ECS_TARGET}.DescribeClusters`, { clusters: names });
    expect(listed.json.clusters).toHaveLength(50);
    expect(listed.json.failures).toEqual([]);
  });

  it('keeps a connection alive across requests', async () => {
    const request = `POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: ${ECS_TARGET}.ListClusters\r\nContent-Length: 2\r\n\r\n{}`;
    const reply = await rawHttp(server.http.port, [request, request, `${request.replace('Host: x', 'Host: x\r\nConnection: close')}`], { all: true });
    expect(reply.raw.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(3);
  });
});

describe('serve: hostile names', () => {
  // Injection and unicode strings as names: the name rule rejects them, nothing is stored, and where a
  // name is only looked up, the reply echoes it back exactly (JSON-escaped).
  const HOSTILE = [
    ["SQL", "x'; DROP TABLE clusters;--"],
    ['HTML', '<script>alert(1)</script>'],
    ['path traversal', '../../etc/passwd'],
    ['emoji', '🚀🐳'],
    ['RTL', 'مرحبا\u202Eexe.txt'],
    ['NUL', 'a\u0000b'],
    ['CRLF', 'a\r\nX-Injected: 1'],
    ['JSON-looking', '{"__type":"ClusterNotFoundException"}'],
  ];

  it.each(HOSTILE)('CreateCluster refuses a %s name', async (_, clusterName) => {
    await expectRejected(() => server.call(`${ECS_TARGET}.CreateCluster`, { clusterName }), 400, 'InvalidParameterException', CLUSTERS.badName);
  });

  it.each(HOSTILE)('DescribeClusters echoes a %s name back exactly as MISSING', async (_, name) => {
    const reply = await server.call(`${ECS_TARGET}.DescribeClusters`, { clusters: [name] });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ clusters: [], failures: [{ arn: `arn:aws:ecs:us-east-1:123456789012:cluster/${name}`, reason: 'MISSING' }] });
  });

  it.each(HOSTILE)('DeleteCluster of a %s name → ClusterNotFoundException', async (_, cluster) => {
    await expectRejected(() => server.call(`${ECS_TARGET}.DeleteCluster`, { cluster }), 400, 'ClusterNotFoundException', CLUSTERS.notFound);
  });

  it('a hostile header value reaches nothing but the region parser', async () => {
    const reply = await server.post(`${ECS_TARGET}.ListClusters`, '{}', { authorization: fakeAuthorization('../../etc') });
    expect(reply.status).toBe(200);
    expect(reply.json.clusterArns[0]).toMatch(/^arn:aws:ecs:us-east-1:/);
  });
});

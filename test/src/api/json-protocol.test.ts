// JsonProtocol without sockets: the form the Web Worker uses (string bodies, fetch()).
import { describe, expect, it } from 'vitest';
import { SandboxApi } from '../../../src/api/handler.ts';
import { JsonProtocol, regionFromAuthorization } from '../../../src/api/json-protocol.ts';
import { WIRE } from '../../../src/messages.ts';
import { newDocument } from '../../../src/domain/new-document.ts';

const TARGET = 'AmazonEC2ContainerServiceV20141113.ListClusters';
const aProtocol = () => new JsonProtocol(new SandboxApi({ document: newDocument({ seed: 42 }) }), 1024);

describe('JsonProtocol', () => {
  it('takes a string body or UTF-8 bytes alike', () => {
    const p = aProtocol();
    const headers = { 'X-Amz-Target': TARGET };
    const fromText = p.handle({ method: 'POST', headers, body: '{}' });
    const fromBytes = p.handle({ method: 'post', headers, body: new TextEncoder().encode('{}') });
    expect([fromText.status, fromBytes.status]).toEqual([200, 200]);
    expect(fromText.body).toBe(fromBytes.body);
  });

  it('numbers request ids with a counter, never with the document’s id stream', () => {
    const p = aProtocol();
    const ids = [1, 2, 3].map(() => p.handle({ method: 'POST', headers: { 'x-amz-target': TARGET }, body: '' }).headers['x-amzn-RequestId']);
    expect(ids).toEqual(['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003']);
  });

  it('counts the limit in UTF-8 bytes: 342 × "€" is 1,026 bytes > 1,024', () => {
    const reply = aProtocol().handle({ method: 'POST', headers: { 'x-amz-target': TARGET }, body: `"${'€'.repeat(342)}"` });
    expect([reply.status, JSON.parse(reply.body)]).toEqual([413, { __type: 'RequestEntityTooLargeException', message: WIRE.bodyTooLarge(1024) }]);
  });

  it('answers a transport that gave up on the body with 413 or 408', () => {
    const p = aProtocol();
    expect(p.handle({ method: 'POST', headers: {}, body: '', bodyTooLarge: true }).status).toBe(413);
    const timedOut = p.timedOut();
    expect([timedOut.status, JSON.parse(timedOut.body)]).toEqual([408, { __type: 'RequestTimeoutException', message: WIRE.requestTimeout }]);
  });

  it('serves fetch-style Requests', async () => {
    const res = await aProtocol().fetch(new Request('http://sandbox.local/', { method: 'POST', headers: { 'x-amz-target': TARGET }, body: '{}' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ clusterArns: ['arn:aws:ecs:us-east-1:123456789012:cluster/default'] });
    const get = await aProtocol().fetch(new Request('http://sandbox.local/'));
    expect(get.status).toBe(404);
  });

  it.each([
    ['AWS4-HMAC-SHA256 Credential=AKID/20180522/eu-central-1/ecs/aws4_request, SignedHeaders=host, Signature=0', 'eu-central-1'],
    ['AWS4-HMAC-SHA256 Credential=AKID/20180522/us-gov-west-1/servicediscovery/aws4_request', 'us-gov-west-1'],
    ['Bearer token', undefined],
    ['AWS4-HMAC-SHA256 Credential=AKID/20180522/../ecs/aws4_request', undefined],
    [undefined, undefined],
  ])('the region of %j is %j', (authorization, region) => {
    expect(regionFromAuthorization(authorization)).toBe(region);
  });
});

// The AWS SDK for JavaScript v3 with the sandbox as its requestHandler: the same client code that
// runs in the page, here in Node over comlink. Only the transport differs from talking to AWS.
import { MessageChannel } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { expose, wrap } from 'comlink';
import { CreateClusterCommand, DeleteClusterCommand, DescribeClustersCommand, ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import type { SchedulerApi, WireRequest } from '../../../src/worker/scheduler-api.ts';
import { SchedulerRequestHandler, toSdkHttpResponse, toWireRequest } from '../../../src/worker/sdk-request-handler.ts';
import { aSchedulerService } from '../../builders/scheduler-service.ts';

const channels: MessageChannel[] = [];
afterAll(() => {
  for (const c of channels) {
    c.port1.close();
    c.port2.close();
  }
});

/** An SDK client whose requests go over a MessageChannel to a fresh service. */
function anEcsClient(region = 'us-east-1'): ECSClient {
  const channel = new MessageChannel();
  channels.push(channel);
  const service = aSchedulerService({ scenario: null });
  expose(service, channel.port1 as never);
  return new ECSClient({
    region,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    requestHandler: new SchedulerRequestHandler(wrap<SchedulerApi>(channel.port2 as never)),
    maxAttempts: 1,
  });
}

describe('SchedulerRequestHandler with @aws-sdk/client-ecs', () => {
  const ecs = anEcsClient();

  it('round-trips operations: CreateCluster, DescribeClusters, ListClusters, DeleteCluster', async () => {
    const created = await ecs.send(new CreateClusterCommand({ clusterName: 'sdk' }));
    expect(created.cluster).toMatchObject({ clusterName: 'sdk', status: 'ACTIVE', clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/sdk' });
    const described = await ecs.send(new DescribeClustersCommand({ clusters: ['sdk', 'nope'] }));
    expect(described.clusters?.map((c) => c.clusterName)).toEqual(['sdk']);
    expect(described.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/nope', reason: 'MISSING' }]);
    expect((await ecs.send(new ListClustersCommand({}))).clusterArns).toContain('arn:aws:ecs:us-east-1:123456789012:cluster/sdk');
    expect((await ecs.send(new DeleteClusterCommand({ cluster: 'sdk' }))).cluster?.status).toBe('INACTIVE');
  });

  it('the SigV4 credential scope picks the region (semantics 1.1)', async () => {
    const euWest = anEcsClient('eu-west-1');
    expect((await euWest.send(new ListClustersCommand({}))).clusterArns).toEqual(['arn:aws:ecs:eu-west-1:123456789012:cluster/default']);
  });

  it.each([
    ['DeleteCluster of an unknown cluster', new DeleteClusterCommand({ cluster: 'ghost' }), 'ClusterNotFoundException', 'Cluster not found.', 400],
    ['CreateCluster with a bad name', new CreateClusterCommand({ clusterName: 'no spaces' }), 'InvalidParameterException',
      'Cluster names can have up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.', 400],
  ])('%s surfaces as the SDK\'s modelled exception', async (_case, command, name, message, status) => {
    const error = await ecs.send(command as never).then(() => undefined, (e: unknown) => e as { name: string; message: string; $metadata: { httpStatusCode: number; requestId?: string } });
    expect(error).toBeDefined();
    expect([error!.name, error!.message, error!.$metadata.httpStatusCode]).toEqual([name, message, status]);
    expect(error!.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('toWireRequest / toSdkHttpResponse', () => {
  it('keeps method, headers and body; adds the query string to the path', () => {
    const wire: WireRequest = toWireRequest({
      method: 'POST', path: '/', query: { a: '1', b: ['2', '3'] },
      headers: { 'x-amz-target': 'T.Op', 'content-type': 'application/x-amz-json-1.1' }, body: '{}',
    });
    expect(wire).toEqual({ method: 'POST', path: '/?a=1&b=2&b=3', headers: { 'x-amz-target': 'T.Op', 'content-type': 'application/x-amz-json-1.1' }, body: '{}' });
  });

  it('passes byte bodies as bytes and an absent body as empty text', () => {
    expect(toWireRequest({ method: 'POST', headers: {}, body: new Uint8Array([123, 125]) }).body).toEqual(new Uint8Array([123, 125]));
    expect(toWireRequest({ method: 'POST', headers: {} })).toEqual({ method: 'POST', path: '/', headers: {}, body: '' });
  });

  it('lower-cases response header names and encodes the body as UTF-8', () => {
    const response = toSdkHttpResponse({ status: 400, headers: { 'x-amzn-RequestId': 'r', 'x-amzn-ErrorType': 'E' }, body: '{"m":"é"}' });
    expect(response.statusCode).toBe(400);
    expect(response.headers).toEqual({ 'x-amzn-requestid': 'r', 'x-amzn-errortype': 'E' });
    expect(new TextDecoder().decode(response.body)).toBe('{"m":"é"}');
  });
});

// The worker boundary without a worker: comlink over an in-process MessageChannel, as comlink's own
// tests do. What crosses here is what crosses postMessage in the browser.
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { expose, wrap, type Remote } from 'comlink';
import { nextU32, seedStreams } from '../../../src/shared/xoshiro128.ts';
import type { SchedulerApi } from '../../../src/worker/scheduler-api.ts';
import { aSchedulerService, aWireRequest, ECS_TARGET } from '../../builders/scheduler-service.ts';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

/** A Remote<SchedulerApi> backed by a fresh service, exposed at once as the worker does. */
function aRemoteScheduler(options: Parameters<typeof aSchedulerService>[0] = {}): Remote<SchedulerApi> {
  const channel = new MessageChannel();
  channels.push(channel);
  expose(aSchedulerService(options), channel.port1 as never);
  return wrap<SchedulerApi>(channel.port2 as never);
}

describe('SchedulerApi over comlink', () => {
  it('answers request, call and coreStatus with structured-clonable values', async () => {
    const remote = aRemoteScheduler({ seed: 99 });
    const reply = await remote.request(aWireRequest('ListClusters'));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body).clusterArns).toContain('arn:aws:ecs:us-east-1:123456789012:cluster/demo');
    expect(await remote.call(`${ECS_TARGET}.DescribeClusters`, { clusters: ['demo'] })).toEqual({
      output: { clusters: [expect.objectContaining({ clusterName: 'demo' })], failures: [] },
    });
    const { placement } = seedStreams(99);
    expect((await remote.coreStatus()).placementDraws).toEqual([1, 2, 3, 4].map(() => nextU32(placement)));
  });

  it('errors come back as values, and the remote keeps answering after hostile input', async () => {
    const remote = aRemoteScheduler({ scenario: null });
    const hostile = [
      remote.request(null as never),
      remote.request({ method: 'POST', headers: { 'x-amz-target': `${ECS_TARGET}.ListClusters` }, body: '{' }),
      remote.request(aWireRequest('__proto__')),
      remote.call(`${ECS_TARGET}.DeleteCluster`, { cluster: 'ghost' }),
      remote.call(undefined as never),
    ];
    const answers = await Promise.all(hostile);
    expect(answers.map((a) => ('status' in a ? JSON.parse(a.body).__type : 'error' in a ? a.error.code : 'ok'))).toEqual([
      'UnknownOperationException', 'SerializationException', 'UnknownOperationException', 'ClusterNotFoundException',
      'UnknownOperationException',
    ]);
    expect((await remote.request(aWireRequest('ListClusters'))).status).toBe(200);
  });

  it('Uint8Array bodies cross the channel', async () => {
    const remote = aRemoteScheduler({ scenario: null });
    const reply = await remote.request(aWireRequest('DescribeClusters', undefined, { body: new TextEncoder().encode('{"clusters":["default"]}') }));
    expect(JSON.parse(reply.body).clusters[0].clusterName).toBe('default');
  });
});

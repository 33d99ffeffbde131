// The AWS SDK for JavaScript v3, in the page, talking to the worker instead of AWS. Loaded on demand
// (it is most of the page's weight), so the first paint does not wait for it.
import { ECS } from '@aws-sdk/client-ecs';
import type { SchedulerApi } from '../../src/worker/scheduler-api.ts';
import { SchedulerRequestHandler } from '../../src/worker/sdk-request-handler.ts';

export function createEcs(scheduler: Pick<SchedulerApi, 'request'>, region = 'us-east-1'): ECS {
  return new ECS({
    region,
    // The sandbox does not verify SigV4 (D1) but the SDK signs every request, so it needs some keys.
    credentials: { accessKeyId: 'AKIAECSSANDBOX', secretAccessKey: 'ecs-sandbox' },
    requestHandler: new SchedulerRequestHandler(scheduler),
    // The sandbox is deterministic: a retried call would get the same answer.
    maxAttempts: 1,
  });
}

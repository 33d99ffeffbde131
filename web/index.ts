// The playground page: starts the scheduler worker and hands its client to <ecs-playground>.
import './register.ts';
import type { ECS } from '@aws-sdk/client-ecs';
import { createSchedulerClient } from '../src/worker/scheduler-client.ts';
import type { SchedulerApi } from '../src/worker/scheduler-api.ts';

const client = createSchedulerClient();
const scheduler: SchedulerApi = client.api;

const playground = document.querySelector('ecs-playground');
if (playground) playground.client = client;

let ecs: Promise<ECS> | undefined;

/**
 * For the DevTools console (and the end-to-end tests):
 *   await ecsSandbox.scheduler.call('AmazonEC2ContainerServiceV20141113.ListClusters', {})
 *   const ecs = await ecsSandbox.ecs(); await ecs.describeServices({cluster: 'demo', services: ['web']})
 *   await ecsSandbox.refresh()   // the page reads the sandbox again now
 */
const ecsSandbox = {
  scheduler,
  // the AWS SDK is most of the page's weight: loaded on first use, never in the initial bundle
  ecs: () => (ecs ??= import('./sdk/ecs-sdk.ts').then((m) => m.createEcs(scheduler))),
  refresh: () => playground?.refresh(),
};
Object.assign(globalThis, { ecsSandbox });

declare global {
  var ecsSandbox: {
    scheduler: SchedulerApi;
    ecs(): Promise<ECS>;
    refresh(): Promise<void> | undefined;
  };
}

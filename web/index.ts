// The placeholder page: starts the worker and hands it to the elements. The Lit playground replaces it.
import './register.ts';
import type { ECS } from '@aws-sdk/client-ecs';
import { createSchedulerClient } from '../src/worker/scheduler-client.ts';
import type { SchedulerApi } from '../src/worker/scheduler-api.ts';

const client = createSchedulerClient();
const scheduler: SchedulerApi = client.api;

const coreStatus = document.querySelector('ecs-core-status');
const serviceList = document.querySelector('ecs-service-list');
if (coreStatus) coreStatus.scheduler = scheduler;
if (serviceList) serviceList.scheduler = scheduler;
client.onWorkerError((message) => coreStatus?.showError(message));

let ecs: Promise<ECS> | undefined;

/**
 * For the DevTools console (and the end-to-end tests):
 *   await ecsSandbox.scheduler.call('AmazonEC2ContainerServiceV20141113.ListClusters', {})
 *   const ecs = await ecsSandbox.ecs(); await ecs.describeServices({cluster: 'demo', services: ['web']})
 */
const ecsSandbox = {
  scheduler,
  ecs: () => (ecs ??= import('./sdk/ecs-sdk.ts').then((m) => m.createEcs(scheduler))),
  refresh: () => serviceList?.refresh(),
};
Object.assign(globalThis, { ecsSandbox });

declare global {
  var ecsSandbox: {
    scheduler: SchedulerApi;
    ecs(): Promise<ECS>;
    refresh(): Promise<void> | undefined;
  };
}

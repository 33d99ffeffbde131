// The playground page: starts the scheduler worker and hands its client to <ecs-playground>.
import './register.ts';
import type { ECS } from '@aws-sdk/client-ecs';
import { createSchedulerClient } from '../src/worker/scheduler-client.ts';
import type { SchedulerApi } from '../src/worker/scheduler-api.ts';
import { showShareProblem } from './share/share-banner.ts';
import { openSharedScenario, scenarioFragment, urlWithoutFragment } from './share/share-hash.ts';

const client = createSchedulerClient();
const scheduler: SchedulerApi = client.api;

const playground = document.querySelector('ecs-playground');

let ecs: Promise<ECS> | undefined;

/** Where the offline service worker stands: `dev` (not registered in development builds), `unsupported`, `registered`, or the failure. */
type OfflineState = 'dev' | 'unsupported' | 'registered' | `failed: ${string}`;

/**
 * For the DevTools console (and the end-to-end tests):
 *   await ecsSandbox.scheduler.call('AmazonEC2ContainerServiceV20141113.ListClusters', {})
 *   const ecs = await ecsSandbox.ecs(); await ecs.describeServices({cluster: 'demo', services: ['web']})
 *   await ecsSandbox.refresh()   // the page reads the sandbox again now
 *   await ecsSandbox.started     // the shared scenario of the link (if any) is open and the playground started
 *   await ecsSandbox.offline     // the service worker's registration
 */
const ecsSandbox = {
  scheduler,
  // the AWS SDK is most of the page's weight: loaded on first use, never in the initial bundle
  ecs: () => (ecs ??= import('./sdk/ecs-sdk.ts').then((m) => m.createEcs(scheduler))),
  refresh: () => playground?.refresh(),
  started: start(),
  offline: registerServiceWorker(),
};
Object.assign(globalThis, { ecsSandbox });

/**
 * A share link (`#scenario=…`) is imported and opened before the playground first reads the sandbox,
 * so it starts on the shared scenario; the fragment is then removed from the address. A link that
 * cannot be opened is reported in a banner, and the user's own scenarios stay as they were.
 */
async function start(): Promise<void> {
  const fragment = scenarioFragment(location.hash);
  if (fragment !== undefined) {
    const opened = await openSharedScenario(fragment, scheduler);
    if (opened.kind === 'opened') history.replaceState(history.state, '', urlWithoutFragment(location));
    else showShareProblem(opened.problem);
  }
  if (playground) playground.client = client;
}

// A share link pasted into this tab's address bar changes only the fragment: load the page again to open it.
addEventListener('hashchange', () => {
  if (scenarioFragment(location.hash) !== undefined) location.reload();
});

// Unsaved changes (a running clock saves every 2 s) are written when the page goes away or out of sight.
const flush = () => void scheduler.flush().catch(() => {});
addEventListener('pagehide', flush);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flush();
});

/** The offline service worker (build-support/offline-service-worker.ts writes sw.js): production builds only. */
function registerServiceWorker(): Promise<OfflineState> {
  // MODE too: a `vite build` run with NODE_ENV=test (the e2e suite builds inside vitest) has PROD false
  // but is the same production build, sw.js included; only the dev server (MODE development) has no sw.js.
  if (!import.meta.env.PROD && import.meta.env.MODE !== 'production') return Promise.resolve('dev');
  if (!('serviceWorker' in navigator)) return Promise.resolve('unsupported');
  // after the load, so precaching never competes with the first view for the network
  const loaded = document.readyState === 'complete' ? Promise.resolve() : new Promise<void>((resolve) => addEventListener('load', () => resolve(), { once: true }));
  return loaded
    .then(() => navigator.serviceWorker.register('./sw.js', { scope: './' }))
    .then((): OfflineState => 'registered', (error: unknown): OfflineState => `failed: ${(error as Error)?.message ?? String(error)}`);
}

declare global {
  var ecsSandbox: {
    scheduler: SchedulerApi;
    ecs(): Promise<ECS>;
    refresh(): Promise<void> | undefined;
    started: Promise<void>;
    offline: Promise<OfflineState>;
  };
}

// The worker entry: expose at once (calls made before the core has loaded wait inside the service).
import { expose } from 'comlink';
import { createSchedulerService } from './scheduler-service.ts';

expose(createSchedulerService({
  core: { url: new URL('../../build/scheduler-core.wasm', import.meta.url) }, // built by `npm run asbuild`, never inlined
  wallClock: () => performance.timeOrigin + performance.now(), // the only wall clock the sandbox sees
}));

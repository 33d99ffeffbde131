// The worker entry: expose at once (calls made before the core has loaded wait inside the service).
import { expose } from 'comlink';
import { createSchedulerService } from './scheduler-service.ts';
import { ScenarioLibrary } from '../persistence/scenario-library.ts';
import { indexedDbScenarioStore } from '../persistence/scenario-store.ts';
import { broadcastTabSync } from '../persistence/tab-sync.ts';

const wallClock = () => performance.timeOrigin + performance.now(); // the only wall clock the sandbox sees

expose(createSchedulerService({
  core: { url: new URL('../../build/scheduler-core.wasm', import.meta.url) }, // built by `npm run asbuild`, never inlined
  wallClock,
  // The scenario library in IndexedDB, shared by every tab of the origin (issue 5 item 4).
  library: new ScenarioLibrary({ store: indexedDbScenarioStore(), now: wallClock }),
  tabSync: broadcastTabSync(),
}));

// The embed worker entry (issue 6 item 2): one per page, shared by every <ecs-sandbox> widget. No
// persistence and no IndexedDB: widgets are stateless across reloads. The core is a sibling asset of
// the built module, found relative to it.
import { expose } from 'comlink';
import { createEmbedSessionService } from './embed-sessions.ts';

expose(createEmbedSessionService({
  core: { url: new URL('../../build/scheduler-core.wasm', import.meta.url) }, // built by `npm run asbuild`, never inlined
  wallClock: () => performance.timeOrigin + performance.now(), // the only wall clock the sandbox sees
}));

import { describe, expect, it } from 'vitest';
import { serviceWorkerSource } from '../../build-support/offline-service-worker.ts';

describe('the offline service worker (issue 5 item 5)', () => {
  it('precaches the page and every file of the build, under a cache name that changes with the build', () => {
    const files = ['./assets/index-1.js', './assets/scheduler-core-1.wasm', './assets/scheduler.worker-1.js'];
    const source = serviceWorkerSource(files);
    expect(source).toContain(`const FILES = ${JSON.stringify(['./', './index.html', ...files])};`);
    const name = /const CACHE = '(ecs-sandbox-[0-9a-f]{16})'/.exec(source)![1];
    expect(serviceWorkerSource(files)).toContain(name); // the same build, the same cache
    expect(serviceWorkerSource([...files, './assets/new-2.js'])).not.toContain(name);
    // the cached answer ignores Vary (vite preview sends "Vary: Origin") and pages fall back to the cached one
    expect(source).toContain('ignoreVary: true');
    expect(source).toContain("caches.match('./'");
  });
});

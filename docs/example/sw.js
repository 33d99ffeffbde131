// This page's own service worker: it keeps the page and what the page itself loads (embed.js and its
// chunks) for offline use; the widget's worker and core are kept by ../../dist/embed/embed-sw.js, whose
// scope covers them. Network first; every successful answer is kept; offline, the kept one is used.
const CACHE = 'ecs-sandbox-docs-example';
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fetch(request)
    .then((response) => {
      if (response.ok) {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
      }
      return response;
    })
    .catch(() => caches.match(request, { ignoreVary: true }).then((hit) => hit || Response.error())));
});

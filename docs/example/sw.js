// This page's own service worker: it keeps the page and what the page itself loads (embed.js and its
// chunks) for offline use, with the same network-first handler as the widget's service worker, which
// keeps the widget's worker and core (../../dist/embed/embed-sw.js, scoped to the embed folder).
importScripts('../../dist/embed/embed-sw.js');

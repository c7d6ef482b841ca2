/* dopamap service worker: caches the app shell and the help page so both work offline.
   The list of files comes from precache-manifest.js, written by the build (it changes with every
   build, so a new build installs a new worker). API responses are never cached: they are the
   person's data. */
/* global self, caches, importScripts, fetch, URL, Response */
importScripts("/precache-manifest.js");

const manifest = self.DOPAMAP_PRECACHE || { version: "dev", urls: ["/", "/index.html", "/help.html"] };
const CACHE = `dopamap-${manifest.version}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(manifest.urls))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith("dopamap-") && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, fallbackUrl) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(fallbackUrl, response.clone());
    return response;
  } catch (error) {
    const cached = (await cache.match(fallbackUrl)) || (await cache.match("/help.html"));
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/") || url.pathname === "/report")
    return;
  if (request.mode === "navigate") {
    const page = url.pathname === "/help.html" ? "/help.html" : "/index.html";
    event.respondWith(networkFirst(request, page));
    return;
  }
  event.respondWith(cacheFirst(request));
});

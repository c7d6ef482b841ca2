import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";

/** Where `npm run build:web` puts the browser app (`dist/web/` at the repository root). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../dist/web", import.meta.url));

/**
 * The web app's Content-Security-Policy: everything from this origin only, no inline script or
 * style, no third-party requests, no framing.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

function setWebHeaders(reply: FastifyReply, path: string): void {
  const hashed = /[\\/]assets[\\/]/.test(path);
  reply.header("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
  reply.header("content-security-policy", WEB_CSP);
  if (path.endsWith("sw.js")) reply.header("service-worker-allowed", "/");
}

/**
 * Serves the built web app at `/` (index.html for `/`; hashed assets cached for a year as
 * immutable, everything else revalidated every time: index, service worker, manifest, help page).
 * Returns false, registering nothing, when the app is not built (`root` has no index.html).
 */
export async function registerWebApp(
  app: FastifyInstance,
  root: string = DEFAULT_WEB_ROOT,
): Promise<boolean> {
  if (!existsSync(`${root}/index.html`)) return false;
  await app.register(fastifyStatic, {
    root,
    prefix: "/",
    index: ["index.html"],
    wildcard: false,
    cacheControl: false,
    etag: true,
    lastModified: true,
    dotfiles: "ignore",
    setHeaders: setWebHeaders,
  });
  return true;
}

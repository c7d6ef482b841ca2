/**
 * Builds the browser app from `web/` into `dist/web/`. Two small build steps of our own:
 * `help.html` rendered from the same Preact components as the in-app help view (crisis resources
 * that work without JavaScript), and `precache-manifest.js`, the list of built files the service
 * worker caches for offline use (its content changes with every build, so the worker updates).
 */
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { defineConfig, type Plugin } from "vite";
import { HelpPage } from "./src/help/crisis.tsx";

const root = fileURLToPath(new URL(".", import.meta.url));
const outDir = fileURLToPath(new URL("../dist/web", import.meta.url));

/** Files in `web/public/` the worker caches besides the built ones. */
const PUBLIC_PRECACHE = ["/", "/index.html", "/help.html", "/help.css", "/manifest.webmanifest", "/icon.svg"];

function offlinePlugin(): Plugin {
  return {
    name: "dopamap-offline",
    apply: "build",
    generateBundle(_options, bundle) {
      this.emitFile({
        type: "asset",
        fileName: "help.html",
        source: `<!doctype html>\n${renderToString(h(HelpPage, {}))}\n`,
      });
      const built = Object.keys(bundle)
        .filter((f) => /\.(js|css|svg|woff2)$/.test(f))
        .map((f) => `/${f}`);
      const urls = [...PUBLIC_PRECACHE, ...built].sort();
      const version = createHash("sha256").update(urls.join("\n")).digest("hex").slice(0, 16);
      this.emitFile({
        type: "asset",
        fileName: "precache-manifest.js",
        source: `self.DOPAMAP_PRECACHE = ${JSON.stringify({ version, urls })};\n`,
      });
    },
  };
}

export default defineConfig({
  root,
  base: "/",
  publicDir: "public",
  logLevel: "warn",
  plugins: [preact({ prerender: { enabled: false } }), offlinePlugin()],
  build: {
    outDir,
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    /** `.vite/manifest.json`: which chunks the entry loads up front (the bench sizes them). */
    manifest: true,
  },
});

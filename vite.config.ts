// Builds the renderer (renderer/ -> dist/renderer). The same bundle runs in Electron (window.lab from
// the preload) and in a browser against `gatelab serve` (WebSocket). Component tests run with this
// config too (jsdom), as the 'renderer' vitest project.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./renderer'),
  base: './',
  plugins: [svelte()],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    // No inline scripts or eval: the CSP of both faces forbids them.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
    // Rolldown warns ([PLUGIN_TIMINGS]) when the Svelte compiler takes most of the build, which it always
    // does here: a first `npm start` should not greet a new user with a warning they cannot act on.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  // `npm run dev` (hot reload) against a running `gatelab serve`: GATELAB_LAB=http://127.0.0.1:PORT npm run dev,
  // then open http://127.0.0.1:5173/?token=<serve's token>. The socket is proxied with serve's own origin.
  server: {
    host: '127.0.0.1',
    proxy: process.env.GATELAB_LAB
      ? { '/lab': { target: process.env.GATELAB_LAB, ws: true, changeOrigin: true, headers: { origin: process.env.GATELAB_LAB } } }
      : undefined,
  },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  test: {
    name: 'renderer',
    root: here('.'),
    include: ['renderer/**/*.test.ts'],
    environment: 'jsdom',
    // what jsdom lacks and every view with a chart needs (a ResizeObserver)
    setupFiles: ['renderer/test-setup/jsdom-layout.ts'],
    // Component tests drive a real Lab (SQLite, importer) in a child process: allow real work.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

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
  },
  server: { host: '127.0.0.1' },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  test: {
    name: 'renderer',
    root: here('.'),
    include: ['renderer/**/*.test.ts'],
    environment: 'jsdom',
    // Component tests drive a real Lab (SQLite, importer) in a child process: allow real work.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

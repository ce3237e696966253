#!/usr/bin/env node
// `npm run build`: the renderer (vite -> dist/renderer) and the Electron preload (esbuild ->
// dist/electron/preload.cjs; sandboxed preloads must be one CommonJS file). The Electron main process
// and the lab run from TypeScript through tsx (main/electron/entry.mjs), like the CLI.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';

export async function buildAll({ quiet = false } = {}) {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'warn' : 'info' });
  await esbuild({
    entryPoints: ['main/electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    minify: true,
    logLevel: quiet ? 'warning' : 'info',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
}

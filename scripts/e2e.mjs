#!/usr/bin/env node
// `node scripts/e2e.mjs [playwright args]`: builds the renderer fresh (the stories must test this
// checkout's UI, not a stale dist/), then runs Playwright with e2e/playwright.config.ts.
// Without Chromium it prints one line and exits 0 (nothing ran).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';

const chromium = process.env.GATELAB_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log(`e2e: skipped (no Chromium at ${chromium}; set GATELAB_CHROMIUM)`);
  process.exit(0);
}
mkdirSync('e2e/artifacts', { recursive: true });
const node = process.execPath;
const build = spawnSync(node, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('e2e: the renderer build failed (see above)');
  process.exit(1);
}
const run = spawnSync(node, ['node_modules/@playwright/test/cli.js', 'test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);

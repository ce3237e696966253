#!/usr/bin/env node
// Type-checks each runtime folder with its own tsconfig (its libs and types are the rule), then the
// import-rule checker. Exit 1 on any error. main/electron needs the electron package's types: an
// offline install without it skips that folder with a one-line reason.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = process.argv[2] ?? '.';
const tsc = join(process.cwd(), 'node_modules', 'typescript', 'bin', 'tsc');
const projects = ['common', 'engine', 'workers', 'main', 'main/electron', 'renderer', '.'];
let failed = false;
const hasElectron = existsSync(join(process.cwd(), 'node_modules', 'electron', 'electron.d.ts'));
const hasSources = (dir) => readdirSync(dir, { recursive: true }).some((f) => /\.ts$/.test(f) && !/\.(test|spec|d)\.ts$/.test(f) && !f.includes('node_modules'));
for (const p of projects) {
  const cfg = join(root, p, 'tsconfig.json');
  if (!existsSync(cfg)) continue;
  if (p !== '.' && !hasSources(join(root, p))) continue; // an empty runtime folder has nothing to check yet
  if (p === 'main/electron' && !hasElectron) {
    console.log('typecheck main/electron: skipped (the optional electron package is not installed)');
    continue;
  }
  // The root project holds every test, main/electron's too: without electron's types they cannot be
  // checked, so a plain offline `npm ci` (electron's binary download fails, npm drops the optional
  // package) checks everything else instead of failing on a missing module.
  const config = p === '.' && !hasElectron ? join(root, 'tsconfig.no-electron.json') : cfg;
  const r = spawnSync(process.execPath, [tsc, '-p', config], { stdio: 'inherit' });
  if (r.status !== 0) { failed = true; console.error(`typecheck ${p}: FAILED`); }
}
// .svelte files: tsc cannot read them, svelte-check can (renderer/tsconfig.svelte.json adds them to the renderer's rules).
const svelteCheck = join(process.cwd(), 'node_modules', 'svelte-check', 'bin', 'svelte-check');
const svelteCfg = resolve(root, 'renderer', 'tsconfig.svelte.json');
if (existsSync(svelteCfg) && existsSync(svelteCheck)) {
  const r = spawnSync(process.execPath, [svelteCheck, '--tsconfig', svelteCfg, '--workspace', resolve(root, 'renderer'), '--output', 'human', '--fail-on-warnings', '--threshold', 'error'], { stdio: 'inherit' });
  if (r.status !== 0) { failed = true; console.error('typecheck renderer (.svelte): FAILED'); }
}
const layers = spawnSync(process.execPath, [join(process.cwd(), 'scripts', 'check-layers.mjs'), root], { stdio: 'inherit' });
if (layers.status !== 0) failed = true;
if (failed) process.exit(1);
console.log('typecheck: ok');

#!/usr/bin/env node
// `npm test`: the whole suite. Type and layer checks, unit/integration tests (vitest), then the
// browser end-to-end stories (Playwright against serve mode) when Chromium is present.
// Ends with one line 'N passed, N failed' counting every test that ran.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const node = process.execPath;
let passed = 0, failed = 0, skipped = 0;
const step = (name, args, env = {}) => {
  console.log(`\n== ${name}`);
  return spawnSync(node, args, { stdio: 'inherit', env: { ...process.env, ...env } });
};

const tc = step('typecheck + layer rules', ['scripts/typecheck.mjs']);
if (tc.status === 0) passed++; else failed++;

// Our own flags are not vitest's: --no-e2e skips the browser stories; everything else goes to vitest.
const vitestArgs = process.argv.slice(2).filter((a) => a !== '--no-e2e');
const out = join(mkdtempSync(join(tmpdir(), 'gatelab-test-')), 'vitest.json');
const vt = step('unit + integration (vitest)', ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...vitestArgs]);
if (existsSync(out)) {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  if (vt.status !== 0 && r.numFailedTests === 0) failed++; // a suite that failed to load
} else if (vt.status !== 0) failed++;

if (existsSync('e2e/playwright.config.ts') && !process.argv.includes('--no-e2e')) {
  const pw = step('end-to-end (Playwright, Chromium, serve mode)', ['scripts/e2e.mjs']);
  const resultFile = 'e2e/artifacts/results.json';
  if (existsSync(resultFile)) {
    const s = JSON.parse(readFileSync(resultFile, 'utf8')).stats ?? {};
    passed += (s.expected ?? 0) + (s.flaky ?? 0); failed += s.unexpected ?? 0; skipped += s.skipped ?? 0;
  }
  if (pw.status !== 0 && !existsSync(resultFile)) failed++;
}

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);

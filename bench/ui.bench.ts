// `npm run bench:ui`: the UI in Debian's Chromium against serve mode, with synthetic runs (the UI
// is measured, not training). Three figures:
//   first_render_ms  navigation start -> the run dashboard's table is in the DOM (#/runs)
//   frame_p95_ms     95th percentile of frame intervals over 5 s while 4 runs stream 1,000 points/s each
//   compare_ms       median latency of a compare interaction (toggle mean±std, change smoothing) with
//                    20 runs x 100k points: input event -> the frame after the chart redrew
// Targets (issue 6): first render < 1 s, p95 frame < 16 ms, compare < 100 ms.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { Lab } from '../main/lab/lab';
import { startServer } from '../main/serve/server';
import { RENDERER_DIR, REPO_ROOT } from '../main/serve/renderer-build';
import { syntheticRuns } from './ui/synthetic-runs';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

await build({ configFile: join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
const home = mkdtempSync(join(tmpdir(), 'gatelab-bench-ui-'));
const runs = syntheticRuns({ live: 4, done: 20, pointsPerRun: 100_000, pointsPerTick: 100 });
const lab = await Lab.open({ home, face: 'serve', runs });
const server = await startServer({ lab, rendererDir: RENDERER_DIR });
const browser = await chromium.launch({
  executablePath: process.env.GATELAB_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  await page.addInitScript(() => {
    new MutationObserver((_m, obs) => {
      if (document.querySelector('[data-testid="run-table"]')) {
        (window as unknown as { __firstRender: number }).__firstRender = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });

  // 1. First render of the run dashboard: median of 3 loads.
  const renders: number[] = [];
  for (let i = 0; i < 3; i++) {
    if (i === 0) await page.goto(`${server.url}#/runs/run-0`);
    else await page.reload(); // a real load each time (goto to the same URL would only change the hash)
    await page.waitForSelector('[data-testid="run-table"]');
    renders.push((await page.evaluate('window.__firstRender')) as number);
  }
  const firstRender = median(renders);
  console.log(`first render of the run dashboard: ${renders.map((r) => r.toFixed(0)).join(', ')} ms (median ${firstRender.toFixed(0)})`);

  // 2. Frame intervals while 4 runs stream (the selected run's curve redraws on every batch).
  await page.waitForTimeout(1000);
  // (Scripts as strings: tsx's keep-names helper would otherwise leak into the page.)
  const frames = (await page.evaluate(`new Promise((resolve) => {
    const out = []; let last = performance.now(); const end = last + 5000;
    const tick = (t) => { out.push(t - last); last = t; if (t < end) requestAnimationFrame(tick); else resolve(out.slice(1)); };
    requestAnimationFrame(tick);
  })`)) as number[];
  const frameP95 = p95(frames);
  const dropped = frames.filter((f) => f > 20).length;
  console.log(`frames while streaming: ${frames.length} in 5 s, median ${median(frames).toFixed(1)} ms, p95 ${frameP95.toFixed(1)} ms, ${dropped} longer than 20 ms (the display refreshes every ~16.7 ms)`);

  // 3. Compare 20 runs x 100k points: load once, then time interactions.
  await page.goto(`${server.url}#/compare`);
  const boxes = page.locator('aside input[type="checkbox"]');
  await boxes.first().waitFor();
  const n = await boxes.count();
  for (let i = 4; i < n; i++) await boxes.nth(i).check();
  const t0 = Date.now();
  await page.getByTestId('compare-button').click();
  await page.locator('figure.chart canvas').waitFor();
  console.log(`compare load (20 runs x 100k points over the WebSocket): ${Date.now() - t0} ms`);
  const interactions: number[] = [];
  for (let i = 0; i < 8; i++) {
    const ms = (await page.evaluate(`(async () => {
      const next = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const start = performance.now();
      if (${i} % 2 === 0) document.querySelector('.controls input[type="checkbox"]').click();
      else {
        const range = document.querySelector('.controls input[type="range"]');
        range.value = String(0.3 + 0.05 * ${i});
        range.dispatchEvent(new Event('input', { bubbles: true }));
      }
      await next();
      return performance.now() - start;
    })()`)) as number;
    interactions.push(ms);
  }
  const compareMs = median(interactions);
  console.log(`compare interactions: ${interactions.map((x) => x.toFixed(0)).join(', ')} ms (median ${compareMs.toFixed(0)})`);
  console.log(`ui: first_render_ms=${Math.round(firstRender)} frame_p95_ms=${frameP95.toFixed(1)} compare_ms=${Math.round(compareMs)}`);
} finally {
  await browser.close();
  runs.stop();
  await server.close();
  await lab.close();
  rmSync(home, { recursive: true, force: true });
}

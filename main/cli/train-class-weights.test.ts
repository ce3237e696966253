// `gatelab train --set loss.classWeights=…` with weights the run cannot use (not one per class, or any on a
// forecasting run) is refused before the run is queued, naming the option, what it got and what it needs;
// no run is left behind (it used to fail in its trainer, a failed run in the list) and --target is set back.
// In-process through the CLI's entry point (main/cli.ts), as `gatelab train ...` runs it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../cli';
import { labPaths } from '../lab/home';
import { openLabStore } from '../lab/store/index';
import { labHomeWithDemos } from '../lab/testing/lab-home';

let home: string;

/** Runs `gatelab ARGS --home HOME`; returns its exit code and what it printed (stdout and stderr). */
async function gatelab(...args: string[]): Promise<{ code: number; out: string }> {
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((l) => { printed.push(String(l)); });
  const error = vi.spyOn(console, 'error').mockImplementation((l) => { printed.push(String(l)); });
  try {
    return { code: await main([...args, '--home', home]), out: printed.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

function runsLeft(): unknown[] {
  const store = openLabStore(labPaths(home).database);
  try {
    return store.runs.list();
  } finally {
    store.close();
  }
}

beforeAll(async () => {
  home = await labHomeWithDemos([], 'gatelab-class-weights-'); // demos recorded, none made: this test needs none
  // a 1-5 rating: 5 classes
  writeFileSync(join(home, 'reviews.csv'), ['age,score,Rating', ...Array.from({ length: 300 }, (_, i) => `${18 + (i * 7) % 60},${((i * 13) % 100) / 10},${1 + (i % 5)}`)].join('\n'));
  writeFileSync(join(home, 'load.csv'), ['time,load', ...Array.from({ length: 300 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')},${(10 + Math.sin(i / 5)).toFixed(3)}`)].join('\n'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('gatelab train with class weights the run cannot use', () => {
  it('3 weights for a 5-class target: refused before queueing, naming the classes; the file (with its --target) not kept, no run left', async () => {
    const r = await gatelab('train', '--dataset', join(home, 'reviews.csv'), '--target', 'Rating', '--template', 'concat-fusion', '--set', 'loss.classWeights=[1,2,3]');
    expect(r.out).toContain("gatelab train: loss.classWeights has 3 weights ([1, 2, 3]) but the target 'Rating' has 5 classes ('1', '2', '3', '4', '5'): give one weight per class in that order, or 'balanced'");
    expect(r.out).toMatch(/dataset \d+ removed again: the run was refused/);
    expect(r.code).toBe(2); // a config mistake: usage error
    expect(runsLeft()).toEqual([]);
  }, 60_000);

  it('balanced weights on a forecasting run: refused, saying it forecasts numbers and to remove the option; no run left', async () => {
    const r = await gatelab('train', '--dataset', join(home, 'load.csv'), '--template', 'dlinear', '--set', 'lookback=24', '--set', 'horizon=4', '--set', 'loss.classWeights=balanced', '--json');
    expect(JSON.parse(r.out.split('\n').filter((l) => l.startsWith('{')).at(-1)!)).toEqual({ command: 'train', run: null, status: 'error', test: {},
      error: "loss.classWeights=balanced applies to classification runs (a binary or multi-class target), and this run forecasts 'load' with template dlinear, which predicts numbers: remove loss.classWeights from the run" });
    expect(r.code).toBe(2); // a config mistake: usage error
    expect(runsLeft()).toEqual([]);
  }, 60_000);
});

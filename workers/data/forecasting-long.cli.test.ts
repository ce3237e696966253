// The user's view of a long-format file (`date, store, sales`: one row per time and store): `gatelab train`
// pivots it into one channel per store, says so on the data line, and the forecaster learns the stores'
// daily cycles: its test MSE (normalized units) beats predicting each store's training mean.
// The commands run in-process (main/cli/testing/gatelab.ts: the same verbs, trainers in their own processes).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatelab as cli } from '../../main/cli/testing/gatelab';
import { labHomeWithDemos } from '../../main/lab/testing/lab-home';

let home: string;
const gatelab = async (...args: string[]) => {
  const r = await cli([...args, '--home', home]);
  return { code: r.code, out: r.out + r.err };
};

beforeAll(async () => { home = await labHomeWithDemos([], 'gatelab-long-cli-'); });
afterAll(() => rmSync(home, { recursive: true, force: true }));

const STORES = ['north', 'south', 'east'];
const HOURS = 300, LOOKBACK = 24, HORIZON = 6;
/** Each store's own daily cycle: level, amplitude and phase differ, so a channel mix-up would show. */
const sales = (h: number, k: number) => 10 * (k + 1) + (k + 1) * Math.sin((2 * Math.PI * h) / 24 + k);

describe('gatelab train on a long-format file', () => {
  it('pivots 3 stores × 300 hours into 3 channels, trains a linear forecaster, and beats the training mean', async () => {
    const lines = ['time,store,sales'];
    for (let h = 0; h < HOURS; h++) {
      const t = new Date(Date.UTC(2024, 0, 1, h)).toISOString().slice(0, 16).replace('T', ' ');
      // 'south' misses two hours: gaps in the pivot, filled from the value before
      STORES.forEach((s, k) => { if (!(s === 'south' && (h === 150 || h === 151))) lines.push(`${t},${s},${sales(h, k).toFixed(4)}`); });
    }
    const file = join(home, 'stores.csv');
    writeFileSync(file, lines.join('\n'));
    const r = await gatelab('train', '--dataset', file, '--template', 'linear', '--set', `lookback=${LOOKBACK}`, '--set', `horizon=${HORIZON}`, '--set', 'batchSize=16', '--epochs', '2', '--json');
    expect(r.code, r.out).toBe(0);
    const result = JSON.parse(r.out.trim().split('\n').filter((l) => l.startsWith('{')).at(-1)!) as { run: number; status: string; test: { mse: number } };
    expect(result.status).toBe('completed');
    const shown = JSON.parse((await gatelab('show', String(result.run), '--json')).out) as { data: { line: string; inputs: { channels: string[] } }; config: { model: { channels: number } } };
    expect(shown.data.inputs.channels).toEqual(['east', 'north', 'south']);
    expect(shown.config.model.channels).toBe(3);
    expect(shown.data.line).toContain("long format: 3 series by 'store' pivoted into 3 channels (2 gaps filled with the series' value before)");
    expect(shown.data.line).not.toMatch(/not forecast: store/);

    // the naive baseline in the same units: each channel z-scored by its training rows (70% of the 300
    // times, chronological), every test target predicted as the training mean (0)
    const train = Math.floor(HOURS * 0.7), testFrom = HOURS - Math.round(HOURS * 0.2);
    let sum = 0, n = 0;
    STORES.forEach((_, k) => {
      const values = Array.from({ length: HOURS }, (_, h) => sales(h, k));
      const mean = values.slice(0, train).reduce((a, b) => a + b, 0) / train;
      const std = Math.sqrt(values.slice(0, train).reduce((a, b) => a + (b - mean) ** 2, 0) / train);
      for (let t = testFrom; t + HORIZON <= HOURS; t++) for (let j = 0; j < HORIZON; j++) { sum += ((values[t + j] - mean) / std) ** 2; n++; }
    });
    const baseline = sum / n;
    expect(baseline).toBeGreaterThan(0.5);
    expect(Number.isFinite(result.test.mse)).toBe(true);
    expect(result.test.mse).toBeLessThan(baseline / 2);
  }, 120_000);
});

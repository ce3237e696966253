// A forecasting channel that counts the rows (UCI Bike Sharing's `instant`) flatters the headline mse/mae:
// the run's data line says so, with the role that leaves it out; a real measurement is not named.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../main/lab/import';
import { readDatasetCache } from './cache';
import { labDatasetRun } from './run-data';
import { countsRows } from './row-counter';

let home: string;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-row-counter-'));
  // 600 hourly rows: a row number, a running total that rises by 2 (no row number), and a daily load curve
  const lines = ['time,instant,total,load'];
  for (let i = 0; i < 600; i++) {
    const t = new Date(Date.UTC(2024, 0, 1, i)).toISOString().slice(0, 16).replace('T', ' ');
    lines.push(`${t},${i + 1},${2 * i},${(10 + 5 * Math.sin((2 * Math.PI * i) / 24) + (i % 7) / 10).toFixed(3)}`);
  }
  writeFileSync(join(home, 'loads.csv'), lines.join('\n'));
  await importFile(join(home, 'loads.csv'), join(home, 'loads'));
}, 60_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

const run = (ignored: string[] = []) => {
  const meta = readDatasetCache(join(home, 'loads')).meta;
  const columns = meta.columns.map((c) => ({ name: c.name, type: c.type, role: c.type === 'datetime' ? 'time' : ignored.includes(c.name) ? 'ignore' : 'feature', modality: null }));
  return labDatasetRun({ cacheDir: join(home, 'loads'), family: 'forecasting', columns }, { model: { template: 'dlinear', lookback: 24, horizon: 12 }, data: { split: 'chronological', datasetId: 4 } as never });
};

describe('a forecasting channel that counts the rows', () => {
  it('is named in the data line with the command that leaves it out', () => {
    expect(run().data.describe).toContain("; 'instant' counts the rows (1, 2, 3, … in file order): a row number, forecast almost exactly from its own past, " +
      'so it makes the headline mse/mae (the mean over the channels) read better than the other forecasts are; leave it out with gatelab datasets roles 4 instant=ignore');
  });

  it('is not named once ignored, and a column rising by another step is no row number', () => {
    expect(run(['instant']).data.describe).not.toMatch(/counts? the rows/);
    expect(countsRows({ values: Float64Array.from([0, 2, 4, 6]) })).toBe(false);
    expect(countsRows({ values: Float64Array.from([5, 6, 7, 9]) })).toBe(false); // a gap: not every row
    expect(countsRows({ values: Int32Array.from([0, 1, 2, 3]) })).toBe(true);
    expect(countsRows({ values: Int32Array.from([0, 1, 2]), dictionary: ['a', 'b', 'c'] })).toBe(false); // codes of a category
  });
});

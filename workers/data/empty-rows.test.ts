// Rows with every channel empty (a logger offline, written as rows of empty cells) are filled flat by a
// forecasting run; its data line says how many, in which parts, and where the longest stretch starts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../main/lab/import';
import { readDatasetCache } from './cache';
import { emptyRowsNote } from './empty-rows';
import { labDatasetRun } from './run-data';

describe('emptyRowsNote', () => {
  const a = [1, NaN, NaN, 4, NaN, 6, NaN, NaN, NaN, 10];
  const b = [1, NaN, NaN, 4, 5, 6, NaN, NaN, NaN, 10]; // row 4 has b: not an empty row

  it('counts rows with no value in any channel per part, and names the longest stretch by its time', () => {
    const times = Array.from({ length: 10 }, (_, i) => Date.UTC(2021, 3, 4, i) / 1000);
    const ranges = { train: [0, 7], val: [7, 8], test: [8, 10] } as const;
    expect(emptyRowsNote([a, b], times, { train: [...ranges.train], val: [...ranges.val], test: [...ranges.test] }))
      .toBe('5 rows have no value in any channel (3 training, 1 validation, 1 test; the longest stretch 3 rows from 2021-04-04 06:00): '
        + 'each channel carries its last value before them across, so the windows over them read flat lines');
  });

  it('names rows by position without a time column, and says nothing when every row has a value', () => {
    expect(emptyRowsNote([[1, NaN, 3]], null, null)).toBe('1 row has no value in any channel (the longest stretch 1 row from row 1 (df.iloc, from 0)): '
      + 'each channel carries its last value before them across, so the windows over them read flat lines');
    expect(emptyRowsNote([a, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]], null, null)).toBeNull();
  });
});

let home: string;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-empty-rows-'));
  // hourly readings of two sensors, the logger offline for 6 hours (rows 40..45 written with empty cells)
  const lines = ['timestamp,temp (°C),pressure_hPa'];
  for (let h = 0; h < 120; h++) {
    const t = new Date(Date.UTC(2021, 3, 1, h)).toISOString().slice(0, 16);
    lines.push(h >= 40 && h < 46 ? `${t},,` : `${t},${(10 + Math.sin(h / 4)).toFixed(2)},${(1013 + (h % 7) / 10).toFixed(1)}`);
  }
  writeFileSync(join(home, 'logger.csv'), lines.join('\n'));
  await importFile(join(home, 'logger.csv'), join(home, 'logger'));
}, 60_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('the forecasting data line', () => {
  it('says that the empty rows are filled flat, and where', () => {
    const meta = readDatasetCache(join(home, 'logger')).meta;
    const columns = meta.columns.map((c) => ({ name: c.name, type: c.type, role: c.name === 'timestamp' ? 'time' : 'feature', modality: null }));
    const r = labDatasetRun({ cacheDir: join(home, 'logger'), columns }, { model: { template: 'dlinear', lookback: 8, horizon: 4 }, data: {} });
    expect(r.data.describe).toContain('; 6 rows have no value in any channel (6 training, 0 validation, 0 test; the longest stretch 6 rows from 2021-04-02 16:00): '
      + 'each channel carries its last value before them across, so the windows over them read flat lines');
  }, 60_000);
});

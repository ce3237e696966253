// The export re-derives a run's feature pipeline. Since columns that cannot be learned are left out (a
// constant channel), a run trained before that rule has a model one channel wider: its export must still
// describe the inputs it was trained on, and a new run's the inputs without the constant.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../import/index';
import { runPipeline, shapeMismatch, type DatasetPayload } from './run-pipeline';

let home: string;
let payload: DatasetPayload;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-pipeline-'));
  const rows = Array.from({ length: 120 }, (_, i) => `2024-01-01 ${String(i % 24).padStart(2, '0')}:00,${Math.sin(i / 5).toFixed(3)},${(i % 7) / 3},5`);
  // hourly rows across days: give each a distinct time
  const lines = rows.map((r, i) => r.replace(/^2024-01-01 \d\d/, new Date(Date.UTC(2024, 0, 1, i)).toISOString().slice(0, 13).replace('T', ' ')));
  writeFileSync(join(home, 'meter.csv'), ['time,load,temp,const', ...lines].join('\n') + '\n');
  await importFile(join(home, 'meter.csv'), join(home, 'cache'));
  payload = {
    cacheDir: join(home, 'cache'),
    columns: [{ name: 'time', type: 'datetime', role: 'time' }, { name: 'load', type: 'float', role: 'feature' }, { name: 'temp', type: 'float', role: 'feature' }, { name: 'const', type: 'int', role: 'feature' }],
  };
}, 60_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('runPipeline for the export', () => {
  it('leaves the constant channel out for a new run, and keeps it for a run whose model was built with it', () => {
    const model = { template: 'dlinear', lookback: 8, horizon: 2 };
    const now = runPipeline(payload, { model: { ...model, channels: 2 }, data: {} });
    expect(now.columns).toMatchObject({ family: 'forecasting', channels: ['load', 'temp'] });
    const before = runPipeline(payload, { model: { ...model, channels: 3 }, data: {} });
    expect(before.columns).toMatchObject({ family: 'forecasting', channels: ['load', 'temp', 'const'] });
    expect(shapeMismatch(before, { ...model, channels: 3 })).toBeNull();
    // a model that fits neither still gets the current binding, and the mismatch is reported
    expect(shapeMismatch(runPipeline(payload, { model: { ...model, channels: 5 }, data: {} }), { ...model, channels: 5 })).toMatch(/model\.channels is 5 but the dataset now gives 2/);
  });
});

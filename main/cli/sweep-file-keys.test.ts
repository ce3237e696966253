// A sweep file's keys are read as `--set` reads them (`lr`, `batch_size`, `lookback` as a model field), a
// refusal of one names it as the file spells it, and what the data checks warn of (too few forecasting
// windows) is said on stderr before the sweep trains, as `gatelab train` says it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { labHomeWithDemos } from '../lab/testing/lab-home';

let home: string;
let dataset: number;
beforeAll(async () => {
  home = await labHomeWithDemos([], 'gatelab-sweep-keys-'); // demos recorded, none made: this test needs none
  // 300 hourly rows: 30 in validation, 27 windows of horizon 4 (30 or more is the sound minimum)
  const rows = Array.from({ length: 300 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')},${(10 + Math.sin(i / 5)).toFixed(3)}`);
  writeFileSync(join(home, 'short.csv'), ['time,load', ...rows].join('\n'));
  const imported = await gatelab(['import', join(home, 'short.csv'), '--home', home, '--json']);
  dataset = (JSON.parse(imported.out.trim().split('\n').at(-1)!) as { id: number }).id;
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const experiment = (config: Record<string, unknown>, params?: Record<string, unknown[]>) => {
  const file = join(home, 'experiment.json');
  writeFileSync(file, JSON.stringify({ name: 'keys', config: { model: { template: 'dlinear', horizon: 4 }, data: { kind: 'dataset', datasetId: dataset }, epochs: 1, ...config }, ...(params ? { sweep: { params } } : {}) }));
  return file;
};
const runs = async () => JSON.parse((await gatelab(['runs', '--home', home, '--json'])).out) as Array<{ run: number }>;

describe('gatelab sweep FILE with keys spelt as --set takes them', () => {
  it('refuses a misspelt or out-of-range key in the words --set gets, naming it as the file spells it', async () => {
    const tooSmall = await gatelab(['sweep', experiment({ batch_size: 0, lookback: 24 }), '--home', home, '--json']);
    expect(tooSmall.code).toBe(2);
    expect(JSON.parse(tooSmall.out.trim().split('\n').at(-1)!).error).toMatch(/^run config: batchSize \('batch_size' in .*experiment\.json\): 0 is out of range/);
    const misspelt = await gatelab(['sweep', experiment({}, { lookbak: [24] }), '--home', home]);
    expect(misspelt.code).toBe(2);
    expect(misspelt.err).toMatch(/unknown field 'model\.lookbak' \(template dlinear has no field 'lookbak'; did you mean 'lookback'\?\)/);
    expect(await runs()).toEqual([]);
  });

  it('trains with them, and says the few-windows warning on stderr before it trains (also with --json)', async () => {
    const r = await gatelab(['sweep', experiment({ lr: 0.01, batch_size: 16 }, { lookback: [24] }), '--home', home, '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^warning: only 27 validation windows/m);
    const [run] = (JSON.parse(r.out.trim().split('\n').at(-1)!) as { runs: Array<{ run: number; status: string }> }).runs;
    expect(run.status).toBe('completed');
    const shown = JSON.parse((await gatelab(['show', String(run.run), '--home', home, '--json'])).out.trim().split('\n').at(-1)!) as { config: Record<string, any> };
    expect([shown.config.batchSize, shown.config.optimizer.lr, shown.config.model.lookback]).toEqual([16, 0.01, 24]);
  });
});

// The gate report, its per-feature CSV and its HTML name the inputs the model reads, end to end (audit A23 #3):
// a forecast whose constant column the trainer left out (every channel after it was shifted, or all were
// "feature i"), and a FinalMLP with per-field gates on imported CTR data (string columns keep the role
// feature) whose id field the trainer left out. Real trainer and analytics processes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import { RunManager } from '../runs/run-manager';
import { datasetResolver } from '../runs/dataset-runs';
import { GateAnalytics } from './index';

let home: string, lab: LabDatasets, manager: RunManager, analytics: GateAnalytics;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-report-names-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
  manager = new RunManager({ store: lab.store, paths: labPaths(home), poolSize: 1, resolveDataset: datasetResolver(lab.registry) });
  analytics = new GateAnalytics(lab.store, manager.files, datasetResolver(lab.registry));
});

afterAll(async () => {
  await manager?.close();
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

/** Imports `text` as a CSV and trains `model` on it for one epoch; the finished run's id. */
async function trained(name: string, text: string, model: Record<string, unknown>, roles: Record<string, 'target'> = {}): Promise<number> {
  const file = join(home, `${name}.csv`);
  writeFileSync(file, text);
  const { dataset } = await lab.registry.importDataset(file, { roles });
  const id = manager.create({ model: model as never, data: { kind: 'dataset', datasetId: dataset.id }, epochs: 1, batchSize: 64, optimizer: { lr: 0.01 } });
  const run = await manager.waitFor(id);
  expect(run.status, run.error ?? '').toBe('completed');
  return id;
}

const csvRows = (path: string) => readFileSync(path, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));

describe('gate report names with a column left out', () => {
  it('a TSMixer channel gate: the channels around a constant column keep their own names', async () => {
    // site_flag is constant: the trainer leaves it out, so the model has 3 channels, not 4
    const rows = Array.from({ length: 400 }, (_, t) => `2024-01-01T${String(Math.floor(t / 4) % 24).padStart(2, '0')}:${String((t % 4) * 15).padStart(2, '0')}:00Z,` +
      `${(Math.sin(t / 9) * 3 + 10).toFixed(3)},1,${(Math.cos(t / 5) - 4).toFixed(3)},${(t % 17) / 3}`);
    const id = await trained('meter', ['timestamp,load_kw,site_flag,temp_c,price_eur', ...rows.map((r, t) => r.replace(/^2024-01-01T/, `2024-01-${String(1 + Math.floor(t / 96)).padStart(2, '0')}T`))].join('\n'),
      { template: 'tsmixer-gated', lookback: 16, horizon: 4 });
    expect(lab.store.runs.get(id)!.dataSummary!.line).toContain('left out: site_flag (constant)');
    const { report, paths } = await analytics.report(id);
    const gate = report.featureGates.find((g) => g.gate === 'block0.gate')!;
    expect(gate.features.map((f) => f.feature)).toEqual(['load_kw', 'temp_c', 'price_eur']);
    expect(new Set(csvRows(paths.csv!).map((r) => r[1]))).toEqual(new Set(['load_kw', 'temp_c', 'price_eur']));
    expect(readFileSync(paths.html, 'utf8')).not.toMatch(/feature \d/);
  }, 120_000);

  it("FinalMLP's per-field gates: fields by name (type categorical, role feature), numeric inputs after, the id field left out", async () => {
    const rows = Array.from({ length: 600 }, (_, i) => {
      const device = ['ios', 'android', 'web'][i % 3], publisher = `pub${i % 7}`;
      const clicked = (i % 3 === 0) !== (i % 7 < 2) ? 1 : 0;
      return `imp${i},${device},${i % 24},${publisher},${(i % 11) * 0.7},${clicked}`;
    });
    const id = await trained('clicks', ['impression_id,device,hour,publisher,price,clicked', ...rows].join('\n'), {
      template: 'finalmlp', gate1: { kind: 'sigmoid', scale: 2, granularity: 'field' }, gate2: { kind: 'sigmoid', scale: 2, granularity: 'field' } }, { clicked: 'target' });
    expect(lab.store.runs.get(id)!.dataSummary!.line).toContain('left out: impression_id (an id: one value per row)');
    const { report, paths } = await analytics.report(id);
    // as imported: device and publisher are type categorical with role feature, hour and price numbers;
    // the model reads the fields first, then the numeric inputs
    for (const g of ['gate1', 'gate2']) expect(report.featureGates.find((x) => x.gate === g)!.features.map((f) => f.feature)).toEqual(['device', 'publisher', 'hour', 'price']);
    expect(csvRows(paths.csv!).filter((r) => r[0] === 'gate2').map((r) => r[1]).sort()).toEqual(['device', 'hour', 'price', 'publisher']);
  }, 120_000);
});

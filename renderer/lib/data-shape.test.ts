// The renderer's data shape against the trainer's: for each demo dataset of a real Lab, what the Models
// view derives from the column statistics must equal what the trainer computes from the dataset cache
// (workers/data/run-data.ts labDatasetRun: binding, fitted pipeline on the training split, dataShape).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs test fixture (a real Lab in a child process)
import { startLabProcess } from '../fixtures/lab-process.mjs';
import { labDatasetRun } from '../../workers/data/run-data';
import { inProcessLab, type Dispatcher } from './in-process-lab';
import { DATA_FIELDS, dataShapeOf } from './data-shape';
import type { DatasetDetail, Family, LabApi } from '../../common/lab-api';

let lab: Dispatcher & { stop(): Promise<void>; home: string };
let api: LabApi;

beforeAll(async () => {
  lab = await startLabProcess();
  api = inProcessLab(lab);
});
afterAll(() => lab.stop());

/** The cache folder of a dataset in the lab's home (matched by its column names). */
function cacheOf(d: DatasetDetail): string {
  const root = join(lab.home, 'datasets');
  for (const hash of readdirSync(root)) {
    const dir = join(root, hash, 'cache');
    if (!existsSync(join(dir, 'meta.json'))) continue;
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { columns: { name: string }[] };
    if (meta.columns.map((c) => c.name).join() === d.columnInfo.map((c) => c.name).join()) return dir;
  }
  throw new Error(`no cache for ${d.name} under ${root}`);
}

async function demo(family: Family): Promise<DatasetDetail> {
  const list = await api.invoke('datasets.list', {});
  const summary = list.find((d) => d.family === family);
  if (!summary) throw new Error(`no ${family} demo dataset`);
  return api.invoke('datasets.get', { id: summary.id });
}

describe('dataShapeOf (the Models view) equals the trainer’s data shape', () => {
  const cases: [Family, Record<string, unknown>][] = [
    ['forecasting', { template: 'dlinear', lookback: 24, horizon: 4 }],
    ['recsys', { template: 'finalmlp' }],
    ['fusion', { template: 'gmu' }],
  ];
  for (const [family, model] of cases) {
    it(`${family} demo`, async () => {
      const d = await demo(family);
      const ours = dataShapeOf(family, d);
      expect(ours.problem).toBeNull();
      const trainer = labDatasetRun({ cacheDir: cacheOf(d), columns: d.columnInfo }, { model, data: {}, seed: 1 }).model;
      for (const field of DATA_FIELDS[family]) {
        expect(ours.values[field], field).toBeDefined();
        expect(ours.values[field], field).toEqual(trainer[field]);
      }
      for (const field of DATA_FIELDS[family]) expect(ours.shown[field], field).toBeTruthy();
    });
  }

  it('a 3-valued target gives 3 classes, as the trainer counts them', async () => {
    const d = await demo('fusion');
    // the weather condition (clear, fog, night) as the target instead of the label
    const columnInfo = d.columnInfo.map((c) => (c.name === 'condition' ? { ...c, role: 'target' as const, modality: null } : c.name === 'label' ? { ...c, role: 'ignore' as const } : c));
    const ours = dataShapeOf('fusion', { ...d, columnInfo });
    const trainer = labDatasetRun({ cacheDir: cacheOf(d), columns: columnInfo }, { model: { template: 'gmu' }, data: {}, seed: 1 }).model;
    expect(trainer.classes).toBe(3);
    expect(ours.values.classes).toBe(3);
    expect(ours.shown.classes).toBe('3 (the values of condition)');
  });

  it('names the fusion demo’s modalities with their widths', async () => {
    const ours = dataShapeOf('fusion', await demo('fusion'));
    expect(ours.shown.modalities).toMatch(/^context \(\d+\), sensor \(8\), camera \(8\)$/);
  });

  it('says what to set when the roles cannot feed the family (no target for recsys)', async () => {
    const d = await demo('recsys');
    const noTarget = { ...d, columnInfo: d.columnInfo.map((c) => (c.role === 'target' ? { ...c, role: 'feature' as const } : c)) };
    const ours = dataShapeOf('recsys', noTarget);
    expect(ours.values).toEqual({});
    expect(ours.problem).toMatch(/needs a target column/);
  });
});

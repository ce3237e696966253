// The export re-derives a run's feature pipeline. Since columns that cannot be learned are left out (a
// constant channel), a run trained before that rule has a model one channel wider: its export must still
// describe the inputs it was trained on, and a new run's the inputs without the constant.
import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, openDatasetCache } from '../import/index';
import { runPipeline, shapeMismatch, type DatasetPayload } from './run-pipeline';
import { labPaths } from '../home';
import { openLabDatasets } from '../datasets/index';
import { retypeDataset } from '../datasets/retype';
import { RunManager } from './run-manager';
import { datasetResolver } from './dataset-runs';
import { exportRun, runPreprocessing } from './export-run';
import { TryIt } from '../lab/try-it';
import type { RunsPort } from '../lab/runs-port';
import { buildModel } from '../../../engine/models/index';
import { parseRunConfig } from '../../../common/runs/config';

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

// A finished run after its dataset's types change: export, Try it (and analytics, through the same resolver)
// must read the data as the run trained on it. A real run (concat fusion on a small CSV) is trained, then
// 'size' is retyped int -> float (the same numbers) -> categorical (another width) -> back: the exported
// preprocessing and Try it's predictions stay exactly those from before any retype. A finished run whose
// old data was not kept (retyped before copies were kept) gets a message naming the retype and what to do.
describe('a finished run after its dataset was retyped', () => {
  it('exports and predicts as it trained, or says which retype prevents it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-retyped-run-'));
    const paths = labPaths(dir);
    const lab = await openLabDatasets(paths, { demos: false });
    const manager = new RunManager({ store: lab.store, paths, poolSize: 1, resolveDataset: datasetResolver(lab.registry) });
    try {
      const colors = ['red', 'green', 'blue'];
      const rows = Array.from({ length: 240 }, (_, i) => {
        const size = 1 + ((i * 7) % 5), color = colors[(i * 5) % 3], score = Math.sin(i).toFixed(3);
        return `${size},${color},${score},${size + (color === 'red' ? 2 : 0) + Number(score) > 4 ? 1 : 0}`;
      });
      writeFileSync(join(dir, 'shop.csv'), ['size,color,score,label', ...rows].join('\n') + '\n');
      const tab = { role: 'feature', modality: 'tabular' } as const;
      const { dataset } = await lab.registry.importDataset(join(dir, 'shop.csv'), { roles: { size: tab, color: tab, score: tab, label: 'target' } });
      expect(dataset.columns.find((c) => c.name === 'size')!.type).toBe('int');
      const runId = manager.create({ model: { template: 'concat-fusion', hidden: [4] } as never, data: { kind: 'dataset', datasetId: dataset.id }, epochs: 1, batchSize: 32 });
      expect((await manager.waitFor(runId)).status).toBe('completed');
      const port = { available: true, export: (id: string) => exportRun(lab.store, manager.files, Number(id), join(dir, `run-${id}.onnx`)) };
      const tryIt = new TryIt(lab.store, port as unknown as RunsPort, datasetResolver(lab.registry));
      const preprocessing = () => runPreprocessing(lab.store, manager.files, lab.store.runs.get(runId)!, modelDefinition(lab.store.runs.get(runId)!.config), 'float32');
      const picks = [0, 1, 2, 5, 8];
      const predictions = async () => (await tryIt.predict(String(runId), picks)).rows.map((r) => r.prediction);
      const trained = preprocessing();
      expect(trained).toMatchObject({ version: 1, family: 'fusion' });
      const predicted = await predictions();
      const kept = () => readdirSync(dirname(dataset.cachePath)).filter((n) => n.startsWith('cache.trained-'));

      // int -> float: the same numbers, nothing to keep
      await retypeDataset(lab.registry, dataset.id, { size: 'float' });
      expect(kept()).toEqual([]);
      expect(preprocessing()).toEqual(trained);
      // float -> categorical: a one-hot of 5 instead of one number; the old cache is kept for the run
      const asCategory = await retypeDataset(lab.registry, dataset.id, { size: 'categorical' });
      expect(asCategory.message).toContain(`Finished run ${runId} keeps its results, and export, Try it and analytics read the data as it trained on it`);
      expect(kept()).toHaveLength(1);
      expect(preprocessing()).toEqual(trained);
      expect(await predictions()).toEqual(predicted);
      // a new run's binding takes the new type: the live cache has it
      expect([...openDatasetCache(dataset.cachePath).column('size').dictionary!].sort()).toEqual(['1', '2', '3', '4', '5']);

      // a copy lost (or a retype from before copies were kept): the message names the retype and what to do
      const copy = join(dirname(dataset.cachePath), kept()[0]);
      const aside = join(dirname(dataset.cachePath), 'aside');
      renameSync(copy, aside);
      const refusal = `dataset ${dataset.id} 'shop' was retyped after run ${runId} trained on it ('size' from int to categorical)`;
      expect(preprocessing()).toMatchObject({ available: false, reason: expect.stringContaining(refusal) });
      expect((preprocessing() as { reason: string }).reason).toContain(`Change it back with \`gatelab datasets types ${dataset.id} size=int\` (or in the Datasets view), or start a new run on the new types`);
      await expect(tryIt.predict(String(runId), picks)).rejects.toThrow(refusal);
      renameSync(aside, copy);

      // back to int: the live cache reads as the run trained again, and the copy goes
      await retypeDataset(lab.registry, dataset.id, { size: null });
      expect(kept()).toEqual([]);
      expect(preprocessing()).toEqual(trained);
      expect(await predictions()).toEqual(predicted);
    } finally {
      await manager.close();
      lab.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

function modelDefinition(config: unknown) {
  return buildModel(parseRunConfig(config).model as Record<string, unknown>);
}

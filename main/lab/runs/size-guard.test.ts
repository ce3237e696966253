// A run whose model cannot fit in the machine's memory is refused when it is created, with the parameter
// count, the memory it needs and what to change; nothing is queued and nothing is compiled (the parameter
// count comes from the symbolic graph of one sample). The trainer checks again with the data's shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import { parseRunConfig } from '../../../common/runs/config';
import { assertModelFits } from '../../../workers/run/model-for';
import { RunManager } from './run-manager';
import { withDatasetDefaults } from './dataset-defaults';
import { checkRunSize } from './size-guard';
import { FLAGSHIPS } from '../../../bench/flagships';

const CHANNELS = 321;
let home: string;
let lab: LabDatasets;
let wide: number;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-size-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
  // 321 channels like Electricity (a few rows: the size of a model does not depend on them)
  const header = ['date', ...Array.from({ length: CHANNELS }, (_, c) => `c${c}`)].join(',');
  const hour = (t: number) => new Date(Date.UTC(2016, 6, 1, t)).toISOString().slice(0, 19).replace('T', ' ');
  const rows = Array.from({ length: 30 }, (_, t) => [hour(t), ...Array.from({ length: CHANNELS }, (_, c) => ((t * 7 + c) % 13) / 10)].join(','));
  writeFileSync(join(home, 'wide.csv'), [header, ...rows].join('\n'));
  wide = (await lab.registry.importDataset(join(home, 'wide.csv'))).dataset.id;
}, 60_000);
afterAll(() => {
  lab.close();
  rmSync(home, { recursive: true, force: true });
});

const GB = 1e9;
const forecast = (model: Record<string, unknown>) =>
  withDatasetDefaults(parseRunConfig({ model: { template: 'dlinear', lookback: 96, horizon: 96, ...model }, data: { kind: 'dataset', datasetId: wide } }), lab.store);

describe('model size guard', () => {
  it('refuses channel-mixing DLinear on 321 channels (1.9 billion parameters), saying what it needs and what to change', () => {
    const t0 = performance.now();
    expect(() => checkRunSize(forecast({ mode: 'channel-mixing' }), 32 * GB)).toThrow(
      'run config: dlinear (channel-mixing, lookback 96, horizon 96, 321 channels) has 1,899,313,344 parameters: training needs 30 GB for the float32 weights, ' +
      "their gradients and Adam's two moments alone (parameters × 4 bytes × 4) and peaks at ~205 GB (~27 copies of the weights, measured), more than 75% of this machine's 32 GB of memory. " +
      'Use channel-independent mode (--set mode=channel-independent: one map shared by every channel instead of one across all of them), or a shorter lookback or horizon (now 96 and 96), ' +
      'or fewer channels (now 321; leave columns out with gatelab datasets roles ID <column>=ignore).');
    expect(performance.now() - t0).toBeLessThan(2000); // counted from the symbolic graph, never compiled
    // the same model shared by the channels has 18,624 parameters
    expect(checkRunSize(forecast({}), 8 * GB).model).toMatchObject({ template: 'dlinear', lookback: 96 });
  });

  it('compares the measured peak (~27 copies of the weights) with 75% of the memory', () => {
    // 64 channels mixed: 2 × ((96·64)² + 96·64) = 75,509,760 parameters, ~8.2 GB at the peak (measured 8.3 GB)
    const config = parseRunConfig({ model: { template: 'dlinear', mode: 'channel-mixing', lookback: 96, horizon: 96, channels: 64 }, data: { kind: 'synthetic' } });
    expect(() => assertModelFits(config, 10 * GB)).toThrow(/^dlinear \(channel-mixing, lookback 96, horizon 96, 64 channels\) has 75,509,760 parameters: .* peaks at ~8\.2 GB .* this machine's 10 GB/);
    expect(() => assertModelFits(config, 11 * GB)).not.toThrow();
    // float64 doubles every copy
    expect(() => assertModelFits({ ...config, dtype: 'float64' }, 11 * GB)).toThrow(/\(parameters × 8 bytes × 4\) and peaks at ~16 GB/);
    // other families get their own advice
    const ctr = parseRunConfig({ model: { template: 'dnn', fields: [1 << 24, 1 << 24], embeddingDim: 512 }, data: { kind: 'synthetic' } });
    expect(() => assertModelFits(ctr, 64 * GB)).toThrow(/Use smaller embeddings \(--set embeddingDim=\.\.\., now 512\)/);
  });

  it('the lab refuses such a run and such a sweep before queuing anything', () => {
    const manager = new RunManager({ store: lab.store, paths: labPaths(home), poolSize: 1 });
    // 3.5e10 parameters: too big for any machine, so this holds wherever the test runs
    const huge = { model: { template: 'dlinear', mode: 'channel-mixing', lookback: 512, horizon: 336 }, data: { kind: 'dataset', datasetId: wide } } as const;
    expect(() => manager.create(huge)).toThrow(/^run config: dlinear \(channel-mixing, lookback 512, horizon 336, 321 channels\) has 35,[\d,]+ parameters/);
    expect(() => manager.createExperiment({ name: 'seeds', config: huge, seeds: 2 })).toThrow(/321 channels\) has 35,/);
    expect(lab.store.runs.list()).toEqual([]);
  });

  describe('activations of a batch', () => {
    const elec = (model: Record<string, unknown>, run: Record<string, unknown> = {}) =>
      withDatasetDefaults(parseRunConfig({ model: { template: 'patch-transformer-gated', ...model }, data: { kind: 'dataset', datasetId: wide }, epochs: 1, ...run }), lab.store);

    it('refuses the Electricity-shaped patch transformer before queueing, with the batch size that fits computed', () => {
      // the audit: 82,544 parameters, yet its trainer reached 20 GB RSS in two minutes on a 23 GB machine
      const t0 = performance.now();
      let msg = '';
      try { checkRunSize(elec({}), 23 * GB); } catch (e) { msg = (e as Error).message; }
      expect(performance.now() - t0).toBeLessThan(2000); // the symbolic graph of one window, no rows, nothing compiled
      expect(msg).toMatch(/^run config: patch-transformer-gated \(channel-independent, lookback 336, horizon 96, 321 channels\) does not fit in memory: training needs ~60 GB: ~9 MB for its 82,544 parameters/);
      expect(msg).toContain('~60 GB for the activations of a batch of 128 × 321 channels');
      const fits = Number(/--set batchSize=(\d+) fits, or channel-mixing mode \(--set mode=channel-mixing/.exec(msg)![1]);
      expect(fits).toBeGreaterThan(8);
      // the fixes it names are accepted, and one more sample is not
      expect(checkRunSize(elec({}, { batchSize: fits }), 23 * GB).batchSize).toBe(fits);
      expect(() => checkRunSize(elec({}, { batchSize: fits + 1 }), 23 * GB)).toThrow(/does not fit in memory/);
      expect(checkRunSize(elec({ mode: 'channel-mixing' }), 23 * GB).model).toMatchObject({ mode: 'channel-mixing' });
      // gla of the same audit (8.3 GB in 30 s and climbing)
      expect(() => checkRunSize(elec({ template: 'gla' }), 23 * GB)).toThrow(/gla .* the activations of a batch of 128 × 321 channels/);
    });

    it('the lab stores nothing for such a run or sweep', () => {
      const manager = new RunManager({ store: lab.store, paths: labPaths(home), poolSize: 1 });
      // a batch this large does not fit any machine, so this holds wherever the test runs
      const wideBatch = { model: { template: 'patch-transformer-gated' }, data: { kind: 'dataset', datasetId: wide }, batchSize: 1 << 20 } as const;
      expect(() => manager.create(wideBatch)).toThrow(/^run config: patch-transformer-gated .* for the activations of a batch of 1,048,576 × 321 channels .* --set batchSize=\d+ fits/);
      expect(() => manager.createExperiment({ name: 'seeds', config: wideBatch, seeds: 2 })).toThrow(/does not fit in memory/);
      expect(lab.store.runs.list()).toEqual([]);
    });

    it('the trainer refuses what only it can size (vocabularies filled in from the data)', () => {
      // the lab sizes a click model with the template's default vocabularies (6 fields): that batch fits
      const asked = parseRunConfig({ model: { template: 'dnn', hidden: [16], embeddingDim: 64 }, data: { kind: 'synthetic' }, batchSize: 32768 });
      expect(checkRunSize(asked, 8 * GB)).toBe(asked);
      // the trainer, with the 256 fields the pipeline found, knows each sample embeds 16,384 values (~9 GB a batch)
      const filled = { ...asked, model: { ...asked.model, fields: Array.from({ length: 256 }, () => 10) } } as typeof asked;
      expect(() => assertModelFits(filled, 8 * GB)).toThrow(/^dnn does not fit in memory: .* for the activations of a batch of 32,768 samples \(.* --set batchSize=\d+ fits\. Use smaller embeddings/);
    });

    it('accepts the bench flagships at their batch sizes on a machine of 8 GiB', () => {
      for (const f of FLAGSHIPS) {
        const config = parseRunConfig({ model: f.model, data: { kind: 'synthetic' }, batchSize: f.batch });
        expect(() => assertModelFits(config, 8 * 2 ** 30), f.name).not.toThrow();
      }
    });
  });
});

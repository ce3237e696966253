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
});

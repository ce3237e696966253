// A run trained on a long-format file's rows (its date column set to feature, or trained before pivots
// existed) keeps those rows: its model has weights for one channel, so the split, Try it and export must
// not pivot it into one channel per store, even after a column is later set to series-id.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { labPaths } from '../home';
import { datasetResolver } from './dataset-runs';
import { runSplitRows } from './run-split-rows';
import { runPipeline, type RunConfigView } from './run-pipeline';
import type { DatasetPayload } from './run-pipeline';
import { labWithTrainedRun, type TrainedRunLab } from '../testing/trained-run';

let trained: TrainedRunLab;

beforeAll(async () => {
  const rows: string[] = [];
  for (let h = 0; h < 120; h++) {
    const date = new Date(Date.UTC(2024, 0, 1, h)).toISOString().slice(0, 16).replace('T', ' ');
    ['north', 'east', 'south'].forEach((store, s) => rows.push(`${date},${store},${(10 + 3 * s + Math.sin(h / 4 + s)).toFixed(3)}`));
  }
  trained = await labWithTrainedRun({
    prefix: 'gatelab-long-old-', fileName: 'long.csv', contents: ['date,store,sales', ...rows].join('\n') + '\n',
    importOptions: { roles: { date: 'feature' } },
    config: (datasetId) => ({ model: { template: 'linear', lookback: 12, horizon: 4 } as never, data: { kind: 'dataset', datasetId }, epochs: 1, batchSize: 16, optimizer: { lr: 0.01 } }),
  });
}, 120_000);

afterAll(() => trained?.close());

it('a run trained on the file rows stays on the file rows for its split and pipeline, also after series-id is set', () => {
  const { home, lab, runId, datasetId } = trained;
  const run = lab.store.runs.get(runId)!;
  expect((run.config as { model: { channels?: number } }).model.channels).toBe(1);
  const check = () => {
    expect(runSplitRows(lab.store, labPaths(home), runId).long).toBeUndefined();
    const payload = datasetResolver(lab.registry)(run) as unknown as DatasetPayload;
    const pipeline = runPipeline(payload, run.config as unknown as RunConfigView);
    expect(pipeline.long).toBeUndefined();
    expect(pipeline.data.rows).toBe(360);
  };
  check();
  lab.registry.setColumns(datasetId, [{ column: 'date', role: 'time' }, { column: 'store', role: 'series-id' }]);
  check();
});

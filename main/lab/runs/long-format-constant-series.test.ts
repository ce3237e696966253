// A long-format run whose trainer leaves a constant series out has as few channels as the file has value
// columns (one), so its channel count cannot tell that it was pivoted: the lab passes what the trainer did
// (its stored data line) and the export, like every later reader, pivots as the trainer did. Before, the
// export wrote a model fed the raw interleaved column, scaled over both stores' rows, without a word.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import { exportRun } from './export-run';
import type { PreprocessingDoc } from './preprocessing-doc';
import { labWithTrainedRun, type TrainedRunLab } from '../testing/trained-run';

let trained: TrainedRunLab;

beforeAll(async () => {
  const rows = ['date,store,sales'];
  for (let h = 0; h < 400; h++) {
    const date = new Date(Date.UTC(2024, 0, 1, h)).toISOString().slice(0, 16).replace('T', ' ');
    rows.push(`${date},a,${(10 + 2 * Math.sin((2 * Math.PI * h) / 24)).toFixed(3)}`, `${date},b,0`); // b: a store that was closed
  }
  trained = await labWithTrainedRun({
    prefix: 'gatelab-long-constant-', fileName: 'closed.csv', contents: rows.join('\n') + '\n',
    config: (datasetId) => ({ model: { template: 'linear', lookback: 24, horizon: 8 } as never, data: { kind: 'dataset', datasetId }, epochs: 1, batchSize: 16 }),
  });
}, 120_000);

afterAll(() => trained?.close());

describe('a long-format run with a constant series left out', () => {
  it('exports the pivot its trainer made, though its model has one channel', () => {
    const { home, lab, manager, runId } = trained;
    const run = lab.store.runs.get(runId)!;
    expect(run.dataSummary?.line).toMatch(/1 channel: a; left out: b \(constant\).*long format: 2 series by 'store' pivoted into 2 channels/);
    const out = join(home, 'closed.onnx');
    exportRun(lab.store, manager.files, runId, out);
    const m = onnxProto.onnx.ModelProto.decode(readFileSync(out));
    const meta = Object.fromEntries((m.metadataProps ?? []).map((p) => [p.key!, p.value!]));
    const x = (JSON.parse(meta['gatelab.preprocessing']) as PreprocessingDoc).inputs[0];
    expect(x.longFormat?.series).toMatchObject({ column: 'store', order: ['a', 'b'] });
    expect(x.features.map((f) => ('long' in f ? f.long : null))).toEqual([{ series: 'a', value: 'sales' }]);
  });
});

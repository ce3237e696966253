// A long-format run whose trainer leaves a constant series out has as few channels as the file has value
// columns (one), so its channel count cannot tell that it was pivoted: the lab passes what the trainer did
// (its stored data line) and the export, like every later reader, pivots as the trainer did. Before, the
// export wrote a model fed the raw interleaved column, scaled over both stores' rows, without a word.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import { RunManager } from './run-manager';
import { datasetResolver } from './dataset-runs';
import { exportRun } from './export-run';
import type { PreprocessingDoc } from './preprocessing-doc';

let home: string, lab: LabDatasets, manager: RunManager, runId: number;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-long-constant-'));
  const paths = labPaths(home);
  lab = await openLabDatasets(paths, { demos: false });
  manager = new RunManager({ store: lab.store, paths, poolSize: 1, resolveDataset: datasetResolver(lab.registry) });
  const rows = ['date,store,sales'];
  for (let h = 0; h < 400; h++) {
    const date = new Date(Date.UTC(2024, 0, 1, h)).toISOString().slice(0, 16).replace('T', ' ');
    rows.push(`${date},a,${(10 + 2 * Math.sin((2 * Math.PI * h) / 24)).toFixed(3)}`, `${date},b,0`); // b: a store that was closed
  }
  writeFileSync(join(home, 'closed.csv'), rows.join('\n') + '\n');
  const { dataset } = await lab.registry.importDataset(join(home, 'closed.csv'), {});
  runId = manager.create({ model: { template: 'linear', lookback: 24, horizon: 8 } as never, data: { kind: 'dataset', datasetId: dataset.id }, epochs: 1, batchSize: 16 });
  const r = await manager.waitFor(runId);
  expect(r.status, r.error ?? '').toBe('completed');
}, 120_000);

afterAll(async () => {
  await manager?.close();
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('a long-format run with a constant series left out', () => {
  it('exports the pivot its trainer made, though its model has one channel', () => {
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

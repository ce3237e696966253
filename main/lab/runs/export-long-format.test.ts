// A forecasting run on a long-format file (one row per time and store, two gaps): the exported model's
// metadata names the pivot's channels in order with where their cells are in the file, and a window built
// from the long file by that metadata alone (pivot, fill gaps forward, z-score) gives the lab's test MSE
// through ONNX Runtime; `gatelab split`'s rows give every file row its time's part.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';
import { labPaths } from '../home';
import type { LabDatasets } from '../datasets/index';
import type { RunManager } from './run-manager';
import { datasetResolver } from './dataset-runs';
import { exportRun } from './export-run';
import { lastMetrics } from './run-report';
import { runSplitRows } from './run-split-rows';
import type { PreprocessingDoc } from './preprocessing-doc';
import { TryIt } from '../lab/try-it';
import type { RunsPort } from '../lab/runs-port';
import { labWithTrainedRun, type TrainedRunLab } from '../testing/trained-run';

const STORES = ['north', 'east', 'south'];
const HOURS = 120;
let trained: TrainedRunLab, home: string, lab: LabDatasets, manager: RunManager, runId: number;
let cells: string[][];
let firstWindow: Float32Array;

/** 3 stores × 120 hours, rows shuffled within each hour, east missing hour 30 and south hour 70 (the gaps). */
function longCsv(): string {
  const rows: string[][] = [];
  for (let h = 0; h < HOURS; h++) {
    const date = new Date(Date.UTC(2024, 0, 1, h)).toISOString().slice(0, 16).replace('T', ' ');
    for (const [s, store] of [[2, 'south'], [0, 'north'], [1, 'east']] as const) {
      if ((store === 'east' && h === 30) || (store === 'south' && h === 70)) continue;
      rows.push([date, store, (10 + 3 * s + 2 * Math.sin((2 * Math.PI * h) / 24 + s) + 0.1 * Math.cos(h * 7.3 + s)).toFixed(3)]);
    }
  }
  cells = rows;
  return ['date,store,sales', ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

beforeAll(async () => {
  trained = await labWithTrainedRun({
    prefix: 'gatelab-long-export-', fileName: 'long.csv', contents: longCsv(),
    config: (datasetId) => ({ model: { template: 'linear', lookback: 12, horizon: 4 } as never, data: { kind: 'dataset', datasetId }, epochs: 1, batchSize: 16, optimizer: { lr: 0.01 } }),
  });
  ({ home, lab, manager, runId } = trained);
}, 120_000);

afterAll(() => trained?.close());

describe('a long-format forecasting run', () => {
  it('exports the pivot: channels in order, their cells in the file, and the lab test MSE from the long file', async () => {
    const out = join(home, 'long.onnx');
    exportRun(lab.store, manager.files, runId, out);
    const m = onnxProto.onnx.ModelProto.decode(readFileSync(out));
    const meta = Object.fromEntries((m.metadataProps ?? []).map((p) => [p.key!, p.value!]));
    const doc = JSON.parse(meta['gatelab.preprocessing']) as PreprocessingDoc;
    const x = doc.inputs[0];
    // series in pandas' pivot order (text by code point), each read from the 'sales' field of its rows
    expect(x.longFormat?.channels).toEqual(['east', 'north', 'south']);
    expect(x.longFormat?.series).toMatchObject({ column: 'store', order: ['east', 'north', 'south'], sourceIndex: 1 });
    expect(x.longFormat?.note).toMatch(/3 series by 'store' pivoted into 3 channels \(2 gaps filled/);
    expect(x.features.map((f) => ('long' in f ? f.long : null))).toEqual(STORES.slice().sort().map((series) => ({ series, value: 'sales' })));
    expect(x.features.map((f) => f.sourceIndex)).toEqual([2, 2, 2]);
    // the source is the long file as imported (its header recorded), not the pivot, which has none of its own
    expect(doc.source?.columns).toMatch(/^(?!.*imported before GateLab recorded)/);
    expect(doc.source?.file).toBeTruthy();
    expect((doc.outputs[0].channels ?? []).map((c) => c.column)).toEqual(['east', 'north', 'south']);

    // the wide rows rebuilt from the long file by the metadata: a row per time, gaps filled forward
    const times = [...new Set(cells.map((r) => r[0]))].sort();
    const C = x.features.length;
    const wide = times.map(() => new Array<number>(C).fill(NaN));
    x.features.forEach((f, c) => { for (const r of cells) if ('long' in f && r[1] === f.long!.series) wide[times.indexOf(r[0])][c] = Math.fround(Number(r[2])); });
    for (let c = 0; c < C; c++) for (let i = 1; i < times.length; i++) if (Number.isNaN(wide[i][c])) wide[i][c] = wide[i - 1][c];
    const z = wide.map((row) => row.map((v, c) => { const f = x.features[c] as { mean: number; std: number }; return (v - f.mean) / f.std; }));
    // chronological 70/10/20 over the 120 times: test targets are times 96..119
    const L = 12, H = 4, testStart = Math.floor(HOURS * 0.7) + Math.floor(HOURS * 0.1);
    const session = await ort.InferenceSession.create(out);
    let se = 0, n = 0;
    for (let t = testStart; t + H <= HOURS; t++) {
      const input = new Float32Array(L * C);
      for (let i = 0; i < L; i++) for (let c = 0; c < C; c++) input[i * C + c] = z[t - L + i][c];
      const y = (await session.run({ x: new ort.Tensor('float32', input, [1, L, C]) })).forecast.data as Float32Array;
      if (t === testStart) firstWindow = Float32Array.from(y);
      for (let h = 0; h < H; h++) for (let c = 0; c < C; c++) { se += (y[h * C + c] - z[t + h][c]) ** 2; n++; }
    }
    await session.release();
    const labMse = lastMetrics(lab.store, runId, 'test.').mse as number;
    expect(se / n).toBeCloseTo(labMse, 4);
  });

  it('Try it forecasts a test window from the same pivot, placed at its time', async () => {
    const port = { available: true, export: (id: string) => exportRun(lab.store, manager.files, Number(id), join(home, `try-${id}.onnx`)) };
    const tried = await new TryIt(lab.store, port as unknown as RunsPort, datasetResolver(lab.registry), undefined, labPaths(home)).predict(String(runId), [0]);
    expect(tried.testRows).toBe(HOURS - 96 - 4 + 1);
    const row = tried.rows[0] as { prediction: number[]; source?: { row: number; line: number | null; time: string | null } };
    Array.from(firstWindow).forEach((v, i) => expect(row.prediction[i]).toBeCloseTo(v, 5));
    // the window's first predicted step is time 96 (2024-01-05 00:00), which no single line of the file holds
    expect(row.source).toMatchObject({ row: 96, line: null, time: expect.stringMatching(/^2024-01-05 00:00/) });
    expect(tried.source?.rowNote).toMatch(/index of a time among the 120 distinct 'date' times/);
  });

  it('gives every row of the long file its time\'s part', () => {
    const split = runSplitRows(lab.store, labPaths(home), runId);
    expect(split.assignment.length).toBe(cells.length);
    expect(split.long?.times.length).toBe(HOURS);
    const times = [...new Set(cells.map((r) => r[0]))].sort();
    // times 0..83 train, 84..95 validation, 96..119 test; every store of a time in the same part
    const expected = cells.map((r) => { const i = times.indexOf(r[0]); return i < 84 ? 0 : i < 96 ? 1 : 2; });
    expect(Array.from(split.assignment)).toEqual(expected);
    expect(split.counts).toEqual({ train: 84 * 3 - 2, validation: 12 * 3, test: 24 * 3, unused: 0 });
  });
});

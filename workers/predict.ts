// "Try it": runs an exported ONNX model on test rows the user picked, in a short-lived child process
// (ONNX Runtime never runs on the lab's or the UI's thread). The rows are prepared exactly as the
// trainer prepared them (workers/run/data-for: same split, same fitted pipeline), so a prediction
// here is the prediction the run's test metrics were computed from.
//
// Message in (one): { onnxPath, spec: RunSpec, rows: number[] }. Message out (one), then exit:
// { ok: true, result: TryResult } or { ok: false, message }.
import * as ort from 'onnxruntime-node';
import type { RunSpec } from '../common/trainer-protocol';
import { dataFor } from './run/data-for';
import { gatherBatches, type Column, type Rows } from './run/run-data';
import { TEMPLATES } from '../common/models';
import { ROWS, WINDOWS, testRowsRefusal } from './test-rows-check';

export interface TryRequest { onnxPath: string; spec: RunSpec; rows: number[] }
export interface TryResult {
  task: string;
  prediction: string;
  target: string;
  testRows: number;
  rows: Array<{ row: number; prediction: number[]; target: number[] }>;
}

const width = (c: Column) => c.shape.reduce((a, b) => a * b, 1);

function tensorOf(c: Column, rows: number[], want: string | undefined): ort.Tensor {
  const w = width(c);
  const pick = (n: number) => Array.from({ length: rows.length * w }, (_, i) => c.data[rows[Math.floor(i / w)] * w + (i % w)]);
  const dims = [rows.length, ...c.shape];
  if (c.data instanceof BigInt64Array) return new ort.Tensor('int64', BigInt64Array.from(pick(0) as bigint[]), dims);
  const values = pick(0) as number[];
  if (want === 'double' || (want === undefined && c.data instanceof Float64Array)) return new ort.Tensor('float64', Float64Array.from(values), dims);
  return new ort.Tensor('float32', Float32Array.from(values), dims);
}

/** The test part's `rows` as columns, in that order (one batch of all of them: run-data's gatherBatches). */
function pickedRows(test: Rows, rows: number[]): Record<string, Column> {
  const batch = gatherBatches(test, Uint32Array.from(rows), rows.length);
  return Object.fromEntries(Object.entries(batch).map(([name, b]) => [name, { data: b.data, shape: b.dims.slice(2) }]));
}

export async function predictRows(req: TryRequest): Promise<TryResult> {
  // the run's model as its trainer built it (the export's ONNX graph is that model)
  const { data } = await dataFor(req.spec, { modelBuilt: true });
  const test = data.test;
  // a forecasting run's test items are windows (the app's picker calls them so too)
  const forecasting = TEMPLATES.find((t) => t.id === req.spec.config.model?.template)?.family === 'forecasting';
  const refusal = testRowsRefusal(req.rows, test.rows, forecasting ? WINDOWS : ROWS);
  if (refusal) throw new Error(refusal);
  // Only the picked rows are gathered: a wide forecasting run's whole test part (every window) would
  // take gigabytes to build for the few rows shown.
  const picked = pickedRows(test, req.rows);
  const at = req.rows.map((_, i) => i);
  const session = await ort.InferenceSession.create(req.onnxPath, { intraOpNumThreads: 1 });
  try {
    const feeds: Record<string, ort.Tensor> = {};
    const meta = new Map(session.inputMetadata.map((m) => [m.name, m.isTensor ? String(m.type) : undefined]));
    for (const name of session.inputNames) {
      const c = picked[name];
      if (!c) throw new Error(`the exported model needs input '${name}' but the run's data has only ${Object.keys(picked).join(', ')}`);
      feeds[name] = tensorOf(c, at, meta.get(name));
    }
    const out = await session.run(feeds);
    const p = out[data.prediction];
    if (!p) throw new Error(`the exported model has no output '${data.prediction}' (it has: ${session.outputNames.join(', ')})`);
    const pw = p.data.length / req.rows.length;
    const t = picked[data.target];
    const tw = t ? width(t) : 0;
    return {
      task: data.task, prediction: data.prediction, target: data.target, testRows: test.rows,
      rows: req.rows.map((row, i) => ({
        row,
        prediction: Array.from(p.data as ArrayLike<number>, Number).slice(i * pw, i * pw + pw),
        target: t ? Array.from(t.data.subarray(i * tw, i * tw + tw) as ArrayLike<number | bigint>, Number) : [],
      })),
    };
  } finally {
    await session.release();
  }
}

if (process.send) {
  process.once('message', (req: TryRequest) => {
    predictRows(req)
      .then((result) => ({ ok: true, result }), (e: Error) => ({ ok: false, message: e.message }))
      .then((reply) => process.send!(reply, undefined, undefined, () => process.disconnect()));
  });
}

// Knockouts scored on what the run reports. MMoE: each gate on the task it serves, the rating gate's
// knockouts on the rating tower's RMSE in rating points (as the run reports rating_rmse), the click gate's
// on the click AUC; scored on the click alone, every rating-gate row read "delta 0" (the click tower never
// reads that gate). Forecasting with a target role: every channel's mean, as the run's headline test mse,
// and the target channel's own MSE beside it, as `gatelab show` prints "test of target". Every task is scored
// as trained in one evaluation of the test split: the gates are known from the graph before it is evaluated.
import { describe, expect, it, vi } from 'vitest';
import { buildModel } from '../../engine/models';
import { compileTraining } from '../../engine/train/compile';
import { seededRandom } from '../../engine/nn/random';
import { trainTiny } from '../../engine/models/fixtures/tiny-train';
import type { RunData, Rows } from '../run/run-data';
import { baseline, knockoutTable, type TrainedModel } from './knockout';
import { targetColumns } from './job';
import type { AnalyticsJob } from '../../common/analytics';

// every evaluation of a graph on the test split, counted (the real one runs)
const evaluations = vi.hoisted(() => ({ count: 0 }));
vi.mock('./evaluate-graph', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./evaluate-graph')>();
  return { ...actual, evaluateGraph: (...args: Parameters<typeof actual.evaluateGraph>) => { evaluations.count++; return actual.evaluateGraph(...args); } };
});

const R = { fields: [5, 7, 3], numeric: 2, embeddingDim: 4 };
/** The rating's scaler as the data builder fits it: the tower learns (rating − 3.5) / 1.2. */
const RATING = { kind: 'zscore' as const, mean: 3.5, std: 1.2 };

/** Click rows with a z-scored rating that follows field 1. */
function mmoeRows(n: number, seed: number): Rows {
  const r = seededRandom(seed, 'mmoe-rows');
  const fields = new BigInt64Array(n * 3), numeric = new Float32Array(n * 2), label = new Float32Array(n), rating = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    R.fields.forEach((v, f) => (fields[i * 3 + f] = BigInt(r.int(v))));
    numeric[i * 2] = r.normal(); numeric[i * 2 + 1] = r.normal();
    label[i] = numeric[i * 2] > 0 ? 1 : 0;
    rating[i] = (Number(fields[i * 3 + 1]) - 3) / 2 + 0.3 * r.normal();
  }
  return { rows: n, columns: { fields: { data: fields, shape: [3] }, numeric: { data: numeric, shape: [2] }, label: { data: label, shape: [1] }, rating: { data: rating, shape: [1] } } };
}

const data: RunData = {
  task: 'binary', prediction: 'logit', target: 'label', train: mmoeRows(200, 1), validation: mmoeRows(10, 2), test: mmoeRows(300, 3), describe: 'mmoe',
  secondary: [{ name: 'rating', prediction: 'rating_pred', target: 'rating', task: 'regression', unscale: RATING }],
};

const mmoe = () => buildModel({ template: 'mmoe', ...R, expertHidden: [8], towerHidden: [4], gate: { kind: 'mmoe', experts: 3, tasks: 2 } });
const layoutOf = (def: ReturnType<typeof mmoe>) => compileTraining(def, { dtype: 'float32', optimizer: { kind: 'sgd' } }).layout;

function untrainedMmoe(): TrainedModel {
  const def = mmoe();
  const c = compileTraining(def, { dtype: 'float32', optimizer: { kind: 'sgd' } });
  return { runId: 4, def, dtype: 'float32', layout: c.layout, params: c.initialParams(11) };
}

/** A few full-batch steps on the training rows: enough for the experts to differ, so a gate's weights matter. */
async function trainedMmoe(): Promise<TrainedModel> {
  const def = mmoe();
  const feeds = Object.fromEntries(Object.entries(data.train.columns).map(([k, c]) => [k, { data: c.data as Float32Array, dims: [data.train.rows, ...c.shape] }]));
  const run = await trainTiny(def, { steps: 60, lr: 0.03, seed: 5, batch: () => feeds });
  await run.release();
  return { runId: 4, def, dtype: 'float32', layout: layoutOf(def), params: run.params };
}

describe('MMoE knockouts: each task gate scored on its own task', () => {
  it("the rating gate's rows are scored on rating_rmse in rating points (and move it); the click gate's on the click AUC", async () => {
    const m = await trainedMmoe();
    const t = await knockoutTable(m, data, { only: { mode: 'single', expert: 0 }, resamples: 100, seed: 1 });
    // the table's own metric stays the click's (scripts reading `metric` and `baseline` see what they saw)
    expect(t.metric).toBe('auc');
    const click = t.rows.find((r) => r.gate === 'gate.task0')!, rating = t.rows.find((r) => r.gate === 'gate.task1')!;
    expect(click).toMatchObject({ metric: 'auc', higherIsBetter: true, baseline: t.baseline });
    expect(rating).toMatchObject({ metric: 'rating_rmse', higherIsBetter: false });
    // the rating tower's RMSE as trained, in the rating's own units: the scaled error times the std
    const { result } = await baseline(m, data);
    const pred = result.outputs.rating_pred.data, truth = data.test.columns.rating.data as Float32Array;
    let se = 0;
    for (let i = 0; i < truth.length; i++) se += (pred[i] - truth[i]) ** 2;
    expect(rating.baseline).toBeCloseTo(RATING.std * Math.sqrt(se / truth.length), 5);
    // the rating gate's knockout moves the rating, with an interval around its own delta
    expect(Math.abs(rating.delta)).toBeGreaterThan(1e-4);
    expect(rating.value - rating.baseline!).toBeCloseTo(rating.delta, 12);
    expect(rating.ci.low).toBeLessThanOrEqual(rating.delta);
    expect(rating.ci.high).toBeGreaterThanOrEqual(rating.delta);
  });

  it('scores the click and the rating as trained in one evaluation, then one per knockout', async () => {
    evaluations.count = 0;
    const t = await knockoutTable(untrainedMmoe(), data, { only: { gate: 'gate.task1', mode: 'uniform' }, resamples: 20 });
    expect(t.rows.map((r) => [r.gate, r.metric])).toEqual([['gate.task1', 'rating_rmse']]);
    expect(t.baseline).toBeGreaterThan(0); // the click's AUC as trained, from the same pass
    expect(evaluations.count).toBe(2);
  });

  it('a run whose data scores no rating (no secondary task) keeps scoring every gate on the click', async () => {
    const t = await knockoutTable(untrainedMmoe(), { ...data, secondary: undefined }, { only: { gate: 'gate.task1', mode: 'uniform' }, resamples: 50 });
    expect(t.rows[0]).toMatchObject({ metric: 'auc', delta: 0 });
  });
});

const L = 12, H = 4, C = 3;

/** Stride-1 windows of three channels; channel 2 ('OT') is a noisy mix of the others. */
function windows(steps: number, seed: number): Rows {
  const r = seededRandom(seed, 'target-windows');
  const series = new Float32Array(steps * C);
  for (let t = 0; t < steps; t++) {
    const a = Math.sin(t / 3), b = Math.cos(t / 5);
    series.set([a, b, 0.5 * a - b + 0.4 * r.normal()], t * C);
  }
  const n = steps - L - H + 1;
  const x = new Float32Array(n * L * C), y = new Float32Array(n * H * C);
  for (let i = 0; i < n; i++) {
    x.set(series.subarray(i * C, (i + L) * C), i * L * C);
    y.set(series.subarray((i + L) * C, (i + L + H) * C), i * H * C);
  }
  return { rows: n, columns: { x: { data: x, shape: [L, C] }, y: { data: y, shape: [H, C] } } };
}

const forecasting: RunData = { task: 'regression', prediction: 'forecast', target: 'y', channels: ['HUFL', 'MUFL', 'OT'], train: windows(120, 1), validation: windows(40, 2), test: windows(150, 3), describe: 'windows' };

function tsmixer(): TrainedModel {
  const def = buildModel({ template: 'tsmixer-gated', lookback: L, horizon: H, channels: C, blocks: 1, ffDim: 8 });
  const c = compileTraining(def, { dtype: 'float32', optimizer: { kind: 'sgd' } });
  return { runId: 9, def, dtype: 'float32', layout: c.layout, params: c.initialParams(3) };
}

describe('forecasting knockouts of a run with a target column (--target OT)', () => {
  it("score every channel's mean, as the run's headline test mse, and give the target channel's own MSE beside it", async () => {
    const m = tsmixer();
    const t = await knockoutTable(m, forecasting, { only: { mode: 'closed' }, resamples: 100, seed: 2, targetChannels: ['OT'] });
    const { result } = await baseline(m, forecasting);
    const pred = result.outputs.forecast.data, truth = forecasting.test.columns.y.data as Float32Array;
    // by hand: the squared error over every value (the trainer's test mse), and over channel 2's values only
    let all = 0, ot = 0;
    for (let i = 0; i < truth.length; i++) { const se = (pred[i] - truth[i]) ** 2; all += se; if (i % C === 2) ot += se; }
    expect(t.metric).toBe('mse');
    expect(t.baseline).toBeCloseTo(all / truth.length, 6);
    const row = t.rows[0];
    expect(row.channels).toHaveLength(1);
    const target = row.channels![0];
    expect(target.name).toBe('OT');
    expect(target.baseline).toBeCloseTo(ot / (truth.length / C), 6);
    expect(target.delta).toBeCloseTo(target.value - target.baseline, 12);
    expect(target.ci.low).toBeLessThanOrEqual(target.delta);
    expect(target.ci.high).toBeGreaterThanOrEqual(target.delta);
    // the target's own change is not the headline's: closing the gate moves the channels differently
    expect(target.delta).not.toBeCloseTo(row.delta, 6);
  });

  it('has no target columns beside the rows without a target role, or when the target is the only channel', async () => {
    const m = tsmixer();
    expect((await knockoutTable(m, forecasting, { only: { gate: 'block0.gate', mode: 'closed' }, resamples: 20 })).rows[0].channels).toBeUndefined();
    expect((await knockoutTable(m, forecasting, { only: { gate: 'block0.gate', mode: 'closed' }, resamples: 20, targetChannels: ['price'] })).rows[0].channels).toBeUndefined();
  });

  it("reads the target role from the run's column snapshot", () => {
    const job = { spec: { dataset: { columns: [{ name: 'date', type: 'datetime', role: 'time' }, { name: 'OT', type: 'float', role: 'target' }, { name: 'HUFL', type: 'float', role: 'feature' }] } } } as unknown as AnalyticsJob;
    expect(targetColumns(job)).toEqual(['OT']);
    expect(targetColumns({ spec: {} } as unknown as AnalyticsJob)).toEqual([]);
  });
});

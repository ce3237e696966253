// A forecasting run's knockout resamples runs of lookback + horizon consecutive test windows (stride-1
// windows that close share time steps); CTR rows stay independent draws. Checked on a real compiled
// tsmixer-gated model over overlapping windows of one smooth series, as a dataset run's test part is cut.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../engine/models';
import { compileTraining } from '../../engine/train/compile';
import { seededRandom } from '../../engine/nn/random';
import { tableSource } from '../data/samples';
import type { Rows, RunData } from '../run/run-data';
import { knockoutTable, type TrainedModel } from './knockout';
import { intervalMethod, windowSpan } from './interval-method';

const L = 24, H = 8, C = 2;

/** Every stride-1 window of a slowly wandering series of `steps` steps, served like a dataset part (a sample source). */
function windows(steps: number, seed: number): Rows {
  const r = seededRandom(seed, 'series');
  const series = new Float32Array(steps * C);
  let level = 0;
  for (let t = 0; t < steps; t++) {
    level = 0.98 * level + 0.2 * r.normal();
    for (let c = 0; c < C; c++) series[t * C + c] = level + 0.3 * Math.sin((t + 5 * c) / 4) + 0.05 * r.normal();
  }
  const n = steps - L - H + 1;
  const x = new Float32Array(n * L * C), y = new Float32Array(n * H * C);
  for (let i = 0; i < n; i++) {
    x.set(series.subarray(i * C, (i + L) * C), i * L * C);
    y.set(series.subarray((i + L) * C, (i + L + H) * C), i * H * C);
  }
  const source = tableSource(n, { x: { spec: { dtype: 'float32', shape: [L, C] }, data: x }, y: { spec: { dtype: 'float32', shape: [H, C] }, data: y } });
  return { rows: n, source, columns: { x: { data: x, shape: [L, C] }, y: { data: y, shape: [H, C] } } };
}

const forecasting = (testSteps: number): RunData => ({
  task: 'regression', prediction: 'forecast', target: 'y', channels: ['a', 'b'],
  train: windows(200, 1), validation: windows(60, 2), test: windows(testSteps, 3), describe: 'overlapping windows',
});

function model(): TrainedModel {
  const def = buildModel({ template: 'tsmixer-gated', lookback: L, horizon: H, channels: C, blocks: 1, ffDim: 8 });
  const c = compileTraining(def, { dtype: 'float32', optimizer: { kind: 'sgd' } });
  return { runId: 12, def, dtype: 'float32', layout: c.layout, params: c.initialParams(3) };
}

describe('knockout interval method', () => {
  it('forecast windows: runs of lookback + horizon windows, capped at a quarter of a short test part', () => {
    expect(windowSpan(forecasting(400))).toBe(L + H);
    expect(intervalMethod(forecasting(400))).toEqual({ kind: 'block', block: 32, span: 32 });
    // 100 steps hold 69 windows: runs of 17
    expect(intervalMethod(forecasting(100))).toEqual({ kind: 'block', block: 17, span: 32 });
    const ctr: RunData = { task: 'binary', prediction: 'logit', target: 'label', train: { rows: 0, columns: {} }, validation: { rows: 0, columns: {} }, test: { rows: 5, columns: { fields: { data: new BigInt64Array(15), shape: [3] }, label: { data: new Float32Array(5), shape: [1] } } }, describe: 'ctr' };
    expect(intervalMethod(ctr)).toEqual({ kind: 'independent' });
  });

  it('says so when the windows\' lookback and horizon cannot be read', () => {
    const d = forecasting(100);
    d.test = { rows: 2, columns: { x: { data: new Float32Array(4), shape: [2] }, y: { data: new Float32Array(2), shape: [1] } } };
    expect(() => windowSpan(d)).toThrow("cannot tell the forecast windows' lookback and horizon from the test split's tensors (x [2], y [1]); expected one input [lookback, channels] and the target [horizon, channels]");
  });

  it('a tsmixer-gated knockout on overlapping windows: block intervals, wider than independent draws of the same windows', async () => {
    const m = model(), data = forecasting(600);
    const t = await knockoutTable(m, data, { only: { mode: 'closed' }, resamples: 300, seed: 2 });
    expect(t.interval).toEqual({ kind: 'block', block: 32, span: 32 });
    expect(t.rows.length).toBeGreaterThan(0);
    // the same windows as if they were independent rows (no channels: not forecasting data)
    const iid = await knockoutTable(m, { ...data, channels: undefined }, { only: { mode: 'closed' }, resamples: 300, seed: 2 });
    expect(iid.interval).toEqual({ kind: 'independent' });
    for (const [i, r] of t.rows.entries()) {
      expect(r.delta).toBe(iid.rows[i].delta);
      expect(r.ci.low).toBeLessThanOrEqual(r.delta);
      expect(r.ci.high).toBeGreaterThanOrEqual(r.delta);
      expect((r.ci.high - r.ci.low) / (iid.rows[i].ci.high - iid.rows[i].ci.low)).toBeGreaterThan(1.8);
    }
    // seeded: the same table again
    expect(await knockoutTable(m, data, { only: { mode: 'closed' }, resamples: 300, seed: 2 })).toEqual(t);
  });
});

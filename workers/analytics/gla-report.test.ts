// The GLA forget gate in a gate report: a channel-independent GLA forecaster's α per channel, the mean over
// that channel's tokens and key channels (from the per-unit means the report keeps), equal to the mean
// computed from the per-window values directly; and the gate can be knocked out (α = 0 and α = 1 change
// the forecast, the chunked form included).
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../engine/models';
import { compileTraining } from '../../engine/train/compile';
import { seededRandom } from '../../engine/nn/random';
import type { Rows, RunData } from '../run/run-data';
import { baseline, knockoutTable, type TrainedModel } from './knockout';
import { gateReport } from './gate-report';

const L = 32, H = 8, C = 3;
const config = { template: 'gla', lookback: L, horizon: H, channels: C, patchLen: 8, stride: 8, dModel: 8, layers: 1, gla: { kind: 'gla', heads: 2, rank: 4, form: 'chunked', chunkSize: 2 }, mode: 'channel-independent' };

function windows(n: number, seed: number): Rows {
  const r = seededRandom(seed, 'gla-windows');
  const x = Float32Array.from({ length: n * L * C }, () => r.normal()), y = Float32Array.from({ length: n * H * C }, () => r.normal());
  return { rows: n, columns: { x: { data: x, shape: [L, C] }, y: { data: y, shape: [H, C] } } };
}

describe('GLA forget gate in analytics', () => {
  it('is reported per channel and knocked out open/closed', async () => {
    const def = buildModel(config);
    const c = compileTraining(def, { dtype: 'float32', optimizer: { kind: 'sgd' } });
    const m: TrainedModel = { runId: 3, def, dtype: 'float32', layout: c.layout, params: c.initialParams(5) };
    const data: RunData = { task: 'regression', prediction: 'forecast', target: 'y', train: windows(40, 1), validation: windows(4, 2), test: windows(60, 3), describe: 'gla' };
    const { result, gates } = await baseline(m, data);
    const report = gateReport({ runId: 3, title: 'gla', def, model: config, data, base: result, gates, featureNames: ['a', 'b', 'c'] });
    const alpha = report.featureGates.find((f) => f.gate === 'layer0.gla')!;
    expect(alpha.features.map((f) => f.feature)).toEqual(['a', 'b', 'c']);
    const p = result.outputs['probe.layer0.gla'];
    const per = p.width / C;
    for (let ch = 0; ch < C; ch++) {
      let s = 0;
      for (let i = 0; i < 60; i++) for (let u = 0; u < per; u++) s += p.data[i * p.width + ch * per + u];
      expect(alpha.features[ch].mean).toBeCloseTo(s / (60 * per), 10);
      expect(alpha.features[ch].mean).toBeGreaterThan(0.9); // α = σ(·)^(1/16) starts near 1
    }
    const t = await knockoutTable(m, data, { only: { gate: 'layer0.gla' }, resamples: 50 });
    expect(t.rows.map((r) => r.mode)).toEqual(['open', 'closed', 'mean']);
    for (const r of t.rows) expect(Number.isFinite(r.value)).toBe(true);
    expect(Math.abs(t.rows[1].delta)).toBeGreaterThan(1e-4); // α = 0 forgets everything: the forecast changes
  });
});

// Forecasting options beyond the defaults: TSMixer's patching, and channel-mixing vs channel-independent
// modes. The mode test is behavioural: channel 1 is channel 0 delayed by H steps, so channel 1's future
// is in channel 0's past (copyable only by a model that mixes channels) and carries nothing in its own
// past (white noise).
import { describe, expect, it } from 'vitest';
import { defaultModelConfig, type TemplateId } from '../../../common/models';
import { seededRandom } from '../../nn/random';
import { compileTraining } from '../../train/compile';
import { f32, lossDrop, trainTiny } from '../fixtures/tiny-train';
import { GraphRunner } from '../../../workers/testing/run-graph';
import { buildModel, modelSize } from '../index';

const L = 16, H = 4;

/** B windows of [x: L×2, y: H×2] with ch0 white noise and ch1[t] = ch0[t − H]. */
function laggedBatch(B: number, seed: number) {
  const rng = seededRandom(seed, 'lagged');
  const x: number[] = [], y: number[] = [];
  for (let b = 0; b < B; b++) {
    const a = Array.from({ length: L + 2 * H }, () => rng.normal()); // a[i] = ch0 at time i − H
    for (let t = 0; t < L; t++) x.push(a[t + H], a[t]);
    for (let t = L; t < L + H; t++) y.push(a[t + H], a[t]);
  }
  return { x: f32(x, [B, L, 2]), y: f32(y, [B, H, 2]) };
}

/** Test MSE of channel 1 after training a template on the lagged task. */
async function channel1Mse(template: TemplateId, over: Record<string, unknown>): Promise<number> {
  const def = buildModel({ template, lookback: L, horizon: H, channels: 2, ...over });
  const run = await trainTiny(def, { steps: 250, lr: 0.01, batch: (s) => laggedBatch(64, s) });
  const test = laggedBatch(256, 10_000);
  const out = await run.evaluate(test);
  await run.release();
  const p = out.forecast.data as Float32Array, y = test.y.data as Float32Array;
  let se = 0;
  for (let i = 1; i < p.length; i += 2) se += (p[i] - y[i]) ** 2;
  return se / (p.length / 2);
}

describe('channel-mixing lets a forecast use another channel\'s past; channel-independent cannot', () => {
  const cases: [TemplateId, Record<string, unknown>][] = [
    ['linear', {}],
    ['dlinear', { kernel: 5 }],
    ['patch-transformer-gated', { patchLen: 4, stride: 4, dModel: 16, heads: 2, layers: 1, ffDim: 32, dropout: 0, revin: false }],
    ['moe-forecaster', { expertHidden: [32], router: { kind: 'softmax-router', experts: 2 } }],
  ];
  for (const [template, over] of cases) {
    it(template, async () => {
      const mixing = await channel1Mse(template, { ...over, mode: 'channel-mixing' });
      const independent = await channel1Mse(template, { ...over, mode: 'channel-independent' });
      expect(mixing).toBeLessThan(0.3);
      expect(independent).toBeGreaterThan(0.8); // white noise has unit variance: nothing to learn
    }, 60_000);
  }

  it('gla compiles in channel-mixing mode with one token stream ([B, 1, P, d])', () => {
    const config = { template: 'gla', lookback: L, horizon: H, channels: 3, patchLen: 4, stride: 4, dModel: 8, layers: 1, gla: { kind: 'gla', heads: 2, rank: 4, chunkSize: 2 } };
    const mixing = modelSize({ ...config, mode: 'channel-mixing' }).params, independent = modelSize(config).params;
    // embedding reads 3 channels' patches: 2·(4·8) more weights; the head maps to H·C instead of H: (P·d + 1)·H·2 more
    const P = Math.floor((L - 4) / 4) + 2;
    expect(mixing - independent).toBe(2 * 4 * 8 + (P * 8 + 1) * H * 2);
  });
});

describe('TSMixer with patching', () => {
  const base = { template: 'tsmixer-gated', lookback: 32, horizon: 8, channels: 3, blocks: 2, ffDim: 8, dropout: 0.1, patch: { length: 8, stride: 4, dModel: 4 } };
  const P = Math.floor((32 - 8) / 4) + 2, T = P * 4, C = 3;

  it('mixes over P patches: parameter count by hand, forecast shape [B, H, C]', async () => {
    const block = 2 * (2 * T * C) + (P * P + P) + (C * 8 + 8) + (8 * C + C) + (C * C + C);
    expect(modelSize(base).params).toBe(8 * 4 + 4 + 2 * block + T * 8 + 8);
    const compiled = compileTraining(buildModel(base), { dtype: 'float32', optimizer: { kind: 'adam', weightDecay: 0 } });
    const ev = await GraphRunner.load(compiled.graph('eval'));
    const params = compiled.initialParams(1);
    const out = await ev.run({ params: { data: params, dims: [params.length] }, x: f32(new Array(5 * 32 * 3).fill(0).map((_, i) => Math.sin(i)), [5, 32, 3]), y: f32(new Array(5 * 8 * 3).fill(0), [5, 8, 3]) });
    await ev.release();
    expect(out.forecast.dims).toEqual([5, 8, 3]);
  });

  it('learns noisy sines of random phase (loss falls by 3×)', async () => {
    const batch = (s: number) => {
      const rng = seededRandom(s, 'sines');
      const x: number[] = [], y: number[] = [];
      for (let b = 0; b < 32; b++) {
        const ph = [0, 1, 2].map(() => rng.uniform() * 6.28);
        for (let t = 0; t < 40; t++) for (let c = 0; c < 3; c++) (t < 32 ? x : y).push(Math.sin(0.4 * t * (c + 1) + ph[c]) + 0.05 * rng.normal());
      }
      return { x: f32(x, [32, 32, 3]), y: f32(y, [32, 8, 3]) };
    };
    const def = buildModel({ ...defaultModelConfig('tsmixer-gated', base), revin: false });
    const run = await trainTiny(def, { steps: 150, lr: 0.01, batch });
    await run.release();
    const { first, last } = lossDrop(run.losses, 10);
    expect(last).toBeLessThan(first / 3);
  }, 60_000);
});

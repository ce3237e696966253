// Attention gates: GLA's two forms agree exactly, and gated (linear) attention layers train.
import { describe, expect, it } from 'vitest';
import { defaultGate, type GateOf } from '../../common/gates';
import { mseLoss } from '../ops/builders';
import type { ModelDefinition } from '../train/model';
import { lossDrop, trainTiny } from '../models/fixtures/tiny-train';
import { buildGateGraph } from './fixtures/harness';
import { f32, randn } from './fixtures/data';
import { attention, dense, gateEnv, gla } from './index';

describe('gated linear attention', () => {
  for (const chunk of [1, 3, 4, 16]) {
    it(`chunked form (chunk ${chunk}) equals the recurrent form, outputs and gradients (float64)`, async () => {
      const inputs = { x: [2, 7, 8] };
      const cfg = (form: 'recurrent' | 'chunked'): GateOf<'gla'> => ({ ...defaultGate('gla'), heads: 2, rank: 4, form, chunkSize: chunk });
      const rec = await buildGateGraph({ inputs, build: (env, { x }) => [gla(env, 'gla', cfg('recurrent'), x).y] });
      const chk = await buildGateGraph({ inputs, build: (env, { x }) => [gla(env, 'gla', cfg('chunked'), x).y] });
      const [a, b] = [await rec.runner.run(rec.feeds), await chk.runner.run(chk.feeds)];
      await rec.release();
      await chk.release();
      for (const name of ['out0', 'd_params', 'd_x']) {
        const u = a[name].data as Float64Array, v = b[name].data as Float64Array;
        const scale = Math.max(...u.map(Math.abs));
        expect(Math.max(...u.map((ui, i) => Math.abs(ui - v[i]))) / scale, name).toBeLessThan(1e-12);
      }
    });
  }
});

/** Sequence task [B, T, 4] → [B, T, 1]: an exponentially decayed running sum of feature 0 (needs the forget gate). */
function decayBatch(step: number, B = 32, T = 12) {
  const x = randn(B * T, 4, step, 'seq');
  const y: number[] = [];
  for (let b = 0; b < B; b++) { let s = 0; for (let t = 0; t < T; t++) { s = 0.7 * s + x[(b * T + t) * 4]; y.push(s); } }
  return { x: f32(x, [B, T, 4]), y: f32(y, [B, T, 1]) };
}

function seqModel(kind: 'gla' | 'attention'): ModelDefinition {
  return {
    name: kind,
    inputs: { x: { dtype: 'float', shape: [12, 4] } },
    targets: { y: { dtype: 'float', shape: [12, 1] } },
    forward(ctx, { x }) {
      const env = gateEnv(ctx);
      const h = dense(env, 'embed', x, 16);
      const o = kind === 'gla'
        ? gla(env, 'gla', { ...defaultGate('gla'), heads: 2, rank: 4, chunkSize: 4 }, h)
        : attention(env, 'attn', defaultGate('gated-attention'), h, { heads: 2, causal: true });
      return { predictions: { pred: dense(env, 'out', o.y, 1) }, stats: o.stats };
    },
    loss: ({ predictions }, { y }) => mseLoss(predictions.pred, y),
  };
}

describe('attention gates train', () => {
  it('a GLA layer learns a decayed running sum', async () => {
    const run = await trainTiny(seqModel('gla'), { steps: 250, lr: 0.01, batch: decayBatch, batchSize: 32 });
    const { first, last } = lossDrop(run.losses, 20);
    const open = run.lastStats['gla.openness'][0];
    await run.release();
    expect(last).toBeLessThan(first / 4);
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThan(1);
  });

  it('a causal attention layer with an elementwise output gate learns the same task', async () => {
    const run = await trainTiny(seqModel('attention'), { steps: 250, lr: 0.01, batch: decayBatch, batchSize: 32 });
    const { first, last } = lossDrop(run.losses, 20);
    const hist = Array.from(run.lastStats['attn.gate.openness_hist']);
    await run.release();
    expect(last).toBeLessThan(first / 2);
    expect(hist.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });
});

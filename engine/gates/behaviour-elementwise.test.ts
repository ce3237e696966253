// Behavioural tests: tiny models with one gate, trained through the real compiler and ONNX Runtime.
import { describe, expect, it } from 'vitest';
import { defaultGate } from '../../common/gates';
import { mseLoss, reduceSum } from '../ops/builders';
import type { ModelDefinition } from '../train/model';
import { lossDrop, trainTiny } from '../models/fixtures/tiny-train';
import { f32, mean, randn } from './fixtures/data';
import { dense, gateEnv, glu, gmu, grn, hardGate, sigmoidGate, variableSelection } from './index';

const B = 64;

/** pred = Σ_j g_j x_j with target Σ_{j<signal} x_j: the gate must open on signal and close on noise. */
function gatedSum(kind: 'sigmoid' | 'hard', d: number): ModelDefinition {
  return {
    name: `${kind}-gated-sum`,
    inputs: { x: { dtype: 'float', shape: [d] } },
    targets: { y: { dtype: 'float', shape: [1] } },
    forward(ctx, { x }) {
      const env = gateEnv(ctx);
      const out = kind === 'sigmoid'
        ? sigmoidGate(env, 'gate', defaultGate('sigmoid'), { x, v: x })
        : hardGate(env, 'gate', { ...defaultGate('hard'), granularity: 'element', initBias: 0.5 }, { x, v: x });
      return { predictions: { pred: reduceSum(out.y, [1], true), gated: out.y }, stats: out.stats };
    },
    loss: ({ predictions }, { y }) => mseLoss(predictions.pred, y),
  };
}

function sumBatch(step: number, d: number, signal: number) {
  const x = randn(B, d, step, 'sum');
  const y = Array.from({ length: B }, (_, i) => x.slice(i * d, i * d + signal).reduce((a, b) => a + b, 0));
  return { x: f32(x, [B, d]), y: f32(y, [B, 1]) };
}

/** Fraction of x kept by the gate per feature: gated/x averaged over the batch. */
async function openness(run: Awaited<ReturnType<typeof trainTiny>>, d: number, signal: number) {
  const b = sumBatch(10_000, d, signal);
  const out = await run.evaluate(b);
  const g = out.gated.data as Float32Array, x = b.x.data as Float32Array;
  const per = Array.from({ length: d }, (_, j) => mean(Array.from({ length: B }, (_, i) => g[i * d + j] / x[i * d + j])));
  return { signal: mean(per.slice(0, signal)), noise: mean(per.slice(signal)) };
}

describe('elementwise gates learn what to let through', () => {
  it('a sigmoid gate closes on noise features and opens on signal features', async () => {
    const run = await trainTiny(gatedSum('sigmoid', 6), { steps: 300, lr: 0.05, batch: (s) => sumBatch(s, 6, 3) });
    const o = await openness(run, 6, 3);
    await run.release();
    expect(o.signal).toBeGreaterThan(0.85);
    expect(o.noise).toBeLessThan(0.15);
  });

  it('a hard straight-through gate ends binary: open on signal, shut on noise', async () => {
    const run = await trainTiny(gatedSum('hard', 6), { steps: 300, lr: 0.05, batch: (s) => sumBatch(s, 6, 3) });
    const o = await openness(run, 6, 3);
    const { first, last } = lossDrop(run.losses);
    await run.release();
    expect(o.signal).toBeGreaterThan(0.9);
    expect(o.noise).toBeLessThan(0.1);
    expect(last).toBeLessThan(first / 4);
  });

  for (const variant of ['glu', 'geglu', 'swiglu'] as const) {
    it(`a ${variant} layer learns a product x0·x1`, async () => {
      const def: ModelDefinition = {
        name: variant,
        inputs: { x: { dtype: 'float', shape: [2] } },
        targets: { y: { dtype: 'float', shape: [1] } },
        forward(ctx, { x }) {
          const env = gateEnv(ctx);
          const h = glu(env, 'glu', { ...defaultGate('glu'), variant, bias: true }, x, 16);
          return { predictions: { pred: dense(env, 'out', h.y, 1) }, stats: h.stats };
        },
        loss: ({ predictions }, { y }) => mseLoss(predictions.pred, y),
      };
      const batch = (s: number) => { const x = randn(B, 2, s, 'prod'); return { x: f32(x, [B, 2]), y: f32(Array.from({ length: B }, (_, i) => x[2 * i] * x[2 * i + 1]), [B, 1]) }; };
      const run = await trainTiny(def, { steps: 300, lr: 0.02, batch });
      const { first, last } = lossDrop(run.losses, 20);
      await run.release();
      expect(last).toBeLessThan(first / 5);
    });
  }

  it('variable selection puts its weight on the one informative variable; the GRN fits through it', async () => {
    const V = 4;
    const def: ModelDefinition = {
      name: 'vsn',
      inputs: { x: { dtype: 'float', shape: [V] } },
      targets: { y: { dtype: 'float', shape: [1] } },
      forward(ctx, { x }) {
        const env = gateEnv(ctx);
        const vs = variableSelection(env, 'vs', { ...defaultGate('variable-selection'), hidden: 8, dropout: 0 }, x);
        const h = grn(env, 'grn', { ...defaultGate('grn'), dropout: 0 }, vs.y);
        return { predictions: { pred: dense(env, 'out', h.y, 1) }, stats: { ...vs.stats, ...h.stats } };
      },
      loss: ({ predictions }, { y }) => mseLoss(predictions.pred, y),
    };
    const batch = (s: number) => { const x = randn(B, V, s, 'vsn'); return { x: f32(x, [B, V]), y: f32(Array.from({ length: B }, (_, i) => Math.sin(2 * x[V * i + 2])), [B, 1]) }; };
    const run = await trainTiny(def, { steps: 300, lr: 0.02, batch });
    const w = run.lastStats['vs.weights'];
    const { first, last } = lossDrop(run.losses, 20);
    await run.release();
    expect(w[2]).toBeGreaterThan(0.6);
    expect(last).toBeLessThan(first / 3);
    expect(run.lastStats['grn.openness'][0]).toBeGreaterThan(0);
  });

  it('a GMU down-weights a modality that is pure noise', async () => {
    const def: ModelDefinition = {
      name: 'gmu',
      inputs: { a: { dtype: 'float', shape: [4] }, b: { dtype: 'float', shape: [4] } },
      targets: { y: { dtype: 'float', shape: [1] } },
      forward(ctx, { a, b }) {
        const env = gateEnv(ctx);
        const g = gmu(env, 'gmu', { ...defaultGate('gmu'), hidden: 8 }, [a, b]);
        return { predictions: { pred: dense(env, 'out', g.y, 1) }, stats: g.stats };
      },
      loss: ({ predictions }, { y }) => mseLoss(predictions.pred, y),
    };
    const batch = (s: number) => {
      const a = randn(B, 4, s, 'a'), b = randn(B, 4, s, 'noise').map((v) => 3 * v);
      return { a: f32(a, [B, 4]), b: f32(b, [B, 4]), y: f32(Array.from({ length: B }, (_, i) => Math.tanh(a[4 * i] - a[4 * i + 1])), [B, 1]) };
    };
    const run = await trainTiny(def, { steps: 1000, lr: 0.03, batch });
    const w = run.lastStats['gmu.modality_weights'];
    await run.release();
    expect(w[0]).toBeGreaterThan(0.6); // 0.5 = no preference; the noise modality's weight keeps falling with more steps
    expect(w[0] + w[1]).toBeCloseTo(1, 5);
  });
});

// Behavioural tests of routers, MMoE and early exits: tiny models trained through the compiler and ONNX Runtime.
import { describe, expect, it } from 'vitest';
import { defaultGate, type GateOf } from '../../common/gates';
import type { Tensor } from '../ir/tensor';
import { add, bceWithLogits, input, mseLoss, mul, reshape, slice, softplus } from '../ops/builders';
import { namedParams } from '../nn/params';
import { emitModel } from '../onnx/emit';
import type { ModelDefinition } from '../train/model';
import { lossDrop, trainTiny } from '../models/fixtures/tiny-train';
import { GraphRunner } from '../../workers/testing/run-graph';
import { buildGateGraph } from './fixtures/harness';
import { f32, randn, regionsTask } from './fixtures/data';
import {
  collect, dense, earlyExit, gateEnv, mixExperts, mmoeGates, sinkhornRouter, softmaxRouter, temperature, topKRouter,
} from './index';

const B = 128, D = 4;

function moeModel(router: 'softmax' | 'topk', cfg: GateOf<'softmax-router'> | GateOf<'topk-router'>): ModelDefinition {
  return {
    name: `${router}-moe`,
    inputs: { x: { dtype: 'float', shape: [D] } },
    targets: { y: { dtype: 'float', shape: [1] } },
    forward(ctx, { x }) {
      const env = gateEnv(ctx);
      const r = router === 'softmax' ? softmaxRouter(env, 'router', cfg as GateOf<'softmax-router'>, x) : topKRouter(env, 'router', cfg as GateOf<'topk-router'>, x);
      const experts = Array.from({ length: cfg.experts }, (_, e) => dense(env, `expert${e}`, x, 1));
      const aux = Object.values(r.losses);
      return { predictions: { pred: mixExperts(r.weights, experts) }, stats: r.stats, auxLoss: aux.length ? aux.reduce((a, b) => add(a, b)) : undefined };
    },
    loss: ({ predictions }, { y }) => mseLoss(predictions.pred, y),
  };
}

const regionBatch = (s: number) => { const t = regionsTask(B, D, s); return { x: f32(t.x, [B, D]), y: f32(t.y, [B, 1]) }; };

describe('routers', () => {
  it('a dense softmax router learns input-dependent routing (entropy falls, loss falls)', async () => {
    const run = await trainTiny(moeModel('softmax', { ...defaultGate('softmax-router'), experts: 4, zLoss: 0 }), { steps: 400, lr: 0.03, batch: regionBatch });
    const { first, last } = lossDrop(run.losses, 20);
    const entropy = run.lastStats['router.entropy'][0];
    await run.release();
    expect(last).toBeLessThan(first / 3);
    expect(entropy).toBeLessThan(0.7 * Math.log(4));
  });

  it('a top-1 router with load balancing uses all four experts on a task that needs them', async () => {
    const cfg = { ...defaultGate('topk-router'), experts: 4, k: 1, noisy: false, loadBalance: { weight: 0.05, scope: 'micro-batch' as const } };
    const run = await trainTiny(moeModel('topk', cfg), { steps: 400, lr: 0.03, batch: regionBatch });
    const load = Array.from(run.lastStats['router.load']);
    const { first, last } = lossDrop(run.losses, 20);
    await run.release();
    expect(Math.min(...load)).toBeGreaterThan(0.12);
    expect(run.lastStats['router.balance'][0]).toBeLessThan(1.3);
    expect(last).toBeLessThan(first / 3);
  });

  it('the dense-to-sparse temperature falls geometrically with the step', async () => {
    const cfg: GateOf<'softmax-router'> = { ...defaultGate('softmax-router'), schedule: { kind: 'dense-to-sparse', from: 2, to: 0.5, steps: 10 } };
    const step = input('step', 'float64', []);
    const tau = temperature({ ...gateEnv(namedParams('float64').ctx), step }, cfg);
    const runner = await GraphRunner.load(emitModel({ inputs: [step], outputs: { tau } }));
    const at = async (s: number) => (await runner.run({ step: { data: Float64Array.of(s), dims: [] } })).tau.data[0];
    expect(await at(0)).toBeCloseTo(2, 12);
    expect(await at(5)).toBeCloseTo(1, 12);
    expect(await at(10)).toBeCloseTo(0.5, 12);
    expect(await at(50)).toBeCloseTo(0.5, 12);
    await runner.release();
  });

  it('Sinkhorn routing stays balanced where plain top-1 collapses, and capacity drops overflow tokens in training only (the dropped share is a statistic in both)', async () => {
    // Inputs far from the origin make the untrained router send almost every token to one expert.
    const inputs = { x: [64, 3] };
    const skew = (env: Parameters<typeof sinkhornRouter>[0], x: Parameters<typeof sinkhornRouter>[3]) => add(mul(x, 0.1), 5);
    const sink = await buildGateGraph({ inputs, build: (env, { x }) => { const r = sinkhornRouter(env, 'r', { ...defaultGate('sinkhorn-router'), experts: 4, iterations: 5 }, skew(env, x)); return [r.stats['r.load']]; } });
    const capped = { ...defaultGate('topk-router'), experts: 4, k: 1, noisy: false, capacityFactor: 1 };
    const top = await buildGateGraph({ inputs, training: true, build: (env, { x }) => {
      const r = topKRouter(env, 'r', capped, skew(env, x));
      return [r.stats['r.load'], r.stats['r.dropped']];
    } });
    // outside training nothing is dropped: a row's weights must not depend on the other rows of its batch
    const evalTop = await buildGateGraph({ inputs, build: (env, { x }) => {
      const r = topKRouter(env, 'r', capped, skew(env, x));
      return [r.weights, ...(r.stats['r.dropped'] ? [r.stats['r.dropped']] : [])];
    } });
    const evalOut = await evalTop.runner.run(evalTop.feeds);
    await evalTop.release();
    // ... but the statistic is there in eval too (what this batch would drop), so the trainer stores it
    expect(Object.keys(evalOut).filter((k) => k.startsWith('out'))).toEqual(['out0', 'out1']);
    const w = evalOut.out0.data as Float64Array;
    for (let row = 0; row < 64; row++) expect(w[row * 4] + w[row * 4 + 1] + w[row * 4 + 2] + w[row * 4 + 3]).toBeGreaterThan(0.2); // every row keeps its expert
    const sinkLoad = Array.from((await sink.runner.run(sink.feeds)).out0.data as Float64Array);
    const topOut = await top.runner.run(top.feeds);
    const topLoad = Array.from(topOut.out0.data as Float64Array);
    await sink.release();
    await top.release();
    expect(Math.max(...topLoad)).toBeGreaterThan(0.6);
    expect(Math.max(...sinkLoad)).toBeLessThan(0.4); // ideal 0.25
    // capacity 1.0·N/E: everything beyond a quarter of the tokens per expert is dropped
    const dropped = topOut.out1.data[0] as number;
    expect(dropped).toBeCloseTo(topLoad.reduce((s, f) => s + Math.max(0, f - 0.25), 0), 6);
    expect(evalOut.out1.data[0] as number).toBeCloseTo(dropped, 12);
  });
});

describe('MMoE and early exits', () => {
  it('MMoE: two tasks learn, and their gates pick different expert mixtures', async () => {
    const def: ModelDefinition = {
      name: 'mmoe',
      inputs: { x: { dtype: 'float', shape: [D] } },
      targets: { y1: { dtype: 'float', shape: [1] }, y2: { dtype: 'float', shape: [1] } },
      forward(ctx, { x }) {
        const env = gateEnv(ctx);
        const experts = Array.from({ length: 4 }, (_, e) => dense(env, `expert${e}.out`, dense(env, `expert${e}`, x, 8), 4));
        const g = mmoeGates(env, 'gate', { ...defaultGate('mmoe'), experts: 4, tasks: 2 }, x);
        const [p1, p2] = g.weights.map((w, t) => dense(env, `tower${t}`, mixExperts(w, experts), 1));
        return { predictions: { p1, p2 }, stats: g.stats };
      },
      loss: ({ predictions }, { y1, y2 }) => add(mseLoss(predictions.p1, y1), mseLoss(predictions.p2, y2)),
    };
    const batch = (s: number) => {
      const x = randn(B, D, s, 'mmoe');
      const row = (i: number) => x.slice(i * D, i * D + D);
      return { x: f32(x, [B, D]), y1: f32(Array.from({ length: B }, (_, i) => 2 * row(i)[0] - row(i)[1]), [B, 1]), y2: f32(Array.from({ length: B }, (_, i) => row(i)[2] + 3 * row(i)[3]), [B, 1]) };
    };
    const run = await trainTiny(def, { steps: 300, lr: 0.03, batch });
    const w0 = Array.from(run.lastStats['gate.task0.weights']), w1 = Array.from(run.lastStats['gate.task1.weights']);
    const { first, last } = lossDrop(run.losses, 20);
    await run.release();
    expect(last).toBeLessThan(first / 10);
    expect(w0.reduce((s, v, i) => s + Math.abs(v - w1[i]), 0)).toBeGreaterThan(0.1);
  });

  it('early exit: on a task the first block already solves, most samples leave at the first exit', async () => {
    const def: ModelDefinition = {
      name: 'early-exit',
      inputs: { x: { dtype: 'float', shape: [D] } },
      targets: { y: { dtype: 'float', shape: [1] } },
      forward(ctx, { x }) {
        const env = gateEnv(ctx);
        const hs = [dense(env, 'block0', x, 8)];
        hs.push(dense(env, 'block1', hs[0], 8), dense(env, 'block2', dense(env, 'block1b', hs[0], 8), 8));
        const preds = hs.map((h, i) => dense(env, `head${i}`, h, 1));
        // per-sample losses need the target; the model gets it as an input column in this test (`label`)
        const label = reshape(slice(x, [D - 1], [D], [1]), [-1, 1]);
        const perSample = preds.map((p) => reshape(bceRows(p, label), [-1]));
        const out = earlyExit(env, 'exit', defaultGate('early-exit'), hs.map((hidden, i) => ({ hidden, prediction: preds[i], loss: perSample[i] })));
        const acc = { stats: {}, losses: {} };
        collect(acc, out);
        const aux = Object.values(acc.losses as Record<string, Tensor>);
        return { predictions: { pred: out.y }, stats: acc.stats, auxLoss: aux.length ? aux.reduce((a, b) => add(a, b)) : undefined };
      },
      loss: ({ predictions }, { y }) => bceWithLogits(predictions.pred, y),
    };
    // label = 1[x0 > 0], also passed as the last input column (scaled to 0/1) for the per-sample exit losses
    const batch = (s: number) => {
      const x = randn(B, D, s, 'exit');
      const y = Array.from({ length: B }, (_, i) => (x[i * D] > 0 ? 1 : 0));
      y.forEach((v, i) => (x[i * D + D - 1] = v));
      return { x: f32(x, [B, D]), y: f32(y, [B, 1]) };
    };
    const run = await trainTiny(def, { steps: 300, lr: 0.03, batch });
    const out = await run.evaluate(batch(5000));
    await run.release();
    const rate = out['stats.exit.exit_rate'].data as Float32Array;
    expect(rate[0]).toBeGreaterThan(0.5);
    expect(out['stats.exit.depth'].data[0]).toBeLessThan(2);
  });
});

/** Per-row BCE with logits: softplus(p) − p·y, as [B, 1]. */
const bceRows = (p: Tensor, y: Tensor) => add(mul(p, mul(y, -1)), softplus(p));

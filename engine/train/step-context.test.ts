// The step a train graph gives the model: the temperature schedule follows it, dropout masks change with
// it (and with the run seed), and global-batch load balancing averages the expert load over a Loop call.
import { describe, expect, it } from 'vitest';
import { defaultGate, type GateOf } from '../../common/gates';
import type { Tensor } from '../ir/tensor';
import * as b from '../ops/builders';
import { dense, gateEnv, maybeDropout, mixExperts, softmaxRouter, topKRouter, type RouterOutput } from '../gates';
import { TrainSession, type HostTensor } from '../../workers/train-session';
import { compileTraining } from './compile';
import type { ModelDefinition } from './model';

const D = 3, E = 3;

/** A mixture of E linear experts behind a router; its losses are also reported as `loss.*` statistics. */
function routed(route: (env: ReturnType<typeof gateEnv>, x: Tensor) => RouterOutput): ModelDefinition {
  return {
    name: 'routed',
    inputs: { x: { dtype: 'float', shape: [D] } },
    targets: { y: { dtype: 'float', shape: [1] } },
    forward(ctx, { x }) {
      const env = gateEnv(ctx);
      const r = route(env, x);
      const experts = Array.from({ length: E }, (_, e) => dense(env, `expert${e}`, x, 1));
      const losses = Object.values(r.losses);
      const stats = { ...r.stats, ...Object.fromEntries(Object.entries(r.losses).map(([n, l]) => [`loss.${n}`, l])) };
      return { predictions: { yhat: mixExperts(r.weights, experts) }, stats, auxLoss: losses.length ? losses.reduce((a, c) => b.add(a, c)) : undefined };
    },
    loss: ({ predictions }, { y }) => b.mseLoss(predictions.yhat, y),
  };
}

/** K batches of B rows [K, B, D] / [K, B, 1] from a fixed formula (no randomness in the test data). */
function batches(K: number, B: number, offset = 0): Record<string, HostTensor> {
  const x = Float64Array.from({ length: K * B * D }, (_, i) => Math.sin(1.7 * (i + offset) + 0.3) * 2);
  const y = Float64Array.from({ length: K * B }, (_, i) => Math.cos(0.9 * (i + offset)));
  return { x: { data: x, dims: [K, B, D] }, y: { data: y, dims: [K, B, 1] } };
}
const floats = (t: HostTensor): number[] => Array.from(t.data as Float64Array);
const rows = (t: HostTensor, width: number) => Array.from({ length: t.data.length / width }, (_, i) => Array.from(t.data.slice(i * width, (i + 1) * width) as Float64Array));

describe('the training step reaches the gates', () => {
  it('a dense-to-sparse softmax router anneals its temperature geometrically with the step; eval uses the step trained to', async () => {
    const cfg: GateOf<'softmax-router'> = { ...defaultGate('softmax-router'), experts: E, schedule: { kind: 'dense-to-sparse', from: 2, to: 0.5, steps: 4 } };
    const compiled = compileTraining(routed((env, x) => softmaxRouter(env, 'router', cfg, x)), { dtype: 'float64', optimizer: { kind: 'adam' } });
    const session = await TrainSession.open(compiled, compiled.initialParams(1), { graphs: ['loop', 'train', 'eval'] });
    const tau = (s: number) => 2 * (0.5 / 2) ** Math.min(s / 4, 1);
    const first = await session.trainSteps(batches(3, 8), Float64Array.of(0.01, 0.01, 0.01));
    const second = await session.trainSteps(batches(3, 8, 99), Float64Array.of(0.01, 0.01, 0.01));
    const seen = [...floats(first.stats['router.temperature']), ...floats(second.stats['router.temperature'])];
    expect(seen).toHaveLength(6);
    // the i-th step of the run (0-based) is stored as step i + 1 and trains at τ(i + 1)
    seen.forEach((t, i) => expect(t).toBeCloseTo(tau(i + 1), 12));
    expect(seen[1]).not.toBeCloseTo(seen[0], 3); // it really moves between the steps of one Loop call
    // the one-step graph agrees with the Loop at the same step: after 2 steps, it makes step 3 at τ(3)
    session.step = 2;
    const one = await session.trainStep(Object.fromEntries(Object.entries(batches(1, 8)).map(([n, t]) => [n, { data: t.data, dims: t.dims.slice(1) }])), 0.01);
    expect(one.stats['router.temperature'].data[0]).toBeCloseTo(tau(3), 12);
    const ev = await session.evaluate(Object.fromEntries(Object.entries(batches(1, 8)).map(([n, t]) => [n, { data: t.data, dims: t.dims.slice(1) }])));
    expect(session.step).toBe(3);
    // mid-schedule, not the final 0.5; the τ step 3 trained with
    expect(ev.stats['router.temperature'].data[0]).toBeCloseTo(tau(3), 12);
    expect(ev.stats['router.temperature'].data[0]).toBeCloseTo(one.stats['router.temperature'].data[0] as number, 12);
    await session.close();
  });

  it('dropout masks differ from step to step for the same batch, are reproducible, and follow the run seed', async () => {
    const W = 64, B = 4;
    const model: ModelDefinition = {
      name: 'dropout',
      inputs: { x: { dtype: 'float', shape: [W] } },
      targets: { y: { dtype: 'float', shape: [1] } },
      forward(ctx, { x }) {
        const env = gateEnv(ctx);
        const h = maybeDropout(env, 'drop', x, 0.5);
        return { predictions: { yhat: dense(env, 'out', h, 1) }, stats: { 'drop.kept': b.reduceSum(h, [0]) } };
      },
      loss: ({ predictions }, { y }) => b.mseLoss(predictions.yhat, y),
    };
    const same = { x: { data: new Float64Array(2 * B * W).fill(1), dims: [2, B, W] }, y: { data: new Float64Array(2 * B), dims: [2, B, 1] } };
    const kept = async (seed: number) => {
      const compiled = compileTraining(model, { dtype: 'float64', optimizer: { kind: 'sgd' }, batchSize: B, seed });
      const session = await TrainSession.open(compiled, compiled.initialParams(1), { graphs: ['loop'] });
      const r = await session.trainSteps(same, Float64Array.of(0, 0));
      await session.close();
      return rows(r.stats['drop.kept'], W);
    };
    const [a, again, other] = [await kept(7), await kept(7), await kept(8)];
    for (const row of a) {
      expect(row.every((v) => [0, 2, 4, 6, 8].includes(v))).toBe(true); // kept values are scaled by 1/(1 − p)
      expect(row.reduce((s, v) => s + v, 0) / (B * W)).toBeGreaterThan(0.8); // about half the units kept
      expect(row.reduce((s, v) => s + v, 0) / (B * W)).toBeLessThan(1.2);
    }
    expect(a[1]).not.toEqual(a[0]); // step 1 and step 2, the same batch: different masks
    expect(again).toEqual(a); // the same run seed and steps: the same masks
    expect(other[0]).not.toEqual(a[0]); // another run seed: other masks
  });

  it('global-batch load balancing uses the expert load averaged over the Loop call so far', async () => {
    const alpha = 0.5;
    const cfg = (scope: 'micro-batch' | 'global-batch'): GateOf<'topk-router'> => ({
      ...defaultGate('topk-router'), experts: E, k: 1, noisy: false, zLoss: 0, loadBalance: { weight: alpha, scope },
    });
    const run = async (scope: 'micro-batch' | 'global-batch') => {
      const compiled = compileTraining(routed((env, x) => topKRouter(env, 'router', cfg(scope), x)), { dtype: 'float64', optimizer: { kind: 'adam' } });
      const session = await TrainSession.open(compiled, compiled.initialParams(3), { graphs: ['loop'] });
      const calls = [await session.trainSteps(batches(4, 16), Float64Array.of(0.05, 0.05, 0.05, 0.05)),
        await session.trainSteps(batches(2, 16, 500), Float64Array.of(0.05, 0.05))];
      await session.close();
      return calls.map((r) => ({ load: rows(r.stats['router.load'], E), probs: rows(r.stats['router.importance'], E), term: floats(r.stats['loss.router.load_balance']) }));
    };
    const dot = (f: number[], p: number[]) => alpha * E * f.reduce((s, fi, i) => s + fi * p[i], 0);
    for (const call of await run('global-batch')) {
      call.term.forEach((term, k) => {
        const mean = Array.from({ length: E }, (_, i) => call.load.slice(0, k + 1).reduce((s, f) => s + f[i], 0) / (k + 1));
        expect(term).toBeCloseTo(dot(mean, call.probs[k]), 12);
      });
      // the window restarts with every Loop call, and later steps differ from the per-step formula
      expect(call.term[0]).toBeCloseTo(dot(call.load[0], call.probs[0]), 12);
      expect(Math.max(...call.term.map((t, k) => Math.abs(t - dot(call.load[k], call.probs[k]))))).toBeGreaterThan(1e-4);
    }
    for (const call of await run('micro-batch')) call.term.forEach((term, k) => expect(term).toBeCloseTo(dot(call.load[k], call.probs[k]), 12));
  });
});

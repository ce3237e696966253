// Gate analytics of a stored checkpoint evaluate a router temperature schedule at the checkpoint's step:
// the probed router probabilities are softmax((xW + b)/τ(step)) by hand, not the schedule's final value.
import { describe, expect, it } from 'vitest';
import { defaultGate, type GateOf } from '../../common/gates';
import * as b from '../../engine/ops/builders';
import { dense, gateEnv, mixExperts, softmaxRouter } from '../../engine/gates';
import { probeOutput } from '../../engine/analytics/analytics-graph';
import { compileTraining } from '../../engine/train/compile';
import type { ModelDefinition } from '../../engine/train/model';
import { unpackParams } from '../../engine/train/pack';
import type { Rows, RunData } from '../run/run-data';
import { baseline, type TrainedModel } from './knockout';

const D = 3, E = 3, N = 16;
const FROM = 3, TO = 0.4, STEPS = 100;
const tau = (s: number) => FROM * (TO / FROM) ** Math.min(s / STEPS, 1);

const cfg: GateOf<'softmax-router'> = { ...defaultGate('softmax-router'), experts: E, schedule: { kind: 'dense-to-sparse', from: FROM, to: TO, steps: STEPS } };
const def: ModelDefinition = {
  name: 'scheduled router',
  inputs: { x: { dtype: 'float', shape: [D] } },
  targets: { y: { dtype: 'float', shape: [1] } },
  forward(ctx, { x }) {
    const env = gateEnv(ctx);
    const r = softmaxRouter(env, 'router', cfg, x);
    return { predictions: { yhat: mixExperts(r.weights, Array.from({ length: E }, (_, e) => dense(env, `expert${e}`, x, 1))) }, stats: r.stats };
  },
  loss: ({ predictions }, { y }) => b.mseLoss(predictions.yhat, y),
};

const rows = (): Rows => ({
  rows: N,
  columns: {
    x: { data: Float32Array.from({ length: N * D }, (_, i) => Math.sin(0.9 * i + 0.4) * 3), shape: [D] },
    y: { data: Float32Array.from({ length: N }, (_, i) => Math.cos(i)), shape: [1] },
  },
});
const data = (): RunData => ({ task: 'regression', prediction: 'yhat', target: 'y', train: rows(), validation: rows(), test: rows(), describe: 'test rows' });

describe('gate analytics at the checkpoint step', () => {
  it('probes the router at τ(step) of the checkpoint', async () => {
    const c = compileTraining(def, { dtype: 'float32', optimizer: { kind: 'sgd' } });
    const params = c.initialParams(4);
    const p = unpackParams(c.layout, params);
    const x = rows().columns.x.data as Float32Array;
    const hand = (t: number) => Array.from({ length: N }, (_, r) => {
      const z = Array.from({ length: E }, (_, e) => (p['router.b'][e] + [0, 1, 2].reduce((a, d) => a + x[r * D + d] * p['router.w'][d * E + e], 0)) / t);
      const ez = z.map((v) => Math.exp(v - Math.max(...z)));
      return ez.map((v) => v / ez.reduce((a, c2) => a + c2, 0));
    }).flat();
    for (const step of [0, STEPS / 2, 3 * STEPS]) {
      const m: TrainedModel = { runId: 1, def, dtype: 'float32', layout: c.layout, params, step };
      const { result } = await baseline(m, data());
      expect(result.stats['router.temperature'][0]).toBeCloseTo(tau(step), 5);
      const probs = result.outputs[probeOutput('router')].data;
      const err = Math.max(...hand(tau(step)).map((v, i) => Math.abs(v - probs[i])));
      expect(err).toBeLessThan(1e-5);
    }
    // a checkpoint without a step (older callers) still gets the final temperature
    const { result } = await baseline({ runId: 1, def, dtype: 'float32', layout: c.layout, params }, data());
    expect(result.stats['router.temperature'][0]).toBeCloseTo(TO, 5);
  });
});

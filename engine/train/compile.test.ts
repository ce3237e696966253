// compileTraining on a model small enough to check by hand: linear regression with MSE, whose
// gradient has a closed form (2/N)·Xᵀ(Xw + b − y).
import { describe, expect, it } from 'vitest';
import * as b from '../ops/builders';
import { init } from '../nn/init';
import { defaultGate } from '../../common/gates';
import { dense, gateEnv, maybeDropout, mixExperts, topKRouter } from '../gates';
import { embedding, linear } from '../nn/layers';
import { BatchSampler } from './batches';
import { TrainSession } from '../../workers/train-session';
import { compileTraining } from './compile';
import type { ModelDefinition } from './model';

const linearRegression: ModelDefinition = {
  name: 'linear-regression',
  inputs: { x: { dtype: 'float', shape: [3] } },
  targets: { y: { dtype: 'float', shape: [1] } },
  forward: (ctx, { x }) => ({ predictions: { yhat: b.linear(x, ctx.param('w', [3, 1], init.normal(1)), ctx.param('b', [1], init.zeros())) } }),
  loss: ({ predictions }, { y }) => b.mseLoss(predictions.yhat, y),
};

describe('compileTraining', () => {
  it('plain SGD (no optimizer state) takes the closed-form gradient step', async () => {
    const compiled = compileTraining(linearRegression, { dtype: 'float64', optimizer: { kind: 'sgd' } });
    expect(compiled.stateNames).toEqual([]);
    expect(compiled.layout.params.map((p) => [p.name, p.decay])).toEqual([['w', true], ['b', false]]);
    const params = Float64Array.of(0.5, -1, 2, 0.25);
    const session = await TrainSession.open(compiled, params, { graphs: ['train'] });
    const X = [[1, 2, 3], [-1, 0.5, 2], [0, 1, -1], [2, 2, 2]];
    const Y = [1, -2, 0.5, 3];
    const lr = 0.1;
    const r = await session.trainStep({ x: { data: Float64Array.from(X.flat()), dims: [4, 3] }, y: { data: Float64Array.from(Y), dims: [4, 1] } }, lr);
    const residual = X.map((row, i) => row[0] * 0.5 - row[1] + row[2] * 2 + 0.25 - Y[i]);
    const loss = residual.reduce((s, e) => s + e * e, 0) / 4;
    const gw = [0, 1, 2].map((j) => (2 / 4) * X.reduce((s, row, i) => s + row[j] * residual[i], 0));
    const gb = (2 / 4) * residual.reduce((s, e) => s + e, 0);
    expect(r.losses[0]).toBeCloseTo(loss, 12);
    const expected = [0.5 - lr * gw[0], -1 - lr * gw[1], 2 - lr * gw[2], 0.25 - lr * gb];
    Array.from(session.params).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
    expect(session.step).toBe(1);
    await session.close();
  });

  it('says what is wrong with a model that cannot be trained', () => {
    const noParams: ModelDefinition = { ...linearRegression, name: 'constant', forward: (_ctx, { x }) => ({ predictions: { yhat: b.reduceSum(x, [1], true) } }) };
    expect(() => compileTraining(noParams, { dtype: 'float32', optimizer: { kind: 'sgd' } })).toThrow(/model 'constant' declares no parameters/);
    const vectorLoss: ModelDefinition = { ...linearRegression, name: 'vector-loss', loss: ({ predictions }, { y }) => b.sub(predictions.yhat, y) };
    expect(() => compileTraining(vectorLoss, { dtype: 'float32', optimizer: { kind: 'sgd' } })).toThrow(/'vector-loss': the loss must be a scalar, got shape \[batch, 1\]/);
  });

  it('builds each graph only when asked for it', () => {
    const compiled = compileTraining(linearRegression, { dtype: 'float32', optimizer: { kind: 'adam' } });
    expect(compiled.stateNames).toEqual(['m', 'v']);
    const evalBytes = compiled.graph('eval');
    expect(compiled.graph('eval')).toBe(evalBytes);
  });

  it('trains a model with int64 ids (embeddings) through the Loop-K graph, same as one step at a time', async () => {
    const ctr: ModelDefinition = {
      name: 'embedding-ctr',
      inputs: { ids: { dtype: 'int64', shape: [2] } },
      targets: { y: { dtype: 'float', shape: [1] } },
      forward: (ctx, { ids }) => {
        const e = embedding(ctx.scope('emb'), ids, 10, 4); // [B, 2, 4]
        return { predictions: { logit: linear(ctx.scope('out'), b.reshape(e, [0, 8]), 1) } };
      },
      loss: ({ predictions }, { y }) => b.bceWithLogits(predictions.logit, y),
    };
    const compiled = compileTraining(ctr, { dtype: 'float64', optimizer: { kind: 'adamw', weightDecay: 0.1 } });
    expect(compiled.layout.params.map((p) => [p.name, p.decay])).toEqual([['emb.table', false], ['out.w', true], ['out.b', false]]);
    const rows = 64;
    const ids = BigInt64Array.from({ length: rows * 2 }, (_, i) => BigInt((i * 7) % 10));
    const y = Float64Array.from({ length: rows }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const sampler = new BatchSampler({ ids: { data: ids, shape: [2] }, y: { data: y, shape: [1] } }, rows, 8, 1);
    const batches = sampler.next(6);
    const lrs = Float64Array.from([0.05, 0.05, 0.04, 0.03, 0.02, 0.01]);
    const looped = await TrainSession.open(compiled, compiled.initialParams(2), { graphs: ['loop'] });
    const r = await looped.trainSteps(batches, lrs);
    const stepwise = await TrainSession.open(compiled, compiled.initialParams(2), { graphs: ['train'] });
    const losses: number[] = [];
    for (let t = 0; t < 6; t++) {
      const one = Object.fromEntries(Object.entries(batches).map(([n, t2]) => {
        const per = t2.data.length / 6;
        return [n, { data: t2.data.slice(t * per, (t + 1) * per), dims: t2.dims.slice(1) }];
      }));
      losses.push((await stepwise.trainStep(one, lrs[t])).losses[0]);
    }
    expect(Array.from(r.losses)).toEqual(losses);
    expect(looped.params).toEqual(stepwise.params);
    expect(looped.params).not.toEqual(compiled.initialParams(2));
    await looped.close();
    await stepwise.close();
  });

  it('Loop-K with dropout and noisy top-k gating is bit-identical to K single steps (randomness follows the step)', async () => {
    const moe: ModelDefinition = {
      name: 'noisy-moe',
      inputs: { x: { dtype: 'float', shape: [4] } },
      targets: { y: { dtype: 'float', shape: [1] } },
      forward: (ctx, { x }) => {
        const env = gateEnv(ctx);
        const h = maybeDropout(env, 'in', x, 0.3);
        const r = topKRouter(env, 'router', { ...defaultGate('topk-router'), experts: 3, k: 2, noisy: true }, h);
        const experts = [0, 1, 2].map((e) => dense(env, `expert${e}`, h, 1));
        return { predictions: { yhat: mixExperts(r.weights, experts) }, stats: r.stats, auxLoss: Object.values(r.losses).reduce((a, c) => b.add(a, c)) };
      },
      loss: ({ predictions }, { y }) => b.mseLoss(predictions.yhat, y),
    };
    const compiled = compileTraining(moe, { dtype: 'float64', optimizer: { kind: 'adam' }, seed: 5 });
    const K = 4, B = 16;
    const x = Float64Array.from({ length: B * 4 }, (_, i) => Math.sin(0.7 * i));
    const y = Float64Array.from({ length: B }, (_, i) => Math.cos(1.3 * i));
    // the same batch at every step: whatever differs between steps comes from the step's seed
    const repeat = (a: Float64Array, dims: number[]) => ({ data: Float64Array.from(Array.from({ length: K }, () => Array.from(a)).flat()), dims: [K, ...dims] });
    const lrs = Float64Array.from([0, 0, 0.01, 0.01]); // two steps without an update: only the randomness changes
    const looped = await TrainSession.open(compiled, compiled.initialParams(4), { graphs: ['loop'] });
    const r = await looped.trainSteps({ x: repeat(x, [B, 4]), y: repeat(y, [B, 1]) }, lrs);
    const stepwise = await TrainSession.open(compiled, compiled.initialParams(4), { graphs: ['train'] });
    const losses: number[] = [];
    for (let t = 0; t < K; t++) losses.push((await stepwise.trainStep({ x: { data: x, dims: [B, 4] }, y: { data: y, dims: [B, 1] } }, lrs[t])).losses[0]);
    expect(Array.from(r.losses)).toEqual(losses);
    expect(looped.params).toEqual(stepwise.params);
    expect(r.losses[1]).not.toBe(r.losses[0]); // same params, same batch, another step: other masks and noise
    await looped.close();
    await stepwise.close();
  });
});

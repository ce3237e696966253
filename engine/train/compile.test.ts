// compileTraining on a model small enough to check by hand: linear regression with MSE, whose
// gradient has a closed form (2/N)·Xᵀ(Xw + b − y).
import { describe, expect, it } from 'vitest';
import * as b from '../ops/builders';
import { init } from '../nn/init';
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
});

// End to end: a small model's forward + gradient graph emitted as ONNX and run by onnxruntime-node,
// checked against gradients computed by hand in plain JS.
import { describe, expect, it } from 'vitest';
import { runGraph } from '../workers/testing/run-graph';
import { bceWithLogits, emitModel, grad, input, linear, reduceSum, relu, sigmoid } from './index';

describe('grad + emitModel in onnxruntime-node', () => {
  it('computes the loss and the gradients of a 2-layer MLP with BCE', async () => {
    const B = 3, I = 2, H = 4;
    const x = input('x', 'float64', ['batch', I]);
    const y = input('y', 'float64', ['batch', 1]);
    const w1 = input('w1', 'float64', [I, H]);
    const b1 = input('b1', 'float64', [H]);
    const w2 = input('w2', 'float64', [H, 1]);
    const h = relu(linear(x, w1, b1));
    const logit = linear(h, w2);
    const loss = bceWithLogits(logit, y);
    const [gw1, gb1, gw2] = grad(loss, [w1, b1, w2]);
    const model = emitModel({ inputs: [x, y, w1, b1, w2], outputs: { loss, gw1, gb1, gw2, p: sigmoid(logit) } });

    const X = [0.5, -1, 1.5, 0.25, -0.75, 2];
    const Y = [1, 0, 1];
    const W1 = [0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, -0.8];
    const Bb = [0.01, 0.02, -0.03, 0.04];
    const W2 = [0.9, -1.1, 1.2, 0.3];
    const out = await runGraph(model, {
      x: { data: Float64Array.from(X), dims: [B, I] },
      y: { data: Float64Array.from(Y), dims: [B, 1] },
      w1: { data: Float64Array.from(W1), dims: [I, H] },
      b1: { data: Float64Array.from(Bb), dims: [H] },
      w2: { data: Float64Array.from(W2), dims: [H, 1] },
    });

    // Reference by hand.
    let L = 0;
    const gW1 = new Array(I * H).fill(0), gB1 = new Array(H).fill(0), gW2 = new Array(H).fill(0);
    for (let n = 0; n < B; n++) {
      const pre = Array.from({ length: H }, (_, j) => Bb[j] + X[n * I] * W1[j] + X[n * I + 1] * W1[H + j]);
      const hh = pre.map((v) => Math.max(v, 0));
      const z = hh.reduce((s, v, j) => s + v * W2[j], 0);
      L += (Math.max(z, 0) - z * Y[n] + Math.log1p(Math.exp(-Math.abs(z)))) / B;
      const dz = (1 / (1 + Math.exp(-z)) - Y[n]) / B;
      for (let j = 0; j < H; j++) {
        gW2[j] += dz * hh[j];
        const dpre = pre[j] > 0 ? dz * W2[j] : 0;
        gB1[j] += dpre;
        gW1[j] += dpre * X[n * I];
        gW1[H + j] += dpre * X[n * I + 1];
      }
    }
    expect(out.loss.data[0]).toBeCloseTo(L, 12);
    expect([...out.gw1.data as Float64Array].map((v, i) => v - gW1[i]).every((d) => Math.abs(d) < 1e-12)).toBe(true);
    expect([...out.gb1.data as Float64Array].map((v, i) => v - gB1[i]).every((d) => Math.abs(d) < 1e-12)).toBe(true);
    expect([...out.gw2.data as Float64Array].map((v, i) => v - gW2[i]).every((d) => Math.abs(d) < 1e-12)).toBe(true);
    expect(out.gw2.dims).toEqual([H, 1]);
  });

  it('gives zeros for a tensor the loss does not depend on', async () => {
    const a = input('a', 'float32', [2]);
    const unused = input('u', 'float32', [3]);
    const [ga, gu] = grad(reduceSum(a), [a, unused]);
    const out = await runGraph(emitModel({ inputs: [a, unused], outputs: { ga, gu } }), {
      a: { data: Float32Array.from([1, 2]), dims: [2] },
      u: { data: Float32Array.from([1, 2, 3]), dims: [3] },
    });
    expect([...out.ga.data as Float32Array]).toEqual([1, 1]);
    expect([...out.gu.data as Float32Array]).toEqual([0, 0, 0]);
  });
});

describe('grad details', () => {
  it('stops at stopGradient and accumulates over several paths', async () => {
    const { stopGradient, mul, add, exp } = await import('./index');
    const x = input('x', 'float64', [3]);
    // loss = sum(x * stop(x) + exp(x) + x): d/dx = stop(x) + exp(x) + 1 (x used on three paths)
    const loss = reduceSum(add(add(mul(x, stopGradient(x)), exp(x)), x));
    const [gx] = grad(loss, [x]);
    const X = [0.5, -1, 2];
    const out = await runGraph(emitModel({ inputs: [x], outputs: { gx } }), { x: { data: Float64Array.from(X), dims: [3] } });
    [...(out.gx.data as Float64Array)].forEach((v, i) => expect(v).toBeCloseTo(X[i] + Math.exp(X[i]) + 1, 14));
  });
});

describe('vector-Jacobian products', () => {
  it('uses a given seed gradient instead of summing the output', async () => {
    const { mul } = await import('./index');
    const x = input('x', 'float64', [3]);
    const s = input('s', 'float64', [3]);
    const [gx] = grad(mul(x, x), [x], s); // d/dx (x^2) . s = 2 x s
    const out = await runGraph(emitModel({ inputs: [x, s], outputs: { gx } }), {
      x: { data: Float64Array.from([1, 2, 3]), dims: [3] },
      s: { data: Float64Array.from([0.5, -1, 2]), dims: [3] },
    });
    expect([...(out.gx.data as Float64Array)]).toEqual([1, -4, 12]);
  });
});

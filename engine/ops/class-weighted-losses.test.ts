// The class-weighted losses (a run's loss.classWeights): value and gradient against PyTorch on the same
// logits (fixtures/class_weighted_loss.py), the gradient against finite differences, a hand computation,
// and the refusals a wrong weight list gets.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGradients, describeGradcheck } from '../../workers/testing/gradcheck';
import { GraphRunner } from '../../workers/testing/run-graph';
import { grad } from '../autodiff';
import { emitModel } from '../onnx/emit';
import { input, softmaxCrossEntropy } from './builders';
import { classWeightedBce, classWeightedCrossEntropy } from './class-weighted-losses';

interface Case { logits: number[]; labels: number[]; weights: number[]; loss: number; grad: number[] }
const TORCH = JSON.parse(readFileSync(new URL('./fixtures/class_weighted_loss.json', import.meta.url), 'utf8')) as { multiclass: Case; binary: Case };

/** The loss and its gradient with respect to the logits, run in ONNX Runtime (float64). */
async function lossAndGrad(loss: (z: ReturnType<typeof input>, y: ReturnType<typeof input>) => ReturnType<typeof input>, c: Case, classes: number) {
  const n = c.labels.length;
  const z = input('z', 'float64', classes === 1 ? [n, 1] : [n, classes]);
  const y = classes === 1 ? input('y', 'float64', [n, 1]) : input('y', 'int64', [n]);
  const l = loss(z, y);
  const [g] = grad(l, [z]);
  const runner = await GraphRunner.load(emitModel({ inputs: [z, y], outputs: { loss: l, grad: g } }));
  try {
    const out = await runner.run({
      z: { data: Float64Array.from(c.logits), dims: z.shape as number[] },
      y: classes === 1 ? { data: Float64Array.from(c.labels), dims: [n, 1] } : { data: BigInt64Array.from(c.labels, (v) => BigInt(v)), dims: [n] },
    });
    return { loss: Number(out.loss.data[0]), grad: Array.from(out.grad.data as Float64Array) };
  } finally {
    await runner.release();
  }
}

describe('class-weighted cross-entropy', () => {
  it('equals PyTorch cross_entropy(weight=w, reduction="none").mean(), value and gradient', async () => {
    const c = TORCH.multiclass;
    expect(c.weights).toEqual([2, 2, 0.5]); // sklearn's balanced weights of a 2/2/8 split: 12 / (3 · n_c)
    const r = await lossAndGrad((z, y) => classWeightedCrossEntropy(z, y, c.weights), c, 3);
    expect(r.loss).toBeCloseTo(c.loss, 12);
    r.grad.forEach((g, i) => expect(g).toBeCloseTo(c.grad[i], 12));
  });

  it('is the mean of w[y] · (logsumexp(z) − z[y]) by hand, and the unweighted loss with weights 1', async () => {
    const c = TORCH.multiclass;
    const hand = c.labels.reduce((s, y, i) => {
      const z = c.logits.slice(i * 3, i * 3 + 3);
      const lse = Math.log(z.reduce((a, v) => a + Math.exp(v), 0));
      return s + c.weights[y] * (lse - z[y]);
    }, 0) / c.labels.length;
    expect((await lossAndGrad((z, y) => classWeightedCrossEntropy(z, y, c.weights), c, 3)).loss).toBeCloseTo(hand, 12);
    const ones = await lossAndGrad((z, y) => classWeightedCrossEntropy(z, y, [1, 1, 1]), c, 3);
    const plain = await lossAndGrad((z, y) => softmaxCrossEntropy(z, y), c, 3);
    expect(ones.loss).toBeCloseTo(plain.loss, 14);
    // the rare classes' samples pull harder: sample 4 (class 1, weight 2) vs sample 0 (class 2, weight 0.5)
    const weighted = await lossAndGrad((z, y) => classWeightedCrossEntropy(z, y, c.weights), c, 3);
    expect(weighted.grad[4 * 3 + 1] / plain.grad[4 * 3 + 1]).toBeCloseTo(2, 12);
    expect(weighted.grad[0 * 3 + 2] / plain.grad[0 * 3 + 2]).toBeCloseTo(0.5, 12);
  });

  it('gradient matches finite differences', async () => {
    const r = await checkGradients((z, y) => classWeightedCrossEntropy(z, y, [0.4, 3, 1.2, 0.7]), [
      { name: 'z', shape: [5, 4], range: [-3, 3] },
      { name: 'y', shape: [5], dtype: 'int64', data: BigInt64Array.from([1, 0, 3, 1, 2], (v) => BigInt(v)) },
    ]);
    expect(r.maxError, describeGradcheck(r)).toBeLessThan(1e-6);
  });

  it('refuses a weight list that does not match the classes, or a negative weight', () => {
    const z = input('z', 'float32', ['batch', 3]);
    const y = input('y', 'int64', ['batch']);
    expect(() => classWeightedCrossEntropy(z, y, [1, 2])).toThrow(/2 class weights for 3 classes: give one weight per class/);
    expect(() => classWeightedCrossEntropy(z, y, [1, -2, 1])).toThrow(/class weights must be finite and not negative, got -2/);
  });
});

describe('class-weighted binary cross-entropy', () => {
  it('equals PyTorch binary_cross_entropy_with_logits with per-sample weights w[y], value and gradient', async () => {
    const c = TORCH.binary;
    expect(c.weights).toEqual([0.625, 2.5]); // 10 / (2 · 8), 10 / (2 · 2)
    const r = await lossAndGrad((z, y) => classWeightedBce(z, y, c.weights), c, 1);
    expect(r.loss).toBeCloseTo(c.loss, 12);
    r.grad.forEach((g, i) => expect(g).toBeCloseTo(c.grad[i], 12));
    // by hand: w[y] · (log(1 + e^z) − z·y), averaged
    const hand = c.labels.reduce((s, y, i) => s + c.weights[y] * (Math.log1p(Math.exp(c.logits[i])) - c.logits[i] * y), 0) / c.labels.length;
    expect(r.loss).toBeCloseTo(hand, 12);
  });

  it('gradient matches finite differences', async () => {
    const r = await checkGradients((z, y) => classWeightedBce(z, y, [0.3, 4]), [
      { name: 'z', shape: [6, 1], range: [-4, 4] },
      { name: 'y', shape: [6, 1], data: Float64Array.from([0, 1, 0, 0, 1, 0]), constant: true },
    ]);
    expect(r.maxError, describeGradcheck(r)).toBeLessThan(1e-6);
  });

  it('refuses anything but [negative, positive]', () => {
    const z = input('z', 'float32', ['batch', 1]);
    expect(() => classWeightedBce(z, input('y', 'float32', ['batch', 1]), [1, 2, 3])).toThrow(/3 class weights for 2 classes/);
  });
});

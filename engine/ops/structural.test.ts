// Backward rules of matrix products, reductions, shape ops, indexing and losses against central finite
// differences (float64 graphs in ORT): norm-wise relative error <= 1e-6 per input.
import { describe, expect, it } from 'vitest';
import { checkGradients, describeGradcheck, type CheckedInput } from '../../workers/testing/gradcheck';
import type { Tensor } from '../ir/tensor';
import * as b from './builders';

type Case = [string, (...xs: Tensor[]) => Tensor | readonly Tensor[], CheckedInput[]];
const f = (name: string, shape: number[], range?: [number, number]): CheckedInput => ({ name, shape, range });
const i64 = (name: string, shape: number[], values: number[]): CheckedInput => ({
  name, shape, dtype: 'int64', data: BigInt64Array.from(values, (v) => BigInt(v)),
});

const linalg: Case[] = [
  ['matmul [2,3] x [3,4]', b.matmul, [f('a', [2, 3]), f('b', [3, 4])]],
  ['matmul batched with broadcasting [2,1,3,4] x [3,4,5]', b.matmul, [f('a', [2, 1, 3, 4]), f('b', [3, 4, 5])]],
  ['matmul [2,3,4] x [4,5] (shared weight, Gemm backward)', b.matmul, [f('a', [2, 3, 4]), f('b', [4, 5])]],
  ['matmul [3,4] x [2,4,5] (left operand broadcast over the batch)', b.matmul, [f('a', [3, 4]), f('b', [2, 4, 5])]],
  ['matmul [2,1,3,4] x [1,2,4,2] (both batch dims broadcast)', b.matmul, [f('a', [2, 1, 3, 4]), f('b', [1, 2, 4, 2])]],
  ['matmul [5,2,1,3] x [2,3,4] (weight shared over the leading axis: folded into the contraction)', b.matmul, [f('a', [5, 2, 1, 3]), f('b', [2, 3, 4])]],
  ['matmul [3,2,2,4] x [1,2,4,5] (weight with its own 1-axis, shared)', b.matmul, [f('a', [3, 2, 2, 4]), f('b', [1, 2, 4, 5])]],
  ['matmul [3,2,2,4] x [3,1,4,2] (shared over an inner batch axis)', b.matmul, [f('a', [3, 2, 2, 4]), f('b', [3, 1, 4, 2])]],
  ['matmul vector x matrix', b.matmul, [f('a', [3]), f('b', [3, 4])]],
  ['matmul matrix x vector', b.matmul, [f('a', [2, 3]), f('b', [3])]],
  ['linear 2-D with bias (Gemm)', b.linear, [f('x', [4, 3]), f('w', [3, 2]), f('b', [2])]],
  ['linear 3-D with bias', b.linear, [f('x', [2, 3, 4]), f('w', [4, 2]), f('b', [2])]],
  ['gemm transA', (a, w) => b.gemm(a, w, undefined, true, false), [f('a', [3, 2]), f('w', [3, 4])]],
  ['gemm transB with row bias', (a, w, c) => b.gemm(a, w, c, false, true), [f('a', [2, 3]), f('w', [4, 3]), f('c', [1, 4])]],
  ['gemm transA transB', (a, w) => b.gemm(a, w, undefined, true, true), [f('a', [3, 2]), f('w', [4, 3])]],
  ['layerNorm last axis', (x, s, t) => b.layerNorm(x, s, t), [f('x', [2, 3, 4], [-2, 2]), f('s', [4]), f('t', [4])]],
  ['layerNorm over two axes, no bias', (x, s) => b.layerNorm(x, s, undefined, 1, 1e-3), [f('x', [2, 3, 4], [-2, 2]), f('s', [3, 4])]],
];

const reductions: Case[] = [
  ['reduceSum axis 1', (x) => b.reduceSum(x, [1]), [f('x', [2, 3, 4])]],
  ['reduceSum all', (x) => b.reduceSum(x), [f('x', [2, 3])]],
  ['reduceMean axes [0,2] keepdims', (x) => b.reduceMean(x, [0, 2], true), [f('x', [2, 3, 4])]],
  ['reduceMax axis -1', (x) => b.reduceMax(x, -1), [f('x', [3, 5])]],
  ['reduceMax with a tie splits the gradient', (x) => b.reduceMax(x, 1), [{ name: 'x', shape: [2, 3], data: Float64Array.from([0.3, 0.8, 0.8, -1, 0.2, 0.1]) }]],
  ['reduceMax all keepdims', (x) => b.reduceMax(x, undefined, true), [f('x', [3, 4])]],
  ['softmax axis -1', (x) => b.softmax(x), [f('x', [2, 5], [-3, 3])]],
  ['softmax axis 0', (x) => b.softmax(x, 0), [f('x', [4, 3], [-3, 3])]],
  ['logSoftmax', (x) => b.logSoftmax(x, 1), [f('x', [2, 4, 3], [-3, 3])]],
  ['cumsum', (x) => b.cumsum(x, 1), [f('x', [2, 5])]],
  ['cumsum exclusive reverse', (x) => b.cumsum(x, 0, true, true), [f('x', [4, 2])]],
];

const shapes: Case[] = [
  ['reshape', (x) => b.reshape(x, [6, -1]), [f('x', [2, 3, 4])]],
  ['transpose', (x) => b.transpose(x, [2, 0, 1]), [f('x', [2, 3, 4])]],
  ['concat axis 1', (x, y) => b.concat([x, y, x], 1), [f('x', [2, 3]), f('y', [2, 2])]],
  ['slice with negative bounds', (x) => b.slice(x, [1, -3], [3, -1], [0, 2]), [f('x', [4, 3, 5])]],
  ['split', (x) => b.split(x, [1, 2, 3], 1), [f('x', [2, 6])]],
  ['split with an unused part', (x) => b.split(x, [2, 2], 0)[1], [f('x', [4, 3])]],
  ['unsqueeze', (x) => b.unsqueeze(x, [0, 3]), [f('x', [2, 3])]],
  ['squeeze', (x) => b.squeeze(x, [1]), [f('x', [3, 1, 2])]],
  ['squeeze and unsqueeze with negative axes', (x) => b.unsqueeze(b.squeeze(x, [-1]), [-2]), [f('x', [3, 2, 1])]],
  ['expand with a leading new axis and a reshape to rows', (x) => b.reshape(b.expand(x, [2, 1, 4]), [-1, 4]), [f('x', [1, 4])]],
  ['expand [3,1] -> [2,3,4]', (x) => b.expand(x, [2, 3, 4]), [f('x', [3, 1])]],
  ['expandLike (run-time shape)', (x, r) => b.mul(b.expandLike(x, r), r), [f('x', [3, 1]), f('r', [2, 3, 4])]],
  ['reshapeLike (run-time shape)', (x, r) => b.mul(b.reshapeLike(x, r), r), [f('x', [2, 6]), f('r', [3, 4])]],
  ['zerosLike carries no gradient', (x) => b.add(b.zerosLike(x), b.mul(x, x)), [f('x', [4])]],
];

const indexing: Case[] = [
  ['gather rows with repeats (embedding)', (x, i) => b.gather(x, i, 0), [f('x', [4, 3]), i64('i', [2, 2], [0, 2, 2, 1])]],
  ['gather with a scalar index', (x, i) => b.gather(x, i, 0), [f('x', [3, 4]), i64('i', [], [1])]],
  ['gather along axis 1', (x, i) => b.gather(x, i, 1), [f('x', [2, 4, 3]), i64('i', [3], [3, 0, 3])]],
  ['gatherElements', (x, i) => b.gatherElements(x, i, 1), [f('x', [2, 3]), i64('i', [2, 2], [0, 2, 1, 1])]],
  ['topK values', (x) => b.topK(x, 2, 1), [f('x', [3, 5])]],
  ['topK along axis 0', (x) => b.topK(x, 3, 0)[0], [f('x', [4, 2])]],
  ['scatterElements add (updates)', (d, u, i) => b.scatterElements(d, i, u, 0), [f('d', [3, 2]), f('u', [2, 2]), i64('i', [2, 2], [1, 0, 1, 2])]],
];

const losses: Case[] = [
  ['mseLoss', b.mseLoss, [f('p', [4, 2]), f('t', [4, 2])]],
  ['maeLoss', b.maeLoss, [f('p', [5]), f('t', [5])]],
  ['huberLoss', (p, t) => b.huberLoss(p, t, 0.5), [f('p', [6], [-2, 2]), f('t', [6])]],
  ['bceWithLogits', b.bceWithLogits, [f('z', [4, 1], [-5, 5]), f('y', [4, 1], [0, 1])]],
  ['softmaxCrossEntropy', b.softmaxCrossEntropy, [f('z', [3, 4], [-3, 3]), i64('y', [3], [2, 0, 3])]],
  ['dropout in training (fixed mask)', (x) => b.dropout(x, 0.3, 7, true), [f('x', [4, 5])]],
];

for (const [family, cases] of Object.entries({ linalg, reductions, shapes, indexing, losses })) {
  describe(`${family}: backward vs finite differences`, () => {
    it.each(cases)('%s', async (_name, fn, inputs) => {
      const r = await checkGradients(fn, inputs);
      expect(r.maxError, describeGradcheck(r)).toBeLessThan(1e-6);
      expect(Object.keys(r.errors).length).toBeGreaterThan(0);
    });
  });
}

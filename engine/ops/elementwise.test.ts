// Every elementwise op's backward rule against central finite differences (float64, ORT), with
// broadcasting cases. Norm-wise relative error <= 1e-6 per input.
import { describe, expect, it } from 'vitest';
import { checkGradients, describeGradcheck, type CheckedInput } from '../../workers/testing/gradcheck';
import type { Tensor } from '../ir/tensor';
import * as b from './builders';

type Case = [string, (...xs: Tensor[]) => Tensor | readonly Tensor[], CheckedInput[]];
const x = (shape: number[], range?: [number, number]): CheckedInput => ({ name: 'x', shape, range });
const two = (sa: number[], sb: number[], rb?: [number, number]): CheckedInput[] => [
  { name: 'a', shape: sa },
  { name: 'b', shape: sb, range: rb },
];

const cases: Case[] = [
  ['add [3,1,4] + [4]', b.add, two([3, 1, 4], [4])],
  ['add [2,3] + [3,1,1] (both broadcast)', b.add, two([2, 3], [3, 1, 1])],
  ['sub [2,3] - [1,3]', b.sub, two([2, 3], [1, 3])],
  ['mul [2,3] * [1,3]', b.mul, two([2, 3], [1, 3])],
  ['mul [4] * scalar []', b.mul, two([4], [])],
  ['div [2,3] / [3]', b.div, two([2, 3], [3], [0.5, 2])],
  ['pow [2,3] ^ [3]', b.pow, [{ name: 'a', shape: [2, 3], range: [0.5, 2] }, { name: 'b', shape: [3], range: [-1.5, 2.5] }]],
  ['pow by a constant exponent', (a) => b.pow(a, 3), [{ name: 'a', shape: [5], range: [-2, 2] }]],
  ['max [2,3] vs [3]', b.max, two([2, 3], [3])],
  ['min [2,3] vs [2,1]', b.min, two([2, 3], [2, 1])],
  ['neg', b.neg, [x([2, 3])]],
  ['sqrt', b.sqrt, [x([2, 3], [0.5, 2])]],
  ['exp', b.exp, [x([2, 3])]],
  ['log', b.log, [x([2, 3], [0.5, 2])]],
  ['abs', b.abs, [x([7])]],
  ['relu', b.relu, [x([2, 5])]],
  ['sigmoid', b.sigmoid, [x([2, 3], [-4, 4])]],
  ['tanh', b.tanh, [x([2, 3], [-2, 2])]],
  ['softplus (float64 lowering)', b.softplus, [x([2, 4], [-6, 6])]],
  ['erf (float64 lowering)', b.erf, [x([3, 4], [-3, 3])]],
  ['elu (float64 lowering)', (t) => b.elu(t, 0.7), [x([2, 5], [-2, 2])]],
  ['gelu', b.gelu, [x([2, 5], [-3, 3])]],
  ['silu', b.silu, [x([2, 5], [-3, 3])]],
  ['clip', (t) => b.clip(t, -0.5, 0.4), [x([3, 4])]],
  ['clip with only a lower bound', (t) => b.clip(t, -0.2), [x([6])]],
  [
    'where with broadcasting',
    (c, a, bb) => b.where(c, a, bb),
    [{ name: 'c', shape: [2, 3], dtype: 'bool', data: Uint8Array.from([1, 0, 1, 0, 0, 1]) }, { name: 'a', shape: [2, 3] }, { name: 'b', shape: [3] }],
  ],
  [
    'where with a [2,1] condition against [3] and [2,3]',
    (c, a, bb) => b.where(c, a, bb),
    [{ name: 'c', shape: [2, 1], dtype: 'bool', data: Uint8Array.from([1, 0]) }, { name: 'a', shape: [3] }, { name: 'b', shape: [2, 3] }],
  ],
  ['div with both operands broadcast [2,1] / [1,3]', b.div, two([2, 1], [1, 3], [0.5, 2])],
  ['pow broadcast [3,1] ^ [2]', b.pow, [{ name: 'a', shape: [3, 1], range: [0.5, 2] }, { name: 'b', shape: [2] }]],
  ['max with ties splits the gradient', (a) => b.max(a, b.constant([0.5, 0.5, 0.5], 'float64', [3])), [{ name: 'a', shape: [3], data: Float64Array.from([0.2, 0.5, 0.9]) }]],
  ['cast float64 -> float64 chain with compare (no grad through bool)', (a) => b.mul(a, b.cast(b.greater(a, 0), 'float64')), [x([6])]],
  ['identity', b.identity, [x([2, 2])]],
];

describe('elementwise backward vs finite differences', () => {
  it.each(cases)('%s', async (_name, fn, inputs) => {
    const r = await checkGradients(fn, inputs);
    expect(r.maxError, describeGradcheck(r)).toBeLessThan(1e-6);
  });
});

describe('float64 lowerings match the reference functions', () => {
  it('erf in float64 is within 2e-15 relative of math.erf', async () => {
    const { emitModel, input, erf } = await import('../index');
    const { runGraph } = await import('../../workers/testing/run-graph');
    const xs = Float64Array.from([-7, -3.3, -2, -1.999, -0.5, -1e-9, 0, 1e-300, 0.1, 0.7, 1.2, 1.9999, 2, 2.5, 3.7, 5.9, 6, 8, Infinity]);
    // Reference values printed by Python's math.erf (glibc, within 1 ulp); erf(-x) = -erf(x).
    const ref: Record<number, number> = {
      7: 1, 3.3: 0.9999969422902035, 2: 0.9953222650189527, 1.999: 0.9953015566513705, 0.5: 0.5204998778130465,
      1e-9: 1.1283791670955127e-9, 0.1: 0.1124629160182849, 0.7: 0.6778011938374184, 1.2: 0.9103139782296353,
      1.9999: 0.9953201979070294, 2.5: 0.999593047982555, 3.7: 0.9999998328489421, 5.9: 0.9999999999999999, 6: 1, 8: 1,
    };
    const x = input('x', 'float64', [xs.length]);
    const out = await runGraph(emitModel({ inputs: [x], outputs: { y: erf(x) } }), { x: { data: xs, dims: [xs.length] } });
    const y = out.y.data as Float64Array;
    xs.forEach((v, i) => {
      const a = Math.abs(v);
      const want = v === 0 ? 0 : v === 1e-300 ? 1.1283791670955126e-300 : a === Infinity ? Math.sign(v) : Math.sign(v) * ref[a];
      expect(Math.abs(y[i] - want), `erf(${v}) = ${y[i]}, want ${want}`).toBeLessThanOrEqual(2e-15 * Math.abs(want));
    });
  });
});

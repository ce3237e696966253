// Loop and If emitted as ONNX and run in onnxruntime-node, with bodies that capture outer tensors.
import { describe, expect, it } from 'vitest';
import { runGraph } from '../../workers/testing/run-graph';
import { add, emitModel, gather, greater, ifThenElse, input, loop, mul, reduceSum, scalar, shapeOf, sub } from '../index';

describe('loop', () => {
  it('accumulates a sum over a [K, B] tensor with a captured outer tensor, and scans per step', async () => {
    const K = 4, B = 3;
    const xs = input('xs', 'float64', ['K', B]);
    const w = input('w', 'float64', [B]);
    const scaled = mul(w, 2); // computed outside the body and captured by it
    const trips = gather(shapeOf(xs), scalar(0, 'int64'), 0);
    const acc0 = input('acc0', 'float64', [B]);
    const { states, scans } = loop(trips, [acc0], (iter, [acc]) => {
      const row = gather(xs, iter, 0);
      const next = add(acc, mul(row, scaled));
      return { states: [next], scans: [reduceSum(next)] };
    });
    const model = emitModel({ inputs: [xs, w, acc0], outputs: { acc: states[0], sums: scans[0] } });
    const X = Float64Array.from({ length: K * B }, (_, i) => i + 1);
    const W = Float64Array.from([0.5, -1, 2]);
    const out = await runGraph(model, {
      xs: { data: X, dims: [K, B] },
      w: { data: W, dims: [B] },
      acc0: { data: Float64Array.from([10, 20, 30]), dims: [B] },
    });
    const acc = [10, 20, 30];
    const sums: number[] = [];
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < B; j++) acc[j] += X[k * B + j] * W[j] * 2;
      sums.push(acc.reduce((a, b) => a + b, 0));
    }
    expect([...(out.acc.data as Float64Array)]).toEqual(acc);
    expect([...(out.sums.data as Float64Array)]).toEqual(sums);
    expect(out.sums.dims).toEqual([K]);
  });

  it('nests: an inner loop reads a tensor captured two levels out', async () => {
    const base = input('base', 'float32', []);
    const { states } = loop(3, [scalar(0, 'float32')], (_i, [outer]) => {
      const inner = loop(2, [outer], (_j, [v]) => ({ states: [add(v, base)] }));
      return { states: [inner.states[0]] };
    });
    const out = await runGraph(emitModel({ inputs: [base], outputs: { total: states[0] } }), { base: { data: Float32Array.from([1.5]), dims: [] } });
    expect(out.total.data[0]).toBe(9);
  });
});

describe('ifThenElse', () => {
  it('runs the branch the condition picks; branches capture outer tensors', async () => {
    const x = input('x', 'float64', [2]);
    const flag = input('flag', 'float64', []);
    const doubled = mul(x, 2);
    const [y] = ifThenElse(greater(flag, 0), () => [add(doubled, 1)], () => [sub(x, 1)]);
    const model = emitModel({ inputs: [x, flag], outputs: { y } });
    const run = (f: number) => runGraph(model, { x: { data: Float64Array.from([1, 2]), dims: [2] }, flag: { data: Float64Array.from([f]), dims: [] } });
    expect([...((await run(1)).y.data as Float64Array)]).toEqual([3, 5]);
    expect([...((await run(-1)).y.data as Float64Array)]).toEqual([0, 1]);
  });
});

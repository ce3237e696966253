// emitModel: symbolic batch dims, initializers and metadata, float32 native ops, reproducible dropout.
import { describe, expect, it } from 'vitest';
import { runGraph } from '../../workers/testing/run-graph';
import * as e from '../index';
import { onnx } from './proto';
import { maskTable, maskTableLength } from '../ops/random';

const f64 = (v: number[]) => Float64Array.from(v);

describe('emitModel', () => {
  it('keeps symbolic batch dims as dim_param and reduces broadcast gradients whatever the batch', async () => {
    const x = e.input('x', 'float64', ['batch', 3]);
    const bias = e.input('bias', 'float64', [3]);
    const y = e.add(e.reshape(e.mul(x, x), ['batch', 3]), bias);
    const loss = e.reduceMean(e.mul(y, y));
    const [gb, gx] = e.grad(loss, [bias, x]);
    const proto = e.buildModelProto({ inputs: [x, bias], outputs: { loss, gb, gx } });
    expect(proto.graph!.input![0].type!.tensorType!.shape!.dim![0].dimParam).toBe('batch');
    const model = onnx.ModelProto.encode(proto).finish();
    for (const B of [1, 4]) {
      const X = Array.from({ length: B * 3 }, (_, i) => (i - 3) / 4);
      const Bv = [0.1, -0.2, 0.3];
      const out = await runGraph(model, { x: { data: f64(X), dims: [B, 3] }, bias: { data: f64(Bv), dims: [3] } });
      const want = [0, 1, 2].map((j) => {
        let s = 0;
        for (let n = 0; n < B; n++) s += (2 * (X[n * 3 + j] ** 2 + Bv[j])) / (B * 3);
        return s;
      });
      [...(out.gb.data as Float64Array)].forEach((v, j) => expect(v).toBeCloseTo(want[j], 14));
      expect(out.gx.dims).toEqual([B, 3]);
    }
  });

  it('bakes initializers, writes metadata_props, opset 17 and IR version 8', async () => {
    const x = e.input('x', 'float32', ['batch', 2]);
    const w = e.input('w', 'float32', [2, 2]);
    const bytes = e.emitModel({
      inputs: [x],
      outputs: { y: e.matmul(x, w), same: x },
      initializers: [{ tensor: w, data: Float32Array.from([1, 2, 3, 4]) }],
      metadata: { run: 'r1', note: 'gates ✓' },
    });
    const m = onnx.ModelProto.decode(bytes);
    expect([m.opsetImport[0].domain, Number(m.opsetImport[0].version)]).toEqual(['', 17]);
    expect(Number(m.irVersion)).toBe(8);
    expect(m.graph!.input!.map((i) => i.name)).toEqual(['x']);
    expect(m.graph!.initializer!.map((i) => i.name)).toEqual(['w']);
    expect(Object.fromEntries(m.metadataProps.map((p) => [p.key, p.value]))).toEqual({ run: 'r1', note: 'gates ✓' });
    const out = await runGraph(bytes, { x: { data: Float32Array.from([1, 1]), dims: [1, 2] } });
    expect([...(out.y.data as Float32Array)]).toEqual([4, 6]);
    expect([...(out.same.data as Float32Array)]).toEqual([1, 1]);
  });

  it('float32 native Erf/Softplus/Elu/LayerNormalization agree with the float64 lowerings', async () => {
    const build = (dt: 'float32' | 'float64') => {
      const x = e.input('x', dt, [2, 4]);
      const s = e.input('s', dt, [4]);
      const h = e.add(e.add(e.erf(x), e.softplus(x)), e.elu(x, 0.5));
      const y = e.layerNorm(h, s, undefined, -1, 1e-5);
      const loss = e.reduceSum(e.mul(y, e.gelu(x)));
      const [gx, gs] = e.grad(loss, [x, s]);
      return e.emitModel({ inputs: [x, s], outputs: { loss, gx, gs } });
    };
    const X = [-2.5, -1, -0.3, 0, 0.2, 0.9, 1.7, 3];
    const S = [1, 0.5, -0.7, 2];
    const run = (dt: 'float32' | 'float64') => {
      const A = dt === 'float32' ? Float32Array : Float64Array;
      return runGraph(build(dt), { x: { data: A.from(X), dims: [2, 4] }, s: { data: A.from(S), dims: [4] } });
    };
    const [a, b] = await Promise.all([run('float32'), run('float64')]);
    for (const k of ['loss', 'gx', 'gs']) {
      const va = [...(a[k].data as Float32Array)], vb = [...(b[k].data as Float64Array)];
      const err = Math.hypot(...va.map((v, i) => v - vb[i])) / Math.hypot(...vb);
      expect(err, k).toBeLessThan(1e-5);
    }
  });

  // A symbolic size hashes (seed, index) per element; a static one slices a constant mask table.
  for (const [how, dims] of [['hashed, symbolic size', ['n']], ['from the mask table, static size', [20000]]] as const) it(`dropout masks (${how}) are reproducible for a seed, differ across seeds, and keep about 1-p`, async () => {
    const x = e.input('x', 'float32', [...dims]);
    const seed = e.input('seed', 'int64', []);
    const model = e.emitModel({ inputs: [x, seed], outputs: { y: e.dropout(x, 0.25, seed, true) } });
    expect(onnx.ModelProto.decode(model).graph?.node?.some((n) => n.opType === 'Range')).toBe(how.startsWith('hashed'));
    const n = 20000;
    const run = async (s: number) =>
      (await runGraph(model, { x: { data: new Float32Array(n).fill(1), dims: [n] }, seed: { data: BigInt64Array.from([BigInt(s)]), dims: [] } })).y.data as Float32Array;
    const [a, a2, b] = [await run(1), await run(1), await run(2)];
    expect([...a]).toEqual([...a2]);
    const kept = a.filter((v) => v !== 0);
    expect(kept.length / n).toBeGreaterThan(0.74);
    expect(kept.length / n).toBeLessThan(0.76);
    expect(kept.every((v) => Math.abs(v - 1 / 0.75) < 1e-6)).toBe(true);
    let same = 0;
    for (let i = 0; i < n; i++) if ((a[i] === 0) === (b[i] === 0)) same++;
    // Independent masks agree on 0.75^2 + 0.25^2 = 62.5% of the elements.
    expect(same / n).toBeGreaterThan(0.6);
    expect(same / n).toBeLessThan(0.65);
    // Neighbouring elements are not correlated: P(both dropped) ~ p^2.
    let both = 0;
    for (let i = 1; i < n; i++) if (a[i] === 0 && a[i - 1] === 0) both++;
    expect(both / n).toBeGreaterThan(0.055);
    expect(both / n).toBeLessThan(0.07);
    // Nor are elements 64 apart (a row stride), nor consecutive seeds at the same element.
    let strided = 0;
    for (let i = 64; i < n; i++) if (a[i] === 0 && a[i - 64] === 0) strided++;
    expect(strided / n).toBeGreaterThan(0.055);
    expect(strided / n).toBeLessThan(0.07);
    // Nor are the masks of nearby seeds (the next step, or another layer) shifted copies of each other.
    for (const other of [await run(3), await run(1 + 7919)]) {
      let agree = 0;
      for (let i = 0; i < n; i++) if ((a[i] === 0) === (other[i] === 0)) agree++;
      expect(agree / n).toBeLessThan(0.65);
    }
  });

  it('the mask table keeps each value with probability 1-p, at the float64 dtype too', () => {
    const t = maskTable(0.9, maskTableLength(50000), 'float64');
    expect(t.length).toBe(131072);
    const kept = t.filter((v) => v !== 0);
    expect(kept.length / t.length).toBeGreaterThan(0.095);
    expect(kept.length / t.length).toBeLessThan(0.105);
    expect(kept.every((v) => v === 1 / (1 - 0.9))).toBe(true);
  });
});

describe('reshape with several symbolic dims', () => {
  it('moves symbols to new positions using the run-time shape', async () => {
    const x = e.input('x', 'float32', ['b', 2, 's', 3]);
    const t = e.transpose(x, [0, 2, 1, 3]); // [b, s, 2, 3]
    const y = e.reshape(t, ['s', 'b', 6]);
    expect(y.shape).toEqual(['s', 'b', 6]);
    const out = await runGraph(e.emitModel({ inputs: [x], outputs: { y } }), {
      x: { data: Float32Array.from({ length: 2 * 2 * 5 * 3 }, (_, i) => i), dims: [2, 2, 5, 3] },
    });
    expect(out.y.dims).toEqual([5, 2, 6]);
  });
});

describe('concat along a symbolic axis', () => {
  it('splits the gradient with sizes read at run time', async () => {
    const a = e.input('a', 'float64', ['n', 2]);
    const c = e.input('c', 'float64', ['m', 2]);
    const w = e.input('w', 'float64', ['k', 2]);
    const loss = e.reduceSum(e.mul(e.concat([a, c], 0), w));
    const [ga, gc] = e.grad(loss, [a, c]);
    const W = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const out = await runGraph(e.emitModel({ inputs: [a, c, w], outputs: { ga, gc } }), {
      a: { data: f64([0, 0]), dims: [1, 2] },
      c: { data: f64([0, 0, 0, 0]), dims: [2, 2] },
      w: { data: W, dims: [3, 2] },
    });
    expect([...(out.ga.data as Float64Array)]).toEqual([1, 2]);
    expect([...(out.gc.data as Float64Array)]).toEqual([3, 4, 5, 6]);
    expect(e.concat([a, c], 0).shape).toEqual(['n+m', 2]);
  });
});

describe('symbolic products', () => {
  it('flattening different activations over the same symbolic rows gives equal dim names', () => {
    const a = e.input('a', 'float32', ['batch', 96, 32]);
    const g = e.input('g', 'float32', ['batch', 96, 24]);
    expect(e.reshape(a, [-1, 32]).shape).toEqual(['batch*96', 32]);
    expect(e.reshape(g, [-1, 24]).shape).toEqual(['batch*96', 24]);
    expect(e.reshape(a, [-1, 64]).shape).toEqual(['batch*48', 64]);
    expect(e.reshape(a, [-1, 7]).shape).toEqual(['batch*3072/7', 7]);
    expect(e.reshape(e.reshape(a, [-1, 32]), ['batch', 96, 32]).shape).toEqual(['batch', 96, 32]);
  });
});

describe('numerical stability', () => {
  it('bceWithLogits stays finite and exact for huge logits in float32 and float64', async () => {
    for (const dt of ['float32', 'float64'] as const) {
      const A = dt === 'float32' ? Float32Array : Float64Array;
      const z = e.input('z', dt, [4, 1]);
      const y = e.input('y', dt, [4, 1]);
      const loss = e.bceWithLogits(z, y);
      const [gz] = e.grad(loss, [z]);
      const out = await runGraph(e.emitModel({ inputs: [z, y], outputs: { loss, gz } }), {
        z: { data: A.from([100, -100, 100, -100]), dims: [4, 1] },
        y: { data: A.from([1, 0, 0, 1]), dims: [4, 1] },
      });
      // Right answers cost ~0, wrong ones 100 each: mean 50; gradients (sigmoid(z) - y) / 4.
      expect(out.loss.data[0]).toBeCloseTo(50, 4);
      expect([...(out.gz.data as Float32Array)].map((v) => Math.round(v * 4))).toEqual([0, 0, 1, -1]);
    }
  });
});

describe('slices of symbolic tensors', () => {
  it('slices a fixed axis of a batch and pads the gradient back', async () => {
    const x = e.input('x', 'float64', ['batch', 5]);
    const s = e.slice(x, [1], [Infinity], [1]);
    expect(s.shape).toEqual(['batch', 4]);
    const [gx] = e.grad(e.reduceSum(e.mul(s, s)), [x]);
    const out = await runGraph(e.emitModel({ inputs: [x], outputs: { s, gx } }), { x: { data: f64([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), dims: [2, 5] } });
    expect(out.s.dims).toEqual([2, 4]);
    expect([...(out.gx.data as Float64Array)]).toEqual([0, 4, 6, 8, 10, 0, 14, 16, 18, 20]);
  });
});

import { describe, expect, it } from 'vitest';
import { input, reduceSum, mul } from '../ops/builders';
import { emitModel } from '../onnx/emit';
import { init } from './init';
import { linear, mlp } from './layers';
import { assertSameLayout, flatParams, namedParams } from './params';
import { seededRandom } from './random';
import { initialParams, packParams, unpackParams, decayMask } from '../train/pack';

describe('parameter context', () => {
  it('lays parameters out in declaration order, with scoped names, offsets and decay flags', () => {
    const bound = flatParams(input('params', 'float64', [100]), true);
    const x = input('x', 'float64', ['batch', 3]);
    mlp(bound.ctx.scope('body'), x, [4, 2]);
    const layout = bound.layout();
    expect(layout.params.map((p) => [p.name, p.shape, p.offset, p.decay])).toEqual([
      ['body.layer0.w', [3, 4], 0, true],
      ['body.layer0.b', [4], 12, false],
      ['body.layer1.w', [4, 2], 16, true],
      ['body.layer1.b', [2], 24, false],
    ]);
    expect(layout.size).toBe(26);
    expect(bound.tensors.map((t) => t.shape)).toEqual([[3, 4], [4], [4, 2], [2]]);
  });

  it('refuses a name declared twice and a bad shape, saying what to do', () => {
    const { ctx } = namedParams('float32');
    ctx.param('w', [2, 2], init.zeros());
    expect(() => ctx.param('w', [2, 2], init.zeros())).toThrow(/'w' is declared twice.*ctx.scope/);
    expect(() => ctx.param('v', [2, 0], init.zeros())).toThrow(/'v' has shape \[2, 0\]/);
  });

  it('detects two graphs of one model declaring different parameters', () => {
    const a = namedParams('float32');
    a.ctx.param('w', [2, 3], init.zeros());
    const b = namedParams('float32');
    b.ctx.param('w', [3, 2], init.zeros());
    expect(() => assertSameLayout(a.layout(), b.layout(), 'eval')).toThrow(/different parameters in the eval graph.*w\[3,2\] vs w\[2,3\]/);
  });

  it('slices the flat vector so that each parameter sees its own values (run in ORT)', async () => {
    const ort = await import('onnxruntime-node');
    const flat = input('params', 'float64', [24]);
    const bound = flatParams(flat, false);
    const x = input('x', 'float64', [1, 3]);
    linear(bound.ctx.scope('a'), x, 4);
    linear(bound.ctx.scope('b'), x, 2);
    const layout = bound.layout();
    const values = { 'a.w': Array.from({ length: 12 }, (_, i) => i), 'a.b': [100, 101, 102, 103], 'b.w': [1, 2, 3, 4, 5, 6], 'b.b': [-1, -2] };
    const outputs = Object.fromEntries(layout.params.map((p, i) => [p.name, mul(bound.tensors[i], 1)]));
    const bytes = emitModel({ inputs: [flat], outputs: { ...outputs, total: reduceSum(bound.tensors[1]) } });
    const session = await ort.InferenceSession.create(bytes);
    const out = await session.run({ params: new ort.Tensor('float64', packParams(layout, 'float64', values), [layout.size]) });
    expect(Array.from(out['b.w'].data as Float64Array)).toEqual(values['b.w']);
    expect(out['b.w'].dims).toEqual([3, 2]);
    expect(Array.from(out['a.b'].data as Float64Array)).toEqual(values['a.b']);
    expect(Number(out.total.data[0])).toBe(406);
  });
});

describe('initialisation and packing', () => {
  const layout = (() => {
    const b = namedParams('float32');
    b.ctx.param('w', [64, 32], init.torchLinear(64));
    b.ctx.param('b', [32], init.zeros());
    b.ctx.param('e', [500], init.normal(0.5, 1));
    return b.layout();
  })();

  it('draws from the declared distributions, reproducibly per seed', () => {
    const p = initialParams(layout, 'float64', 11);
    const { w, b } = unpackParams(layout, p);
    const e = Array.from(unpackParams(layout, p).e);
    const bound = 1 / Math.sqrt(64);
    expect(Math.max(...w)).toBeLessThanOrEqual(bound);
    expect(Math.min(...w)).toBeGreaterThanOrEqual(-bound);
    expect(Math.max(...w)).toBeGreaterThan(0.9 * bound); // actually spans the range
    expect(Array.from(b).every((v) => v === 0)).toBe(true);
    const mean = e.reduce((s, v) => s + v, 0) / e.length;
    const std = Math.sqrt(e.reduce((s, v) => s + (v - mean) ** 2, 0) / e.length);
    expect(mean).toBeCloseTo(1, 1);
    expect(std).toBeGreaterThan(0.45);
    expect(std).toBeLessThan(0.55);
    expect(initialParams(layout, 'float64', 11)).toEqual(p);
    expect(initialParams(layout, 'float64', 12)).not.toEqual(p);
  });

  it('gives a parameter the same values whatever else the model declares (streams per name)', () => {
    const other = namedParams('float32');
    other.ctx.param('extra', [7], init.normal(1));
    other.ctx.param('w', [64, 32], init.torchLinear(64));
    const a = unpackParams(layout, initialParams(layout, 'float32', 3)).w;
    const b = unpackParams(other.layout(), initialParams(other.layout(), 'float32', 3)).w;
    expect(b).toEqual(a);
  });

  it('builds the weight-decay mask from the layout', () => {
    const mask = decayMask(layout, 'float32');
    expect(mask.subarray(0, 64 * 32).every((v) => v === 1)).toBe(true);
    expect(mask.subarray(64 * 32).every((v) => v === 0)).toBe(true);
  });

  it('names the parameter when packed values are missing or the wrong size', () => {
    expect(() => packParams(layout, 'float32', { w: new Float32Array(2048), b: new Float32Array(32) })).toThrow(/no values for parameter 'e'/);
    expect(() => packParams(layout, 'float32', { w: new Float32Array(3), b: [], e: [] })).toThrow(/'w' needs 2048 values.*got 3/);
  });

  it('has a uniform generator with the right moments', () => {
    const r = seededRandom(1);
    let s = 0, s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) { const u = r.uniform(); s += u; s2 += u * u; }
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(1 / 12, 2);
  });
});

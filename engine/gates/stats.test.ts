// The openness histogram run in ONNX Runtime against a histogram computed in JS with the bin convention
// of engine/gates/stats.ts: bin k holds fl(k/10) ≤ g < fl((k+1)/10) (edges in the model dtype), the last
// bin is closed at 1. Values exactly 0, 1, on every edge and one ulp either side of every edge included.
import { describe, expect, it } from 'vitest';
import type { DType } from '../ir/dtype';
import { seededRandom } from '../nn/random';
import { input } from '../ops/builders';
import { emitModel } from '../onnx/emit';
import { GraphRunner } from '../../workers/testing/run-graph';
import { HIST_BINS, HIST_SAMPLE, opennessStats } from './stats';

/** The reference: compare each value with the edges, as the first version of the histogram did in-graph. */
function jsHistogram(values: ArrayLike<number>, round: (x: number) => number): number[] {
  const edges = Array.from({ length: HIST_BINS }, (_, k) => round((k + 1) / HIST_BINS));
  const counts = new Array<number>(HIST_BINS).fill(0);
  for (let i = 0; i < values.length; i++) {
    const g = values[i];
    const k = edges.findIndex((e, j) => g < e || j === HIST_BINS - 1); // the last bin also holds 1
    counts[k]++;
  }
  return counts.map((c) => c / values.length);
}

/** The float32 (or float64) numbers one ulp below and above x. */
function neighbours(x: number, dtype: DType): number[] {
  if (dtype === 'float32') {
    const f = new Float32Array([x]), u = new Uint32Array(f.buffer);
    const at = (d: number) => { const v = new Uint32Array([u[0] + d]); return new Float32Array(v.buffer)[0]; };
    return x === 0 ? [at(1)] : [at(-1), at(1)];
  }
  const f = new Float64Array([x]), u = new BigUint64Array(f.buffer);
  const at = (d: bigint) => new Float64Array(new BigUint64Array([u[0] + d]).buffer)[0];
  return x === 0 ? [at(1n)] : [at(-1n), at(1n)];
}

async function histogramInGraph(values: Float32Array | Float64Array, dtype: DType, shape: number[]) {
  const g = input('g', dtype, shape);
  const stats = opennessStats({ dtype }, 'gate', g);
  const runner = await GraphRunner.load(emitModel({ inputs: [g], outputs: stats }));
  try {
    const out = await runner.run({ g: { data: values, dims: shape } });
    return { hist: Array.from(out['gate.openness_hist'].data as Float32Array), open: (out['gate.openness'].data as Float32Array)[0] };
  } finally {
    await runner.release();
  }
}

describe('opennessStats histogram', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    it(`equals a JS histogram of the same ${dtype} values, edges and their neighbours included`, async () => {
      const round = dtype === 'float32' ? Math.fround : (x: number) => x;
      const special = [0, 1];
      for (let k = 1; k < HIST_BINS; k++) special.push(round(k / HIST_BINS), ...neighbours(round(k / HIST_BINS), dtype));
      special.push(...neighbours(0, dtype), neighbours(1, dtype)[0]);
      const rng = seededRandom(3, 'stats-test');
      const n = 4 * 60; // [4, 60]: a rank-2 gate, as element gates are
      const values = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = i < special.length ? special[i] : rng.uniform();
      const { hist, open } = await histogramInGraph(values, dtype, [4, 60]);
      const want = jsHistogram(values, round);
      // the special values alone already fill every bin: the comparison is not vacuous
      expect(jsHistogram(values.slice(0, special.length), round).every((f) => f > 0)).toBe(true);
      for (let k = 0; k < HIST_BINS; k++) expect(hist[k]).toBeCloseTo(want[k], dtype === 'float32' ? 6 : 12);
      expect(open).toBeCloseTo(Array.from(values).reduce((a, b) => a + b, 0) / n, 5);
    });
  }

  it('puts 0 in bin 0, each edge k/10 in bin k, 1 in bin 9 (float32)', async () => {
    const values = Float32Array.from([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    const { hist } = await histogramInGraph(values, 'float32', [values.length]);
    const counts = hist.map((f) => Math.round(f * values.length));
    expect(counts).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
  });

  it('estimates a large gate\'s histogram from its first samples (whole samples), its mean from every value', async () => {
    const [batch, width] = [64, 1000];
    const rng = seededRandom(5, 'stats-sample');
    // sample i's values lie in tenth ⌊10·i/64⌋ of [0, 1]: the first k samples fill bins 0–1 only, the
    // whole batch every bin, so the test sees which values were counted
    const values = Float32Array.from({ length: batch * width }, (_, i) => (Math.floor((10 * Math.floor(i / width)) / batch) + rng.uniform()) / 10);
    const { hist, open } = await histogramInGraph(values, 'float32', [batch, width]);
    const k = Math.ceil(HIST_SAMPLE / width);
    expect(k).toBeLessThan(batch);
    const want = jsHistogram(values.slice(0, k * width), Math.fround);
    for (let b = 0; b < HIST_BINS; b++) expect(hist[b]).toBeCloseTo(want[b], 6);
    expect(jsHistogram(values, Math.fround)[0]).not.toBeCloseTo(want[0], 2);
    expect(open).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 4);
  });

  it('counts out-of-range values in the end bins and a NaN in bin 0 instead of failing the step', async () => {
    const values = Float32Array.from([-0.5, -0.05, 1.5, 50, Number.NaN, 0.55]);
    const { hist } = await histogramInGraph(values, 'float32', [values.length]);
    const counts = hist.map((f) => Math.round(f * values.length));
    expect(counts).toEqual([3, 0, 0, 0, 0, 1, 0, 0, 0, 2]);
  });
});

// FinalMLP's multi-head bilinear fusion: values against a direct loop over the formula
// Σ_h o1_hᵀ W_h o2_h, and gradients against finite differences (float64 graphs in ORT).
import { describe, expect, it } from 'vitest';
import { checkGradients, describeGradcheck } from '../../../workers/testing/gradcheck';
import { GraphRunner } from '../../../workers/testing/run-graph';
import { input } from '../../ops/builders';
import { emitModel } from '../../onnx/emit';
import { bilinearFusion } from './gated';

describe('FinalMLP bilinear fusion', () => {
  it('computes Σ_h o1_hᵀ W_h o2_h per row', async () => {
    const [B, h, d1, d2] = [3, 2, 4, 5];
    const o1 = input('o1', 'float64', [B, h * d1]), o2 = input('o2', 'float64', [B, h * d2]), w = input('w', 'float64', [h, d1, d2]);
    const runner = await GraphRunner.load(emitModel({ inputs: [o1, o2, w], outputs: { y: bilinearFusion(o1, o2, w) }, graphName: 'bilinear' }));
    const val = (n: number, k: number) => Float64Array.from({ length: n }, (_, i) => Math.sin(i * k + 0.3));
    const [a, b, W] = [val(B * h * d1, 1.7), val(B * h * d2, 2.3), val(h * d1 * d2, 0.9)];
    const out = await runner.run({ o1: { data: a, dims: [B, h * d1] }, o2: { data: b, dims: [B, h * d2] }, w: { data: W, dims: [h, d1, d2] } });
    expect(out.y.dims).toEqual([B, 1]);
    for (let r = 0; r < B; r++) {
      let want = 0;
      for (let k = 0; k < h; k++) for (let i = 0; i < d1; i++) for (let j = 0; j < d2; j++)
        want += a[r * h * d1 + k * d1 + i] * W[k * d1 * d2 + i * d2 + j] * b[r * h * d2 + k * d2 + j];
      expect(out.y.data[r]).toBeCloseTo(want, 10);
    }
    await runner.release();
  });

  it('backward matches finite differences', async () => {
    const r = await checkGradients((o1, o2, w) => bilinearFusion(o1, o2, w), [
      { name: 'o1', shape: [3, 6] }, { name: 'o2', shape: [3, 4] }, { name: 'w', shape: [2, 3, 2] },
    ]);
    expect(r.maxError, describeGradcheck(r)).toBeLessThan(1e-6);
  });
});

// An evaluation chunk is sized by its input and the forward's intermediates, which ONNX Runtime holds at
// once: a wide DLinear (800 channels) gets chunks whose memory stays near the budget at any lookback, where
// sizing by the input alone let evaluation grow the trainer past 2.5 GB.
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../common/runs/config';
import { activationValuesPerSample, evalChunkRows, EVAL_CHUNK_BYTES, EVAL_CHUNK_MAX } from './eval-chunk';
import { modelFor } from './model-for';

const dlinear = (lookback: number, channels: number) =>
  modelFor(parseRunConfig({ model: { template: 'dlinear', lookback, horizon: 12, channels }, data: { kind: 'dataset', datasetId: 1 } }));

describe('evaluation chunk size', () => {
  it('counts what one more sample adds to the forward (grows with lookback and channels, weights not counted)', () => {
    const a = activationValuesPerSample(dlinear(48, 800)), b = activationValuesPerSample(dlinear(192, 800));
    // DLinear keeps several [L, C] tensors per window (decomposition, its two maps' inputs): a few times the input
    expect(a).toBeGreaterThan(4 * 48 * 800);
    expect(a).toBeLessThan(12 * 48 * 800);
    // the lookback's share grows 4×, the horizon's (12 steps) does not
    expect(b / a).toBeGreaterThan(3);
    expect(b / a).toBeLessThan(4);
    expect(activationValuesPerSample(dlinear(48, 8)) * 100).toBeCloseTo(a, -3);
  });

  it('keeps input + intermediates of a chunk within the budget, and small models at the sample cap', () => {
    for (const L of [48, 192, 336]) {
      const def = dlinear(L, 800);
      const input = (L + 12) * 800 * 4;
      const rows = evalChunkRows(def, input, 'float32');
      const bytes = rows * (input + activationValuesPerSample(def) * 4);
      expect(bytes).toBeLessThanOrEqual(EVAL_CHUNK_BYTES);
      expect((rows + 1) * (input + activationValuesPerSample(def) * 4)).toBeGreaterThan(EVAL_CHUNK_BYTES);
      // float64 runs hold twice the bytes per value: half the rows (give or take one)
      expect(Math.abs(evalChunkRows(def, input * 2, 'float64') - rows / 2)).toBeLessThanOrEqual(1);
    }
    expect(evalChunkRows(dlinear(96, 7), 108 * 7 * 4, 'float32')).toBe(EVAL_CHUNK_MAX);
  });
});

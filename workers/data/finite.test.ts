import { describe, expect, it } from 'vitest';
import { assertFiniteInputs, interpolateGaps } from './finite';

describe('missing numbers in a series and the last check on inputs', () => {
  it('fills gaps linearly in row order, edges with the nearest value', () => {
    expect(Array.from(interpolateGaps([NaN, 1, NaN, NaN, 4, NaN]))).toEqual([1, 1, 2, 3, 4, 4]);
    expect(Array.from(interpolateGaps([2, NaN, 3]))).toEqual([2, 2.5, 3]);
    expect(Array.from(interpolateGaps([5]))).toEqual([5]);
    expect(Array.from(interpolateGaps([NaN, NaN])).every(Number.isNaN)).toBe(true); // nothing to fill from
  });

  it('names the column and the dataset row of a non-finite input', () => {
    const ok = Float32Array.of(1, 2, 3, 4);
    expect(() => assertFiniteInputs(ok, 2, [7, 9], () => 'a', 'numeric')).not.toThrow();
    const bad = Float32Array.of(1, 2, 3, Infinity);
    expect(() => assertFiniteInputs(bad, 2, [7, 9], (j) => ['price', 'qty'][j], 'numeric'))
      .toThrow("column 'qty' gives the model's input 'numeric' the value +Infinity at row 10 of the dataset: fix that value in the file");
    expect(() => assertFiniteInputs(Float32Array.of(0, NaN), 1, null, () => 'b', 'x')).toThrow(/column 'b' .* NaN at row 2 /);
  });
});

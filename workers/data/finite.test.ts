import { describe, expect, it } from 'vitest';
import { assertFiniteInputs, fillGapsForward } from './finite';

describe('missing numbers in a series and the last check on inputs', () => {
  it('fills gaps forward in row order, a leading gap with the first value', () => {
    // a gap takes the value before it, never one after it (that one may be inside a window's horizon)
    expect(Array.from(fillGapsForward([NaN, 1, NaN, NaN, 4, NaN]))).toEqual([1, 1, 1, 1, 4, 4]);
    expect(Array.from(fillGapsForward([2, NaN, 3]))).toEqual([2, 2, 3]);
    expect(Array.from(fillGapsForward([5]))).toEqual([5]);
    expect(Array.from(fillGapsForward([NaN, NaN])).every(Number.isNaN)).toBe(true); // nothing to fill from
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

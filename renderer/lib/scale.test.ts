import { describe, expect, it } from 'vitest';
import { extent, niceTicks, widenFlat } from './scale';

describe('chart scales', () => {
  it('gives a constant series a range at its own scale', () => {
    expect(extent([[0.003, 0.003]])).toEqual([0.003 - 0.0003, 0.003 + 0.0003]);
    expect(extent([[0, 0]])).toEqual([-1, 1]);
    expect(extent([[NaN, 2, Infinity, 5]])).toEqual([2, 5]);
    expect(extent([[]])).toEqual([0, 1]);
  });
  it('picks round tick steps inside the range', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.13, 0.97, 4)).toEqual([0.25, 0.5, 0.75]);
    expect(niceTicks(3, 3)).toEqual([3]);
  });
});

describe('widenFlat', () => {
  it('widens a nearly flat range around its middle and leaves a real range alone', () => {
    const [lo, hi] = widenFlat(0.99999, 1.00001);
    expect(lo).toBeCloseTo(0.9, 9);
    expect(hi).toBeCloseTo(1.1, 9);
    expect(widenFlat(0.5, 0.6)).toEqual([0.5, 0.6]);
    expect(widenFlat(-1e-9, 1e-9)).toEqual([-1e-9, 1e-9]); // around 0 there is no scale to keep
  });
});

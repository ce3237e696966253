import { describe, expect, it } from 'vitest';
import { extent, flatValue, niceDomain, niceTicks, widenFlat } from './scale';

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

describe('flatValue', () => {
  it('gives the one value of a constant or nearly constant chart (its one tick), null for a real range', () => {
    expect(flatValue([[0.003, 0.003, NaN], [0.003]])).toBe(0.003); // a fixed learning rate
    expect(flatValue([[1.384, 1.38401]])).toBeCloseTo(1.384005, 9);
    expect(flatValue([[0.0028, 0.0032]])).toBeNull();
    expect(flatValue([[0, 0]])).toBe(0);
    expect(flatValue([[NaN], []])).toBeNull();
  });
});

describe('niceDomain', () => {
  it('widens a range out to whole tick steps, so its ends sit on or inside the outer ticks', () => {
    // 0.93 over a top tick of 0.9 was the bug: the domain now ends at 1
    expect(niceDomain(0.5, 0.93)).toEqual({ lo: 0.5, hi: 1, ticks: [0.5, 0.6, 0.7, 0.8, 0.9, 1] });
    expect(niceDomain(0.0634, 0.0899)).toEqual({ lo: 0.06, hi: 0.09, ticks: [0.06, 0.07, 0.08, 0.09] });
    expect(niceDomain(-3.2, 7.9)).toEqual({ lo: -5, hi: 10, ticks: [-5, -2.5, 0, 2.5, 5, 7.5, 10] });
    // a range already on ticks stays as it is
    expect(niceDomain(0, 1)).toEqual({ lo: 0, hi: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
  });
  it('leaves a degenerate range alone', () => {
    expect(niceDomain(3, 3)).toEqual({ lo: 3, hi: 3, ticks: [3] });
    expect(niceDomain(NaN, 1).ticks).toEqual([]);
  });
});

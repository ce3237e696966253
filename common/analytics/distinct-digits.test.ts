import { describe, expect, it } from 'vitest';
import { distinctPair } from './distinct-digits';

describe('distinctPair', () => {
  it('adds digits until two different means read differently (audit: "+1.26 (10.2 vs 10.2)")', () => {
    expect(distinctPair(10.2317, 10.1893)).toEqual(['10.23', '10.19']);
    // 10.20 and 10.20 still read alike: as many digits as it takes
    expect(distinctPair(10.2004, 10.1996)).toEqual(['10.2004', '10.1996']);
  });
  it('keeps three significant digits when they already differ, or when the numbers are equal', () => {
    expect(distinctPair(0.31234, 0.12345)).toEqual(['0.312', '0.123']);
    expect(distinctPair(5, 5)).toEqual(['5', '5']);
  });
  it('stops at maxDigits for numbers that differ only beyond it', () => {
    expect(distinctPair(1 + 1e-12, 1)).toEqual(['1', '1']);
  });
});

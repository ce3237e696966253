import { describe, expect, it } from 'vitest';
import { signedChange } from './signed-change';

describe('signedChange (a knockout\'s change beside its bar)', () => {
  it('writes a rise with "+", a fall with its own "-", and no change bare', () => {
    expect(signedChange(0.00532, '0.005320')).toBe('+0.005320');
    expect(signedChange(-0.2, '-0.2000')).toBe('-0.2000');
    expect(signedChange(0, '0.000000')).toBe('0.000000');
  });
  it('keeps a tiny change\'s note, the sign before the number', () => {
    expect(signedChange(2e-7, '0.000000 (< 1e-6)')).toBe('+0.000000 (< 1e-6)');
  });
});

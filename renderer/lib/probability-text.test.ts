// Try it's probabilities: one decimal, and never "100.0 %" or "0.0 %" for a model that is only nearly sure.
import { describe, expect, it } from 'vitest';
import { probabilityText } from './probability-text';

describe('probabilityText', () => {
  it('one decimal in between', () => {
    expect(probabilityText(0.4321)).toBe('43.2 %');
    expect(probabilityText(0.999)).toBe('99.9 %');
    expect(probabilityText(0.001)).toBe('0.1 %');
  });

  it('near certainty reads as near it, not as it: "> 99.9 %", "< 0.1 %"', () => {
    expect(probabilityText(0.9996)).toBe('> 99.9 %');
    expect(probabilityText(1)).toBe('> 99.9 %');
    expect(probabilityText(0.0004)).toBe('< 0.1 %');
    expect(probabilityText(0)).toBe('< 0.1 %');
  });
});

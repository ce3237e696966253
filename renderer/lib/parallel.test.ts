import { describe, expect, it } from 'vitest';
import { axisFor } from './parallel';

describe('parallel coordinates axes', () => {
  it('scales numbers between their min and max', () => {
    const a = axisFor('optimizer.lr', ['0.001', '0.01', '0.0055']);
    expect(a.kind).toBe('number');
    expect(a.position('0.001')).toBe(0);
    expect(a.position('0.01')).toBe(1);
    expect(a.position('0.0055')).toBeCloseTo(0.5, 12);
  });
  it('spreads categories in sorted order; missing values have no position', () => {
    const a = axisFor('gate.kind', ['"sigmoid"', '"glu"', undefined]);
    expect(a.kind).toBe('category');
    expect(a.ticks).toEqual(['"glu"', '"sigmoid"']);
    expect(a.position('"sigmoid"')).toBe(1);
    expect(a.position(undefined)).toBeNull();
  });
});

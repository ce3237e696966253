import { describe, expect, it } from 'vitest';
import { axisFor } from './parallel';

describe('parallel coordinates axes', () => {
  it('scales numbers between their min and max', () => {
    const a = axisFor('optimizer.lr', ['0.001', '0.01', '0.0055']);
    expect(a.kind).toBe('number');
    expect([a.position('0.001'), a.position('0.01'), a.position('0.0055')]).toEqual([0, 1, 0.5]);
  });
  it('spreads categories in sorted order; missing values have no position', () => {
    const a = axisFor('gate.kind', ['"sigmoid"', '"glu"', undefined]);
    expect(a.kind).toBe('category');
    expect(a.ticks).toEqual(['"glu"', '"sigmoid"']);
    expect(a.position('"sigmoid"')).toBe(1);
    expect(a.position(undefined)).toBeNull();
  });
});

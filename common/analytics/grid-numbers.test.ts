import { describe, expect, it } from 'vitest';
import { gridNumbers } from './grid-numbers';

describe('gridNumbers', () => {
  it('writes small values in a shared power of ten that fits a cell (audit: "0.000150.00055" ran together)', () => {
    const g = gridNumbers([[0.00015, 0.00055], [0.0002, 0]]);
    expect(g.exponent).toBe(-4);
    expect(g.unit).toBe('values × 10⁻⁴');
    expect(g.cells).toEqual([['1.5', '5.5'], ['2.0', '0']]);
  });
  it('writes shares of 0.1 and up as they are, two decimals, at most 4 characters', () => {
    const g = gridNumbers([[0.242, 0.758], [1, 0.004]]);
    expect(g.unit).toBeNull();
    expect(g.cells).toEqual([['0.24', '0.76'], ['1.00', '<.01']]);
    expect(Math.max(...g.cells.flat().map((c) => c.length))).toBeLessThanOrEqual(4);
  });
  it('an all-zero grid is zeros, with no unit', () => {
    expect(gridNumbers([[0, 0]])).toEqual({ cells: [['0', '0']], exponent: 0, unit: null });
  });
});

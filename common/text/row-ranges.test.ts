import { describe, expect, it } from 'vitest';
import { parseRows } from './row-ranges';

describe('parseRows', () => {
  it('reads numbers and ranges', () => {
    expect(parseRows('0-3, 9,12')).toEqual([0, 1, 2, 3, 9, 12]);
    expect(parseRows(' 5 ')).toEqual([5]);
  });
  it('says what is wrong', () => {
    expect(parseRows('a')).toMatch(/'a' is not a row number/);
    expect(parseRows('9-3')).toMatch(/backwards/);
    expect(parseRows('0-1000')).toMatch(/at most 200/);
    expect(parseRows('')).toMatch(/at least one/);
  });
});

// The schema table's value ranges: two different ends never print alike (a meter reading around 1.5e9
// printed as '1.500e+9 .. 1.500e+9' hid a range of thousands).
import { describe, expect, it } from 'vitest';
import { rangeText } from './dataset-report';

describe('rangeText', () => {
  it('shows enough digits for different ends to differ, and keeps short forms when they already do', () => {
    expect(rangeText(1500000000.3, 1500005846.2)).toBe('1500000000 .. 1500005846');
    expect(rangeText(1500000000.25, 1500000000.5)).toBe('1500000000.3 .. 1500000000.5');
    expect(rangeText(0.000123451, 0.000123452)).toBe('0.000123451 .. 0.000123452');
    expect(rangeText(4.502, 46.007)).toBe('4.502 .. 46.007');
    expect(rangeText(1.467e9 + 0.5, 1.6e9 + 0.5)).toBe('1.467e+9 .. 1.600e+9');
    expect(rangeText(2.5e9 + 0.5, 2.5e9 + 0.5)).toBe('2.500e+9 .. 2.500e+9');
  });
});

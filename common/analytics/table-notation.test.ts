// The knockout tables' one notation (CLI, gate report, app): fixed decimals for every number, and a
// non-zero number below those decimals keeps its sign and says it is tiny instead of reading as 0.
import { describe, expect, it } from 'vitest';
import { tableNotation } from './table-notation';

describe('tableNotation', () => {
  it('writes a table in 4 decimals, or more (at most 6) for its smallest non-zero number', () => {
    expect([0.9, -0.2, 0.0123].map(tableNotation([0.9, -0.2, 0.0123]))).toEqual(['0.9000', '-0.2000', '0.0123']);
    expect(tableNotation([0.4512, -0.000219])(-0.000219)).toBe('-0.00022'); // two significant digits
    expect(tableNotation([0.5, 0.00042])(0.00042)).toBe('0.00042');
  });

  it('a delta of -2.8e-8 (a mean knockout, audit G6) keeps its sign and reads as below the last decimal, not 0.000000', () => {
    // run 1's stored table: baseline, the mean row's delta and interval, and a real delta beside them
    const values = [0.052319561525103614, -2.7965916561678572e-8, -3.2191475731781213e-8, -2.3780532596405503e-8, 0.0004415501481450021];
    const fmt = tableNotation(values);
    expect(fmt(-2.7965916561678572e-8)).toBe('-0.000000 (< 1e-6)');
    expect(fmt(2.4e-8)).toBe('0.000000 (< 1e-6)');
    expect(fmt(0.0004415501481450021)).toBe('0.000442');
    expect(fmt(0.052319561525103614)).toBe('0.052320');
  });

  it('an exact 0 (or -0) reads 0 in the table decimals, never "-0.000000"', () => {
    const fmt = tableNotation([0.5, 1e-7]);
    expect(fmt(0)).toBe('0.000000');
    expect(fmt(-0)).toBe('0.000000');
    expect(tableNotation([0, 0])(0)).toBe('0.0000');
  });

  it('leaves a non-finite number readable', () => {
    expect(tableNotation([1])(NaN)).toBe('NaN');
    expect(tableNotation([1])(-Infinity)).toBe('-Infinity');
  });
});

describe('tableNotation short: an interval end beside a delta that carries the note', () => {
  it('keeps the sign of a tiny end without the note; numbers it can show read as in the table', () => {
    const fmt = tableNotation([0.05, -3.2e-8, -2.4e-8, 0.0004]);
    expect([fmt.short(-3.2e-8), fmt.short(-2.4e-8)]).toEqual(['-0.000000', '-0.000000']);
    expect(fmt.short(2.4e-8)).toBe('0.000000');
    expect(fmt.short(0.0004)).toBe(fmt(0.0004));
    expect(fmt.short(-0)).toBe('0.000000');
    expect([fmt.note(-3.2e-8), fmt.note(0.0004), fmt.note(0)]).toEqual(['(< 1e-6)', '', '']);
  });
});

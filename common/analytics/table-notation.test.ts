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

describe('tableNotation for a table of tiny or huge numbers (audit O4)', () => {
  it('a regression on a ~3e-4 target (MSE ~4e-10) reads its numbers, not "0.000000 (< 1e-6)" everywhere', () => {
    // `gatelab knockout 8`'s stored table: baseline, top1 value, its delta and interval
    const values = [4.03e-10, 2.11e-9, 1.707e-9, 1.52e-9, 1.9e-9];
    const fmt = tableNotation(values);
    expect(values.map(fmt)).toEqual(['0.403e-9', '2.110e-9', '1.707e-9', '1.520e-9', '1.900e-9']);
    expect(values.map(fmt.note)).toEqual(['', '', '', '', '']);
    expect(fmt(-3.3e-11)).toBe('-0.033e-9');
    expect(fmt(0)).toBe('0');
  });

  it('keeps 2 significant digits of the smallest number (at most 6 mantissa decimals), and the tiny note relative to the table', () => {
    const fmt = tableNotation([5e-4, 2.2e-8]);
    expect([fmt(5e-4), fmt(2.2e-8)]).toEqual(['5.00000e-4', '0.00022e-4']);
    const wide = tableNotation([5e-4, 1e-13]);
    expect(wide(1e-13)).toBe('0.000000e-4 (< 1e-10)');
    expect(wide.short(-1e-13)).toBe('-0.000000e-4');
  });

  it('a huge MSE (2.4e10) is not an 11-digit integer', () => {
    const fmt = tableNotation([2.4e10, 3.1e9, -1.25e9]);
    expect([fmt(2.4e10), fmt(3.1e9), fmt(-1.25e9)]).toEqual(['2.400e+10', '0.310e+10', '-0.125e+10']);
  });

  it('an ordinary table stays in fixed decimals up to 1e6 and from 1e-3', () => {
    expect(tableNotation([0.001, 0.0005])(0.001)).toBe('0.00100');
    expect(tableNotation([999999.5, 1])(1)).toBe('1.0000');
  });
});

// Durations as the Runs table's ETA and the import progress show them: rounding must carry into the
// next unit ("4 min 0 s", not "3 min 60 s").
import { describe, expect, it } from 'vitest';
import { distinctTicks, formatColumn, formatDuration, formatMetric, formatSignedUnits, formatStored, formatUnits } from './format';
import { niceTicks } from './scale';

describe('formatDuration', () => {
  it('carries rounded seconds and minutes into the next unit', () => {
    expect(formatDuration(239.6)).toBe('4 min 0 s');
    expect(formatDuration(59.6)).toBe('1 min 0 s');
    expect(formatDuration(3599.7)).toBe('1 h 0 min');
    expect(formatDuration(7199)).toBe('2 h 0 min');
  });

  it('splits ordinary durations', () => {
    expect(formatDuration(0.4)).toBe('0 s');
    expect(formatDuration(42.2)).toBe('42 s');
    expect(formatDuration(185)).toBe('3 min 5 s');
    expect(formatDuration(3 * 3600 + 25 * 60 + 10)).toBe('3 h 25 min');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(Infinity)).toBe('—');
  });
});

describe('distinctTicks', () => {
  it('gives a flat curve one tick, not five that read the same (audit A11)', () => {
    const ticks = niceTicks(1.38401, 1.38404, 5);
    expect(ticks.length).toBeGreaterThan(1);
    const kept = distinctTicks(ticks);
    expect(kept.map((t) => t.label)).toEqual(['1.384']);
    expect(kept[0].value).toBeGreaterThanOrEqual(1.38401);
  });
  it('keeps ticks that read differently', () => {
    expect(distinctTicks([0, 0.5, 1]).map((t) => t.label)).toEqual(['0', '0.5', '1']);
  });
});

describe('formatRange', () => {
  it('shows enough digits for different ends to read differently, and leaves ordinary ranges as formatValue writes them', async () => {
    const { formatRange } = await import('./format');
    expect(formatRange(1500000000.4, 1500005846.2)).toEqual(['1500000000', '1500005846']);
    expect(formatRange(1500000000.25, 1500000000.75)).toEqual(['1500000000', '1500000001']); // rounded, but told apart
    expect(formatRange(1500000000.21, 1500000000.24)).toEqual(['1500000000.21', '1500000000.24']);
    expect(formatRange(0.12345, 0.12346)).toEqual(['0.12345', '0.12346']);
    expect(formatRange(0.5, 7.25)).toEqual(['0.5', '7.25']);
    expect(formatRange(3, 3)).toEqual(['3', '3']);
    expect(formatRange('2024-01-01', '2024-02-01')).toEqual(['2024-01-01', '2024-02-01']);
  });
});

describe('formatValue: zero has no sign', () => {
  it('writes -0 as "0" (Intl writes "-0"), and keeps the sign of a small number it can show', async () => {
    const { formatValue } = await import('./format');
    expect(formatValue(-0)).toBe('0');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(-1 * 0)).toBe('0');
    expect(formatValue(-2.8e-8)).toBe('-2.80e-8');
    expect(formatValue(-0.5)).toBe('-0.5');
  });
});

describe('Try it numbers in a target\'s units', () => {
  it('shows an actual value as stored, not rounded to 6 digits, with thousands separators', () => {
    expect(formatStored(2561743.93)).toBe('2,561,743.93');
    expect(formatStored(0.1)).toBe('0.1');
    // a float32 target reads at float32's precision, without its float64 tail
    expect(formatStored(Math.fround(0.1))).toBe('0.1');
    expect(formatStored(Math.fround(2561743.93))).toBe('2,561,744');
    expect(formatStored(-1234567.5)).toBe('-1,234,567.5');
    expect(formatStored(0)).toBe('0');
  });

  it('writes a prediction and its signed error alike, with thousands separators', () => {
    expect(formatUnits(2618793.93)).toBe('2,618,790');
    expect(formatSignedUnits(57050)).toBe('+57,050');
    expect(formatSignedUnits(-1234.567891)).toBe('−1,234.57');
    expect(formatSignedUnits(0)).toBe('0');
  });
});

describe('formatColumn (Compare’s test metrics, a ★ on the best)', () => {
  it('writes more digits when two different values would read the same', () => {
    // the walk-through's tie: a gated run and its ablation both read "0.08255", one of them starred
    expect(formatColumn([0.0825521, 0.0828512, 0.0825479])).toEqual(['0.082552', '0.082851', '0.082548']);
  });
  it('keeps the tiles\' four digits (trailing zeros too) when the values read apart, or are equal', () => {
    expect(formatColumn([0.0825521, 0.207, null])).toEqual(['0.08255', '0.2070', '—']);
    expect(formatColumn([0.5, 0.5])).toEqual(['0.5000', '0.5000']);
  });
  it('writes each value as the run\'s result tile does (formatMetric), whole, tiny and large ones too', () => {
    const values = [0.73, 0.7467, 1, 2.5e-5, 12345.6];
    expect(formatColumn(values)).toEqual(values.map(formatMetric));
    expect(formatColumn([0.73, 0.7467])).toEqual(['0.7300', '0.7467']);
  });
  it('keeps trailing zeros when it adds digits, and no exponent from 1000 up', () => {
    expect(formatColumn([0.73, 0.730004, 0.7301])).toEqual(['0.730000', '0.730004', '0.730100']);
    expect(formatColumn([0.730001, 0.730002])).toEqual(['0.730001', '0.730002']);
    expect(formatColumn([12345.6, 12346.1])).toEqual(['12345.6', '12346.1']);
  });
  it('stops at 8 significant digits when values differ only beyond them (null and whole numbers as written)', () => {
    expect(formatColumn([0.1234567812, 0.1234567849, null, 3])).toEqual(['0.12345678', '0.12345678', '—', '3']);
  });
});

describe('formatMetric (a run’s result tiles)', () => {
  it('keeps four significant digits, trailing zeros too, so the tiles read at one precision', () => {
    expect([formatMetric(0.73), formatMetric(0.7467), formatMetric(0.5), formatMetric(0.0123)]).toEqual(['0.7300', '0.7467', '0.5000', '0.01230']);
  });
  it('writes whole numbers, tiny and large values as formatValue does', () => {
    expect([formatMetric(1), formatMetric(0), formatMetric(2.5e-5), formatMetric(12345.6), formatMetric(Number.NaN)]).toEqual(['1', '0', '2.50e-5', '12350', '—']);
  });
});

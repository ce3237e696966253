// Durations as the Runs table's ETA and the import progress show them: rounding must carry into the
// next unit ("4 min 0 s", not "3 min 60 s").
import { describe, expect, it } from 'vitest';
import { distinctTicks, formatDuration } from './format';
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

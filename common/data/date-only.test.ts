// One rule decides whether a datetime column holds dates only, for the app's Schema and `gatelab datasets show`
// (which printed '2021-01-01 00:00 .. 2021-01-05 00:00' for a file of dates while the app wrote the dates alone).
import { describe, expect, it } from 'vitest';
import { DAY_MS, isoDate, mayHoldDatesOnly } from './date-only';

const jan1 = Date.parse('2021-01-01T00:00:00Z');

describe('mayHoldDatesOnly', () => {
  it('is true for ends at midnight and no more distinct times than days (or none counted)', () => {
    expect(mayHoldDatesOnly({ minMs: jan1, maxMs: jan1 + 4 * DAY_MS, distinct: 5 })).toBe(true);
    expect(mayHoldDatesOnly({ minMs: jan1, maxMs: jan1 + 4 * DAY_MS, distinct: 3 })).toBe(true);
    expect(mayHoldDatesOnly({ minMs: jan1, maxMs: jan1, distinct: 1 })).toBe(true);
    expect(mayHoldDatesOnly({ minMs: jan1, maxMs: jan1 + 59 * DAY_MS, distinct: null })).toBe(true);
    // dates before 1970 are dates too
    expect(mayHoldDatesOnly({ minMs: Date.parse('1950-06-01T00:00:00Z'), maxMs: jan1, distinct: undefined })).toBe(true);
  });

  it('is false for hourly data at midnight ends, an end with a time, or no end', () => {
    expect(mayHoldDatesOnly({ minMs: jan1, maxMs: jan1 + 30 * DAY_MS, distinct: 721 })).toBe(false);
    expect(mayHoldDatesOnly({ minMs: jan1, maxMs: jan1 + 2 * DAY_MS, distinct: 4 })).toBe(false);
    expect(mayHoldDatesOnly({ minMs: jan1, maxMs: jan1 + 19 * 3_600_000, distinct: null })).toBe(false);
    expect(mayHoldDatesOnly({ minMs: jan1 - 3_600_000, maxMs: jan1, distinct: null })).toBe(false);
    expect(mayHoldDatesOnly({ minMs: NaN, maxMs: jan1, distinct: null })).toBe(false);
  });

  it("writes an end as its date: '2021-01-05'", () => {
    expect(isoDate(jan1 + 4 * DAY_MS)).toBe('2021-01-05');
  });
});

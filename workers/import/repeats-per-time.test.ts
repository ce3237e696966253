// The import recognises long format by the trainer's rule (about k rows per time), not only by exactly k rows
// per time: a store that opens late or a missed day must not hide the note that a forecasting run pivots the file.
import { describe, expect, it } from 'vitest';
import { repeatsPerTime, repeatsWords } from './repeats-per-time';

const sorted = (counts: number[]) => Float64Array.from(counts.flatMap((c, t) => Array(c).fill(t)));

describe('repeatsPerTime', () => {
  it('every time k times: k, and the words say every time', () => {
    const r = repeatsPerTime(sorted([3, 3, 3, 3]))!;
    expect(r).toEqual({ k: 3, fewest: 3, most: 3, mean: 3, times: 4 });
    expect(repeatsWords(r)).toBe('every time appears 3 times');
  });

  it('5 series where some miss a time: about 5, with the range', () => {
    const r = repeatsPerTime(sorted([4, 5, 5, 5, 4, 5, 5, 5, 5, 5]))!;
    expect(r).toEqual({ k: 5, fewest: 4, most: 5, mean: 4.8, times: 10 });
    expect(repeatsWords(r, 'date')).toBe('each date appears about 5 times (from 4 to 5)');
  });

  it('one series with a few repeated rows, or no repeats: not k per time', () => {
    expect(repeatsPerTime(sorted([1, 1, 2, 1, 1, 1, 2, 1]))).toBeNull();
    expect(repeatsPerTime(sorted(Array(200).fill(1)))).toBeNull();
    expect(repeatsPerTime(new Float64Array(0))).toBeNull();
  });
});

// Try it's refusal of test rows outside the run's test split: it says they are test rows (positions within
// the split, not dataset rows) and which ones can be picked.
import { describe, expect, it } from 'vitest';
import { testRowsRefusal, WINDOWS } from './test-rows-check';

describe('testRowsRefusal', () => {
  it('accepts rows inside the test split', () => {
    expect(testRowsRefusal([0, 5, 119], 120)).toBeNull();
  });

  it('names the test rows outside it and the range to pick from', () => {
    expect(testRowsRefusal([3, 120, 100_000], 120)).toBe('test rows 120, 100000 are outside the test split, which has 120 rows numbered from 0 within the split (not dataset rows or file lines): pick test rows 0–119');
    expect(testRowsRefusal([-1], 1_500)).toBe('test rows -1 are outside the test split, which has 1,500 rows numbered from 0 within the split (not dataset rows or file lines): pick test rows 0–1,499');
    expect(testRowsRefusal([2.5, 9, 10, 11, 12, 13], 1)).toMatch(/^test rows 2\.5, 9, 10, 11, 12, … \(6 in all\) are outside the test split, which has 1 row .*: pick only test row 0$/);
  });

  it('calls a forecasting run\'s test items windows, and says when there is none to pick', () => {
    expect(testRowsRefusal([7], 5, WINDOWS)).toBe('test windows 7 are outside the test split, which has 5 windows numbered from 0 within the split (not dataset rows or file lines): pick test windows 0–4');
    expect(testRowsRefusal([0], 0, WINDOWS)).toBe("test windows 0 are outside the test split: the run's test split has no windows, so there is nothing to try; train a run whose split leaves windows in test");
  });
});

import { describe, expect, it } from 'vitest';
import { startingRows, testCountOf } from './try-start-rows';

describe('Try it: the rows the box starts at', () => {
  it('reads the test count from the run\'s data line, with thousands separators and notes after it', () => {
    expect(testCountOf('fusion: 3,192 train / 399 validation / 1,399 test samples; label: bought = yes is positive')).toBe(1399);
    expect(testCountOf('synthetic: 16,384 train / 2,048 validation / 2,048 test rows')).toBe(2048);
    expect(testCountOf('recsys: 4 train / 1 validation / 1 test samples')).toBe(1);
  });

  it("reads the run detail's split sizes, not the line's words, when the run has them", () => {
    // a line whose words would say 100 test samples (a note quoting another split): the numbers win
    const line = 'fusion: 800 train / 100 validation / 100 test samples; split from a file with 1 / 100 test samples';
    expect(testCountOf({ line, splitSizes: { train: 8, validation: 1, test: 3 } })).toBe(3);
    expect(startingRows(testCountOf({ line, splitSizes: { train: 8, validation: 1, test: 3 } }))).toBe('0-2');
    expect(testCountOf({ line: 'forecasting: 40 train / 6 validation / 6 test windows; 2 channels', splitSizes: { train: 40, validation: 6, test: 0 } })).toBe(0);
  });

  it('an old run without split sizes falls back to its line', () => {
    expect(testCountOf({ line: 'recsys: 4 train / 1 validation / 1 test samples' })).toBe(1);
    expect(testCountOf({ line: 'fusion: 9 train' })).toBeNull();
    expect(testCountOf(null)).toBeNull();
  });

  it('says nothing when the line does not state it (no line yet, or another wording)', () => {
    expect(testCountOf(undefined)).toBeNull();
    expect(testCountOf('fusion: 9 train')).toBeNull();
  });

  it('starts at the first ten, or at every test row of a smaller split', () => {
    expect(startingRows(null)).toBe('0-9');
    expect(startingRows(10)).toBe('0-9');
    expect(startingRows(5_000)).toBe('0-9');
    expect(startingRows(3)).toBe('0-2');
    expect(startingRows(1)).toBe('0');
    expect(startingRows(0)).toBe('0');
  });
});

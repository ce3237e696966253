import { describe, expect, it } from 'vitest';
import { startingRows, testCountOf } from './try-start-rows';

describe('Try it: the rows the box starts at', () => {
  it('reads the test count from the run\'s data line, with thousands separators and notes after it', () => {
    expect(testCountOf('fusion: 3,192 train / 399 validation / 1,399 test samples; label: bought = yes is positive')).toBe(1399);
    expect(testCountOf('synthetic: 16,384 train / 2,048 validation / 2,048 test rows')).toBe(2048);
    expect(testCountOf('recsys: 4 train / 1 validation / 1 test samples')).toBe(1);
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

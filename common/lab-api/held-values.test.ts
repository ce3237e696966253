// The values the lab's positive-value check and the app's Positive class box read from a column's stats:
// the lab refuses only what the stats show, the box also offers an older 0-to-1 number column's two values.
import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from './datasets';
import { heldValues } from './held-values';

const column = (o: Partial<ColumnInfo> & Pick<ColumnInfo, 'type'>): ColumnInfo =>
  ({ name: 'y', role: 'target', modality: null, missing: 0, distinct: null, min: null, max: null, mean: null, std: null, histogram: null, ...o });

describe('heldValues', () => {
  it("a number column's two values when its value counts say two, a category's labels sorted when they are all", () => {
    expect(heldValues(column({ type: 'float', min: 0.5, max: 2, numberValues: { distinct: 2, fractions: true } }))).toEqual(['0.5', '2']);
    expect(heldValues(column({ type: 'categorical', distinct: 3, histogram: { labels: ['b', 'c', 'a'], counts: [1, 1, 1] } }))).toEqual(['a', 'b', 'c']);
    expect(heldValues(column({ type: 'categorical', distinct: 4, histogram: { labels: ['b', 'c', 'a'], counts: [1, 1, 1] } }))).toBeUndefined();
  });

  it('a 0-to-1 number column without value counts: unknown to the lab, its two values with zeroToOneIsTwo (the app)', () => {
    const older = column({ type: 'int', min: 0, max: 1 });
    expect(heldValues(older)).toBeUndefined();
    expect(heldValues(older, { zeroToOneIsTwo: true })).toEqual(['0', '1']);
  });

  it('a 0-to-1 column whose value counts say more than two (0, 0.5, 1: a score to regress) offers no two values', () => {
    const score = column({ type: 'float', min: 0, max: 1, numberValues: { distinct: 3, fractions: true } });
    expect(heldValues(score, { zeroToOneIsTwo: true })).toBeUndefined();
  });
});

// The stats a dataset's columns carry name what their headerless names cannot: Unix seconds (a time, not an
// id) and ratings (a label with a threshold, not an implicit-feedback log).
import { describe, expect, it } from 'vitest';
import { labelThresholdAdvice, ratingAdvice, statsHints } from './stats-hints';

const col = (name: string, type: string, min: number, max: number, distinct: number, role = 'feature') =>
  ({ name, type, role, stats: { min, max, numbers: { distinct, fractions: type === 'float' } } });

describe('statsHints', () => {
  it("reads MovieLens-1M's ratings.dat: column_3 a rating, column_4 Unix seconds; ids are neither", () => {
    const h = statsHints([col('column_1', 'int', 1, 6040, 1001), col('column_2', 'int', 1, 3952, 1001), col('column_3', 'int', 1, 5, 5), col('column_4', 'int', 956703932, 1046454590, 1001)]);
    expect([...h.epochSeconds]).toEqual(['column_4']);
    expect([...h.ratings]).toEqual([['column_3', { min: 1, max: 5, distinct: 5, atLeast: 4 }]]);
  });

  it('half stars and a 1..10 scale are ratings under a rating-like name; a code named otherwise, or few distinct times, are not', () => {
    const h = statsHints([col('stars', 'float', 0.5, 5, 10), col('score', 'int', 1, 10, 10), col('device_type', 'int', 0, 4, 3),
      col('column_5', 'int', 0, 1, 2), col('ts', 'int', 1500000000, 1500000300, 40), col('old', 'int', 1, 5, 5, 'ignore'), { name: 'x', type: 'int', role: 'feature' }]);
    expect([...h.ratings.keys()]).toEqual(['stars', 'score']);
    expect(h.ratings.get('score')!.atLeast).toBe(8);
    expect(h.epochSeconds.size).toBe(0);
  });

  it("Amazon's 'overall' is a rating; only a scale from 0 is told what its 0s become", () => {
    const h = statsHints([col('overall', 'float', 1, 5, 5), col('Book-Rating', 'int', 0, 10, 11)]);
    expect(ratingAdvice('overall', h.ratings.get('overall')!)).toBe("the column 'overall' looks like a rating: 5 values from 1 to 5; to read a rating ≥ 4 as a click, train with --target overall --set positiveAtLeast=4");
    // a name the shell and Python must both read back: quoted for each
    expect(ratingAdvice("Kim's rating", h.ratings.get('Book-Rating')!)).toMatch(/--target 'Kim'\\''s rating' --set positiveAtLeast=8; its 0s then count as ratings below 8, not clicks: .* \(pandas: df = df\[df\['Kim\\'s rating'\] != 0\]\)$/);
  });
});

describe('labelThresholdAdvice', () => {
  it("calls a scale a rating only when its column is named like one: a shop's quantity is no rating", () => {
    expect(labelThresholdAdvice('quantity', ['1', '2', '3', '6'])).toBe(', e.g. 5 (its values run from 1 to 6)');
    expect(labelThresholdAdvice('stars', ['1', '2', '3', '4', '5'])).toBe(', e.g. 4 for a rating from 1 to 5');
    expect(labelThresholdAdvice('overall', ['1', '2', '3', '4', '5'])).toBe(', e.g. 4 for a rating from 1 to 5');
    // the 0s' note is a rating's ("not rated"): a count's 0 is just 0
    expect(labelThresholdAdvice('items', ['0', '1', '2', '4'])).toBe(', e.g. 4 (its values run from 0 to 4)');
  });
});

// Stored statistics are JSON from any earlier import: the checks that read them get the typed fields the
// import writes, and nothing (not a NaN, not a crash) for fields an older dataset lacks or holds otherwise.
import { describe, expect, it } from 'vitest';
import { storedStats } from './stored-stats';

describe('storedStats', () => {
  it('reads the fields an import writes', () => {
    const stats = { count: 99, missing: 1, min: 1, max: 5, mean: 3.5, std: 1, cardinality: null, topValues: null, histogram: null, numbers: { distinct: 5, fractions: false } };
    expect(storedStats(stats)).toEqual({ count: 99, min: 1, max: 5, numbers: { distinct: 5, fractions: false } });
    expect(storedStats({ count: 10, cardinality: 3, min: null, max: null })).toEqual({ count: 10, cardinality: 3 });
  });
  it('leaves out what an older or damaged record lacks', () => {
    expect(storedStats(undefined)).toEqual({});
    expect(storedStats(null)).toEqual({});
    expect(storedStats('{"count": 3}')).toEqual({});
    expect(storedStats({ count: '3', min: NaN, max: Infinity, numbers: { distinct: 4 } })).toEqual({});
    expect(storedStats({ numbers: null, cardinality: 2 })).toEqual({ cardinality: 2 });
  });
  it("reads a boolean's file words, only non-blank strings", () => {
    expect(storedStats({ cardinality: 2, booleanWords: { false: 'no', true: 'yes' } })).toEqual({ cardinality: 2, booleanWords: { false: 'no', true: 'yes' } });
    expect(storedStats({ booleanWords: { false: '  ', true: 'Y' } })).toEqual({ booleanWords: { true: 'Y' } });
    expect(storedStats({ booleanWords: { false: 0, true: null } })).toEqual({});
    expect(storedStats({ booleanWords: 'yes' })).toEqual({});
  });
});

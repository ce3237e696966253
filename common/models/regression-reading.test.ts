// The Models form reads a target as the trainer does: regressesByStats (column statistics only) against
// regressionTarget (every value) on the same columns, and the edges of the auto rule.
import { describe, expect, it } from 'vitest';
import type { DataColumn } from '../data';
import { readingIsGuess, regressesByStats } from './regression-reading';
import { regressionTarget } from './regression-target';

/**
 * A numeric column and the statistics the lab keeps of it, as the importer writes them: 'int' when every
 * value is whole, no distinct count, min, max and 20 equal-width bins (workers/import/column-writer.ts).
 */
function numeric(values: number[]) {
  const col: DataColumn = { values: Float64Array.from(values) };
  const min = Math.min(...values), max = Math.max(...values);
  const counts = new Array<number>(max > min ? 20 : 1).fill(0);
  for (const v of values) counts[Math.min(counts.length - 1, max > min ? Math.floor(((v - min) * 20) / (max - min)) : 0)]++;
  const stats = { type: values.every(Number.isInteger) ? 'int' : 'float', distinct: null, min, max, histogram: { counts } };
  return { col, stats };
}

describe('regressesByStats', () => {
  const cases: [string, number[]][] = [
    ['a price with fractions', Array.from({ length: 50 }, (_, i) => 10 + i * 0.25)],
    ['3 values, one with a fraction', [1, 2, 2.5, 1]],
    ['two values with fractions', [0.5, 1.5, 0.5]],
    ['100 distinct integers (a 1–100 score)', Array.from({ length: 100 }, (_, i) => i + 1)],
    ['101 distinct integers (an age, a count)', Array.from({ length: 101 }, (_, i) => i)],
    ['a 1–5 rating', [1, 2, 3, 4, 5, 3]],
  ];
  for (const task of ['auto', 'classification', 'regression'] as const) {
    it(`agrees with the trainer's regressionTarget under task=${task}`, () => {
      for (const [what, values] of cases) {
        const { col, stats } = numeric(values);
        expect(regressesByStats(stats, { task }), what).toBe(regressionTarget(col, 'y', { task }) !== undefined);
      }
    });
  }

  it('the edges of auto: 100 integers are classes, 101 a number; any fraction with 3 values a number', () => {
    expect(regressesByStats({ type: 'int', distinct: 100 })).toBe(false);
    expect(regressesByStats({ type: 'int', distinct: 101 })).toBe(true);
    expect(regressesByStats({ type: 'float', distinct: 3 })).toBe(true);
    expect(regressesByStats({ type: 'float', distinct: 2 })).toBe(false);
    // typed float by the user over whole numbers (the importer inferred int): still integers, still classes
    expect(regressesByStats({ ...numeric([1, 2, 3, 4, 5]).stats, type: 'float', inferredType: 'int' })).toBe(false);
    // years 1950..2049 are at most 100 classes, whatever the histogram; 1950..2050 read as a number
    expect(regressesByStats(numeric(Array.from({ length: 100 }, (_, i) => 1950 + i)).stats)).toBe(false);
    expect(regressesByStats(numeric(Array.from({ length: 101 }, (_, i) => 1950 + i)).stats)).toBe(true);
  });

  it('never for words, times, a label rule or classification; regression forces any number column', () => {
    expect(regressesByStats({ type: 'categorical', distinct: 500 })).toBe(false);
    expect(regressesByStats({ type: 'text', distinct: 500 }, { task: 'regression' })).toBe(false);
    expect(regressesByStats({ type: 'datetime', distinct: 500 })).toBe(false);
    expect(regressesByStats({ type: 'float', distinct: 500 }, { positiveAtLeast: 4 })).toBe(false);
    expect(regressesByStats({ type: 'float', distinct: 500 }, { task: 'classification' })).toBe(false);
    expect(regressesByStats({ type: 'int', distinct: 5 }, { task: 'regression' })).toBe(true);
    expect(regressesByStats(undefined)).toBe(false);
  });
});

describe('regressesByStats with the importer\'s count of a number column (numberValues)', () => {
  /** The statistics a fresh import keeps: numeric()'s, plus the distinct values (capped at 1,001) and fractions. */
  function counted(values: number[]) {
    const { col, stats } = numeric(values);
    const distinct = new Set(values).size;
    return { col, stats: { ...stats, numberValues: { distinct: Math.min(distinct, 1001), fractions: !values.every(Number.isInteger) } } };
  }
  const statuses = [200, 404, 500, 200, 404, 500, 200];
  // 250 values just above 0 and 250 just below 1: 500 distinct fractions in the first and last of 20 bins
  const twoBins = [...Array.from({ length: 250 }, (_, i) => i / 10_000), ...Array.from({ length: 250 }, (_, i) => 1 - i / 10_000)];
  const cases: [string, number[]][] = [
    ['HTTP statuses {200, 404, 500}', statuses],
    ['500 distinct fractions in 2 histogram bins', twoBins],
    ['a few integers spread wide (1, 2, 500)', [1, 2, 500, 1]],
    ['1,500 distinct integers (above the cap)', Array.from({ length: 1500 }, (_, i) => i)],
    ['two values with fractions', [0.5, 1.5, 0.5]],
    ['a 1–5 rating', [1, 2, 3, 4, 5, 3]],
    ['101 distinct integers', Array.from({ length: 101 }, (_, i) => i)],
  ];
  for (const task of ['auto', 'classification', 'regression'] as const) {
    it(`agrees with the trainer's regressionTarget under task=${task}, where the guess from range and histogram did not`, () => {
      for (const [what, values] of cases) {
        const { col, stats } = counted(values);
        expect(regressesByStats(stats, { task }), what).toBe(regressionTarget(col, 'y', { task }) !== undefined);
      }
    });
  }

  it('statuses classify and two-bin fractions regress, in the form as in the trainer; without the count the guess reads both the other way', () => {
    expect(regressesByStats(counted(statuses).stats)).toBe(false);
    expect(regressionTarget(counted(statuses).col, 'status')).toBeUndefined();
    expect(regressesByStats(counted(twoBins).stats)).toBe(true);
    expect(regressionTarget(counted(twoBins).col, 'score')).toMatchObject({ distinct: 500 });
    // an old dataset's record (no numberValues) falls back to the estimate, and says it is one
    expect(regressesByStats(numeric(statuses).stats)).toBe(true);
    expect(regressesByStats(numeric(twoBins).stats)).toBe(false);
    expect(readingIsGuess(numeric(statuses).stats)).toBe(true);
    expect(readingIsGuess(counted(statuses).stats)).toBe(false);
    expect(readingIsGuess({ type: 'categorical', distinct: 4 })).toBe(false);
  });

  it('fractions decide over the type: a column typed int over fractions, one typed float over whole numbers', () => {
    expect(regressesByStats({ type: 'int', distinct: null, numberValues: { distinct: 3, fractions: true } })).toBe(true);
    expect(regressesByStats({ type: 'float', distinct: null, numberValues: { distinct: 50, fractions: false } })).toBe(false);
    expect(regressesByStats({ type: 'float', distinct: null, numberValues: { distinct: 101, fractions: false } })).toBe(true);
  });
});

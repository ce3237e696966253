// The Models form reads a target as the trainer does: regressesByStats (column statistics only) against
// regressionTarget (every value) on the same columns, and the edges of the auto rule.
import { describe, expect, it } from 'vitest';
import type { DataColumn } from '../data';
import { regressesByStats } from './regression-reading';
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

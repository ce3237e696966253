// The importer counts a number column's distinct values (exactly up to 1,000, then "more") and whether one
// has a fraction, over the values as stored: the facts the trainer reads to classify or regress a fusion
// target. The Models form reads them with the trainer's own rule, so the two agree on a fresh import where
// the old guess from the range and histogram did not (HTTP statuses read as a number, fractions in two
// histogram bins read as classes).
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';
import { lazyDatasetCache } from '../../main/lab/runs/run-pipeline';
import { regressionTarget } from '../../common/models/regression-target';
import { regressesByStats, type TargetStats } from '../../common/models/regression-reading';
import type { ColumnInfo as CachedColumn } from '../../common/dataset-cache';
import { NumberValueCounter } from './number-values';

const { load, cleanup } = textLoader('gatelab-number-values-');
afterAll(cleanup);

const csv = (name: string, values: (number | string)[]) => `${name}\n${values.join('\n')}\n`;
const statsOf = (c: CachedColumn) => c.stats;
/** What the Models form knows of a column: its statistics, with or without the importer's count. */
const formStats = (c: CachedColumn, counted = true): TargetStats => ({
  type: c.type, distinct: c.stats.cardinality, min: c.stats.min, max: c.stats.max, histogram: c.stats.histogram,
  ...(counted && c.stats.numbers ? { numberValues: c.stats.numbers } : {}),
});

/** 250 values in [0, 0.025) and 250 in (0.975, 1]: 500 distinct fractions in the first and last histogram bins. */
const twoBins = [...Array.from({ length: 250 }, (_, i) => i / 10_000), ...Array.from({ length: 250 }, (_, i) => 1 - i / 10_000)];

describe('a number column records its distinct values and fractions', () => {
  it('HTTP statuses {200, 404, 500}: 3 whole values', async () => {
    const r = await load(csv('status', [200, 404, 500, 200, 404, 200]));
    expect(statsOf(r.result.columns[0]).numbers).toEqual({ distinct: 3, fractions: false });
  });

  it('500 distinct fractions that fill only 2 histogram bins', async () => {
    const r = await load(csv('score', twoBins));
    const s = statsOf(r.result.columns[0]);
    expect(s.histogram!.counts.filter((n) => n > 0)).toHaveLength(2);
    expect(s.numbers).toEqual({ distinct: 500, fractions: true });
  });

  it('exact up to 1,000 distinct values; more is recorded as 1,001 ("more than 1,000")', async () => {
    expect(statsOf((await load(csv('count', Array.from({ length: 1000 }, (_, i) => i)))).result.columns[0]).numbers).toEqual({ distinct: 1000, fractions: false });
    expect(statsOf((await load(csv('count', Array.from({ length: 5000 }, (_, i) => i)))).result.columns[0]).numbers).toEqual({ distinct: 1001, fractions: false });
    // a fraction after the cap is still seen
    expect(statsOf((await load(csv('x', [...Array.from({ length: 2000 }, (_, i) => i), 0.5]))).result.columns[0]).numbers).toEqual({ distinct: 1001, fractions: true });
  });

  it('counts the stored values: an imputed mean is a value (with its fraction), missing values and infinities are none', async () => {
    // 1, 2 and a blank: the mean 1.5 fills the blank, and the trainer reads three values, one with a fraction
    const imputed = await load('y,z\n1,a\n2,b\n,c\n', { onInvalid: 'impute' });
    expect(imputed.col('y')).toEqual([1, 2, 1.5]);
    expect(statsOf(imputed.result.columns[0]).numbers).toEqual({ distinct: 3, fractions: true });
    const kept = await load('y,z\n1,a\n2,b\n,c\ninf,d\n-inf,e\n');
    expect(statsOf(kept.result.columns[0]).numbers).toEqual({ distinct: 2, fractions: false });
  });

  it('the user typed int over fractions: the values keep theirs, and the record says so', async () => {
    const r = await load(csv('n', [1, 2, 2.5]), { columnTypes: { n: 'int' } });
    expect(r.result.columns[0].type).toBe('int');
    expect(statsOf(r.result.columns[0]).numbers).toEqual({ distinct: 3, fractions: true });
  });

  it('number and datetime columns (distinct times: the schema table\'s Distinct); categories and booleans record none (their cardinality says it)', async () => {
    const r = await load('when,city,ok,x\n2024-01-01,Oslo,true,1\n2024-01-02,Bergen,false,2\n');
    expect(r.result.columns.map((c) => [c.name, c.type, c.stats.numbers])).toEqual([
      ['when', 'datetime', { distinct: 2, fractions: false }], ['city', 'categorical', undefined], ['ok', 'boolean', undefined], ['x', 'int', { distinct: 2, fractions: false }],
    ]);
  });
});

describe('the form reads a fresh import as the trainer does (task=auto)', () => {
  const cases: [string, (number | string)[], boolean][] = [
    ['HTTP statuses {200, 404, 500}: classes', [200, 404, 500, 200, 404, 500, 200], false],
    ['500 distinct fractions in 2 histogram bins: a number', twoBins, true],
    ['101 distinct whole numbers: a number', Array.from({ length: 101 }, (_, i) => i * 7), true],
    ['1,500 distinct whole numbers (above the cap): a number', Array.from({ length: 1500 }, (_, i) => i), true],
    ['two fractions: binary', [0.5, 1.5, 0.5], false],
  ];
  for (const [what, values, regressed] of cases) {
    it(what, async () => {
      const r = await load(csv('y', values));
      const column = r.result.columns[0];
      // the trainer's reading: every stored value of the column, read as a run reads the cache
      const trainer = regressionTarget(lazyDatasetCache(r.dir).column('y'), 'y') !== undefined;
      expect(trainer).toBe(regressed);
      expect(regressesByStats(formStats(column))).toBe(trainer);
    });
  }

  it('without the count (a dataset imported before it) the form guesses, and the two cases above are where the guess was wrong', async () => {
    const statuses = (await load(csv('y', [200, 404, 500, 200]))).result.columns[0];
    const scores = (await load(csv('y', twoBins))).result.columns[0];
    expect(regressesByStats(formStats(statuses, false))).toBe(true);
    expect(regressesByStats(formStats(scores, false))).toBe(false);
  });
});

describe('NumberValueCounter', () => {
  it('reads Float32 values as stored, block by block', () => {
    const counter = new NumberValueCounter();
    counter.add(Float32Array.from([0.1, 0.1, 0.2]));
    counter.add(Float32Array.from([0.2, NaN, 0.3]));
    expect(counter.result()).toEqual({ distinct: 3, fractions: true });
  });
});

// A feature that alone nearly decides the target is named, with the rule's score beside the majority class
// and the ways to leave it out; a merely useful feature, an id column and a feature the target only
// loosely follows are not. Small synthetic tables, read as the lab reads a cache (codes for categories).
import { describe, expect, it } from 'vitest';
import { findLeaks, leakMessage, type LeakFeature, type LeakTarget } from './leak-check';

/** A deterministic stream in [0, 1) (a fixed LCG), so a "70% useful" feature is 70% in every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const ROWS = 2000;
const rand = random(7);
/** Churned or not (1 in 5 churn). */
const churn = Int32Array.from({ length: ROWS }, () => (rand() < 0.2 ? 1 : 0));
const classes: LeakTarget = { kind: 'classes', column: 'churned', labelOf: (r) => churn[r] };
/** Codes of a category that copies the target on 99% of rows ("account closed"): a leak. */
const closed = Int32Array.from(churn, (c) => (rand() < 0.01 ? 1 - c : c));
/** A number that agrees with the target on 70% of rows: useful, not decisive. */
const tenure = Float64Array.from(churn, (c) => (rand() < 0.7 ? (c ? 1 : 30) : (c ? 30 : 1)) + rand());
/** A customer id per row: a rule on it memorises rows, predicting nothing. */
const ids = Int32Array.from({ length: ROWS }, (_, i) => i);

const feature = (name: string, values: Int32Array | Float64Array, coded: boolean): LeakFeature => ({ name, coded, values: () => values });

describe('findLeaks on a class target', () => {
  it('names a category that alone predicts the target, with its accuracy and the majority class', () => {
    const [found, ...rest] = findLeaks(ROWS, classes, [feature('account closed', closed, true), feature('tenure', tenure, false)]);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ feature: 'account closed', target: 'churned', kind: 'classes', rows: ROWS, sampled: false });
    if (found.kind !== 'classes') throw new Error('a class finding');
    expect(found.accuracy).toBeGreaterThan(0.97);
    expect(found.baseline).toBeCloseTo(0.8, 1);
  });

  it('leaves alone a feature right on 70% of rows, and an id column (row by row it "predicts" only what it memorised)', () => {
    expect(findLeaks(ROWS, classes, [feature('tenure', tenure, false), feature('customer', ids, true), feature('row', Float64Array.from(ids), false)])).toEqual([]);
  });

  it('names a number that decides the target through its bins (a score with a cut-off)', () => {
    const score = Float64Array.from(churn, (c) => (c ? 0.6 : 0) + rand() * 0.4); // churn: 0.6–1.0, the rest 0–0.4
    expect(findLeaks(ROWS, classes, [feature('risk score', score, false)]).map((f) => f.feature)).toEqual(['risk score']);
  });

  it('says it in words with both ways to leave the feature out (the app names the dataset, the command its id)', () => {
    const [found] = findLeaks(ROWS, classes, [feature('account closed', closed, true)]);
    const message = leakMessage(found, { id: 3, name: 'customers' });
    expect(message).toMatch(/^'account closed' alone predicts 'churned' for 9\d(\.\d)?% of 2,000 rows \(majority class: [78]\d%\) and ranks it with AUC 0\.9\d\d: /);
    expect(message).toContain("if account closed is only known after the outcome, it leaks the answer");
    expect(message).toContain("(in the app: Datasets → customers → Schema, set account closed's role to ignore; on the command line: gatelab datasets roles 3 'account closed=ignore')");
  });
});

describe('findLeaks on a number to regress', () => {
  const price = Float64Array.from({ length: ROWS }, () => 10 + 90 * rand());
  const target: LeakTarget = { kind: 'regression', column: 'price', valueOf: (r) => price[r] };

  it('names a number nearly equal to the target (the price with tax) and reports its correlation', () => {
    const withTax = Float64Array.from(price, (p) => p * 1.2 + rand());
    const noisy = Float64Array.from(price, (p) => p + 40 * (rand() - 0.5)); // r ≈ 0.9: a good predictor, no leak
    const found = findLeaks(ROWS, target, [feature('price with tax', withTax, false), feature('list price', noisy, false)]);
    expect(found.map((f) => f.feature)).toEqual(['price with tax']);
    expect(found[0].kind === 'regression' && found[0].pearson).toBeGreaterThan(0.99);
    expect(leakMessage(found[0], { id: 1, name: 'shop' })).toMatch(/^'price with tax' alone nearly determines 'price' over 2,000 rows \(correlation 0\.99\d, R² 0\.9\d\d of a rule on its values alone\)/);
  });

  it('samples a large table instead of reading every row, and says so', () => {
    const rows = 200_000;
    const y = Float64Array.from({ length: rows }, (_, i) => i % 1000);
    const [found] = findLeaks(rows, { kind: 'regression', column: 'y', valueOf: (r) => y[r] }, [feature('copy', Float64Array.from(y, (v) => v * 2 + 0.5), false)]);
    expect(found).toMatchObject({ rows: 50_000, sampled: true });
    expect(leakMessage(found, { id: 1, name: 'big' })).toContain('over 50,000 sampled rows');
  });
});

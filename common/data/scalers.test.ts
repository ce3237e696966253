// The log before a z-score: log1p for a heavy-tailed non-negative column (as runs always had it), the
// signed log sign(x)·log1p(|x|) for a heavy-tailed column with negative values (an account balance around
// 0 with a few huge outliers), and nothing for a column whose |x| is not heavy-tailed (a plain normal).
import { describe, expect, it } from 'vitest';
import { fitPipeline, logScaledColumns, logScaledDescription } from './pipeline';
import { columnSource } from './columns';
import { applyScaler, fitZScore, isHeavyTailed, scaleValue, signedLog, unscaleValue, type ZScoreState } from './scalers';

/** A seeded standard normal (Box-Muller over a 32-bit LCG): the same numbers on every run. */
function normals(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const u = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return (s + 0.5) / 2 ** 32; };
  return Float64Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
}

const N = 5000;
const all = Int32Array.from({ length: N }, (_, i) => i);
/** balance ~ N(0, 50) with 1% of rows at 1e9 (the audit's gen_ctr_neg.py). */
const balance = Float64Array.from(normals(N, 7), (z, i) => (i % 100 === 37 ? 1e9 : 50 * z));
const plainNormal = Float64Array.from(normals(N, 8), (z) => 50 * z);

describe('which columns are logged before their z-score', () => {
  it('a signed column with huge outliers is heavy-tailed (on |x|); a plain normal with negatives is not', () => {
    expect(isHeavyTailed({ values: balance }, all)).toBe(true);
    expect(isHeavyTailed({ values: plainNormal }, all)).toBe(false);
    // two values, however rare the second, are never logged (a ±1 sign flag is linear either way)
    expect(isHeavyTailed({ values: Float64Array.from({ length: N }, (_, i) => (i % 200 === 0 ? -1 : 1)) }, all)).toBe(false);
  });

  it("'auto' fits the signed log on it: ordinary rows spread over the scale instead of all sitting at ≈ −0.1", () => {
    const raw = fitZScore({ values: balance }, all, 'balance', 'never');
    const rawScaled = [-100, -10, 10, 100].map((x) => scaleValue(raw, x));
    // the audit's failure: z-scored raw, every ordinary value is the same number to a model
    expect(Math.max(...rawScaled) - Math.min(...rawScaled)).toBeLessThan(0.01);
    const s = fitZScore({ values: balance }, all, 'balance', 'auto');
    expect(s).toMatchObject({ kind: 'zscore', log1p: true, signed: true });
    const logged = [-100, -10, 10, 100].map((x) => scaleValue(s, x));
    expect(logged[3] - logged[0]).toBeGreaterThan(1);
    expect(logged).toEqual([...logged].sort((a, b) => a - b)); // order kept through 0
    // its mean and std are those of the signed log on the training rows
    const l = Array.from(balance, signedLog);
    const mean = l.reduce((a, b) => a + b, 0) / N;
    expect(s.mean).toBeCloseTo(mean, 10);
    expect(s.std).toBeCloseTo(Math.sqrt(l.reduce((a, b) => a + (b - mean) ** 2, 0) / N), 10);
  });

  it('the signed log is log1p for x ≥ 0, mirrored below 0, keeps NaN, and unscale inverts it on both sides', () => {
    for (const x of [0, 0.5, 3, 1e9]) expect(signedLog(x)).toBe(Math.log1p(x));
    for (const x of [-0.5, -3, -1e9]) expect(signedLog(x)).toBe(-Math.log1p(-x));
    expect(signedLog(NaN)).toBeNaN();
    const s: ZScoreState = { kind: 'zscore', mean: 0.4, std: 2.5, log1p: true, signed: true };
    for (const x of [-1e6, -12.5, -0.25, 0, 0.25, 12.5, 1e6]) expect(unscaleValue(s, scaleValue(s, x)) / (x || 1)).toBeCloseTo(x === 0 ? 0 : 1, 9);
    expect(scaleValue(s, NaN)).toBeNaN();
  });

  it('a non-negative heavy-tailed column keeps plain log1p, and its state has no `signed`', () => {
    const price = Float64Array.from(normals(N, 9), (z) => Math.exp(5 + 3 * z));
    const s = fitZScore({ values: price }, all, 'price', 'auto');
    expect(s.log1p).toBe(true);
    expect(s.signed).toBeUndefined();
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe("a built model re-derives its logs from the names its run stored ('always')", () => {
  // training rows: the first 4,000; the test rows hold negatives that training never saw
  const assignment = Uint8Array.from({ length: N }, (_, i) => (i < 4000 ? 0 : 2));
  const train = Int32Array.from({ length: 4000 }, (_, i) => i);

  it('an old run (a column with no negative training value) reads exactly as it trained: log1p, a test value below 0 as 0', () => {
    const values = Float64Array.from({ length: N }, (_, i) => (i < 4000 ? Math.exp((i % 97) / 8) : -((i % 5) + 1)));
    // what such a run's state was before the signed log existed (scalers.ts then): log1p, negatives as 0
    const log0 = Array.from(train, (r) => Math.log1p(values[r]));
    const mean = log0.reduce((a, b) => a + b, 0) / log0.length;
    const std = Math.sqrt(log0.reduce((a, b) => a + (b - mean) ** 2, 0) / log0.length);
    const fitted = fitPipeline({ steps: [{ transform: 'zscore', column: 'amount', log: 'always' }] }, columnSource(N, { amount: { values } }), assignment);
    const s = fitted.steps[0].state as ZScoreState;
    expect(s).toEqual({ kind: 'zscore', mean: expect.closeTo(mean, 12), std: expect.closeTo(std, 12), log1p: true });
    const scaled = applyScaler(s, { values });
    expect(scaled[4000]).toBeCloseTo(-mean / std, 5); // -1 read as 0, as before
    expect(logScaledDescription(fitted)).toBe('amount (skewed)');
    // and a state stored by an old run (no `signed`) applies log1p with negatives as 0
    expect(scaleValue({ kind: 'zscore', mean: 1, std: 2, log1p: true }, -7)).toBe(-0.5);
  });

  it('a column whose training values include negatives gets the signed log again, and the data line says so', () => {
    const fitted = fitPipeline({ steps: [{ transform: 'zscore', column: 'balance', log: 'always' }, { transform: 'zscore', column: 'plain', log: 'never' }] },
      columnSource(N, { balance: { values: balance }, plain: { values: plainNormal } }), assignment);
    expect(fitted.steps[0].state).toMatchObject({ log1p: true, signed: true });
    expect(logScaledColumns(fitted)).toEqual(['balance']);
    expect(logScaledDescription(fitted)).toBe('balance (skewed, signed log)');
    const auto = fitPipeline({ steps: [{ transform: 'zscore', column: 'balance', log: 'auto' }] }, columnSource(N, { balance: { values: balance } }), assignment);
    expect(auto.steps[0].state).toEqual(fitted.steps[0].state);
  });
});

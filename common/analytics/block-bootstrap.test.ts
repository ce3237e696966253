// The block bootstrap for overlapping forecast windows: on strongly autocorrelated per-window errors
// (as stride-1 windows give: lag-1 autocorrelation 0.995 on ETTm1) independent draws make the interval
// several times too narrow and miss the true mean most of the time; runs of consecutive windows cover it at
// about the nominal rate. On independent errors both bootstraps agree.
import { describe, expect, it } from 'vitest';
import { seededRandom, randomNormal as normal } from '../data/random';
import { drawResample, pairedBootstrap } from './bootstrap';
import { blockFor, intervalMethodWords, sameIntervalMethod } from './interval-method';

/** A stationary AR(1) series of mean `mu`, unit marginal variance, lag-1 autocorrelation `phi`. */
function ar1(n: number, phi: number, mu: number, random: () => number): Float64Array {
  const x = new Float64Array(n);
  let v = normal(random);
  for (let i = 0; i < n; i++) {
    x[i] = mu + v;
    v = phi * v + Math.sqrt(1 - phi * phi) * normal(random);
  }
  return x;
}

const mean = (x: Float64Array, idx: Int32Array) => { let s = 0; for (const i of idx) s += x[i]; return s / idx.length; };

/**
 * Per-window errors of the trained model (`base`, noise shared with the variant) and of the knockout
 * (`base` + an autocorrelated loss of true mean `delta`): the interval is of the knockout's mean loss.
 */
function pair(n: number, phi: number, delta: number, seed: number) {
  const random = seededRandom(seed);
  const base = ar1(n, phi, 1, random);
  const loss = ar1(n, phi, delta, random);
  const variant = base.map((b, i) => b + loss[i]);
  return (which: 'baseline' | 'variant', idx: Int32Array) => mean(which === 'baseline' ? base : variant, idx);
}

const width = (ci: { low: number; high: number }) => ci.high - ci.low;

describe('block bootstrap', () => {
  it('on errors with lag-1 autocorrelation 0.99 its interval is several times wider than independent draws give', () => {
    const n = 4000, metric = pair(n, 0.99, 0.2, 5);
    const independent = pairedBootstrap(n, metric, { seed: 1, resamples: 400 });
    const block = pairedBootstrap(n, metric, { seed: 1, resamples: 400, block: 400 });
    // the long-run sd of an AR(1) mean is sqrt((1+phi)/(1-phi)) ≈ 14 times the independent one
    expect(width(block) / width(independent)).toBeGreaterThan(5);
  });

  it('covers the true mean at about the nominal 95% over repeated series; independent draws do not', () => {
    const n = 1000, phi = 0.9, delta = 0.3, trials = 200;
    let coveredBlock = 0, coveredIndependent = 0;
    for (let t = 0; t < trials; t++) {
      const metric = pair(n, phi, delta, 100 + t);
      const block = pairedBootstrap(n, metric, { seed: t, resamples: 200, block: 100 });
      const independent = pairedBootstrap(n, metric, { seed: t, resamples: 200 });
      if (block.low <= delta && delta <= block.high) coveredBlock++;
      if (independent.low <= delta && delta <= independent.high) coveredIndependent++;
    }
    // binomial sd of a 95% rate over 200 trials is 1.5 points; a block bootstrap runs a little under nominal
    expect(coveredBlock / trials).toBeGreaterThan(0.85);
    expect(coveredBlock / trials).toBeLessThanOrEqual(1);
    // independent draws: sd too small by sqrt((1+phi)/(1-phi)) ≈ 4.4, so ~35% coverage
    expect(coveredIndependent / trials).toBeLessThan(0.6);
  });

  it('agrees with independent draws on independent errors', () => {
    const n = 3000, metric = pair(n, 0, 0.1, 9);
    const independent = pairedBootstrap(n, metric, { seed: 2, resamples: 1000 });
    const block = pairedBootstrap(n, metric, { seed: 2, resamples: 1000, block: 50 });
    expect(width(block) / width(independent)).toBeGreaterThan(0.85);
    expect(width(block) / width(independent)).toBeLessThan(1.15);
    expect((block.low + block.high) / 2).toBeCloseTo((independent.low + independent.high) / 2, 1);
  });

  it('is reproducible with its seed; block 1 draws exactly the independent resamples', () => {
    const n = 500, metric = pair(n, 0.9, 0.1, 3);
    expect(pairedBootstrap(n, metric, { seed: 4, block: 20 })).toEqual(pairedBootstrap(n, metric, { seed: 4, block: 20 }));
    expect(pairedBootstrap(n, metric, { seed: 4, block: 20 })).not.toEqual(pairedBootstrap(n, metric, { seed: 5, block: 20 }));
    expect(pairedBootstrap(n, metric, { seed: 4, block: 1 })).toEqual(pairedBootstrap(n, metric, { seed: 4 }));
  });

  it('draws runs of consecutive indices that wrap past the end, the last run cut to fit', () => {
    const draws = [0.95, 0.1, 0.5];
    const idx = new Int32Array(10);
    drawResample(idx, 10, 4, () => draws.shift()!);
    expect([...idx]).toEqual([9, 0, 1, 2, 1, 2, 3, 4, 5, 6]);
  });

  it('refuses a block longer than the samples or not a whole number', () => {
    const metric = pair(10, 0, 0, 1);
    expect(() => pairedBootstrap(10, metric, { block: 11 })).toThrow('bootstrap block length must be a whole number from 1 to the 10 samples (got 11)');
    expect(() => pairedBootstrap(10, metric, { block: 2.5 })).toThrow(/got 2.5/);
  });
});

describe('interval method', () => {
  it('runs as long as lookback + horizon, capped at a quarter of a short test part', () => {
    expect(blockFor(11_089, 432)).toEqual({ kind: 'block', block: 432, span: 432 });
    expect(blockFor(1000, 432)).toEqual({ kind: 'block', block: 250, span: 432 });
    expect(blockFor(3, 432)).toEqual({ kind: 'block', block: 1, span: 432 });
  });

  it('words the interval for the CLI, the app and the report', () => {
    expect(intervalMethodWords(blockFor(11_089, 432), 0.95, 11_089)).toBe('95% interval: block bootstrap over runs of 432 consecutive windows (windows overlap)');
    expect(intervalMethodWords(blockFor(1000, 432), 0.95, 1000)).toBe(
      '95% interval: block bootstrap over runs of 250 consecutive windows (windows overlap; lookback + horizon is 432, capped at a quarter of the 1,000 test windows, so the interval may still be too narrow)');
    expect(intervalMethodWords({ kind: 'independent' }, 0.9, 400)).toBe('90% interval: paired bootstrap over independent test samples');
    // a table stored before the block bootstrap was drawn independently
    expect(intervalMethodWords(undefined, 0.95, 400)).toBe('95% interval: paired bootstrap over independent test samples');
  });

  it('tells tables resampled alike from those that are not (a stored table without a method was independent)', () => {
    expect(sameIntervalMethod(undefined, { kind: 'independent' })).toBe(true);
    expect(sameIntervalMethod(undefined, blockFor(11_089, 432))).toBe(false);
    expect(sameIntervalMethod(blockFor(11_089, 432), { kind: 'block', block: 432, span: 432 })).toBe(true);
    expect(sameIntervalMethod(blockFor(11_089, 432), blockFor(1000, 432))).toBe(false);
  });
});

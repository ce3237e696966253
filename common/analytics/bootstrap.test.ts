import { describe, expect, it } from 'vitest';
import { seededRandom } from '../data/random';
import { pairedBootstrap, percentile } from './bootstrap';
import { summarizeFlops } from './compute';
import { allInterventions, Intervention } from './knockout';
import { featureImportanceCsv, rankFeatures } from './report';

// accuracy of 0/1 correctness vectors on resampled indices
const acc = (correct: Uint8Array) => (idx: Int32Array) => { let s = 0; for (const i of idx) s += correct[i]; return s / idx.length; };

describe('paired bootstrap', () => {
  const n = 500;
  const r = seededRandom(3);
  const base = Uint8Array.from({ length: n }, () => (r() < 0.8 ? 1 : 0));
  // the variant is wrong on 10% more samples: those base got right, chosen at random
  const variant = base.map((c) => (c && r() < 0.125 ? 0 : c));
  const metric = (which: 'baseline' | 'variant', idx: Int32Array) => acc(which === 'baseline' ? base : variant)(idx);

  it('is reproducible with a seed and changes with another seed', () => {
    const a = pairedBootstrap(n, metric, { seed: 42 });
    const b = pairedBootstrap(n, metric, { seed: 42 });
    const c = pairedBootstrap(n, metric, { seed: 43 });
    expect(a).toEqual(b);
    expect([c.low, c.high]).not.toEqual([a.low, a.high]);
    expect(a.resamples).toBe(1000);
  });

  it('covers the true delta and excludes 0 for a real effect; includes 0 for none', () => {
    const delta = acc(variant)(Int32Array.from({ length: n }, (_, i) => i)) - acc(base)(Int32Array.from({ length: n }, (_, i) => i));
    const ci = pairedBootstrap(n, metric, { seed: 1 });
    expect(ci.low).toBeLessThan(delta);
    expect(ci.high).toBeGreaterThan(delta);
    expect(ci.high).toBeLessThan(0);
    // analytic sd of a paired difference of flips: sqrt(p(1-p)/n), p = share of flipped samples
    const p = -delta;
    expect(ci.high - ci.low).toBeCloseTo(2 * 1.96 * Math.sqrt((p * (1 - p)) / n), 2);
    const same = pairedBootstrap(n, (_w, idx) => acc(base)(idx), { seed: 1 });
    expect([same.low, same.high]).toEqual([0, 0]);
  });

  it('percentile interpolates like numpy', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10, 20, 30], 0.975)).toBeCloseTo(29.5);
  });
});

describe('analytics contracts', () => {
  it('summarizes per-sample FLOPs with nearest-rank percentiles', () => {
    const s = summarizeFlops([100, 100, 100, 200, 400, 100, 100, 100, 100, 400], 400);
    expect(s).toEqual({ dense: 400, mean: 170, p50: 100, p95: 400, saved: 1 - 170 / 400 });
  });

  it('expands every gate into its knockouts', () => {
    const all = allInterventions([{ gate: 'gate1', kind: 'gate', shape: [12] }, { gate: 'router', kind: 'router', shape: [3] }]);
    expect(all.map((i) => `${i.gate}:${i.mode}${i.expert ?? ''}`)).toEqual([
      'gate1:open', 'gate1:closed', 'gate1:mean', 'router:uniform', 'router:top1', 'router:single0', 'router:single1', 'router:single2', 'router:mean',
    ]);
    expect(() => Intervention.parse({ gate: 'router', mode: 'single' })).toThrow(/expert index/);
  });

  it('ranks features and writes the importance CSV', () => {
    const features = rankFeatures(['user', 'item, id', 'hour'], [0.2, 0.9, 0.5]);
    expect(features.map((f) => f.rank)).toEqual([3, 1, 2]);
    expect(featureImportanceCsv({ featureGates: [{ gate: 'gate1', features }] })).toBe(
      'gate,feature,mean_gate,rank\ngate1,user,0.2,3\ngate1,"item, id",0.9,1\ngate1,hour,0.5,2\n');
  });
});

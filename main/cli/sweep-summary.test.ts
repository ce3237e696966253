// `gatelab sweep`'s summary by setting: runs pooled by config but seed, n, mean ± sample std (n − 1) of each
// test metric, the best setting marked; checked against the single runs' stored test metrics of a real sweep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { openLabStore } from '../lab/store/index';
import { labPaths } from '../lab/home';
import { lastMetrics } from '../lab/runs/run-report';
import { sweepSummary, sweepSummaryText, type SweepSummary } from './sweep-summary';
import { labHomeWithDemos } from '../lab/testing/lab-home';

describe('sweepSummary', () => {
  it('pools runs by config but seed and name; mean and sample std per metric; best by mean test loss', () => {
    const run = (id: number, lr: number, seed: number, test: Record<string, number>) => ({ id, config: { name: `r${id}`, seed, optimizer: { lr }, model: { template: 'demo-gated' } }, test });
    const s = sweepSummary([
      run(1, 0.1, 1, { loss: 0.5, accuracy: 0.7 }), run(2, 0.1, 2, { loss: 0.7, accuracy: 0.8 }),
      run(3, 0.01, 1, { loss: 0.4, accuracy: 0.6 }), run(4, 0.01, 2, { loss: 0.4, accuracy: 0.9 }), run(5, 0.01, 3, {}),
    ]);
    expect(s.rankedBy).toBe('loss');
    expect(s.settings.map((x) => [x.setting, x.runs, x.n, x.best])).toEqual([[{ 'optimizer.lr': 0.1 }, [1, 2], 2, false], [{ 'optimizer.lr': 0.01 }, [3, 4, 5], 2, true]]);
    expect(s.settings[0].test.loss.mean).toBeCloseTo(0.6, 12);
    expect(s.settings[0].test.loss.std).toBeCloseTo(Math.sqrt(0.02), 12); // (0.01 + 0.01) / (2 − 1)
    expect(s.settings[1].test.accuracy.std).toBeCloseTo(Math.sqrt(0.045), 12);
    expect(sweepSummaryText(s).split('\n').slice(1)).toEqual([
      '  optimizer.lr=0.1   n=2  accuracy 0.7500 ± 0.0707  loss 0.6000 ± 0.1414',
      '★ optimizer.lr=0.01  n=2 of 3 runs  accuracy 0.7500 ± 0.2121  loss 0.4000 ± 0.0000',
    ]);
  });

  it('a metric where higher is better ranks the other way; no test metrics at all says so', () => {
    const s = sweepSummary([{ id: 1, config: { a: 1 }, test: { auc: 0.6 } }, { id: 2, config: { a: 2 }, test: { auc: 0.8 } }]);
    expect([s.rankedBy, s.lowerIsBetter, s.settings.map((x) => x.best)]).toEqual(['auc', false, [false, true]]);
    expect(sweepSummaryText(sweepSummary([{ id: 1, config: {}, test: {} }]))).toBe('summary by setting: no run has test metrics (none completed)');
  });

  it("names macro-F1 as train and show do, in its lines and as the ranking metric; the summary's keys stay f1", () => {
    const s = sweepSummary([{ id: 1, config: { a: 1 }, test: { f1: 0.4 } }, { id: 2, config: { a: 2 }, test: { f1: 0.7 } }]);
    expect(Object.keys(s.settings[0].test)).toEqual(['f1']);
    expect(s.rankedBy).toBe('f1');
    expect(sweepSummaryText(s).split('\n')).toEqual([
      "summary by setting: mean ± std (sample, n−1) over each setting's runs of its test metrics; ★ the best mean test f1 (macro) (higher is better)",
      '  a=1  n=1  f1 (macro) 0.4000 ± —',
      '★ a=2  n=1  f1 (macro) 0.7000 ± —',
    ]);
  });
});

describe('the mean baseline of a regression sweep', () => {
  it("stands beside each setting's r2 and rmse, averaged over its runs (r2 only when each has it); a classifier's has none", () => {
    const b = (rmse: number, r2?: number) => ({ mean: 100, mse: rmse * rmse, mae: rmse / 2, rmse, ...(r2 === undefined ? {} : { r2 }) });
    const run = (id: number, lr: number, test: Record<string, number>, regressionBaseline: ReturnType<typeof b> | null) =>
      ({ id, config: { seed: id, optimizer: { lr } }, test, regressionBaseline });
    const s = sweepSummary([
      run(1, 0.1, { loss: 0.6, r2: 0.40, rmse: 3.0 }, b(4.8, -0.002)), run(2, 0.1, { loss: 0.5, r2: 0.42, rmse: 2.9 }, b(5.0, -0.004)),
      run(3, 0.01, { loss: 0.7, mse: 9 }, b(5.0)), run(4, 0.01, {}, b(7)), // run 4 has no test metrics: its baseline is not averaged
    ]);
    expect(s.settings.map((x) => x.regressionBaseline)).toEqual([{ mean: 100, mse: (4.8 ** 2 + 25) / 2, mae: 2.45, rmse: 4.9, r2: -0.003 }, b(5.0)]);
    expect(sweepSummaryText(s).split('\n').slice(1)).toEqual([
      '★ optimizer.lr=0.1   n=2  loss 0.5500 ± 0.0707  r2 0.4100 ± 0.0141  rmse 2.9500 ± 0.0707  (mean baseline r2 -0.0030 rmse 4.9)',
      '  optimizer.lr=0.01  n=1 of 2 runs  loss 0.7000 ± —  mse 9.0000 ± —', // no r2 or rmse column: nothing to read the baseline against
    ]);
    expect(sweepSummary([{ id: 1, config: {}, test: { accuracy: 0.9 } }]).settings[0].regressionBaseline).toBeNull();
  });
});

describe('gatelab sweep prints the summary', () => {
  let home: string;
  // demos recorded, none made: this test needs none
  beforeAll(async () => { home = await labHomeWithDemos([], 'gatelab-sweep-summary-'); });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('per setting, the mean and sample std of its runs\' stored test metrics; --json: in the last line\'s object', async () => {
    const file = join(home, 'lr.json');
    writeFileSync(file, JSON.stringify({ name: 'lr', seeds: 2, config: { data: { kind: 'synthetic', samples: 512 }, batchSize: 64, epochs: 1, maxSteps: 3 }, sweep: { kind: 'grid', params: { 'optimizer.lr': [0.001, 0.05] } } }));
    const r = await gatelab(['sweep', file, '--home', home, '--json']);
    expect(r.code).toBe(0);
    const { runs, summary } = JSON.parse(r.out.trim().split('\n').at(-1)!) as { runs: Array<{ run: number }>; summary: SweepSummary };
    expect(runs).toHaveLength(4);
    expect(summary.settings).toHaveLength(2);
    const store = openLabStore(labPaths(home).database);
    try {
      for (const setting of summary.settings) {
        expect(setting.runs).toHaveLength(2);
        expect(setting.n).toBe(2);
        const lr = store.runs.get(setting.runs[0])!.config as { optimizer: { lr: number } };
        expect(setting.setting).toEqual({ 'optimizer.lr': lr.optimizer.lr });
        const [a, b] = setting.runs.map((id) => lastMetrics(store, id, 'test.'));
        expect(Object.keys(setting.test).sort()).toEqual(Object.keys(a).sort());
        for (const name of Object.keys(a)) {
          // two runs: mean (a+b)/2, sample std |a−b|/√2
          expect(setting.test[name].mean).toBeCloseTo((a[name] + b[name]) / 2, 12);
          expect(setting.test[name].std).toBeCloseTo(Math.abs(a[name] - b[name]) / Math.SQRT2, 12);
        }
      }
      const means = summary.settings.map((x) => x.test.loss.mean);
      expect(summary.settings.map((x) => x.best)).toEqual(means.map((m) => m === Math.min(...means)));
    } finally {
      store.close();
    }
    const text = await gatelab(['sweep', file, '--home', home]);
    expect(text.out).toMatch(/summary by setting: mean ± std \(sample, n−1\) over each setting's runs of its test metrics; ★ the best mean test loss \(lower is better\)\n[★ ] optimizer\.lr=0\.001 +n=2 +accuracy /);
    // the demo model is a binary classifier: its macro-F1 is named so in the text, stored as f1 in --json
    expect(Object.keys(summary.settings[0].test)).toContain('f1');
    expect(text.out).toMatch(/\n[★ ] optimizer\.lr=0\.001 .* f1 \(macro\) \d\.\d{4} ± \d\.\d{4} /);
  }, 120_000);
});

// The CLI's knockout table keeps the ids --gate/--mode/--expert take, and adds what a row means in the
// run's words when that says more (which modality a bimodal GMU knockout keeps, which expert is which).
import { describe, expect, it } from 'vitest';
import { gateNamesFromConfig } from '../../common/analytics/gate-names';
import type { KnockoutTable } from '../../common/analytics';
import { formatKnockouts } from './knockout';

describe('gatelab knockout table', () => {
  it('names the modality a bimodal GMU knockout keeps, beside the ids to type', () => {
    const row = (mode: 'open' | 'closed' | 'mean', delta: number) => ({ gate: 'gmu', kind: 'gate' as const, mode, value: 0.8 + delta, delta, ci: { low: delta - 0.01, high: delta + 0.01, level: 0.95 } });
    const table: KnockoutTable = { runId: 7, split: 'test', metric: 'auc', higherIsBetter: true, baseline: 0.8, samples: 100, resamples: 1000, seed: 0, rows: [row('open', -0.35), row('closed', -0.003), row('mean', 0)] };
    const names = gateNamesFromConfig({ model: { template: 'gmu', modalities: [{ name: 'text', dim: 64 }, { name: 'tabular', dim: 8 }] } });
    const lines = formatKnockouts(table, names).split('\n');
    expect(lines[2]).toMatch(/^ {2}gmu open +0\.45 +-0\.35 +\[-0\.36, -0\.34\] {2}\(gmu open \(text only\)\)$/);
    expect(lines[3]).toMatch(/^ {2}gmu closed .*\(gmu closed \(tabular only\)\)$/);
    expect(lines[4]).toMatch(/^ {2}gmu mean .*\]$/); // nothing to add
  });
});

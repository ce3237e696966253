// Compare's runs-side-by-side table: the settings that tell each run apart (gates in words first) and
// every test metric of its family with the best marked in the metric's direction, ranked as Compare ranks.
import { describe, expect, it } from 'vitest';
import { distinguishingSettings, summaryTables, type SummaryRun } from './compare-summary';

const run = (id: string, template: string, model: Record<string, unknown>, metrics: Record<string, number>, extra: Partial<SummaryRun> & { config?: Record<string, unknown> } = {}): SummaryRun => ({
  id, name: `${template} on Demo: grid load (forecasting)`, seed: 1, template, status: 'completed', metrics, ...extra,
  config: { name: 'x', model: { template, ...model }, data: { kind: 'dataset', datasetId: 1 }, seed: Number(id), ...extra.config },
});
// the audit's three runs: the default sigmoid gate, a hard gate, the ablation (hard's test MSE is the lowest)
const plain = run('12', 'tsmixer-gated', { gate: { kind: 'sigmoid', enabled: true, scale: 1, initBias: 0, granularity: 'channel' } }, { 'test.mse': 0.41, 'test.mae': 0.47, 'val.mse': 0.3 });
const hard = run('13', 'tsmixer-gated', { gate: { kind: 'hard', enabled: true, threshold: 0.5, initBias: 1, granularity: 'channel', sparsity: 0 } }, { 'test.mse': 0.39, 'test.mae': 0.48 });
const off = run('14', 'tsmixer-gated', { gate: { kind: 'sigmoid', enabled: false, scale: 1, initBias: 0, granularity: 'channel' } }, { 'test.mse': 0.43, 'test.mae': 0.46 }, { gatesOff: true });

describe('summaryTables', () => {
  it('gives each run its gates in words and every test metric, the best of each marked in its direction', () => {
    const [t, ...more] = summaryTables([plain, hard, off]);
    expect(more).toEqual([]);
    expect(t.metrics).toEqual(['test.mae', 'test.mse']); // test metrics only, not val.*
    expect(t.rows.map((r) => [r.run.id, r.settings, r.values, r.best])).toEqual([
      ['12', ['sigmoid gate (default)'], [0.47, 0.41], [false, false]],
      ['13', ['hard gate'], [0.48, 0.39], [false, true]],
      ['14', ['gates off'], [0.46, 0.43], [true, false]],
    ]);
  });

  it('marks the highest AUC, ties alike, and nothing for a metric only one run has', () => {
    const a = run('1', 'finalmlp', {}, { 'test.auc': 0.8, 'test.logloss': 0.5 });
    const b = run('2', 'finalmlp', {}, { 'test.auc': 0.8, 'test.logloss': 0.45, 'test.accuracy': 0.7 });
    const c = run('3', 'finalmlp', {}, {}, { status: 'running' });
    const [t] = summaryTables([a, b, c]);
    expect(t.metrics).toEqual(['test.accuracy', 'test.auc', 'test.logloss']);
    expect(t.rows.map((r) => r.best)).toEqual([[false, true, false], [false, true, true], [false, false, false]]);
    expect(t.rows[2].values).toEqual([null, null, null]); // not tested yet: — in the table
  });

  it('splits families into tables, and ranks a loss only among runs whose losses share a scale', () => {
    const fx = run('1', 'dlinear', {}, { 'test.mse': 0.2, 'test.loss': 0.2 });
    const ctr = run('2', 'finalmlp', {}, { 'test.auc': 0.7, 'test.loss': 0.5 });
    const mmoe = run('3', 'mmoe', {}, { 'test.auc': 0.75, 'test.loss': 1.4 });
    const mlp = run('4', 'finalmlp', {}, { 'test.auc': 0.72, 'test.loss': 0.45 });
    const tables = summaryTables([fx, ctr, mmoe, mlp]);
    expect(tables.map((t) => [t.key, t.label, t.rows.map((r) => r.run.id)])).toEqual([['forecasting', 'forecasting', ['1']], ['recsys', 'recommendation', ['2', '3', '4']]]);
    const ctrTable = tables[1];
    const col = (m: string) => ctrTable.rows.map((r) => r.best[ctrTable.metrics.indexOf(m)]);
    expect(col('test.auc')).toEqual([false, true, false]); // AUC is one scale for all three
    // MMoE's multi-task loss (click logloss + rating MSE) is alone on its scale: not marked, not beating 0.45
    expect(col('test.loss')).toEqual([false, false, true]);
    // a lone run has nothing to be best against
    expect(tables[0].rows[0].best).toEqual([false, false]);
  });

  it('says what sets runs apart within their own family’s table, not against another family’s run', () => {
    // two seeds of one fusion config beside a forecaster: every key differs from the forecaster's
    const fuse = (id: string) => run(id, 'gmu', { dropout: 0.1, hidden: [64] }, { 'test.auc': 0.9 }, { config: { epochs: 30, data: { kind: 'dataset', datasetId: 5 } } });
    const fx = run('1', 'tsmixer-gated', { dropout: 0.9 }, { 'test.mse': 0.3 }, { config: { maxSteps: 40 } });
    const tables = summaryTables([fuse('3'), fuse('4'), fx], (id) => ({ '1': 'shop_sales', '5': 'tickets' })[id]);
    const fusion = tables.find((t) => t.key === 'fusion')!;
    expect(fusion.rows.map((r) => r.settings)).toEqual([['Seed = 3'], ['Seed = 4']]);
    // the forecaster alone in its table says so, with its dataset, not every key in which it differs from gmu
    expect(tables.find((t) => t.key === 'forecasting')!.rows[0].settings).toEqual(['the only forecasting run', 'dataset shop_sales']);
  });

  it('gives the lone run of its family its gates briefly, and lists nothing it differs in from other families', () => {
    const ctr = (id: string) => run(id, 'finalmlp', { dropout: 0.2 }, { 'test.auc': 0.7 }, { config: { epochs: 3, optimizer: { lr: 0.01 }, data: { kind: 'dataset', datasetId: 2 } } });
    const hardAlone = run('9', 'tsmixer-gated', { gate: { kind: 'hard', enabled: true, threshold: 0.5, initBias: 1, granularity: 'channel', sparsity: 0 }, dropout: 0.9, lookback: 48 }, { 'test.mse': 0.3 },
      { config: { maxSteps: 40, batchSize: 16 } });
    const tables = summaryTables([ctr('1'), ctr('2'), hardAlone], (id) => ({ '1': 'grid load', '2': 'clicks' })[id]);
    const [lone] = tables.find((t) => t.key === 'forecasting')!.rows;
    expect(lone.settings).toEqual(['the only forecasting run', 'dataset grid load', 'hard gate']);
    expect(lone.settings.join(' · ')).not.toMatch(/Dropout|Lookback|Batch size|Max steps|Template/);
    // one run compared with itself has no family to be the only one of
    expect(summaryTables([ctr('1')])[0].rows[0].settings).toEqual([]);
  });
});

describe('summaryTables on fusion regressions', () => {
  const reg = (id: string, datasetId: number, target: string, metrics: Record<string, number>, scale: { mean: number; std: number }) =>
    run(id, 'concat-fusion', { targetScale: scale, modalities: [{ name: 'tabular', width: 4 }] }, { 'test.r2': 0.5, 'test.loss': 0.4, ...metrics },
      { config: { data: { kind: 'dataset', datasetId, columns: [{ name: target, role: 'target' }] } } });

  it('does not star raw-unit mse/mae across different datasets, and says why; r2 and the standardized loss are still ranked', () => {
    const revenue = reg('1', 1, 'revenue', { 'test.mse': 2.4e10, 'test.mae': 1.2e5, 'test.rmse': 1.55e5 }, { mean: 2549117.6234567901, std: 1.5e5 });
    const visibility = reg('2', 2, 'visibility', { 'test.mse': 0.01, 'test.mae': 0.08, 'test.rmse': 0.1, 'test.r2': 0.9, 'test.loss': 0.3 }, { mean: 0.5, std: 0.2 });
    const [t] = summaryTables([revenue, visibility]);
    expect(t.metrics).toEqual(['test.loss', 'test.mae', 'test.mse', 'test.r2', 'test.rmse']);
    expect(t.unranked).toEqual({ 'test.mae': 'different datasets: not ranked', 'test.mse': 'different datasets: not ranked', 'test.rmse': 'different datasets: not ranked' });
    expect(t.rows.map((r) => r.best)).toEqual([[false, false, false, false, false], [true, false, false, true, false]]);
    // the training split's mean and std are the dataset's, not settings: only the dataset tells the runs apart
    expect(t.rows.map((r) => r.settings)).toEqual([['dataset 1'], ['dataset 2']]);
  });

  it('ranks raw-unit errors of runs on one dataset and target, and not of two targets of one dataset', () => {
    const a = reg('1', 1, 'revenue', { 'test.mse': 2.4e10 }, { mean: 1, std: 1 });
    const b = reg('2', 1, 'revenue', { 'test.mse': 2.2e10 }, { mean: 1, std: 1 });
    const [t] = summaryTables([a, b]);
    expect(t.unranked).toEqual({});
    expect(t.rows.map((r) => r.best[t.metrics.indexOf('test.mse')])).toEqual([false, true]);
    const c = reg('3', 1, 'units sold', { 'test.mse': 40 }, { mean: 1, std: 1 });
    expect(summaryTables([a, c])[0].unranked).toEqual({ 'test.mse': 'different targets: not ranked' });
  });
});

describe('distinguishingSettings', () => {
  it('adds the other keys that differ, by the Models form’s labels, datasets by name; seeds and names are not settings', () => {
    const a = run('1', 'tsmixer-gated', { gate: { kind: 'hard' }, dropout: 0.9 }, {}, { config: { optimizer: { lr: 0.001 } } });
    const b = run('2', 'tsmixer-gated', { gate: { kind: 'hard' }, dropout: 0.5 }, {}, { config: { optimizer: { lr: 0.01 }, data: { kind: 'dataset', datasetId: 2 } } });
    expect(distinguishingSettings([a, b], (id) => ({ '1': 'grid load', '2': 'sensor + camera' })[id])).toEqual([
      ['hard gate', 'dataset grid load', 'Dropout = 0.9', 'Optimizer learning rate = 0.001'],
      ['hard gate', 'dataset sensor + camera', 'Dropout = 0.5', 'Optimizer learning rate = 0.01'],
    ]);
    // runs alike but for their seed: the seed is what tells them apart (not a bare "—")
    expect(distinguishingSettings([plain, { ...plain, id: '20', config: { ...plain.config, seed: 9 } }])).toEqual([[`Seed = ${plain.config.seed}`], ['Seed = 9']]);
    // two seeds of one config that changed a gate: the seed sets them apart, not the gate change both share
    const opened = (seed: number) => run(String(seed), 'tsmixer-gated', { gate: { kind: 'sigmoid', enabled: true, scale: 1, initBias: 1, granularity: 'channel' } }, {}, { config: { seed } });
    expect(distinguishingSettings([opened(1), opened(2)])).toEqual([['Seed = 1'], ['Seed = 2']]);
    // the seed is not said when another setting differs (the label has it)
    expect(distinguishingSettings([a, { ...b, config: { ...b.config, seed: 9 } }]).flat()).not.toContain('Seed = 9');
  });

  it('does not say "default gate" when no run changed its gates, and says nothing of a baseline’s gates', () => {
    const base = run('1', 'dlinear', { kernel: 25 }, {});
    const other = run('2', 'dlinear', { kernel: 13 }, {});
    expect(distinguishingSettings([base, other])).toEqual([['Moving-average kernel = 25'], ['Moving-average kernel = 13']]);
    expect(distinguishingSettings([base, off])).toEqual([['Moving-average kernel = 25', 'Template = dlinear'], ['gates off', 'Template = tsmixer-gated']]);
  });

  it('leaves out a setting the run’s name already says as a sweep names it (beside that name)', () => {
    const base = run('1', 'dlinear', { kernel: 25 }, {});
    const other = run('2', 'dlinear', { kernel: 13 }, {});
    expect(distinguishingSettings([base, other], undefined, ['dlinear sweep kernel=25', 'my run'])).toEqual([[], ['Moving-average kernel = 13']]);
  });
});

describe('distinguishingSettings with many shared gate changes', () => {
  it('names the gate setting that differs first, never behind "+N more" while shared ones are shown', () => {
    const shared = { enabled: true, initBias: 2, granularity: 'element', sparsity: 0.1, scale: 3 };
    const a = run('21', 'tsmixer-gated', { gate: { kind: 'hard', ...shared, threshold: 0.6 } }, {});
    const b = run('22', 'tsmixer-gated', { gate: { kind: 'hard', ...shared, threshold: 0.4 } }, {});
    const [wa, wb] = distinguishingSettings([a, b]).map((w) => w.join(' · '));
    expect(wa.split(' · ')[0]).toBe('Gate threshold = 0.6');
    expect(wb.split(' · ')[0]).toBe('Gate threshold = 0.4');
    expect(wa).toMatch(/\+\d+ more$/); // the shared changes are still counted, after it
  });
});

import { describe, expect, it } from 'vitest';
import { columnSource, fitPipeline } from '../data';
import { runBinding } from './run-binding';
import type { SplitSpecInput } from '../data';
import { DataColumns, dataShape, defaultBinding, forecastingColumnNotes, fusionColumnNotes, orderedByTime, pipelineFor, type ColumnDescription } from './binding';

const col = (name: string, type: ColumnDescription['type'], role: ColumnDescription['role'] = 'feature', modality: string | null = null): ColumnDescription => ({ name, type, role, modality });

describe('default bindings from column roles', () => {
  it('forecasting: numeric columns are channels; ETT or chronological split', () => {
    const cols = [col('date', 'datetime', 'time'), col('a', 'float'), col('b', 'int'), col('note', 'text'), col('c', 'float', 'ignore')];
    expect(defaultBinding('forecasting', cols)).toEqual({ split: { kind: 'chronological' }, columns: { family: 'forecasting', channels: ['a', 'b'] } });
    // the time column travels with the ETT split, which reads its rows per hour from it (ETTm: 4)
    expect(defaultBinding('forecasting', cols, { split: 'ett' }).split).toEqual({ kind: 'ett', timeColumn: 'date' });
    expect(defaultBinding('forecasting', cols.slice(1), { split: 'ett' }).split).toEqual({ kind: 'ett' });
  });

  it('recsys: categorical fields, numeric features, the target as label; says which role is missing', () => {
    const cols = [col('user', 'categorical'), col('item', 'int', 'categorical'), col('age', 'float'), col('rating', 'int', 'target')];
    const b = defaultBinding('recsys', cols, { positiveAtLeast: 4 });
    expect(b.columns).toEqual({ family: 'recsys', fields: ['user', 'item'], numeric: ['age'], multiHot: [], label: { column: 'rating', positiveAtLeast: 4 }, rating: 'rating' });
    // Only a numeric target read by a rule is a rating (MMoE's second task); a 0/1 click is not.
    expect(defaultBinding('recsys', [...cols.slice(0, 3), col('clicked', 'int', 'target')]).columns).not.toHaveProperty('rating');
    expect(defaultBinding('recsys', [...cols.slice(0, 3), col('liked', 'categorical', 'target')], { positiveAtLeast: 4 }).columns).not.toHaveProperty('rating');
    expect(() => defaultBinding('recsys', cols.slice(0, 3))).toThrow(/needs a target column: gatelab datasets roles ID <column>=target\. If each row is an interaction \(an implicit-feedback log: user, item, time\), every row is a positive.*does not sample negatives itself: add them to the file \(README's pandas recipe for it: section "From a dataset to batches", "implicit-feedback logs"\)$/);
    // fusion has no implicit-feedback reading: the hint is for CTR only
    expect(() => defaultBinding('fusion', cols.slice(0, 3))).toThrow(/needs a target column: gatelab datasets roles ID <column>=target$/);
    expect(() => defaultBinding('recsys', [...cols.slice(0, 3), col('Click', 'int')])).toThrow(/needs a target column: gatelab datasets roles ID <column>=target \(the column 'Click' looks like one\)$/);
    // a headerless log (u.data): no categorical column, so the integer ones are named as the likely ids
    const log = [col('column_1', 'int'), col('column_2', 'int'), col('column_3', 'int', 'target'), col('column_4', 'int', 'ignore'), col('score', 'float')];
    expect(() => defaultBinding('recsys', log)).toThrow(/needs categorical fields: gatelab datasets roles ID <column>=categorical \(integer columns that may hold ids: column_1, column_2\)$/);
    expect(() => defaultBinding('recsys', [col('x', 'float'), col('y', 'int', 'target')])).toThrow(/<column>=categorical$/);
    // ML-1M's ratings.dat: its Unix seconds (column_4) are a time, not an id to embed; runBinding finds them from the dataset's stats
    const dat = [col('column_1', 'int'), col('column_2', 'int'), col('column_3', 'int', 'target'), col('column_4', 'int')];
    const stats = (min: number, max: number, distinct: number) => ({ stats: { min, max, numbers: { distinct, fractions: false } } });
    const withStats = [{ ...dat[0], ...stats(1, 6040, 1001) }, { ...dat[1], ...stats(1, 3952, 1001) }, dat[2], { ...dat[3], ...stats(956703932, 1046454590, 1001) }];
    expect(() => runBinding(withStats, { model: { template: 'deepfm', positiveAtLeast: 4 }, data: {} })).toThrow(
      /\(integer columns that may hold ids: column_1, column_2\); column_4 looks like Unix seconds, a time rather than an id \(to leave it out: gatelab datasets roles ID column_4=ignore\)$/);
    // few distinct values in that range (codes, a year-sized id), or no stats (a run's snapshot): named as before
    expect(() => runBinding([...withStats.slice(0, 3), { ...dat[3], ...stats(956703932, 1046454590, 40) }], { model: { template: 'deepfm', positiveAtLeast: 4 }, data: {} }))
      .toThrow(/\(integer columns that may hold ids: column_1, column_2, column_4\)$/);
    expect(() => runBinding(dat, { model: { template: 'deepfm', positiveAtLeast: 4 }, data: {} })).toThrow(/\(integer columns that may hold ids: column_1, column_2, column_4\)$/);
    // no target yet: its ratings (column_3, 1..5) are named with the threshold, not called an implicit-feedback log
    const noTarget = [withStats[0], withStats[1], { ...dat[2], role: 'feature', ...stats(1, 5, 5) }, withStats[3]] as typeof withStats;
    expect(() => runBinding(noTarget, { model: { template: 'deepfm' }, data: {} })).toThrow(
      /needs a target column: gatelab datasets roles ID <column>=target \(the column 'column_3' looks like a rating: 5 values from 1 to 5; to read a rating ≥ 4 as a click, train with --target column_3 --set positiveAtLeast=4\)$/);
    // ml-latest-small's half-star 'rating' is a label's name: its threshold is said too (else the next refusal asks for one)
    const small = [{ ...col('userId', 'categorical') }, { ...col('rating', 'float'), ...stats(0.5, 5, 10) }];
    expect(() => runBinding(small, { model: { template: 'deepfm' }, data: {} })).toThrow(
      /<column>=target \(the column 'rating' looks like a rating: 10 values from 0\.5 to 5; to read a rating ≥ 4 as a click, train with --target rating --set positiveAtLeast=4\)$/);
    // without stats (the app's estimate, a run's snapshot) the advice is as before
    expect(() => runBinding(noTarget.map(({ name, type, role, modality }) => ({ name, type, role, modality })), { model: { template: 'deepfm' }, data: {} }))
      .toThrow(/does not sample negatives itself: add them to the file \(README's pandas recipe for it: section "From a dataset to batches", "implicit-feedback logs"\)$/);
  });

  it('fusion: modalities from the modality of each column, stratified split on the target', () => {
    const cols = [col('review', 'text', 'feature', 'text'), col('age', 'int', 'feature', 'tabular'), col('dept', 'categorical', 'feature', 'tabular'), col('y', 'int', 'target')];
    const b = defaultBinding('fusion', cols);
    expect(b.columns).toMatchObject({ modalities: [{ name: 'text', columns: ['review'] }, { name: 'tabular', columns: ['age', 'dept'] }], label: 'y' });
    expect(b.split).toMatchObject({ kind: 'stratified', column: 'y' });
    // one modality is a dataset too (text-only, tabular-only); the gated templates refuse it themselves
    expect(defaultBinding('fusion', cols.slice(1)).columns).toMatchObject({ modalities: [{ name: 'tabular', columns: ['age', 'dept'] }] });
    expect(() => defaultBinding('fusion', cols.slice(3))).toThrow(/at least one modality .*found none/);
  });

  it('fusion with only some columns grouped: the ungrouped features join a default group, named in the data line', () => {
    const cols = [col('acc_0', 'float', 'feature', 'acc'), col('acc_1', 'float'), col('gyro_0', 'float', 'feature', 'gyro'), col('gyro_1', 'float'),
      col('note', 'text'), col('when', 'datetime'), col('skip', 'float', 'ignore'), col('y', 'int', 'target')];
    expect(defaultBinding('fusion', cols).columns).toMatchObject({
      modalities: [{ name: 'acc', columns: ['acc_0'] }, { name: 'gyro', columns: ['gyro_0'] }, { name: 'tabular', columns: ['acc_1', 'gyro_1'] }, { name: 'text', columns: ['note'] }],
    });
    // a datetime feature is not encoded: named as left out, with why (it used to vanish silently)
    const dates = "left out: when (datetime; fusion models do not encode dates: give it the role time, or derive a numeric or categorical column from it)";
    expect(fusionColumnNotes(cols)).toEqual([dates, 'no modality given: acc_1, gyro_1 → tabular; note → text (give them a modality group, or the role ignore to leave them out)']);
    // all grouped, or none grouped (the default grouping is no surprise): nothing to say but the dates
    expect(fusionColumnNotes(cols.map((c) => ({ ...c, modality: c.modality ?? (c.role === 'feature' ? 'm' : null) })))).toEqual([dates]);
    expect(fusionColumnNotes(cols.map((c) => ({ ...c, modality: null })))).toEqual([dates]);
    expect(fusionColumnNotes(cols.map((c) => ({ ...c, modality: null, role: c.name === 'when' ? 'time' : c.role })))).toEqual([]); // the time index: not a feature
  });

  it('a chronological split of recommendation or fusion data orders rows by the time-role column; forecasting keeps row order', () => {
    const cols = [col('user', 'categorical'), col('ts', 'int', 'time'), col('y', 'int', 'target')];
    expect(orderedByTime({ kind: 'chronological' }, 'recsys', cols)).toEqual({ kind: 'chronological', timeColumn: 'ts' });
    expect(orderedByTime({ kind: 'chronological' }, 'forecasting', cols)).toEqual({ kind: 'chronological' });
    expect(orderedByTime({ kind: 'random', ratios: { train: 0.8, val: 0.1, test: 0.1 } }, 'fusion', cols).kind).toBe('random');
    expect(orderedByTime({ kind: 'chronological' }, 'fusion', cols.filter((c) => c.role !== 'time'))).toEqual({ kind: 'chronological' });
  });

  it('a run orders by time only when created under that rule (data.splitByTime); runs from before and stored splits keep their rows', () => {
    const cols = [{ name: 'user', type: 'categorical', role: 'feature' }, { name: 'item', type: 'categorical', role: 'feature' }, { name: 'ts', type: 'int', role: 'time' }, { name: 'rating', type: 'int', role: 'target' }];
    const model = { template: 'finalmlp', positiveAtLeast: 4 };
    const split = (data: Record<string, unknown>, stored?: SplitSpecInput) => runBinding(cols, { model, data, seed: 1 }, stored).binding.split;
    expect(split({ split: 'chronological', splitByTime: true })).toMatchObject({ kind: 'chronological', timeColumn: 'ts' });
    expect(split({ split: 'chronological' })).toEqual({ kind: 'chronological' }); // a run from before: resumes and exports on its rows
    expect(split({ splitId: 3, splitByTime: true }, { kind: 'chronological' })).toEqual({ kind: 'chronological' }); // stored rows are the stored rows
    // the same marker refuses ETT on coarse data for new runs only
    expect(split({ split: 'ett', splitByTime: true })).toMatchObject({ kind: 'ett', refuseCoarse: true });
    expect(split({ split: 'ett' })).not.toHaveProperty('refuseCoarse');
  });

  it('fusion without modalities: text, each embedding (vector) column its own modality, the rest tabular; the label rule kept', () => {
    const cols = [col('caption', 'text'), col('img_emb', 'vector'), col('audio', 'vector'), col('age', 'int'), col('y', 'int', 'target')];
    const b = defaultBinding('fusion', cols, { positiveAtLeast: 4 });
    expect(b.columns).toEqual({
      family: 'fusion', label: 'y', positiveAtLeast: 4,
      modalities: [{ name: 'text', columns: ['caption'] }, { name: 'img_emb', columns: ['img_emb'] }, { name: 'audio', columns: ['audio'] }, { name: 'tabular', columns: ['age'] }],
    });
    // embeddings go in as they are: no scaler is fitted on them
    const types: Record<string, string> = { caption: 'text', img_emb: 'vector', audio: 'vector', age: 'int' };
    const steps = pipelineFor((c) => types[c], DataColumns.parse(b.columns)).steps;
    expect(steps.map((s) => ('column' in s ? s.column : ''))).toEqual(['caption', 'age']);
  });

  it('computes the data-shaped template fields from the fitted pipeline', () => {
    const data = columnSource(6, {
      user: { values: Int32Array.from([0, 1, 2, 0, 1, 2]), dictionary: ['u1', 'u2', 'u3'] },
      age: { values: Float32Array.from([20, 30, 40, 50, 60, 70]) },
      label: { values: Float32Array.from([0, 1, 0, 1, 1, 0]) },
    });
    const columns = { family: 'recsys' as const, fields: ['user'], numeric: ['age'], multiHot: [], label: { column: 'label' } };
    const fitted = fitPipeline(pipelineFor(() => undefined, columns), data, new Uint8Array(6));
    expect(dataShape(data, fitted, columns)).toEqual({ fields: [4], numeric: 1 });
  });

  it('forecasting notes: the columns that are not channels, empty ones left out, and what a target role means', () => {
    const cols = [col('date', 'datetime', 'time'), col('OT', 'float', 'target'), col('is_weekend', 'boolean'), col('season', 'categorical'),
      col('blank', 'categorical'), col('shop', 'categorical', 'series-id'), col('skip', 'text', 'ignore'), col('load', 'int')];
    // every numeric column is a channel, the target's too: forecasting is multivariate (ARCHITECTURE §4)
    expect(defaultBinding('forecasting', cols).columns).toEqual({ family: 'forecasting', channels: ['OT', 'load'] });
    expect(forecastingColumnNotes(cols, (c) => c === 'blank')).toEqual({
      leftOut: ['blank (all missing)'],
      notes: ['not forecast: is_weekend (boolean), season (categorical)', "forecasting predicts every channel; the target role ('OT') does not select one: its own test error is reported beside the headline (in the app: Runs → the run's Test per channel panel; on the command line: gatelab show RUN); to forecast it alone, set the other columns to ignore (other columns as inputs only, the papers' MS setting, is not offered)"],
    });
    // a second datetime column is not the time index: named; no target, no target note
    expect(forecastingColumnNotes([col('date', 'datetime'), col('end', 'datetime'), col('v', 'float')])).toEqual({ leftOut: [], notes: ['not forecast: end (datetime)'] });
  });
});

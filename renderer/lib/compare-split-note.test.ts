// Compare says when runs of one dataset were tested on different rows: a new run's recorded split rules
// (data.stratifyByTotals, data.splitByTime, the fixed split seed) beside an older run's, or other splits.
import { describe, expect, it } from 'vitest';
import { splitNotes, type SplitNoteRun } from './compare-split-note';

const columns = [
  { name: 'text', type: 'text', role: 'feature', modality: 'text' },
  { name: 'x', type: 'float', role: 'feature', modality: 'tabular' },
  { name: 'label', type: 'categorical', role: 'target', modality: null },
];
const fusion = (id: string, data: Record<string, unknown>, seed = 1): SplitNoteRun => ({
  id, seed, config: { model: { template: 'gmu' }, data: { kind: 'dataset', datasetId: 4, columns, ...data }, seed },
});
const names = (id: string) => (id === '4' ? 'reviews' : undefined);

describe('splitNotes', () => {
  it('names the runs and the rule when a new stratified run meets one from before the part-totals rule', () => {
    const old = fusion('3', { splitSeed: 42 });
    const fresh = fusion('5', { splitSeed: 42, splitByTime: true, stratifyByTotals: true });
    const [note, ...more] = splitNotes([old, fresh], names);
    expect(more).toEqual([]);
    expect(note).toMatch(/^Runs #3 vs #5 on reviews were tested on different rows \(each class rounded alone vs stratified by part totals\)/);
    expect(note).toMatch(/New run from this/);
  });

  it('says nothing when the splits are the same rows, or the rule cannot change them', () => {
    const a = fusion('1', { splitSeed: 42, stratifyByTotals: true }), b = fusion('2', { splitSeed: 42, stratifyByTotals: true }, 2);
    expect(splitNotes([a, b], names)).toEqual([]); // two seeds of one new config: one split
    // a stored split is its stored rows, whatever the rules of the run that uses it
    expect(splitNotes([fusion('1', { splitId: 7 }), fusion('2', { splitId: 7, stratifyByTotals: true, splitByTime: true })])).toEqual([]);
    // forecasting splits by time: neither the seed nor the stratification rule changes its rows
    const fx = (id: string, data: Record<string, unknown>, seed: number): SplitNoteRun => ({ id, seed, config: { model: { template: 'dlinear' }, data: { kind: 'dataset', datasetId: 9, ...data }, seed } });
    expect(splitNotes([fx('1', {}, 1), fx('2', { splitSeed: 42, stratifyByTotals: true, splitByTime: true }, 2)])).toEqual([]);
    // other datasets, synthetic data: no rows shared to begin with
    expect(splitNotes([fusion('1', {}), { id: '2', seed: 1, config: { data: { kind: 'synthetic' } } }])).toEqual([]);
  });

  it('names a different split seed, a stored split, and a time-ordered chronological split', () => {
    // runs from before the fixed split seed split with their run seed
    expect(splitNotes([fusion('1', {}, 1), fusion('2', {}, 2)])[0]).toMatch(/Runs #1 vs #2 on dataset 4 .*\(split seed 1 vs 2\)/);
    expect(splitNotes([fusion('1', { splitSeed: 42 }), fusion('2', { splitId: 7 })])[0]).toMatch(/\(the default split vs stored split 7\)/);
    const rec = (id: string, data: Record<string, unknown>): SplitNoteRun => ({ id, seed: 1, config: { model: { template: 'finalmlp' }, data: { kind: 'dataset', datasetId: 2, split: 'chronological', ...data }, seed: 1 } });
    expect(splitNotes([rec('1', {}), rec('2', { splitByTime: true })])[0]).toMatch(/\(rows in file order vs rows ordered by time\)/);
  });

  it('ignores what cannot change the rows: ett\'s refusal of coarse data, the stratifying rule of a split cut at random', () => {
    const time = [{ name: 'date', type: 'datetime', role: 'time', modality: null }, { name: 'OT', type: 'float', role: 'feature', modality: null }];
    const ett = (id: string, data: Record<string, unknown>): SplitNoteRun => ({ id, seed: 1, config: { model: { template: 'dlinear' }, data: { kind: 'dataset', datasetId: 9, columns: time, split: 'ett', ...data }, seed: 1 } });
    expect(splitNotes([ett('1', {}), ett('2', { splitByTime: true })])).toEqual([]); // new runs refuse weekly data, the rows of hourly data stay
    // a fusion run told to regress cuts its default split at random (the same shares and seed)
    const priced = columns.map((c) => (c.role === 'target' ? { ...c, type: 'float' } : c));
    const regress = (id: string, data: Record<string, unknown>, seed = 1): SplitNoteRun => ({ id, seed, config: { model: { template: 'gmu', task: 'regression' }, data: { kind: 'dataset', datasetId: 4, columns: priced, splitSeed: 42, ...data }, seed } });
    expect(splitNotes([regress('1', {}), regress('2', { stratifyByTotals: true })])).toEqual([]);
    expect(splitNotes([regress('1', {}), regress('2', { splitSeed: 7 })])[0]).toMatch(/\(split seed 42 vs 7\)/);
  });

  it('groups runs that share a split', () => {
    const [note] = splitNotes([fusion('1', { splitSeed: 42 }), fusion('2', { splitSeed: 42, stratifyByTotals: true }), fusion('3', { splitSeed: 42 }, 3)]);
    expect(note).toMatch(/^Runs #1, #3 vs #2 on dataset 4/);
  });
});

// A run from before the column snapshot binds to today's columns, which the renderer does not have: the note
// then reads what the configs record, by the trainer's rules (common/models/run-binding.ts).
describe('splitNotes without a column snapshot', () => {
  const run = (id: string, template: string, data: Record<string, unknown>, seed = 1, model: Record<string, unknown> = {}): SplitNoteRun => ({
    id, seed, config: { model: { template, ...model }, data: { kind: 'dataset', datasetId: 4, ...data }, seed },
  });

  it('names the stratifying rule of a stratified split, the seed of a seeded one', () => {
    expect(splitNotes([run('3', 'gmu', { splitSeed: 42 }), run('5', 'gmu', { splitSeed: 42, stratifyByTotals: true })])[0])
      .toMatch(/^Runs #3 vs #5 on dataset 4 were tested on different rows \(each class rounded alone vs stratified by part totals\)/);
    expect(splitNotes([run('1', 'gmu', {}, 1), run('2', 'gmu', {}, 2)])[0]).toMatch(/\(split seed 1 vs 2\)/);
    expect(splitNotes([run('1', 'finalmlp', { split: 'random', splitSeed: 1 }), run('2', 'finalmlp', { split: 'random', splitSeed: 2 })])[0]).toMatch(/\(split seed 1 vs 2\)/);
    // one run with its snapshot and one without: both are read from their configs
    const fresh = { ...run('2', 'gmu', { splitSeed: 42, stratifyByTotals: true }), config: { model: { template: 'gmu' }, data: { kind: 'dataset', datasetId: 4, columns, splitSeed: 42, stratifyByTotals: true }, seed: 1 } };
    expect(splitNotes([run('1', 'gmu', { splitSeed: 42 }), fresh])[0]).toMatch(/\(each class rounded alone vs stratified by part totals\)/);
  });

  it('says nothing where the recorded rule cannot change the rows', () => {
    // a random split (the recommendation default, or asked for by name) has no classes to allocate
    expect(splitNotes([run('1', 'finalmlp', { splitSeed: 42 }), run('2', 'finalmlp', { splitSeed: 42, stratifyByTotals: true, split: 'random' })])).toEqual([]);
    // a fusion run told to regress cuts at random: the stratifying rule is not used
    expect(splitNotes([run('1', 'gmu', { splitSeed: 42 }, 1, { task: 'regression' }), run('2', 'gmu', { splitSeed: 42, stratifyByTotals: true }, 2, { task: 'regression' })])).toEqual([]);
    // and a chronological split is cut by position, whatever the seed
    expect(splitNotes([run('1', 'finalmlp', { split: 'chronological' }, 1), run('2', 'finalmlp', { split: 'chronological' }, 2)])).toEqual([]);
  });

  it('tells a fusion run\'s stratified split from the random cut of one told to regress', () => {
    expect(splitNotes([run('1', 'gmu', { splitSeed: 42 }), run('2', 'gmu', { splitSeed: 42 }, 1, { task: 'regression' })])[0]).toMatch(/\(a stratified split vs a random one\)/);
  });
});

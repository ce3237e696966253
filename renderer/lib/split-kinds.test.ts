// The Split form's words and checks: each problem lands under its field (the sum under the ratios), the
// stratify/user/time column pickers offer only columns of the right type, and forecasting refuses
// splits that are not by time.
import { describe, expect, it } from 'vitest';
import type { ColumnInfo, SplitInfo } from '../../common/lab-api';
import { columnsFor, defaultKind, familyDefault, specOfForm, splitDetail, splitOption, splitProblem, share, type SplitForm } from './split-kinds';

const form = (o: Partial<SplitForm>): SplitForm => ({ kind: 'random', name: '', train: 0.8, val: 0.1, test: 0.1, seed: 42, column: '', userColumn: '', timeColumn: '', ...o });
const col = (name: string, type: ColumnInfo['type'], role: ColumnInfo['role'] = 'feature'): ColumnInfo =>
  ({ name, type, role, modality: null, missing: 0, distinct: null, min: null, max: null, mean: null, std: null, histogram: null });

describe('specOfForm', () => {
  it('turns a valid form into the lab’s spec and keeps only what the kind reads', () => {
    expect(specOfForm(form({ kind: 'stratified', column: 'label', seed: 7 }))).toEqual({
      spec: { kind: 'stratified', ratios: { train: 0.8, val: 0.1, test: 0.1 }, column: 'label', seed: 7 }, name: undefined, errors: {},
    });
    expect(specOfForm(form({ kind: 'ett', name: '  my ett ' })).spec).toEqual({ kind: 'ett' });
    expect(specOfForm(form({ kind: 'ett', name: '  my ett ' })).name).toBe('my ett');
    expect(specOfForm(form({ kind: 'leave-last-out', userColumn: 'u', timeColumn: 't' })).spec).toEqual({ kind: 'leave-last-out', userColumn: 'u', timeColumn: 't' });
  });

  it('puts each problem under its field', () => {
    expect(specOfForm(form({ test: 0.2 })).errors).toEqual({ ratios: 'train + val + test must add up to 1' });
    expect(specOfForm(form({ train: 0, val: 0.9 })).errors).toEqual({ train: 'train must be more than 0' });
    expect(specOfForm(form({ val: null })).errors).toEqual({ val: 'enter a number' });
    expect(specOfForm(form({ seed: 1.5 })).errors.seed).toMatch(/whole number/);
    expect(specOfForm(form({ kind: 'stratified' })).errors).toEqual({ column: 'pick the column whose classes every part keeps' });
    expect(specOfForm(form({ name: 'x'.repeat(61) })).errors).toEqual({ name: 'the name must have 1 to 60 characters' });
    // within 1e-6 is a sum of 1 (0.7 + 0.1 + 0.2 is 0.9999999999999999 in floating point)
    expect(specOfForm(form({ kind: 'chronological', train: 0.7, val: 0.1, test: 0.2 })).errors).toEqual({});
  });
});

describe('columnsFor', () => {
  const columns = [col('t', 'datetime', 'time'), col('x', 'float'), col('user', 'categorical', 'categorical'), col('label', 'int', 'target'), col('flag', 'boolean'), col('note', 'text'), col('row', 'int', 'ignore')];
  it('offers classes for stratify (target first), any column for users, times and numbers for time', () => {
    expect(columnsFor('stratify', columns)).toEqual(['label', 'user', 'flag']);
    expect(columnsFor('user', columns)).toEqual(['user', 't', 'x', 'label', 'flag', 'note']);
    expect(columnsFor('time', columns)).toEqual(['t']); // a date is there: numbers are no clock
  });

  it('offers the time index, then dates, for time; numbers only when there is no date, clock-like names first (audit A20)', () => {
    // the audit's movie_ratings.csv: no date column, the time is a Unix "rated at"
    const ratings = [col('user id', 'int'), col('movie id', 'int'), col('rating', 'int'), col('rated at', 'int'), col('age', 'int'), col('gender', 'categorical'), col('occupation', 'categorical')];
    expect(columnsFor('time', ratings)).toEqual(['rated at', 'user id', 'movie id', 'rating', 'age']);
    expect(columnsFor('time', [col('rating', 'int'), col('when', 'datetime'), col('age', 'int')])).toEqual(['when']);
    // a number marked as the time index comes first, then dates
    expect(columnsFor('time', [col('d', 'datetime'), col('step', 'int', 'time'), col('age', 'int')])).toEqual(['step', 'd']);
  });
});

describe('words', () => {
  const s: SplitInfo = { id: '3', datasetId: '1', name: 'stratified', kind: 'stratified', spec: { kind: 'stratified', ratios: { train: 0.8, val: 0.1, test: 0.1 }, column: 'label', seed: 42 }, counts: { train: 16000, val: 2000, test: 2000, unused: 0 }, seed: 42, createdAt: '2026-01-01 10:00:00' };
  it('describes a stored split and its share of rows', () => {
    expect(splitOption(s)).toBe('stratified · 16,000 / 2,000 / 2,000');
    expect(splitDetail(s)).toBe('0.8 / 0.1 / 0.1 · by label');
    expect(share(2000, 20000)).toBe('10.0%');
    expect(share(1, 0)).toBe('—');
  });
  it('forecasting takes only splits by time', () => {
    expect(splitProblem('forecasting', 'random')).toMatch(/by time/);
    expect(splitProblem('forecasting', 'ett')).toBeNull();
    expect(splitProblem('fusion', 'random')).toBeNull();
  });
});

describe('defaultKind (what New split starts with)', () => {
  const ds = (family: string | null, rows: number, columnInfo: ColumnInfo[]) => ({ family, rows, columnInfo });
  it('splits a series by time: ETT months when long enough, chronological otherwise', () => {
    const loads = [col('Date and time', 'datetime'), col('Oil temperature', 'float')];
    expect(defaultKind(ds(null, 3000, loads))).toBe('chronological'); // the audit's transformer_loads.csv, no family
    expect(defaultKind(ds('forecasting', 3000, loads))).toBe('chronological'); // too short for 20 months of hours
    expect(defaultKind(ds('forecasting', 26_280, loads))).toBe('ett');
    expect(defaultKind(ds(null, 500, [col('step', 'int', 'time'), col('y', 'float')]))).toBe('chronological');
  });
  it('stratifies a fusion set by its target, and shuffles a click log', () => {
    const reviews = [col('Review Text', 'text'), col('Rating', 'int'), col('Recommended IND', 'boolean', 'target')].map((c, i) => ({ ...c, modality: i === 0 ? 'text' : 'tabular' }));
    expect(defaultKind(ds(null, 3000, reviews))).toBe('stratified');
    expect(defaultKind(ds('fusion', 3000, [col('label', 'categorical', 'target'), col('s', 'float')]))).toBe('stratified');
    expect(defaultKind(ds('fusion', 3000, [col('s', 'float')]))).toBe('random'); // nothing to stratify by
    expect(defaultKind(ds('recsys', 3000, [col('when', 'datetime'), col('click', 'boolean', 'target')]))).toBe('random');
    expect(defaultKind(ds(null, 3000, [col('x', 'float'), col('y', 'int', 'target')]))).toBe('random');
  });
  it('never starts stratified by a fusion target that reads as a number to regress (audit O1)', () => {
    // a price with fractions over 20 filled histogram bins; whole numbers over 1..5000 (more than 100 classes)
    const price = { ...col('price', 'float', 'target'), min: 3.5, max: 980.25, histogram: { edges: [], counts: Array.from({ length: 20 }, () => 75) } } as ColumnInfo;
    const count = { ...col('count', 'int', 'target'), min: 1, max: 5000, histogram: { edges: [], counts: Array.from({ length: 20 }, () => 75) } } as ColumnInfo;
    const stars = { ...col('stars', 'int', 'target'), min: 1, max: 5, histogram: { edges: [], counts: [10, 0, 0, 0, 20, 0, 0, 0, 30, 0, 0, 0, 0, 40, 0, 0, 0, 0, 0, 50] } } as ColumnInfo;
    const condition = col('condition', 'categorical');
    expect(defaultKind(ds('fusion', 1500, [price, condition]))).toBe('random'); // not stratified by condition either
    expect(defaultKind(ds('fusion', 1500, [count, condition]))).toBe('random');
    expect(defaultKind(ds('fusion', 1500, [stars, condition]))).toBe('stratified');
    // and the form never offers them as a column to stratify by
    expect(columnsFor('stratify', [price, count, stars, condition])).toEqual(['stars', 'condition']);
    // the default the Splits tab names is the one its runs get
    expect(familyDefault('fusion', [price, condition])).toBe("random 80/10/10, seed 42 (the target 'price' is a number to regress: it has no classes to stratify by)");
    expect(familyDefault('fusion', [stars, condition])).toBe("stratified by the target 'stars' 80/10/10, seed 42");
    // no target yet: both rules, as the run will pick one when it has a target
    expect(familyDefault('fusion', [col('condition', 'categorical')])).toBe('stratified by the target 80/10/10, seed 42; random when the target is a number to regress');
  });
});

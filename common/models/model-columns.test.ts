// One function picks the columns a run's model was built from, for the trainer and for the lab's export: a
// new run leaves constant columns out; a run created under an older rule (its model as wide as the columns
// that rule kept) is re-derived by that rule, or it could not load its own checkpoint; a model that fits
// no rule gets today's columns and the difference. A CTR multi-hot too wide for a model names its column.
import { describe, expect, it } from 'vitest';
import { columnSource, type DataColumn, type SplitResult } from '../data';
import { DataColumns } from './binding';
import { BUILT_MODEL_RULES, NEW_MODEL_RULES, modelColumns, shapeMismatch } from './model-columns';

const N = 100;
const series = (f: (i: number) => number): DataColumn => ({ values: Float64Array.from({ length: N }, (_, i) => f(i)) });
const coded = (f: (i: number) => string): DataColumn => {
  const dict: string[] = [];
  const codes = Int32Array.from({ length: N }, (_, i) => { const v = f(i); let c = dict.indexOf(v); if (c < 0) { c = dict.length; dict.push(v); } return c; });
  return { values: codes, dictionary: dict };
};
// chronological 70/10/20
const split: SplitResult = { assignment: Uint8Array.from({ length: N }, (_, i) => (i < 70 ? 0 : i < 80 ? 1 : 2)), counts: { train: 70, val: 10, test: 20 }, ranges: { train: [0, 70], val: [70, 80], test: [80, 100] } };
const categorical = (names: string[]) => (c: string) => (names.includes(c) ? 'categorical' : 'float');

describe('modelColumns: CTR, a constant field', () => {
  // 'site' is 'web' in every row: left out since 2026-11-30, kept (vocabulary 2) by runs created before
  const data = columnSource(N, { user: coded((i) => `u${i % 23}`), site: coded(() => 'web'), device: coded((i) => (i % 3 ? 'mobile' : 'desktop')), price: series((i) => (i % 11) + 0.5), click: series((i) => i % 2) });
  const columns = DataColumns.parse({ family: 'recsys', fields: ['user', 'site', 'device'], numeric: ['price'], label: { column: 'click' } });
  const input = (model: Record<string, unknown>) => ({ data, columns, split, typeOf: categorical(['user', 'site', 'device']), model });

  it('a new run (no data-shaped fields yet) leaves it out and says so', () => {
    for (const rules of [NEW_MODEL_RULES, BUILT_MODEL_RULES]) {
      const m = modelColumns(input({ template: 'finalmlp' }), rules);
      expect(m.columns).toMatchObject({ fields: ['user', 'device'], numeric: ['price'] });
      expect(m.notes).toEqual(['left out: site (constant)']);
      expect(m.shape).toEqual({ fields: [24, 3], numeric: 1 });
      expect(m.mismatch).toBe('model.fields is undefined but the dataset now gives [24,3]');
    }
  });

  it('a run created before keeps it when its built model is re-derived (resume, analytics, export)', () => {
    const older = { template: 'finalmlp', fields: [24, 2, 3], numeric: 1 };
    const m = modelColumns(input(older), BUILT_MODEL_RULES);
    expect(m.columns).toMatchObject({ fields: ['user', 'site', 'device'], numeric: ['price'] });
    expect(m.notes).toEqual([]);
    expect(m.mismatch).toBeNull();
    // and a run trained since, its model built without it, stays without it
    expect(modelColumns(input({ template: 'finalmlp', fields: [24, 3], numeric: 1 }), BUILT_MODEL_RULES).columns).toMatchObject({ fields: ['user', 'device'] });
  });

  it('a new run whose config carries that same shape (the Models form\'s estimate) leaves it out', () => {
    const m = modelColumns(input({ template: 'finalmlp', fields: [24, 2, 3], numeric: 1 }), NEW_MODEL_RULES);
    expect(m.columns).toMatchObject({ fields: ['user', 'device'], numeric: ['price'] });
    expect(m.notes).toEqual(['left out: site (constant)']);
    expect(m.shape).toEqual({ fields: [24, 3], numeric: 1 });
  });

  it('a model no rule gives (the dataset changed since): today\'s columns, and the first difference', () => {
    const m = modelColumns(input({ template: 'finalmlp', fields: [30, 2, 3], numeric: 1 }), BUILT_MODEL_RULES);
    expect(m.columns).toMatchObject({ fields: ['user', 'device'] });
    expect(m.mismatch).toBe('model.fields is [30,2,3] but the dataset now gives [24,3]');
  });
});

describe('modelColumns: forecasting, a constant channel', () => {
  const data = columnSource(N, { load: series((i) => Math.sin(i / 5)), temp: series((i) => (i % 7) / 3), flat: series(() => 5) });
  const columns = DataColumns.parse({ family: 'forecasting', channels: ['load', 'temp', 'flat'] });
  const input = (channels: number) => ({ data, columns, split, typeOf: () => 'float', model: { template: 'dlinear', lookback: 8, horizon: 2, channels } });

  it('the export re-derives a run trained before channels were left out with all three (its model is 3 wide)', () => {
    const m = modelColumns(input(3), BUILT_MODEL_RULES);
    expect(m.columns).toMatchObject({ channels: ['load', 'temp', 'flat'] });
    expect(m.shape).toEqual({ channels: 3, lookback: 8, horizon: 2 });
    expect(m.mismatch).toBeNull();
  });

  it('the trainer leaves it out of a new run whose form filled channels with the binding\'s count', () => {
    const m = modelColumns(input(3), NEW_MODEL_RULES);
    expect(m.columns).toMatchObject({ channels: ['load', 'temp'] });
    expect(m.notes).toEqual(['left out: flat (constant)']);
  });
});

describe('modelColumns: a CTR multi-hot wider than a model takes', () => {
  // 'tags': row i lists 'tI' and a common 'all', so the training rows (0..69) hold 71 distinct tokens
  const data = columnSource(N, { user: coded((i) => `u${i % 10}`), tags: coded((i) => `t${i}|all`), price: series((i) => i % 9), click: series((i) => i % 2) });
  const typeOf = categorical(['user', 'tags']);
  const ctr = (numeric: string[]) => DataColumns.parse({ family: 'recsys', fields: ['user'], numeric, multiHot: [{ name: 'tags', columns: ['tags'] }], label: { column: 'click' } });

  it('names the column, its token count and what to do, not the template\'s `numeric`', () => {
    const wide = columnSource(N * 60, {
      user: { values: Int32Array.from({ length: N * 60 }, (_, i) => i % 10), dictionary: Array.from({ length: 10 }, (_, k) => `u${k}`) },
      tags: { values: Int32Array.from({ length: N * 60 }, (_, i) => i), dictionary: Array.from({ length: N * 60 }, (_, i) => `t${i}|all`) },
      price: { values: Float64Array.from({ length: N * 60 }, (_, i) => i % 9) },
      click: { values: Float64Array.from({ length: N * 60 }, (_, i) => i % 2) },
    });
    const rows = N * 60; // 6,000 rows, the first 5,000 training: 5,001 tokens ('all' and one per row)
    const wideSplit: SplitResult = { assignment: Uint8Array.from({ length: rows }, (_, i) => (i < 5000 ? 0 : i < 5500 ? 1 : 2)), counts: { train: 5000, val: 500, test: 500 }, ranges: null };
    expect(() => modelColumns({ data: wide, columns: ctr(['price']), split: wideSplit, typeOf, model: { template: 'finalmlp' } }, NEW_MODEL_RULES)).toThrow(
      'a recommendation (CTR) model takes at most 4,096 numeric inputs (each becomes an embedding the model reads, as a field does), and this data gives 5,003: ' +
      "the multi-hot column 'tags' with 5,001 distinct tokens in the training rows (an input each, plus one for unseen tokens); 1 numeric column. " +
      "Keep the frequent tokens of 'tags' (in the file, replace the rare ones by one token such as 'other', then import it again), or leave the column out (gatelab datasets roles ID 'tags'=ignore)");
  });

  it('under the limit: one input per token of the training rows, plus one for unseen tokens', () => {
    const m = modelColumns({ data, columns: ctr(['price']), split, typeOf, model: { template: 'finalmlp' } }, NEW_MODEL_RULES);
    expect(m.shape).toEqual({ fields: [11], numeric: 1 + 71 + 1 });
  });
});

describe('shapeMismatch', () => {
  it('compares the data-shaped fields whatever their key order, never the windows', () => {
    const shape = { modalities: [{ name: 'text', dim: 4096 }], classes: 1, lookback: 8 };
    expect(shapeMismatch(shape, { classes: 1, modalities: [{ dim: 4096, name: 'text' }], lookback: 96 })).toBeNull();
    expect(shapeMismatch(shape, { classes: 3, modalities: [{ dim: 4096, name: 'text' }] })).toBe('model.classes is 3 but the dataset now gives 1');
  });
});

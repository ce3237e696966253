// Columns the data makes useless are left out of a binding and named: constant and empty forecasting
// channels, id-like categoricals in fusion, per-row-unique recsys fields and those without a value (or with
// one value only) in the training rows.
import { describe, expect, it } from 'vitest';
import { columnSource, type DataColumn, type SplitResult } from '../data';
import { DataColumns } from './binding';
import { checkNumericInputs, isId, usableColumns } from './usable-columns';

const N = 100;
const series = (f: (i: number) => number): DataColumn => ({ values: Float64Array.from({ length: N }, (_, i) => f(i)) });
const coded = (f: (i: number) => string): DataColumn => {
  const dict: string[] = [];
  const codes = Int32Array.from({ length: N }, (_, i) => { const v = f(i); let c = dict.indexOf(v); if (c < 0) { c = dict.length; dict.push(v); } return c; });
  return { values: codes, dictionary: dict };
};
// chronological 70/10/20
const split: SplitResult = { assignment: Uint8Array.from({ length: N }, (_, i) => (i < 70 ? 0 : i < 80 ? 1 : 2)), counts: { train: 70, val: 10, test: 20 }, ranges: { train: [0, 70], val: [70, 80], test: [80, 100] } };
const typeOf = (t: Record<string, string>) => (c: string) => t[c];

describe('usable columns', () => {
  it('forecasting: constant, empty and train-constant channels are left out and named', () => {
    const data = columnSource(N, {
      OT: series((i) => Math.sin(i)), const: series(() => 5), empty: series(() => NaN),
      late: series((i) => (i < 70 ? 1 : i)), gap: series((i) => (i < 70 ? NaN : i)), load: series((i) => i % 7),
    });
    const c = DataColumns.parse({ family: 'forecasting', channels: ['OT', 'const', 'empty', 'late', 'gap', 'load'] });
    const u = usableColumns(data, c, split, typeOf({}));
    expect(u.columns).toMatchObject({ channels: ['OT', 'load'] });
    expect(u.notes).toEqual(['left out: const (constant), empty (all missing), late (constant in the training rows), gap (no value in the training rows)']);
    // names from outside the binding join the same note
    expect(usableColumns(data, c, split, typeOf({}), ['flag (all missing)']).notes).toEqual([expect.stringMatching(/gap \(no value in the training rows\), flag \(all missing\)$/)]);
    // nothing to forecast: said, with what each column was
    expect(() => usableColumns(data, DataColumns.parse({ family: 'forecasting', channels: ['const', 'empty'] }), split, typeOf({})))
      .toThrow('no channel left to forecast: const (constant), empty (all missing). Forecast columns whose values change over the training rows');
    // every channel useful: no note, binding unchanged
    expect(usableColumns(data, DataColumns.parse({ family: 'forecasting', channels: ['OT'] }), split, typeOf({}))).toEqual({ columns: { family: 'forecasting', channels: ['OT'], stride: 1 }, notes: [] });
  });

  it('forecasting: a split without training rows (a 1-row file) blames the length, not the columns', () => {
    const one = columnSource(1, { x: { values: Float32Array.of(1.5) }, y: { values: Float32Array.of(2.5) } });
    // chronological 70/10/20 of one row: 0 training rows, the row is the test part
    const tiny: SplitResult = { assignment: Uint8Array.of(2), counts: { train: 0, val: 0, test: 1 }, ranges: { train: [0, 0], val: [0, 0], test: [0, 1] } };
    const c = DataColumns.parse({ family: 'forecasting', channels: ['x', 'y'] });
    expect(() => usableColumns(one, c, tiny, typeOf({}), [], { lookback: 4, horizon: 1 })).toThrow(
      "the training part is empty: this split gives it none of the dataset's 1 row (validation no rows; test rows 1-1, 1 row), and a training window (lookback 4 + horizon 1 rows) must lie inside it. " +
      'Use a longer file (the training part needs at least lookback 4 + horizon 1 rows, plus rows for the validation and test parts) or a larger training part');
    expect(() => usableColumns(one, c, tiny, typeOf({}))).toThrow(/^the training part is empty: .*a training window \(lookback \+ horizon rows\) must lie inside it/);
    // a split without ranges says the same with its counts, never "rows 0..0"
    const counted: SplitResult = { ...tiny, ranges: null };
    expect(() => usableColumns(one, c, counted, typeOf({}), [], { lookback: 4, horizon: 1 })).toThrow("none of the dataset's 1 row (validation no rows; test 1 row)");
  });

  it('fusion: a categorical with a value per row (≥ 90%) is an id and goes; text and repeating categoricals stay', () => {
    const data = columnSource(N, {
      review_id: coded((i) => `R${i}`), near_id: coded((i) => `Z${i < 91 ? i : 0}`), color: coded((i) => ['red', 'blue'][i % 2]),
      review: coded((i) => `text ${i}`), age: series((i) => 20 + (i % 40)), label: series((i) => i % 2),
    });
    const types = typeOf({ review_id: 'categorical', near_id: 'categorical', color: 'categorical', review: 'text', age: 'int' });
    const c = DataColumns.parse({ family: 'fusion', modalities: [{ name: 'tabular', columns: ['review_id', 'near_id', 'color', 'age'] }, { name: 'text', columns: ['review'] }, { name: 'ids', columns: ['review_id'] }], label: 'label' });
    const u = usableColumns(data, c, split, types);
    expect(u.columns).toMatchObject({ modalities: [{ name: 'tabular', columns: ['color', 'age'] }, { name: 'text', columns: ['review'] }] });
    expect(u.notes).toEqual(["left out: review_id (an id: one value per row), near_id (an id: one value per row), review_id (an id: one value per row), modality 'ids' (no column left)"]);
    expect(() => usableColumns(data, DataColumns.parse({ family: 'fusion', modalities: [{ name: 'ids', columns: ['review_id'] }], label: 'label' }), split, types)).toThrow(/^no modality left to fuse: review_id \(an id/);
  });

  it('recsys: ids that repeat stay (they are the point); a field unique per row goes', () => {
    const data = columnSource(N, { user: coded((i) => `u${i % 10}`), item: series((i) => i % 60), event: coded((i) => `e${i}`), click: series((i) => i % 2) });
    const c = DataColumns.parse({ family: 'recsys', fields: ['user', 'item', 'event'], label: { column: 'click' } });
    const u = usableColumns(data, c, split, typeOf({}));
    expect(u.columns).toMatchObject({ fields: ['user', 'item'] });
    expect(u.notes).toEqual(['left out: event (an id: one value per row)']);
    expect(() => usableColumns(data, DataColumns.parse({ family: 'recsys', fields: ['event'], label: { column: 'click' } }), split, typeOf({}))).toThrow(/needs categorical fields whose values repeat/);
  });

  it('recsys: a field with nothing to learn in the training rows goes and is named (an empty one would fail the templates\' vocabulary ≥ 2)', () => {
    const data = columnSource(N, {
      user: coded((i) => `u${i % 10}`),
      notes: { values: new Int32Array(N).fill(-1), dictionary: [] }, // all missing (imported as a categorical without values)
      late: coded((i) => (i < 70 ? '' : `v${i % 3}`)), // values only outside the training rows (70 train rows first)
      currency: coded(() => 'EUR'), // the same value in every row
      channel: coded((i) => (i < 70 ? 'web' : 'app')), // one value in the training rows, another later
      coupon: coded((i) => (i % 4 ? '' : 'X')), // one value beside missing cells: present or not is a signal
      code: series((i) => (i < 70 ? 7 : NaN)), // a numeric id column marked categorical, constant where present
      age: series((i) => 20 + (i % 30)), empty_num: series(() => NaN), late_num: series((i) => (i < 70 ? NaN : i)), flat: series(() => 3),
      click: series((i) => i % 2),
    });
    // the coded helper stores '' as a value: make it missing (code −1), as the import does
    for (const name of ['late', 'coupon']) {
      const col = data.column(name);
      const blank = col.dictionary!.indexOf('');
      for (let r = 0; r < N; r++) if (col.values[r] === blank) col.values[r] = -1;
    }
    const c = DataColumns.parse({ family: 'recsys', fields: ['user', 'notes', 'late', 'currency', 'channel', 'coupon', 'code'], numeric: ['age', 'empty_num', 'late_num', 'flat'], label: { column: 'click' } });
    const u = usableColumns(data, c, split, typeOf({}));
    expect(u.columns).toMatchObject({ fields: ['user', 'coupon'], numeric: ['age', 'flat'] });
    expect(u.notes).toEqual(['left out: notes (all missing), late (no value in the training rows), currency (constant), channel (constant in the training rows), ' +
      'code (constant), empty_num (all missing), late_num (no value in the training rows)']);
    // nothing left: said, with why each field went
    expect(() => usableColumns(data, DataColumns.parse({ family: 'recsys', fields: ['notes', 'currency'], label: { column: 'click' } }), split, typeOf({})))
      .toThrow('a recommendation (CTR) model needs categorical fields whose values repeat and vary over the training rows; none is left: notes (all missing), currency (constant). ' +
        'Mark a column such as a user or item id categorical (gatelab datasets roles ID <column>=categorical)');
  });

  it('recsys: more numeric inputs than a model takes are refused with what to leave out; 0/1 indicator columns count one each', () => {
    const numeric = Array.from({ length: 4097 }, (_, i) => `x${i}`);
    const none = { version: 1 as const, fittedOnRows: 70, steps: [] };
    expect(() => checkNumericInputs(DataColumns.parse({ family: 'recsys', fields: ['user'], numeric, label: { column: 'click' } }), none)).toThrow(
      'a recommendation (CTR) model takes at most 4,096 numeric inputs (each becomes an embedding the model reads, as a field does), and this data gives 4,097: ' +
      '4,097 numeric columns. Leave numeric columns out (gatelab datasets roles ID <column>=ignore)');
    expect(() => checkNumericInputs(DataColumns.parse({ family: 'recsys', fields: ['user'], numeric: numeric.slice(1), label: { column: 'click' } }), none)).not.toThrow();
    // genres as 0/1 columns: one multi-hot of 19 tokens + 1, far under the limit
    const genres = Array.from({ length: 19 }, (_, i) => `g${i}`);
    const fitted = { version: 1 as const, fittedOnRows: 70, steps: [{ target: 'multi_hot', columns: genres, state: { kind: 'multi-hot' as const, tokens: genres, minCount: 1, columns: genres } }] };
    expect(() => checkNumericInputs(DataColumns.parse({ family: 'recsys', fields: ['user'], multiHot: [{ name: 'multi_hot', columns: genres }], label: { column: 'click' } }), fitted)).not.toThrow();
  });

  it('isId: distinct share of the present values; missing values and tiny columns do not count', () => {
    expect(isId({ values: Int32Array.from({ length: 40 }, (_, i) => (i % 2 ? -1 : i)), dictionary: Array.from({ length: 40 }, String) }, 0.9)).toBe(true);
    expect(isId({ values: Float32Array.from({ length: 40 }, (_, i) => i % 30) }, 0.9)).toBe(false); // 30 of 40
    expect(isId({ values: Float32Array.from({ length: 10 }, (_, i) => i) }, 0.9)).toBe(false); // too few rows to tell
  });
});

describe('usable columns: fusion columns without a value, and the one-hot cap', () => {
  const data = columnSource(N, {
    age: series((i) => 20 + (i % 40)), blank: coded(() => ''), nothing: series(() => NaN), late: series((i) => (i < 70 ? NaN : i)),
    emb: { values: Float32Array.from({ length: N * 2 }, () => NaN), dim: 2 }, city: coded((i) => `c${i % 30}`), y: series((i) => i % 2),
  });
  // the importer codes an empty cell as missing (-1)
  data.column('blank').values.fill(-1);
  const types = typeOf({ age: 'int', blank: 'categorical', nothing: 'float', late: 'float', emb: 'vector', city: 'categorical' });
  const c = DataColumns.parse({ family: 'fusion', modalities: [{ name: 'tabular', columns: ['age', 'blank', 'nothing', 'late', 'city'] }, { name: 'emb', columns: ['emb'] }], label: 'y' });

  it('today\'s rule leaves out columns without a value in the training rows (an empty modality too), and caps a wide categorical', () => {
    const u = usableColumns(data, c, split, types, [], {}, 'current', 10);
    expect(u.columns).toMatchObject({ modalities: [{ name: 'tabular', columns: ['age', 'city'] }], maxCategories: 10 });
    expect(u.notes).toEqual([
      'left out: blank (all missing), nothing (all missing), late (no value in the training rows), emb (all missing), modality \'emb\' (no column left)',
      'city: 30 categories → top 10 + other (one-hot of the most frequent values in the training rows; --set maxCategories=N changes the cap)',
    ]);
    // within the cap: no note, the cap still set (a vocabulary never grows past it)
    expect(usableColumns(data, c, split, types, [], {}, 'current', 30).notes).toHaveLength(1);
  });

  it('the rule before keeps them all, uncapped (a run built then re-derives its inputs)', () => {
    const u = usableColumns(data, c, split, types, [], {}, 'ids-only', 10);
    expect(u.columns).toEqual(c);
    expect(u.notes).toEqual([]);
  });
});

// From a dataset to batches when the target and the numbers are not clean: classes decided by the
// target's values, rows without a target left out (and counted), missing numbers filled, embeddings used.
// Small synthetic tables through runDataFrom (the trainer's path after the cache is read).
import { describe, expect, it } from 'vitest';
import { columnSource, computeSplit, type DataColumn } from '../../common/data';
import { runDataFrom } from './run-data';
import { classNamesOf } from '../run/class-metrics';

const N = 60;
const coded = (values: (string | null)[]): DataColumn => {
  const dictionary: string[] = [];
  return { values: Int32Array.from(values, (v) => (v === null ? -1 : dictionary.includes(v) ? dictionary.indexOf(v) : dictionary.push(v) - 1)), dictionary };
};
const float = (f: (i: number) => number): DataColumn => ({ values: Float32Array.from({ length: N }, (_, i) => f(i)) });
const random = (seed = 1) => computeSplit({ kind: 'random', ratios: { train: 0.6, val: 0.2, test: 0.2 }, seed }, { rows: N, column: () => { throw new Error('unused'); } });
const finite = (a: ArrayLike<number>) => Array.from(a).every(Number.isFinite);
const types: Record<string, string> = { x: 'float', region: 'categorical', emb: 'vector' };
const typeOf = (c: string) => types[c];

describe('targets and missing values', () => {
  it('a 3-valued target is 3 classes in sorted order; rows without a target are left out and counted', () => {
    const sentiment = ['positive', 'negative', 'neutral'];
    const data = columnSource(N, {
      x: float((i) => i % 3),
      region: coded(Array.from({ length: N }, (_, i) => ['n', 's'][i % 2])),
      y: coded(Array.from({ length: N }, (_, i) => (i % 10 === 9 ? null : sentiment[i % 3]))),
    });
    const r = runDataFrom(data, typeOf, random(), { family: 'fusion', modalities: [{ name: 'tab', columns: ['x', 'region'] }], label: 'y', classes: 1, textBuckets: 64 });
    expect(r.shape.classes).toBe(3);
    expect(r.data).toMatchObject({ task: 'multiclass', classes: 3, classNames: ['negative', 'neutral', 'positive'] });
    expect(r.leftOut).toBe(6);
    expect(r.data.train.rows + r.data.validation.rows + r.data.test.rows).toBe(54);
    expect(r.data.describe).toMatch(/ \(6 rows without a target left out\); 3 classes of 'y': negative, neutral, positive$/);
    // class ids follow the sorted names: x = i % 3 ↔ positive(2), negative(0), neutral(1)
    const { m_tab, label } = r.data.train.columns;
    const want = [2, 0, 1];
    for (let i = 0; i < r.data.train.rows; i++) {
      const x = (m_tab.data as Float32Array)[i * 4]; // x scaled: -1.22, 0, 1.22 for 0, 1, 2
      expect(Number((label.data as BigInt64Array)[i])).toBe(want[Math.round(x / 1.2247) + 1]);
    }
    // the split the analytics line up with is the one without those rows
    expect(r.split.counts.train + r.split.counts.val + r.split.counts.test).toBe(54);
  });

  it('CTR: a clicked/not label, a missing price is the training mean, rows without a label left out', () => {
    const data = columnSource(N, {
      user: coded(Array.from({ length: N }, (_, i) => `u${i % 7}`)),
      price: float((i) => (i % 11 === 4 ? NaN : i)),
      clicked: coded(Array.from({ length: N }, (_, i) => (i === 5 ? null : i % 2 ? 'clicked' : 'not'))),
    });
    const r = runDataFrom(data, typeOf, random(), { family: 'recsys', fields: ['user'], numeric: ['price'], multiHot: [], label: { column: 'clicked' } });
    // 7 users over 60 rows: every validation and test user also trains (the cold-start note says so)
    expect(r.data.describe).toMatch(/\(1 row without a target left out\); label: 'clicked' is positive \('not' negative\); share of rows whose value is unseen in training: validation user 0%; test user 0%$/);
    for (const part of [r.data.train, r.data.validation, r.data.test]) expect(finite(part.columns.numeric.data as Float32Array)).toBe(true);
    const labels = Array.from(r.data.train.columns.label.data as Float32Array);
    expect(new Set(labels)).toEqual(new Set([0, 1]));
    // an infinite price is named, not blamed on the learning rate later
    const inf = columnSource(N, { ...Object.fromEntries(['user', 'clicked'].map((c) => [c, data.column(c)])), price: float((i) => (i === 3 ? Infinity : i)) });
    expect(() => runDataFrom(inf, typeOf, random(), { family: 'recsys', fields: ['user'], numeric: ['price'], multiHot: [], label: { column: 'clicked' } }))
      .toThrow(/column 'price' gives the model's input 'numeric' the value (\+Infinity|NaN) at row 4 of the dataset/);
  });

  it('a binary target names its two values in label order, so per-class tables read as the file does', () => {
    const user = coded(Array.from({ length: N }, (_, i) => `u${i % 7}`));
    const words = columnSource(N, { user, clicked: coded(Array.from({ length: N }, (_, i) => (i % 2 ? 'true' : 'false'))) });
    const ctr = runDataFrom(words, typeOf, random(), { family: 'recsys', fields: ['user'], numeric: [], multiHot: [], label: { column: 'clicked' } });
    expect(ctr.data.classNames).toEqual(['false', 'true']);
    expect(classNamesOf(ctr.data)).toEqual(['false', 'true']);
    // a threshold: the rule's two sides
    const rated = columnSource(N, { user, rating: float((i) => 1 + (i % 5)) });
    const rule = runDataFrom(rated, typeOf, random(), { family: 'recsys', fields: ['user'], numeric: [], multiHot: [], label: { column: 'rating', positiveAtLeast: 4 } });
    expect(classNamesOf(rule.data)).toEqual(['< 4', '≥ 4']);
    // fusion, 0/1 in the file: class 0 is '0'
    const fused = runDataFrom(columnSource(N, { x: float((i) => i), y: float((i) => i % 2) }), typeOf, random(), { family: 'fusion', modalities: [{ name: 'tab', columns: ['x'] }], label: 'y', classes: 1, textBuckets: 64 });
    expect(fused.data).toMatchObject({ task: 'binary', classNames: ['0', '1'] });
    // words whose positive is not the later one in sorting ('yes' before 'no'): still [negative, positive]
    const yes = runDataFrom(columnSource(N, { user, bought: coded(Array.from({ length: N }, (_, i) => (i % 3 ? 'no' : 'yes'))) }), typeOf, random(), { family: 'recsys', fields: ['user'], numeric: [], multiHot: [], label: { column: 'bought' } });
    expect(classNamesOf(yes.data)).toEqual(['no', 'yes']);
    const labels = Array.from(yes.data.train.columns.label.data as Float32Array);
    expect(labels.filter((v) => v === 1).length).toBeLessThan(labels.filter((v) => v === 0).length); // 'yes' (1 in 3) is label 1
  });

  it('a time column as the target is named a time, not a number with many values (the trainer reads the column types)', () => {
    const rows = 300; // more distinct times than integer classes (MAX_INTEGER_CLASSES)
    const data = columnSource(rows, {
      user: { values: Int32Array.from({ length: rows }, (_, i) => i % 7), dictionary: Array.from({ length: 7 }, (_, u) => `u${u}`) },
      ts: { values: Float64Array.from({ length: rows }, (_, i) => 1_700_000_000 + i * 24) },
    });
    const split = computeSplit({ kind: 'random', ratios: { train: 0.6, val: 0.2, test: 0.2 }, seed: 1 }, data);
    const timed = (c: string) => (c === 'ts' ? 'datetime' : typeOf(c));
    expect(() => runDataFrom(data, timed, split, { family: 'recsys', fields: ['user'], numeric: [], multiHot: [], label: { column: 'ts' } }))
      .toThrow(/^the target 'ts' is a time column with 300 distinct times \(2023-11-14 22:13:20, 2023-11-14 22:13:44, 2023-11-14 22:14:08, …\), not a label: choose a column of classes as the target\. If each row is an interaction/);
  });

  it('forecasting: gaps are filled forward before scaling, so every window is finite', () => {
    const data = columnSource(N, { a: float((i) => (i % 9 === 0 ? NaN : Math.sin(i))), b: float((i) => (i > 50 ? NaN : i)) });
    const split = computeSplit({ kind: 'chronological', ratios: { train: 0.6, val: 0.2, test: 0.2 } }, data);
    const r = runDataFrom(data, typeOf, split, { family: 'forecasting', channels: ['a', 'b'], stride: 1 }, { lookback: 4, horizon: 2 });
    for (const part of [r.data.train, r.data.validation, r.data.test]) {
      expect(finite(part.columns.x.data as Float32Array)).toBe(true);
      expect(finite(part.columns.y.data as Float32Array)).toBe(true);
    }
  });

  it('an embedding (vector) column is a modality; a missing embedding is zeros', () => {
    const dim = 3;
    const emb: DataColumn = { values: Float32Array.from({ length: N * dim }, (_, k) => (Math.floor(k / dim) === 2 ? NaN : k % dim === 0 ? (Math.floor(k / dim) % 2) * 2 - 1 : 0.5)), dim };
    const data = columnSource(N, { emb, x: float((i) => i), y: float((i) => i % 2) });
    const r = runDataFrom(data, typeOf, random(2), { family: 'fusion', modalities: [{ name: 'emb', columns: ['emb'] }, { name: 'tab', columns: ['x'] }], label: 'y', classes: 1, textBuckets: 64 });
    expect(r.shape.modalities).toEqual([{ name: 'emb', dim: 3 }, { name: 'tab', dim: 1 }]);
    expect(r.data.task).toBe('binary');
    expect(r.data.describe).toMatch(/label: 'y' = 1 is positive \(0 negative\)$/); // names the column and the 1 in the file
    const all = [r.data.train, r.data.validation, r.data.test].flatMap((p) => Array.from(p.columns.m_emb.data as Float32Array));
    expect(all.every(Number.isFinite)).toBe(true);
    expect(all.filter((v) => v === 0).length).toBeGreaterThanOrEqual(3); // row 2's embedding
  });
});

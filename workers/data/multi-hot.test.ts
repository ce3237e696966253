// The multi-hot role on a recommendation dataset: a column of separated lists (`Action|Comedy`) and 0/1
// indicator columns become multi-hot features beside the numeric ones, not opaque categories.
import { describe, expect, it } from 'vitest';
import { columnSource, computeSplit, type DataColumn } from '../../common/data';
import { DataColumns, defaultBinding, type ColumnDescription } from '../../common/models/binding';
import { runDataFrom } from './run-data';

const N = 40;
const coded = (values: string[]): DataColumn => {
  const dictionary: string[] = [];
  return { values: Int32Array.from(values, (v) => (dictionary.includes(v) ? dictionary.indexOf(v) : dictionary.push(v) - 1)), dictionary };
};
const ints = (f: (i: number) => number): DataColumn => ({ values: Float32Array.from({ length: N }, (_, i) => f(i)) });

describe('multi-hot columns in a recommendation binding', () => {
  const columns: ColumnDescription[] = [
    { name: 'user', type: 'categorical', role: 'categorical', modality: null },
    { name: 'genres', type: 'categorical', role: 'multi-hot', modality: null },
    { name: 'g_drama', type: 'boolean', role: 'multi-hot', modality: null },
    { name: 'g_horror', type: 'boolean', role: 'multi-hot', modality: null },
    { name: 'liked', type: 'boolean', role: 'target', modality: null },
  ];

  it('binds a list column and the indicator columns as multi-hots, not as fields', () => {
    const b = defaultBinding('recsys', columns);
    expect(b.columns).toMatchObject({ fields: ['user'], numeric: [], multiHot: [{ name: 'genres', columns: ['genres'] }, { name: 'multi_hot', columns: ['g_drama', 'g_horror'] }] });
  });

  it('splits the list on | and feeds both multi-hots as numeric inputs', () => {
    const lists = ['Action|Comedy', 'Comedy', 'Action', 'Drama|Action|Comedy'];
    const data = columnSource(N, {
      user: coded(Array.from({ length: N }, (_, i) => `u${i % 5}`)),
      genres: coded(Array.from({ length: N }, (_, i) => lists[i % 4])),
      g_drama: ints((i) => i % 2),
      g_horror: ints((i) => (i % 3 === 0 ? 1 : 0)),
      liked: ints((i) => (i % 4 === 0 ? 1 : 0)),
    });
    const types: Record<string, string> = { user: 'categorical', genres: 'categorical', g_drama: 'boolean', g_horror: 'boolean', liked: 'boolean' };
    const b = defaultBinding('recsys', columns);
    const split = computeSplit({ kind: 'random', ratios: { train: 0.6, val: 0.2, test: 0.2 }, seed: 3 }, { rows: N, column: () => { throw new Error('unused'); } });
    const r = runDataFrom(data, (c) => types[c], split, DataColumns.parse(b.columns));
    // genres: Action, Comedy, Drama + the out-of-vocabulary slot; indicators: 2 + out-of-vocabulary
    const width = r.shape.numeric as number;
    expect(width).toBeGreaterThanOrEqual(3 + 2);
    const numeric = r.data.train.columns.numeric.data as Float32Array;
    // every training row has at least one genre set (each list names one or more)
    for (let i = 0; i < r.data.train.rows; i++) expect(Array.from(numeric.subarray(i * width, (i + 1) * width)).reduce((a, v) => a + v, 0)).toBeGreaterThanOrEqual(1);
  });
});

// The names a gate report gives a run's inputs: the data builder's own list first (fields left out are
// already gone from it), the data line's "left out" note only for data without that list.
import { describe, expect, it } from 'vitest';
import { columnSource, computeSplit, type DataColumn } from '../../common/data';
import { DataColumns } from '../../common/models/binding';
import { runDataFrom } from '../data/run-data';
import { inputNames } from './job';

const N = 120;
const numbers = (f: (r: number) => number): DataColumn => ({ values: Float32Array.from({ length: N }, (_, r) => f(r)) });
const words = (dictionary: string[], f: (r: number) => number): DataColumn => ({ values: Int32Array.from({ length: N }, (_, r) => f(r)), dictionary });
const data = columnSource(N, {
  impression: words(Array.from({ length: N }, (_, i) => `i${i}`), (r) => r),
  'city (home)': words(['Paris', 'Bonn', 'Lyon'], (r) => r % 3),
  notes: words([], () => -1),
  device: words(['ios', 'web'], (r) => r % 2),
  price: numbers((r) => 1 + (r % 9)),
  stars: numbers((r) => 1 + (r % 5)),
  load: numbers((r) => Math.sin(r / 5)), flag: numbers(() => 1), pv: numbers((r) => Math.cos(r / 7)),
});
const typeOf = (c: string) => (['impression', 'city (home)', 'notes', 'device'].includes(c) ? 'categorical' : 'float');
const split = computeSplit({ kind: 'random', ratios: { train: 0.6, val: 0.2, test: 0.2 }, seed: 1 }, data);

const ctr = DataColumns.parse({ family: 'recsys', fields: ['impression', 'city (home)', 'notes', 'device'], numeric: ['price'], label: { column: 'stars', positiveAtLeast: 4 } });
const run = runDataFrom(data, typeOf, split, ctr);

describe('inputNames: a CTR run with an id and an empty field left out', () => {
  it('names the kept fields then the numeric input from the builder\'s list', () => {
    expect(run.data.describe).toContain('left out: impression (an id: one value per row), notes (all missing)');
    expect(inputNames(ctr, run.data, run.shape)).toEqual(['city (home)', 'device', 'price']);
  });

  it('the builder\'s list wins over a data line without the note (its wording is not what names the inputs)', () => {
    const line = run.data.describe.split('; left out: ')[0];
    expect(inputNames(ctr, { ...run.data, describe: line }, run.shape)).toEqual(['city (home)', 'device', 'price']);
    // without the list, that line leaves the binding as wide as before: numbers, never shifted names
    expect(inputNames(ctr, { ...run.data, describe: line, inputs: undefined }, run.shape)).toBeUndefined();
  });

  it('data without the list (a run stored before it): the binding less the columns the data line names', () => {
    expect(inputNames(ctr, { ...run.data, inputs: undefined }, run.shape)).toEqual(['city (home)', 'device', 'price']);
  });
});

describe('inputNames: forecasting', () => {
  it('the channels the model reads, the constant one left out', () => {
    const c = DataColumns.parse({ family: 'forecasting', channels: ['load', 'flag', 'pv'] });
    const r = runDataFrom(data, typeOf, computeSplit({ kind: 'chronological' }, data), c, { lookback: 8, horizon: 2 });
    expect(r.data.describe).toContain('left out: flag (constant)');
    expect(inputNames(c, r.data, r.shape)).toEqual(['load', 'pv']);
    expect(inputNames(c, { ...r.data, inputs: undefined }, r.shape)).toEqual(['load', 'pv']);
  });
});

// The inputs and label a trainer sends with 'ready', from the data the trainer's own builder makes
// (runDataFrom: channels and fields left out, the target's coding): names in the model's order, whatever
// characters they hold, and none at all rather than shifted names when the builder does not say them.
import { describe, expect, it } from 'vitest';
import { columnSource, computeSplit, type DataColumn } from '../../common/data';
import { DataColumns } from '../../common/models/binding';
import { runDataFrom } from '../data/run-data';
import { labelCodingOf, modelInputsOf, withDataFacts } from './data-facts';

const N = 120;
const numbers = (f: (r: number) => number): DataColumn => ({ values: Float32Array.from({ length: N }, (_, r) => f(r)) });
const words = (dictionary: string[], f: (r: number) => number): DataColumn => ({ values: Int32Array.from({ length: N }, (_, r) => f(r)), dictionary });
const types: Record<string, string> = { tier: 'categorical', empty: 'categorical', genres: 'categorical', 'city, country': 'categorical', device: 'categorical', impression: 'categorical', kind: 'categorical', verdict: 'categorical' };
const typeOf = (c: string) => types[c] ?? 'float';

const data = columnSource(N, {
  'load; left out: pv (kW)': numbers((r) => Math.sin(r / 5)), flag: numbers(() => 1), pv: numbers((r) => Math.cos(r / 7)),
  'city, country': words(['Paris, France', 'Bonn, Germany', 'Lyon, France'], (r) => r % 3), device: words(['ios', 'web'], (r) => r % 2),
  impression: words(Array.from({ length: N }, (_, i) => `i${i}`), (r) => r), price: numbers((r) => 1 + (r % 9)), stars: numbers((r) => 1 + (r % 5)),
  kind: words(['b', 'c', 'a'], (r) => r % 3), verdict: words(['spam', 'ham'], (r) => (r % 4 === 0 ? 0 : 1)),
  // a class that appears in the last rows only: a chronological split puts it in test alone
  tier: words(['gold', 'silver', 'new'], (r) => (r >= 110 ? 2 : r % 2)),
  empty: words([], () => -1), genres: words(['Action|Comedy', 'Drama', 'Comedy'], (r) => r % 3),
});
const split = computeSplit({ kind: 'random', ratios: { train: 0.6, val: 0.2, test: 0.2 }, seed: 1 }, data);
const series = computeSplit({ kind: 'chronological' }, data);
const built = (columns: unknown, window = {}) => {
  const c = DataColumns.parse(columns);
  const run = runDataFrom(data, typeOf, c.family === 'forecasting' ? series : split, c, window);
  return { c, run, facts: withDataFacts(run.data, c, run.shape) };
};

describe('the inputs a trainer names', () => {
  it('forecasting: the channels the model reads, a constant one left out, names with "; left out: " kept whole', () => {
    const { facts, run } = built({ family: 'forecasting', channels: ['load; left out: pv (kW)', 'flag', 'pv'] }, { lookback: 8, horizon: 2 });
    expect(run.data.describe).toContain('left out: flag (constant)');
    expect(facts.inputs).toEqual({ channels: ['load; left out: pv (kW)', 'pv'] });
    expect(facts.label).toBeUndefined(); // a forecast's targets are its channels
  });

  it('CTR: the fields then the numeric inputs; with an id and an empty field left out, the builder names the rest', () => {
    const ctr = { family: 'recsys', fields: ['city, country', 'device'], numeric: ['price'], label: { column: 'stars', positiveAtLeast: 4 } };
    expect(built(ctr).facts.inputs).toEqual({ fields: ['city, country', 'device', 'price'] });
    const withId = built({ ...ctr, fields: ['impression', 'city, country', 'empty', 'device'] });
    expect(withId.run.data.describe).toContain('left out: impression (an id: one value per row), empty (all missing)');
    expect(withId.run.shape.fields).toHaveLength(2);
    // the builder knows which fields the model kept, in its order
    expect(withId.facts.inputs).toEqual({ fields: ['city, country', 'device', 'price'] });
    // data without the builder's names: the binding still holds the id and the empty field, and naming
    // from it would shift every name, so none are sent
    const unnamed = { ...withId.run.data, inputs: undefined };
    expect(modelInputsOf(unnamed, withId.c, withId.run.shape)).toBeUndefined();
  });

  it('a multi-hot\'s buckets have no column each: the CTR inputs stay unnamed', () => {
    const c = DataColumns.parse({ family: 'recsys', fields: ['device'], numeric: ['price'], multiHot: [{ name: 'genres', columns: ['genres'] }], label: { column: 'stars', positiveAtLeast: 4 } });
    const run = runDataFrom(data, typeOf, split, c);
    expect(run.shape.numeric).toBe(1 + 4); // price, then the genres' buckets (three genres and the unseen one)
    expect(run.data.inputs).toBeUndefined();
    expect(withDataFacts(run.data, c, run.shape).inputs).toBeUndefined();
  });
});

describe('the label a trainer names', () => {
  it('a label rule: the column, its sides as classes, negative first, and the threshold', () => {
    const { facts } = built({ family: 'recsys', fields: ['device'], label: { column: 'stars', positiveAtLeast: 4 } });
    expect(facts.label).toEqual({ column: 'stars', classes: ['< 4', '≥ 4'], negative: '< 4', positive: '≥ 4', positiveAtLeast: 4 });
  });

  it('two words: the positive one by the words, whatever order the file had them in', () => {
    const { facts } = built({ family: 'fusion', modalities: [{ name: 'tab', columns: ['price'] }], label: 'verdict' });
    expect(facts.label).toEqual({ column: 'verdict', classes: ['ham', 'spam'], negative: 'ham', positive: 'spam' });
  });

  it('k classes in the model\'s order (sorted), with no positive or negative', () => {
    const { facts, c, run } = built({ family: 'fusion', modalities: [{ name: 'tab', columns: ['price'] }], label: 'kind' });
    expect(facts.label).toEqual({ column: 'kind', classes: ['a', 'b', 'c'] });
    // class names that do not match the model's classes are not sent (numbers beat wrong names)
    expect(labelCodingOf({ ...run.data, classNames: ['a', 'b'] }, c)).toBeUndefined();
  });
});

describe('the classes a part lacks, in the data line', () => {
  it("a class only in test: no training rows, none in validation, and the split that keeps it in every part", () => {
    const c = DataColumns.parse({ family: 'fusion', modalities: [{ name: 'tab', columns: ['price'] }], label: 'tier' });
    const run = runDataFrom(data, typeOf, computeSplit({ kind: 'chronological' }, data), c); // 84 / 12 / 24 rows: 'new' is rows 110..119
    const facts = withDataFacts(run.data, c, run.shape);
    const line = facts.describe;
    // the same facts as numbers, sent with 'ready' for the lab (classes in the model's order: gold, new, silver)
    expect(facts.label?.classes).toEqual(['gold', 'new', 'silver']);
    expect(facts.classCounts).toEqual({ train: [42, 0, 42], validation: [6, 0, 6], test: [7, 10, 7] });
    expect(line.startsWith(`${run.data.describe}; `)).toBe(true); // after the builder's notes
    expect(line.slice(run.data.describe.length)).toBe("; no training rows: 'new' (the model cannot learn it; class weights do not help)" +
      "; validation has no 'new' rows: early stopping never scores it" +
      '; a split by class keeps every class in every part: gatelab datasets split ID --kind stratified --column tier, then run with its id as data.splitId (gatelab train: --set data.splitId=SPLIT; an experiment file: "splitId": SPLIT in its config.data; the app: Models › Split)');
  });

  it('every class in every part, or a forecast: the line is the builder\'s', () => {
    const { run, facts } = built({ family: 'fusion', modalities: [{ name: 'tab', columns: ['price'] }], label: 'kind' });
    expect(facts.describe).toBe(run.data.describe);
    const forecast = built({ family: 'forecasting', channels: ['pv'] }, { lookback: 8, horizon: 2 });
    expect(forecast.facts.describe).toBe(forecast.run.data.describe);
    const counts = facts.classCounts!; // sent though no part lacks a class: every row of each part counted once
    expect([counts.train, counts.validation, counts.test].map((p) => p.reduce((a, b) => a + b, 0))).toEqual([run.data.train.rows, run.data.validation.rows, run.data.test.rows]);
    expect(forecast.facts.classCounts).toBeUndefined(); // no classes to count
  });
});

import { describe, expect, it } from 'vitest';
import { columnSource, computeSplit } from '../../common/data';
import { assertFiniteInputs, fillGapsForward } from './finite';
import { runDataFrom } from './run-data';

describe('missing numbers in a series and the last check on inputs', () => {
  it('fills gaps forward in row order, a leading gap with the first value', () => {
    // a gap takes the value before it, never one after it (that one may be inside a window's horizon)
    expect(Array.from(fillGapsForward([NaN, 1, NaN, NaN, 4, NaN]))).toEqual([1, 1, 1, 1, 4, 4]);
    expect(Array.from(fillGapsForward([2, NaN, 3]))).toEqual([2, 2, 3]);
    expect(Array.from(fillGapsForward([5]))).toEqual([5]);
    expect(Array.from(fillGapsForward([NaN, NaN])).every(Number.isNaN)).toBe(true); // nothing to fill from
  });

  it('names the column and the dataset row of a non-finite input', () => {
    const ok = Float32Array.of(1, 2, 3, 4);
    expect(() => assertFiniteInputs(ok, 2, [7, 9], () => 'a', 'numeric')).not.toThrow();
    const bad = Float32Array.of(1, 2, 3, Infinity);
    expect(() => assertFiniteInputs(bad, 2, [7, 9], (j) => ['price', 'qty'][j], 'numeric'))
      .toThrow("column 'qty' gives the model's input 'numeric' the value +Infinity at row 10 of the dataset: fix that value in the file");
    expect(() => assertFiniteInputs(Float32Array.of(0, NaN), 1, null, () => 'b', 'x')).toThrow(/column 'b' .* NaN at row 2 /);
  });
});

describe('large numbers keep their precision until they are scaled (every family)', () => {
  // a meter reading near 1.5e9 moving by ~10: float32 holds it only to steps of 128
  const N = 200;
  const meter = Float64Array.from({ length: N }, (_, i) => 1.5e9 + 10 * Math.sin(i / 3) + (i % 7));
  const data = columnSource(N, {
    meter: { values: meter },
    id: { values: Int32Array.from({ length: N }, (_, i) => i % 5), dictionary: ['a', 'b', 'c', 'd', 'e'] },
    y: { values: Float32Array.from({ length: N }, (_, i) => (i % 3 === 0 ? 1 : 0)) },
  });
  const typeOf = (c: string) => (c === 'id' ? 'categorical' : 'float');
  const zscores = (rows: ArrayLike<number>) => {
    const train = Array.from(rows, (r) => meter[r]);
    const mean = train.reduce((a, b) => a + b, 0) / train.length;
    const std = Math.sqrt(train.reduce((a, b) => a + (b - mean) ** 2, 0) / train.length);
    return (v: number) => (v - mean) / std;
  };

  it('fillGapsForward returns float64', () => {
    expect(fillGapsForward(meter)[5]).toBe(meter[5]);
  });

  it('forecasting, recsys numeric and fusion tabular inputs equal the float64 z-score', () => {
    const chrono = computeSplit({ kind: 'chronological' }, data);
    const trainRows = Array.from({ length: chrono.counts.train }, (_, i) => i);
    const z = zscores(trainRows);
    const f = runDataFrom(data, typeOf, chrono, { family: 'forecasting', channels: ['meter'], stride: 1 }, { lookback: 4, horizon: 2 });
    const x = f.data.test.source!.batch([0]).x.data as Float32Array; // window 0 of the test part: rows start-4..start-1
    const start = chrono.ranges!.test[0];
    x.forEach((v, t) => expect(v).toBeCloseTo(z(meter[start - 4 + t]), 5));

    const random = computeSplit({ kind: 'random', ratios: { train: 0.8, val: 0.1, test: 0.1 }, seed: 3 }, data);
    const rows = Array.from(random.assignment.entries()).filter(([, a]) => a === 0).map(([r]) => r);
    const zr = zscores(rows);
    const ctr = runDataFrom(data, typeOf, random, { family: 'recsys', fields: ['id'], numeric: ['meter'], multiHot: [], label: { column: 'y' } });
    const num = ctr.data.train.columns.numeric.data as Float32Array;
    rows.forEach((r, i) => expect(num[i]).toBeCloseTo(zr(meter[r]), 5));
    const fusion = runDataFrom(data, typeOf, random, { family: 'fusion', modalities: [{ name: 'tab', columns: ['meter'] }], label: 'y', classes: 1, textBuckets: 64 });
    const tab = fusion.data.train.columns.m_tab.data as Float32Array;
    rows.forEach((r, i) => expect(tab[i]).toBeCloseTo(zr(meter[r]), 5));
  });
});

// A long-format file (one row per time and series) is pivoted for forecasting: one channel per series (and
// value column), in pandas' pivot order, over the union of times; a time one series lacks is a gap the
// forecasting path fills from the value before. A repeated (time, series) pair and series that barely
// overlap are refused with what to do; which column tells the series apart is the series-id role, or the
// importer's long-format pattern when exactly one column fits it.
import { describe, expect, it } from 'vitest';
import type { DatasetCacheMeta } from '../dataset-cache';
import { columnSource, type DataColumn } from './columns';
import { LONG_FORMAT_LINE, byCodePoint, checkSeriesParts, forecastingPivot, pivotLong } from './forecasting-long';
import { checkForecastingRows, longLayout } from './forecasting-rows';
import { fillGapsForward } from '../../workers/data/finite';

const H = 3600;
const T0 = Date.UTC(2024, 0, 1) / 1000;
type Row = [hour: number, series: string, ...values: number[]];

/** A cache-like source over rows (time as epoch seconds, series coded with a dictionary, float values). */
function longSource(rows: Row[], values = ['sales'], extra: { repeats?: number; seriesRole?: boolean } = {}) {
  const dict = [...new Set(rows.map((r) => r[1]))];
  const cols: Record<string, DataColumn> = {
    time: { values: Float64Array.from(rows, (r) => T0 + r[0] * H) },
    store: { values: Int32Array.from(rows, (r) => (r[1] === '' ? -1 : dict.indexOf(r[1]))), dictionary: dict },
    ...Object.fromEntries(values.map((v, k) => [v, { values: Float64Array.from(rows, (r) => Number(r[2 + k])) }])),
  };
  const times = new Set(rows.map((r) => r[0])).size;
  const stats = (o: object) => ({ count: rows.length, missing: 0, min: null, max: null, mean: null, std: null, cardinality: null, topValues: null, histogram: null, ...o });
  const meta = {
    rows: rows.length,
    columns: [
      { name: 'time', type: 'datetime', dtype: 'float64', dim: 1, file: 'c0000.bin', stats: stats({}) },
      { name: 'store', type: 'categorical', dtype: 'int32', dim: 1, file: 'c0001.bin', stats: stats({ cardinality: dict.filter((d) => d !== '').length, topValues: dict.map((value) => ({ value, count: 1 })) }) },
      ...values.map((v, k) => ({ name: v, type: 'float', dtype: 'float64', dim: 1, file: `c000${2 + k}.bin`, stats: stats({}) })),
    ],
    validation: { policy: 'reject', rowsRead: rows.length, rowsKept: rows.length, rowsDropped: 0, valuesImputed: 0,
      issues: [{ kind: 'duplicate_time', severity: 'warning', column: 'time', count: extra.repeats ?? rows.length - times, message: '', examples: [] }] },
  } as unknown as DatasetCacheMeta;
  const roles = [{ name: 'time', role: 'time' }, { name: 'store', role: extra.seriesRole ? 'series-id' : 'feature' }, ...values.map((name) => ({ name, role: 'feature' }))];
  return { source: Object.assign(columnSource(rows.length, cols), { meta }), roles };
}

describe('pivoting a long-format file for forecasting', () => {
  it('one channel per series in pandas order, times the union in order, a missing (time, series) left as a gap and counted', () => {
    // file order by series, 's2' missing hour 2, 's10' starting one hour late (a leading gap)
    const rows: Row[] = [
      ...[0, 1, 2, 3, 4].map((h): Row => [h, 's2', 20 + h]).filter((r) => r[0] !== 2),
      ...[1, 2, 3, 4].map((h): Row => [h, 's10', 100 + h]),
      ...[4, 3, 2, 1, 0].map((h): Row => [h, 'a', h]),
    ];
    const { source, roles } = longSource(rows);
    const pivot = forecastingPivot(source, roles, ['sales'])!;
    expect(pivot.layout).toEqual({ time: 'time', series: 'store', by: 'import' });
    expect(pivot.channels).toEqual(['a', 's10', 's2']); // as pandas sorts strings: 's10' before 's2'
    expect(Array.from(pivot.source.column('time').values)).toEqual([0, 1, 2, 3, 4].map((h) => T0 + h * H));
    expect(Array.from(pivot.source.column('a').values)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(pivot.source.column('s10').values)).toEqual([NaN, 101, 102, 103, 104]);
    expect(Array.from(pivot.source.column('s2').values)).toEqual([20, 21, NaN, 23, 24]);
    expect(pivot.gaps).toBe(2);
    // the gap before 's10' starts has no value before it: counted apart, with the late series named
    expect(pivot.note).toBe("long format: 3 series by 'store' pivoted into 3 channels (2 gaps: 1 filled with the series' value before, 1 before a series' first row filled with its first value; 's10' starts late, at 2024-01-01 01:00)");
    // filled as any missing value is (workers/data/finite.ts): the value before, a leading gap the first value
    expect(Array.from(fillGapsForward(pivot.source.column('s10').values))).toEqual([101, 101, 102, 103, 104]);
    expect(Array.from(fillGapsForward(pivot.source.column('s2').values))).toEqual([20, 21, 21, 23, 24]);
    // the wide rows describe themselves: one row per time, channels typed float
    expect(pivot.source.rows).toBe(5);
    expect(pivot.source.meta.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['time:datetime', 'a:float', 's10:float', 's2:float']);
    expect(pivot.source.meta.columns[3].stats).toMatchObject({ count: 4, missing: 1, min: 20, max: 24 });
    // the raw rows' order checks no longer apply: the pivot is sorted
    expect(checkForecastingRows(source.meta, roles)).toEqual([]);
  });

  it('several value columns: <series>/<column>, series-major; rows without a series are left out and counted', () => {
    const rows: Row[] = [0, 1, 2, 3].flatMap((h): Row[] => [[h, 'x', h, -h], [h, 'y', 10 + h, -10 - h]]);
    rows.push([2, '', 99, 99]);
    const { source, roles } = longSource(rows, ['sales', 'price'], { seriesRole: true });
    const pivot = forecastingPivot(source, roles, ['sales', 'price'])!;
    expect(pivot.channels).toEqual(['x/sales', 'x/price', 'y/sales', 'y/price']);
    expect(Array.from(pivot.source.column('y/price').values)).toEqual([-10, -11, -12, -13]);
    expect(pivot.note).toBe("long format: 2 series by 'store' pivoted into 4 channels named <series>/sales, <series>/price (no gaps); 1 row without a time or a 'store' left out");
  });

  it('numeric series ids are ordered by value (2 before 10), as pandas orders them', () => {
    const rows: Row[] = [0, 1, 2].flatMap((h): Row[] => [[h, '10', h], [h, '2', h]]);
    const { source } = longSource(rows);
    const numeric = { ...source, column: (n: string) => (n === 'store' ? { values: Float64Array.from(rows, (r) => Number(r[1])) } : source.column(n)) };
    expect(pivotLong(numeric, { time: 'time', series: 'store', by: 'role' }, ['sales']).channels).toEqual(['2', '10']);
  });

  it('refuses a repeated (time, series) pair, naming the first and the count', () => {
    const rows: Row[] = [0, 1, 2, 3].flatMap((h): Row[] => [[h, 'a', h], [h, 'b', h]]);
    rows.splice(5, 0, [2, 'a', 7], [3, 'b', 7], [3, 'b', 8]);
    const { source, roles } = longSource(rows, ['sales'], { seriesRole: true });
    expect(() => forecastingPivot(source, roles, ['sales'])).toThrow(
      "long format by 'store': 3 rows repeat a (time, series) pair, the first 'time' = 2024-01-01 02:00 with 'store' = a (rows 5 and 6): a pivot needs one row per time and series. " +
      "De-duplicate the file or aggregate the repeats (e.g. pandas `df.groupby(['time', 'store'], as_index=False).mean()`) and import it again");
  });

  it('refuses series that share fewer than half of all times, saying which start late or end early; half is enough', () => {
    // a: hours 0-9, b: hours 6-19, c: 0-19 → all three cover hours 6-9: 4 of 20 times
    const span = (s: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i): Row => [from + i, s, i]);
    const { source, roles } = longSource([...span('a', 0, 9), ...span('b', 6, 19), ...span('c', 0, 19)], ['sales'], { seriesRole: true });
    expect(() => forecastingPivot(source, roles, ['sales'])).toThrow(
      "long format by 'store': the 3 series share only 4 of 20 times (20%): 'b' starts at 2024-01-01 06:00, 'a' ends at 2024-01-01 09:00. " +
      'A pivot fills each series flat outside its own times, so most of some channels would be made up; a run pivots only when the times all series cover are at least 50% of all times. ' +
      "To forecast them together, keep the period they share (rows with 'time' from 2024-01-01 06:00 to 2024-01-01 09:00), or leave out the series that start late or end early, and import the file again");
    const apart = longSource([...span('a', 0, 4), ...span('b', 5, 9)], ['sales'], { seriesRole: true });
    expect(() => forecastingPivot(apart.source, apart.roles, ['sales'])).toThrow(/the 2 series do not overlap at all: 'b' starts at 2024-01-01 05:00, after 'a' ends at 2024-01-01 04:00/);
    // 'b' covers hours 5-9 of 0-9: half of all times, pivoted, its first five hours gaps
    const half = longSource([...span('a', 0, 9), ...span('b', 5, 9)], ['sales'], { seriesRole: true });
    expect(forecastingPivot(half.source, half.roles, ['sales'])!.gaps).toBe(5);
  });

  it('names the series that starts last when every gap is before a late series\' first row, and keeps the old words for inner gaps only', () => {
    // meters installed late: 'b' from hour 2, 'c' from hour 3 of 0-9; no gap inside any series
    const span = (s: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i): Row => [from + i, s, i]);
    const late = longSource([...span('a', 0, 9), ...span('b', 2, 9), ...span('c', 3, 9)], ['sales'], { seriesRole: true });
    const pivot = forecastingPivot(late.source, late.roles, ['sales'])!;
    expect(pivot.gaps).toBe(5);
    expect(pivot.note).toBe("long format: 3 series by 'store' pivoted into 3 channels (5 gaps, all before a series' first row filled with its first value; 2 series start late, the last 'c' at 2024-01-01 03:00)");
    // a series that ends early is carried forward: the value before, as an inner gap
    const early = longSource([...span('a', 0, 9), ...span('b', 0, 7)], ['sales'], { seriesRole: true });
    expect(forecastingPivot(early.source, early.roles, ['sales'])!.note).toBe("long format: 2 series by 'store' pivoted into 2 channels (2 gaps filled with the series' value before)");
  });
});

describe('which column tells the series apart', () => {
  const rows: Row[] = [0, 1, 2].flatMap((h): Row[] => [[h, 'a', h], [h, 'b', h]]);

  it('the series-id role, or the one categorical column with k values when each time repeats k times', () => {
    const { source, roles } = longSource(rows);
    expect(longLayout(source.meta, roles)).toEqual({ time: 'time', series: 'store', by: 'import' });
    expect(longLayout(source.meta, roles.map((r) => (r.name === 'store' ? { ...r, role: 'series-id' } : r)))).toEqual({ time: 'time', series: 'store', by: 'role' });
    // the user set it aside: not a pivot (the repeated times are refused as they were)
    expect(longLayout(source.meta, roles.map((r) => (r.name === 'store' ? { ...r, role: 'ignore' } : r)))).toBeNull();
    expect(() => checkForecastingRows(source.meta, roles.map((r) => (r.name === 'store' ? { ...r, role: 'ignore' } : r)))).toThrow(/repeat the time of the row before in 'time'.*role series-id/);
    // a few repeats (≤ 1%) are a logger's double writes, not long format
    expect(longLayout({ ...source.meta, rows: 1000 } as DatasetCacheMeta, roles)).toBeNull();
  });

  it('refuses two candidates, two series-id columns, and a series-id without a time column', () => {
    const { source, roles } = longSource(rows);
    const twin = { ...source.meta, columns: [...source.meta.columns, { ...source.meta.columns[1], name: 'region' }] } as DatasetCacheMeta;
    const withTwin = [...roles, { name: 'region', role: 'feature' }];
    expect(() => longLayout(twin, withTwin)).toThrow("each time in 'time' appears 2 times, and 'store' and 'region' each have 2 values: the file looks like long format, but which column tells the series apart? " +
      'Set it to role series-id (in the app: Datasets → Schema → that column\'s Role → series-id; on the command line: gatelab datasets roles ID <column>=series-id) and the run pivots the file into one channel per series');
    expect(longLayout(twin, [...roles, { name: 'region', role: 'series-id' }])).toEqual({ time: 'time', series: 'region', by: 'role' });
    expect(() => longLayout(twin, [...roles.map((r) => (r.name === 'store' ? { ...r, role: 'series-id' } : r)), { name: 'region', role: 'series-id' }])).toThrow(/columns 'store' and 'region' all have role series-id: a long-format pivot takes one column/);
    const noTime = { ...source.meta, columns: source.meta.columns.map((c) => (c.name === 'time' ? { ...c, type: 'float' } : c)) } as DatasetCacheMeta;
    expect(() => longLayout(noTime, [{ name: 'time', role: 'feature' }, { name: 'store', role: 'series-id' }])).toThrow("column 'store' (role series-id) tells 2 series apart, but no column has role time: a long-format pivot lines the series up by their times. Set the time column (in the app: Datasets → Schema → that column's Role → time; on the command line: gatelab datasets roles ID <column>=time)");
  });

  it('a time-of-day column beside a date is one timestamp, not series', () => {
    const { source, roles } = longSource(rows);
    const clock = { ...source.meta, columns: source.meta.columns.map((c) => (c.name === 'store' ? { ...c, stats: { ...c.stats, topValues: [{ value: '00:00', count: 3 }, { value: '12:00', count: 3 }] } } : c)) } as DatasetCacheMeta;
    expect(longLayout(clock, roles)).toBeNull();
  });
});

describe('review fixes: old runs stay unpivoted, no part of made-up values', () => {
  // 3 stores × 20 hours, stores a/b/c
  const grid = (hours: number, stores = ['a', 'b', 'c']): Row[] => Array.from({ length: hours }, (_, h) => stores.map((s, k) => [h, s, h + 100 * k] as Row)).flat();

  it('a datetime column set to feature is not the time the importer check reads (runs before pivots keep their rows)', () => {
    const { source, roles } = longSource(grid(20));
    expect(longLayout(source.meta, roles)).toEqual({ time: 'time', series: 'store', by: 'import' });
    const asFeature = roles.map((r) => (r.name === 'time' ? { ...r, role: 'feature' } : r));
    expect(longLayout(source.meta, asFeature)).toBeNull();
    expect(forecastingPivot(source, asFeature, ['sales'])).toBeNull();
  });

  it('a built model is pivoted only if it was trained pivoted (its channel count says which)', () => {
    const { source, roles } = longSource(grid(20), ['sales'], { seriesRole: true });
    expect(forecastingPivot(source, roles, ['sales'])!.channels).toEqual(['a', 'b', 'c']);
    expect(forecastingPivot(source, roles, ['sales'], { channels: 1 })).toBeNull(); // trained on the file's rows
    expect(forecastingPivot(source, roles, ['sales'], { channels: 3 })!.channels).toEqual(['a', 'b', 'c']);
    // what the trainer did, where the lab knows it (its stored data line), decides over the count: a pivoted
    // model with two constant series left out has 1 channel, as many as the file's value columns
    expect(forecastingPivot(source, roles, ['sales'], { channels: 1, pivoted: true })!.channels).toEqual(['a', 'b', 'c']);
    expect(forecastingPivot(source, roles, ['sales'], { channels: 3, pivoted: false })).toBeNull();
    expect(LONG_FORMAT_LINE.test("forecasting: 175 train / 19 validation / 49 test samples; 1 channel: a; left out: b (constant); long format: 2 series by 'store' pivoted into 2 channels")).toBe(true);
    expect(LONG_FORMAT_LINE.test('forecasting: 175 train / 19 validation / 49 test samples; 1 channel: sales; not forecast: store (categorical)')).toBe(false);
  });

  it('refuses a series with no row in the test part, naming it and the part', () => {
    const rows = grid(20).filter((r) => !(r[1] === 'c' && r[0] >= 10)); // c ends at half the times: passes the overlap rule
    const { source, roles } = longSource(rows, ['sales'], { seriesRole: true });
    const pivot = forecastingPivot(source, roles, ['sales'])!;
    expect(() => checkSeriesParts(pivot, { train: [0, 10], val: [10, 15], test: [15, 20] }))
      .toThrow(/series 'c' has no row in the validation part .*made-up constant.*Leave that series out/);
    expect(() => checkSeriesParts(pivot, { train: [0, 8], val: [8, 12], test: [12, 20] })).toThrow(/series 'c' has no row in the test part/);
    expect(() => checkSeriesParts(pivot, { train: [0, 5], val: [5, 11], test: [11, 11] })).not.toThrow(); // an empty part is the window check's
  });

  it('refuses a series that starts after training (its training times would be back-filled from later), keeps interior gaps', () => {
    const late = grid(20).filter((r) => !(r[1] === 'b' && r[0] < 10));
    const { source, roles } = longSource(late, ['sales'], { seriesRole: true });
    expect(() => checkSeriesParts(forecastingPivot(source, roles, ['sales'])!, { train: [0, 10], val: [10, 15], test: [15, 20] }))
      .toThrow(/series 'b' has no row in the training part .*a leak into training/);
    const holes = grid(20).filter((r) => !(r[1] === 'a' && (r[0] === 3 || r[0] === 12)));
    const h = longSource(holes, ['sales'], { seriesRole: true });
    const pivot = forecastingPivot(h.source, h.roles, ['sales'])!;
    expect(pivot.gaps).toBe(2);
    expect(() => checkSeriesParts(pivot, { train: [0, 10], val: [10, 15], test: [15, 20] })).not.toThrow();
  });

  it('a series only of rows without a time is left out, not named with an undefined end', () => {
    const rows = grid(20, ['a', 'b']);
    const { source, roles } = longSource([...rows, [0, 'z', 1]], ['sales'], { seriesRole: true });
    (source.column('time').values as Float64Array)[rows.length] = NaN;
    const pivot = forecastingPivot(source, roles, ['sales'])!;
    expect(pivot.series).toEqual(['a', 'b']);
    expect(pivot.dropped).toBe(1);
    expect(pivot.note).toMatch(/1 row without a time or a 'store' left out/);
  });

  it('sorts series by code point, as pandas does (not by UTF-16 unit)', () => {
    const names = ['\u{FF5A}', '\u{1F600}', 'b'];
    expect([...names].sort()).toEqual(['b', '\u{1F600}', '\u{FF5A}']); // what JS sort gives
    expect([...names].sort(byCodePoint)).toEqual(['b', '\u{FF5A}', '\u{1F600}']);
    const { source, roles } = longSource(grid(10, names), ['sales'], { seriesRole: true });
    expect(forecastingPivot(source, roles, ['sales'])!.channels).toEqual(['b', '\u{FF5A}', '\u{1F600}']);
  });
});

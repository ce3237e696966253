// A forecasting run on rows out of time order, or on many rows sharing a time without a column telling
// series apart, stops before training with what to do (several series stacked in long format are pivoted:
// forecasting-long.test.ts) (it used to train in file order and test on a mix
// of periods or series); a few repeated times (≤ 1% of the rows) train, with a note in the data description.
// Local time across a clock change is not out of order: the autumn hour that repeats trains in file order
// (sorting would interleave it), and the data line names the change.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatasetCacheMeta } from '../dataset-cache';
import { importFile } from '../../main/lab/import';
import { readDatasetCache } from '../../workers/data/cache';
import { checkForecastingRows, fewWindowsWarning, timeOrder, windowMisfit, type TimeOrder } from './forecasting-rows';
import { forecastingPivot } from './forecasting-long';

const stats = (o: Partial<{ cardinality: number | null; min: number | null; max: number | null }>) =>
  ({ count: 10, missing: 0, min: null, max: null, mean: null, std: null, cardinality: null, topValues: null, histogram: null, ...o });
const meta = (issues: DatasetCacheMeta['validation']['issues'], columns: Array<{ name: string; stats: ReturnType<typeof stats> }>) =>
  ({ rows: 10, columns, validation: { policy: 'reject', rowsRead: 10, rowsKept: 10, rowsDropped: 0, valuesImputed: 0, issues } }) as unknown as DatasetCacheMeta;

describe('forecasting rows', () => {
  it('refuses rows out of time order, naming the first line', () => {
    const unsorted = { kind: 'unsorted_time' as const, severity: 'warning' as const, column: 'date', count: 3, message: '', examples: [{ line: 7, column: 'date', value: '2024-01-01 05:00' }] };
    const m = meta([unsorted], [{ name: 'date', stats: stats({}) }]);
    expect(() => checkForecastingRows(m, [{ name: 'date', role: 'time' }, { name: 'load', role: 'feature' }]))
      .toThrow("the rows of 'date' are not in time order (first at line 7: 2024-01-01 05:00): forecasting reads rows in file order, so its windows and split would mix periods. Sort the file by 'date' and import it again");
    // the same warning on a column that is not the time index does not matter
    expect(() => checkForecastingRows(m, [{ name: 'date', role: 'feature' }])).not.toThrow();
  });

  it('leaves several series stacked in one file to the pivot (forecasting-long.ts), and accepts a constant series id', () => {
    const m = meta([], [{ name: 'day', stats: stats({}) }, { name: 'store', stats: stats({ cardinality: 2 }) }, { name: 'site', stats: stats({ min: 3, max: 3 }) }]);
    expect(checkForecastingRows(m, [{ name: 'day', role: 'time' }, { name: 'store', role: 'series-id' }])).toEqual([]);
    expect(() => checkForecastingRows(m, [{ name: 'site', role: 'series-id' }])).not.toThrow();
    // without a time column the series cannot be lined up: said, with the role to set
    expect(() => checkForecastingRows(m, [{ name: 'store', role: 'series-id' }])).toThrow(/column 'store' \(role series-id\) tells 2 series apart, but no column has role time/);
    // stacked series are also out of time order; the pivot sorts them, so that is no refusal
    const unsorted = { kind: 'unsorted_time' as const, severity: 'warning' as const, column: 'day', count: 1, message: '', examples: [{ line: 9, column: 'day', value: '2024-01-01' }] };
    const both = meta([unsorted], [{ name: 'store', stats: stats({ cardinality: 2 }) }]);
    expect(checkForecastingRows(both, [{ name: 'day', role: 'time' }, { name: 'store', role: 'series-id' }])).toEqual([]);
  });

  it('refuses many rows repeating a time (stacked series without their id), notes a few', () => {
    const dup = (count: number) => ({ kind: 'duplicate_time' as const, severity: 'warning' as const, column: 'date', count, message: '', examples: [{ line: 1002, column: 'date', value: '2016-08-11 16:00' }] });
    const roles = [{ name: 'date', role: 'time' }, { name: 'load', role: 'feature' }];
    const rows = (m: DatasetCacheMeta, n: number) => ({ ...m, rows: n }) as DatasetCacheMeta;
    // half the rows repeat the time before: two series stacked and sorted by time
    expect(() => checkForecastingRows(rows(meta([dup(2000)], []), 4000), roles)).toThrow(
      "2,000 rows of 4,000 (50.0%) repeat the time of the row before in 'date' (first at line 1002: 2016-08-11 16:00): several series stacked in one file? " +
      'Set the column that tells them apart to role series-id (in the app: Datasets → Schema → that column\'s Role → series-id; on the command line: gatelab datasets roles ID <column>=series-id): the run then pivots them into one channel per series; or de-duplicate the file');
    expect(() => checkForecastingRows(rows(meta([dup(41)], []), 4000), roles)).toThrow(/41 rows of 4,000 \(1\.0%\)/);
    // 1% or fewer: trained as consecutive steps, said in the data description
    expect(checkForecastingRows(rows(meta([dup(40)], []), 4000), roles)).toEqual(["40 rows repeat the time of the row before in 'date' (first at line 1002: 2016-08-11 16:00); they train as consecutive steps"]);
    expect(checkForecastingRows(rows(meta([dup(1)], []), 4000), roles)).toEqual(["1 row repeats the time of the row before in 'date' (first at line 1002: 2016-08-11 16:00); they train as consecutive steps"]);
    expect(checkForecastingRows(rows(meta([], []), 4000), roles)).toEqual([]);
    // repeats in a column that is not the time index do not matter
    expect(checkForecastingRows(rows(meta([dup(2000)], []), 4000), [{ name: 'date', role: 'feature' }])).toEqual([]);
  });
});

describe('a long-format file (date, series, value)', () => {
  it('is pivoted back into its columns, sorted by time or by series (not refused, not sorted)', async () => {
    // five of ETTh1's columns, 600 hours each, stacked as one row per (date, series): 80% of the rows repeat a time
    const lines = readFileSync('/work/shared/data/forecasting/ETTh1.csv', 'utf8').trim().split('\n').slice(1, 601).map((l) => l.split(','));
    const bySeries = [0, 1, 2, 3, 4].flatMap((s) => lines.map((f) => `${f[0]},s${s},${f[1 + s]}`));
    const byTime = lines.flatMap((f) => [0, 1, 2, 3, 4].map((s) => `${f[0]},s${s},${f[1 + s]}`));
    const home = mkdtempSync(join(tmpdir(), 'gatelab-long-'));
    try {
      for (const [name, rows] of [['by-series', bySeries], ['by-time', byTime]] as const) {
        writeFileSync(join(home, `${name}.csv`), ['date,series,value', ...rows].join('\n'));
        await importFile(join(home, `${name}.csv`), join(home, name));
        const roles = [{ name: 'date', role: 'time' }, { name: 'series', role: 'feature' }, { name: 'value', role: 'feature' }];
        const cache = readDatasetCache(join(home, name));
        expect(checkForecastingRows(cache.meta, roles)).toEqual([]);
        const pivot = forecastingPivot(cache, roles, ['value'])!;
        expect(pivot.channels).toEqual(['s0', 's1', 's2', 's3', 's4']);
        expect(pivot.note).toBe("long format: 5 series by 'series' pivoted into 5 channels (no gaps)");
        // each channel is the ETTh1 column it came from, in time order
        for (let s = 0; s < 5; s++) expect(Array.from(pivot.source.column(`s${s}`).values.subarray(0, 3))).toEqual(lines.slice(0, 3).map((f) => Math.fround(Number(f[1 + s]))));
        expect(pivot.source.rows).toBe(600);
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);
});

/** A meter's export in local wall-clock time: `step` minutes from `startUtc` (ms), written as the zone's clock shows them. */
function localSeries(zone: string, startUtc: number, count: number, stepMinutes: number): string[] {
  const clock = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  return Array.from({ length: count }, (_, i) => {
    const t = startUtc + i * stepMinutes * 60_000;
    return `${clock.format(new Date(t))},${(3 + Math.sin(i / 7)).toFixed(3)}`;
  });
}

/** Imports `lines` (after the header 'time,kw') and checks its rows as a forecasting run's trainer does. */
async function checked(lines: string[]): Promise<(orderOf?: (t: ArrayLike<number>) => TimeOrder) => string[]> {
  const home = mkdtempSync(join(tmpdir(), 'gatelab-clock-'));
  writeFileSync(join(home, 'meter.csv'), ['time,kw', ...lines].join('\n'));
  await importFile(join(home, 'meter.csv'), join(home, 'cache'));
  const cache = readDatasetCache(join(home, 'cache'));
  const times = Float64Array.from(cache.column('time').values);
  rmSync(home, { recursive: true, force: true });
  return (orderOf) => checkForecastingRows(cache.meta, [{ name: 'time', role: 'time' }, { name: 'kw', role: 'feature' }], () => times, orderOf && (() => orderOf(times)));
}

describe('local time across a clock change', () => {
  const BERLIN_FALL_2023 = Date.UTC(2023, 9, 28, 0, 0); // 02:00-02:59 repeats on 2023-10-29

  it('15-minute rows across the autumn change (02:45 then 02:00 again) train in file order, and the data line says so', async () => {
    const lines = localSeries('Europe/Berlin', BERLIN_FALL_2023, 4 * 72, 15);
    expect(lines.filter((l) => l.startsWith('2023-10-29 02:00'))).toHaveLength(2); // the repeated hour is in the file
    const check = await checked(lines);
    expect(check()).toEqual(["'time' is in local time: clock change back at 2023-10-29 02:00 kept in file order (the repeated hour trains as consecutive steps)"]);
  });

  it("takes the time order a run works out once for its gap count too (workers/data/run-data.ts): the same notes", async () => {
    const check = await checked(localSeries('Europe/Berlin', BERLIN_FALL_2023, 4 * 72, 15));
    let computed = 0;
    expect(check((t) => { computed++; return timeOrder(t); })).toEqual(check());
    expect(computed).toBe(1);
    // the caller's order is the one read: one without the change refuses the step back as out of order
    expect(() => check((t) => ({ ...timeOrder(t), back: [], outOfOrder: 8 }))).toThrow(/are not in time order/);
  });

  it('hourly rows (02:00 twice) are a clock change too, not a repeated time; a US zone changes at 01:00 in November', async () => {
    expect((await checked(localSeries('Europe/Berlin', BERLIN_FALL_2023, 72, 60)))()).toEqual(["'time' is in local time: clock change back at 2023-10-29 02:00 kept in file order (the repeated hour trains as consecutive steps)"]);
    expect((await checked(localSeries('America/New_York', Date.UTC(2023, 10, 4, 12), 4 * 48, 15)))()).toEqual(["'time' is in local time: clock change back at 2023-11-05 01:00 kept in file order (the repeated hour trains as consecutive steps)"]);
  });

  it('two years of local time: every change named (a spring one skips an hour), once a year', async () => {
    const check = await checked(localSeries('Europe/Berlin', Date.UTC(2023, 0, 1), 24 * 800, 60));
    expect(check()).toEqual(["'time' is in local time: clock changes back at 2023-10-29 02:00, 2024-10-27 02:00 kept in file order (the repeated hour trains as consecutive steps); " +
      'clock changes forward before 2023-03-26 03:00, 2024-03-31 03:00 (the EU change, last Sunday of March at 01:00 UTC: the skipped hour is no gap)']);
  }, 30_000);

  it('a spring change alone is named with the rule that recognised it; a missing midnight row in April, or a skipped hour written in UTC, is none', async () => {
    expect((await checked(localSeries('America/Chicago', Date.UTC(2024, 2, 5), 24 * 14, 60)))()).toEqual(
      ["'time' is in local time: clock change forward before 2024-03-10 03:00 (the US and Canada change, second Sunday of March at 02:00: the skipped hour is no gap)"]);
    // an export without clock changes that lost the row of 2021-04-14 00:00 (23:00 then 01:00)
    const naive = localSeries('UTC', Date.UTC(2021, 3, 10), 24 * 8, 60).filter((l) => !l.startsWith('2021-04-14 00:00'));
    expect((await checked(naive))()).toEqual([]);
    // times with their offset, converted to UTC at import, missing 01:00 UTC of the EU change day: no clock change in UTC
    const withOffset = localSeries('UTC', Date.UTC(2023, 2, 24), 24 * 5, 60).filter((l) => !l.startsWith('2023-03-26 01:00')).map((l) => l.replace(/^(\S+) (\S+),/, '$1T$2:00+00:00,'));
    expect(withOffset[0]).toMatch(/^2023-03-24T00:00:00\+00:00,/);
    expect((await checked(withOffset))()).toEqual([]);
    // the same rows as wall-clock times read as the UK's spring change
    expect((await checked(localSeries('UTC', Date.UTC(2023, 2, 24), 24 * 5, 60).filter((l) => !l.startsWith('2023-03-26 01:00'))))()).toEqual(
      ["'time' is in local time: clock change forward before 2023-03-26 02:00 (the EU change, last Sunday of March at 01:00 UTC: the skipped hour is no gap)"]);
  }, 30_000);

  it('a repeated hour missing a row is the clock change all the same (its missing row a gap), where the region\'s rule says so', async () => {
    const base = localSeries('Europe/Berlin', BERLIN_FALL_2023, 4 * 72, 15);
    const back = base.findIndex((l, i) => i > 0 && l < base[i - 1]);
    expect([base[back - 1], base[back]].map((l) => l.slice(0, 16))).toEqual(['2023-10-29 02:45', '2023-10-29 02:00']);
    const note = ["'time' is in local time: clock change back at 2023-10-29 02:00 kept in file order (the repeated hour trains as consecutive steps)"];
    // 02:45 of summer time lost (02:30 then 02:00), or 02:15 of winter time lost (the hour after the change not regular)
    for (const lost of [back - 1, back + 1]) expect((await checked(base.filter((_, i) => i !== lost)))()).toEqual(note);
    const lines = base.filter((_, i) => i !== back - 1);
    const times = lines.map((l) => Date.parse(`${l.slice(0, 16).replace(' ', 'T')}Z`) / 1000);
    expect(timeOrder(times)).toMatchObject({ back: [back - 1], backStep: [1800], outOfOrder: -1 });
    // the same step back a day early is no clock change: out of order
    expect(timeOrder(times.map((t) => t - 86400))).toMatchObject({ back: [], outOfOrder: back - 1 });
  });

  it('a repeated hourly time on a night no clocks change is a repeat; a country outside the named rules still changes on its night', async () => {
    const hourly = (from: number, count: number) => Array.from({ length: count }, (_, i) => from / 1000 + i * 3600);
    // 2023-10-03 01:00 (a Tuesday) written twice: it used to read as "clock change back at 2023-10-03 01:00"
    const dup = hourly(Date.UTC(2023, 9, 1), 200);
    dup.splice(50, 0, dup[49]);
    expect(timeOrder(dup)).toMatchObject({ back: [], repeats: 1, firstRepeat: 50, outOfOrder: -1 });
    // every hour written three times from Tuesday 2014-10-21 00:00: 200 repeats (it used to be 199 and a clock change)
    const thrice = hourly(Date.UTC(2014, 9, 21), 100).flatMap((x) => [x, x, x]);
    expect(timeOrder(thrice)).toMatchObject({ back: [], repeats: 200, firstRepeat: 1 });
    // on the EU change date too, a time written three times is repeats, not the clock going back
    const euThrice = hourly(Date.UTC(2023, 9, 28), 48).flatMap((x) => [x, x, x]);
    expect(timeOrder(euThrice)).toMatchObject({ back: [], repeats: 96 });
    // Chile's clocks go back at Saturday 24:00 (no rule of ./autumn-clock-change.ts): 23:00 twice on 2023-04-01
    const check = await checked(localSeries('America/Santiago', Date.UTC(2023, 2, 30), 24 * 6, 60));
    expect(check()).toEqual(["'time' is in local time: clock change back at 2023-04-01 23:00 kept in file order (the repeated hour trains as consecutive steps)"]);
  }, 30_000);

  it('still refuses rows really out of order: swapped rows, an hour back in summer, a second step back a week after a change', async () => {
    const base = localSeries('Europe/Berlin', BERLIN_FALL_2023, 4 * 72, 15);
    const swapped = [...base];
    [swapped[20], swapped[40]] = [swapped[40], swapped[20]];
    expect(await checked(swapped)).toThrow(/^the rows of 'time' are not in time order \(first at line 23: .*\. Sort the file by 'time' and import it again$/);
    // one hour back at 02:00 on a July night: no clock changes then
    const july = localSeries('UTC', Date.UTC(2023, 6, 10), 4 * 48, 15);
    const back = [...july.slice(0, 4 * 27), ...july.slice(4 * 26)];
    expect(await checked(back)).toThrow(/not in time order .*If the file is in local time and this is where clocks go back an hour, do not sort it/);
    // the same hour back twice within a week: only the first can be the clock change
    const twice = localSeries('UTC', Date.UTC(2023, 9, 28), 4 * 24 * 9, 15);
    const at = (day: number) => 4 * (24 * day + 3);
    const repeated = [...twice.slice(0, at(1)), ...twice.slice(at(1) - 4, at(7)), ...twice.slice(at(7) - 4)];
    expect(await checked(repeated)).toThrow(/not in time order \(first at row [\d,]+: 2023-11-04 02:00\)/);
  }, 30_000);
});

describe('forecasting windows too few to mean anything', () => {
  // a 70/20/10-like chronological split of `t`, `v`, `te` rows
  const split = (t: number, v: number, te: number) => ({ ranges: { train: [0, t] as [number, number], val: [t, t + v] as [number, number], test: [t + v, t + v + te] as [number, number] } }) as never;

  it('warns when validation has a couple of windows and an epoch a single step (ILI-like weekly data at lookback 336, horizon 96), with what fits', () => {
    // 966 rows: 676 / 97 / 193 → 245 train / 2 validation / 98 test windows; 245 in batches of 128 is 1 step
    expect(fewWindowsWarning(split(676, 97, 193), 336, 96)).toBe(
      'warning: only 2 validation windows (early stopping and the best checkpoint rest on them; 30 or more is a sound minimum) and 1 optimizer step per epoch ' +
      '(245 training windows in batches of 128, a partial batch dropped): training and model selection on so few windows mean little. ' +
      'Try a shorter lookback and horizon, e.g. --set model.lookback=168 --set model.horizon=48 (the weekly ILI benchmark, 966 rows, is forecast with lookback 36 or 104 and horizons 24-60), ' +
      'or a smaller batch (--set batchSize=24 gives 10 steps per epoch), or a longer file or larger validation and test parts');
    // the ILI protocol's settings with a smaller batch: enough of both
    expect(fewWindowsWarning(split(676, 97, 193), 36, 24, 1, 32)).toBeNull();
    // few steps alone: the batch is the fix, not the windows
    expect(fewWindowsWarning(split(676, 97, 193), 36, 24)).toMatch(/^warning: only 4 optimizer steps per epoch \(617 training windows.*Try a smaller batch \(--set batchSize=61 gives 10 steps per epoch\)/);
    // ETTh1's split at its defaults: no warning
    expect(fewWindowsWarning(split(8640, 2880, 2880), 336, 96)).toBeNull();
  });

  it('a refusal names its parts by rows counted from 1, both ends included, and offers a lookback that fits when the horizon outgrows the held-out parts', () => {
    // ili_short: 500 rows → 350 / 50 / 100; horizon 96 is longer than the 50 validation rows
    const ranges = { train: [0, 350], val: [350, 400], test: [400, 500] } as { train: [number, number]; val: [number, number]; test: [number, number] };
    expect(windowMisfit(ranges, 'train', 336, 96)).toBe('the training part (rows 1-350, 350 rows) is shorter than lookback 336 + horizon 96: a training window must lie inside it. ' +
      'What fits this split: horizon ≤ 14 with lookback 336 (--set model.horizon=14), or lookback ≤ 300 with horizon 50 (no lookback fits horizon 96: the validation part has 50 rows; ' +
      '--set model.lookback=300 --set model.horizon=50). Or use a longer file or larger parts');
    expect(windowMisfit({ ...ranges, train: [0, 0] }, 'train', 4, 1)).toMatch(/^the training part \(no rows\)/);
  });
});

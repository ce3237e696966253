// A long file where one series covers only the last weeks (a meter installed late): its few rows pull the
// average rows per time below the number of series (81,912 rows over 4,344 times is 18.9 of 20 meters),
// so "about k per time" alone missed it and the run refused the file for its repeated times. The series-id
// column has as many values as the most rows one time holds: the import notes long format, and the run
// pivots it, or, where the series share too few times, says which series starts late.
import { afterAll, describe, expect, it } from 'vitest';
import { readDatasetCache } from '../data/cache';
import { checkForecastingRows, longLayout } from '../../common/data/forecasting-rows';
import { forecastingPivot } from '../../common/data/forecasting-long';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-late-series-');
afterAll(cleanup);

/** Meters hourly over `hours`, the `late` ones only over the last `lateHours`: `timestamp,meter_id,kwh` rows. */
function meterRows(meters: string[], late: string[], hours: number, lateHours: number): string[] {
  const rows: string[] = [];
  for (let h = 0; h < hours; h++) {
    const time = new Date(Date.UTC(2025, 0, 1, h)).toISOString().slice(0, 16).replace('T', ' ');
    for (const [k, m] of meters.entries()) if (!late.includes(m) || h >= hours - lateHours) rows.push(`${time},${m},${(1 + (h % 24) / 10 + k).toFixed(2)}`);
  }
  return rows;
}
const roles = [{ name: 'timestamp', role: 'time' }, { name: 'meter_id', role: 'feature' }, { name: 'kwh', role: 'feature' }];
const TEN = ['MA', 'MB', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MI', 'MJ'];

describe('series present only for the last times', () => {
  it('10 meters, 2 of them over the last 70 of 100 hours (9.4 rows per time): the import notes 10 series and the run pivots them', async () => {
    const r = await load(`timestamp,meter_id,kwh\n${meterRows(TEN, ['MI', 'MJ'], 100, 70).join('\n')}\n`);
    expect(r.issues['note:timestamp'].message).toMatch(/^column 'timestamp': each time appears 8 to 10 times \(9\.4 on average\) and column 'meter_id' has 10 values: this looks like long format/);
    const cache = readDatasetCache(r.dir);
    expect(longLayout(cache.meta, roles)).toEqual({ time: 'timestamp', series: 'meter_id', by: 'import' });
    expect(() => checkForecastingRows(cache.meta, roles)).not.toThrow();
    const pivot = forecastingPivot(cache, roles, ['kwh'])!;
    expect(pivot.channels).toEqual(TEN);
    expect(pivot.source.rows).toBe(100);
  });

  it('one meter over the last 10% of the times: recognised, so the refusal names the late meter, not repeated times', async () => {
    const r = await load(`timestamp,meter_id,kwh\n${meterRows(['M1', 'M2', 'M3', 'M4', 'M5'], ['M5'], 200, 20).join('\n')}\n`);
    expect(r.issues['note:timestamp'].message).toMatch(/^column 'timestamp': each time appears 4 to 5 times \(4\.1 on average\) and column 'meter_id' has 5 values/);
    const cache = readDatasetCache(r.dir);
    expect(longLayout(cache.meta, roles)).toEqual({ time: 'timestamp', series: 'meter_id', by: 'import' });
    expect(() => forecastingPivot(cache, roles, ['kwh'])).toThrow(/^long format by 'meter_id': the 5 series share only 20 of 200 times \(10%\): 'M5' starts at 2025-01-08 12:00/);
  });

  it('a categorical column with the average count still wins, and repeats no column explains stay refused', async () => {
    const rows = meterRows(TEN, ['MI', 'MJ'], 100, 70);
    // a 9-valued 'site' beside the 10 meters: the average (9) names it, as before
    const sites = await load(`timestamp,meter_id,site,kwh\n${rows.map((l) => l.replace(/,M([A-J])/, (_, d: string) => `,M${d},s${Math.min(d.charCodeAt(0) - 65, 8)}`)).join('\n')}\n`);
    expect(sites.issues['note:timestamp'].message).toMatch(/each time appears about 9 times \(from 8 to 10\) and column 'site' has 9 values/);
    // no column with 9 or 10 values: no note, and the run refuses the repeated times
    const none = await load(`timestamp,kwh\n${rows.map((l) => l.replace(/,M[A-J]/, '')).join('\n')}\n`);
    expect(none.issues['note:timestamp']).toBeUndefined();
    expect(() => checkForecastingRows(readDatasetCache(none.dir).meta, [roles[0], roles[2]])).toThrow(/repeat the time of the row before in 'timestamp'/);
  });
});

// A file in local time with both an autumn clock change (02:00 twice, the repeated hour) and a logger's
// duplicate (14:00 written twice two weeks earlier): the import warning counts only the duplicate, names it
// by its file line and its time as written, and tells it apart from the clock change; the run's data line
// says it in the same words (checkForecastingRows quotes the import's example).
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';
import { checkForecastingRows } from '../../common/data/forecasting-rows';
import type { DatasetCacheMeta } from '../../common/dataset-cache';

const { load, cleanup } = textLoader('gatelab-repeats-clock-');
afterAll(cleanup);

const p = (x: number) => String(x).padStart(2, '0');
/** Hourly Europe/Berlin wall-clock times from 2023-09-01 to mid-November, written 'DD.MM.YYYY HH:MM'; the row at 15.10.2023 14:00 written twice. */
function meterFile(): { text: string; duplicateLine: number } {
  const clock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const lines = ['Zeit;kW'];
  let duplicateLine = 0;
  for (let h = 0; h < 24 * 75; h++) {
    const [d, t] = clock.format(new Date(Date.UTC(2023, 7, 31, 22) + h * 3_600_000)).split(' ');
    const [y, mo, day] = d.split('-');
    const row = `${day}.${mo}.${y} ${t};${(100 + (h % 24)).toFixed(1)}`;
    lines.push(row);
    if (row.startsWith('15.10.2023 14:00')) { lines.push(row); duplicateLine = lines.length; }
  }
  return { text: `${lines.join('\n')}\n`, duplicateLine };
}

describe('a logger duplicate beside an autumn clock change', () => {
  it('the import warning counts and names the duplicate only, apart from the clock change; the data line says the same', async () => {
    const { text, duplicateLine } = meterFile();
    expect(duplicateLine).toBe(1073); // the header, 1,071 rows up to 14:00 on 15 October, and that row again
    const { issues, result } = await load(text);
    const dup = issues['duplicate_time:Zeit'];
    expect(dup.count).toBe(1);
    expect(dup.message).toBe("column 'Zeit': 1 row repeats the time of the row before (first at line 1073: 15.10.2023 14:00), besides the clock going back an hour at 2023-10-29 02:00 (its repeated hour is local time, kept in file order): "
      + 'a logger writing one time twice? Forecasting trains such repeats as consecutive steps; de-duplicate the file (one row per time) if they are not');
    expect(dup.examples).toEqual([{ line: 1073, column: 'Zeit', value: '15.10.2023 14:00' }]);
    // the run's data line: the same line and the time as written
    const times = Float64Array.from(text.trim().split('\n').slice(1), (l) => {
      const [d, t] = l.split(';')[0].split(' ');
      const [day, mo, y] = d.split('.');
      return Date.parse(`${y}-${mo}-${day}T${t}:00Z`) / 1000;
    });
    const meta = { rows: result.rows, columns: [], validation: result.validation } as unknown as DatasetCacheMeta;
    const notes = checkForecastingRows(meta, [{ name: 'Zeit', role: 'time' }, { name: 'kW', role: 'target' }], () => times);
    expect(notes).toContain("1 row repeats the time of the row before in 'Zeit' (first at line 1073: 15.10.2023 14:00); they train as consecutive steps");
  });
});

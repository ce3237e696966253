// A file in the UCI Beijing PM2.5 layout (No,year,month,day,hour,pm2.5,…) gets a time column composed of its
// integer parts; files whose parts are not all there, not int or out of range, or that have a time column, do not.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { META_FILE, type DatasetCacheMeta, type ImportOptions } from '../../common/dataset-cache';
import { openDatasetCache } from '../../main/lab/import/cache-io';
import { importDelimited } from './delimited';
import { ImportJob } from './job';
import { composeTime, findTimeParts, withComposedTime } from './time-parts';

const tmp = mkdtempSync(join(tmpdir(), 'gatelab-time-parts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let seq = 0;

/** The CSV import, then the composition as the import runs it (run.ts, under the parse rule timeParts). */
async function load(content: string, options: ImportOptions = {}) {
  const src = join(tmp, `f${seq}.csv`);
  writeFileSync(src, content);
  const dir = join(tmp, `out${seq++}`);
  mkdirSync(dir, { recursive: true });
  const job = new ImportJob(src, dir, options, statSync(src).size, {}, `f${seq}.csv`);
  const { meta } = await importDelimited(job, 'csv', new Map());
  const out = withComposedTime(meta, dir, job.validation);
  const cache = openDatasetCache(dir);
  const col = (n: string) => { const c = cache.column(n); return Array.from(c.values, (v) => (c.dictionary ? (v < 0 ? null : c.dictionary[v]) : v)); };
  return { meta: out, col, stored: JSON.parse(readFileSync(join(dir, META_FILE), 'utf8')) as DatasetCacheMeta };
}

/** `hours` hourly rows from 2010-01-01 00:00 in the PM2.5 layout (its pm2.5 has NA cells, as the real file's). */
function pm25(hours: number): string {
  const lines = ['No,year,month,day,hour,pm2.5,DEWP,TEMP,PRES,cbwd,Iws,Is,Ir'];
  for (let i = 0; i < hours; i++) {
    const t = new Date(Date.UTC(2010, 0, 1) + i * 3600_000);
    const pm = i % 17 === 3 ? 'NA' : String(100 + (i % 40));
    lines.push(`${i + 1},${t.getUTCFullYear()},${t.getUTCMonth() + 1},${t.getUTCDate()},${t.getUTCHours()},${pm},${-20 + (i % 9)},${-5 + (i % 11)},${1020 + (i % 5)},${['NW', 'cv', 'SE'][i % 3]},${(i % 13) * 1.79},0,0`);
  }
  return lines.join('\n') + '\n';
}

describe('time composed of integer parts', () => {
  it('the PM2.5 layout gets a datetime column "time" from year, month, day and hour; the parts stay as written', async () => {
    const r = await load(pm25(100));
    const time = r.meta.columns.at(-1)!;
    expect(time).toMatchObject({ name: 'time', type: 'datetime', timeParts: ['year', 'month', 'day', 'hour'] });
    expect(r.col('time').slice(0, 3)).toEqual([Date.UTC(2010, 0, 1) / 1000, Date.UTC(2010, 0, 1, 1) / 1000, Date.UTC(2010, 0, 1, 2) / 1000]);
    expect(r.col('time')[99]).toBe(Date.UTC(2010, 0, 5, 3) / 1000);
    expect(r.col('hour').slice(0, 3)).toEqual([0, 1, 2]);
    expect(r.meta.columns.find((c) => c.name === 'month')?.type).toBe('int');
    // the note says what was composed and how to keep the file apart; meta.json on disk is the one returned
    const note = r.meta.validation.issues.find((i) => i.kind === 'note' && i.column === 'time');
    expect(note?.message).toMatch(/'year', 'month', 'day', 'hour'.*column 'time' is added.*first row: 2010, 1, 1, 0.*--types year=float/);
    expect(r.stored.columns.map((c) => c.name)).toEqual(r.meta.columns.map((c) => c.name));
    // an hourly series without gaps or repeats: no time warning
    expect(r.meta.validation.issues.filter((i) => i.column === 'time' && i.severity !== 'info')).toEqual([]);
  });

  it('a date that does not exist (30 February) or a missing part leaves that row without a time, and the note counts it', async () => {
    const r = await load('year,month,day,value\n2024,2,28,1\n2024,2,30,2\n2024,3,,3\n2024,3,2,4\n');
    expect(r.col('time')).toEqual([Date.UTC(2024, 1, 28) / 1000, NaN, NaN, Date.UTC(2024, 2, 2) / 1000]);
    expect(r.meta.validation.issues.find((i) => i.column === 'time' && i.kind === 'note')?.message).toMatch(/2 rows have a part missing or a date that does not exist/);
  });

  it('no time column when a part is out of range, is missing, is typed otherwise, or the file has a time column', async () => {
    const names = async (csv: string, options: ImportOptions = {}) => (await load(csv, options)).meta.columns.map((c) => c.name);
    expect(await names('year,month,day,v\n2024,13,1,1\n2024,1,2,2\n')).not.toContain('time'); // month 13
    expect(await names('year,month,v\n2024,1,1\n2024,2,2\n')).not.toContain('time'); // no day
    expect(await names('year,month,day,hour,v\n2024,1,1,24,1\n2024,1,2,0,2\n')).not.toContain('time'); // hour 24: not an hour, so no time at all
    expect(await names('year,month,day,v\n2024,1,1,1\n2024,1,2,2\n', { columnTypes: { year: 'float' } })).not.toContain('time');
    expect(await names('date,year,month,day,v\n2024-01-01,2024,1,1,1\n2024-01-02,2024,1,2,2\n')).not.toContain('time');
  });

  it('names the column after a free name and reads yr/mo/hr and a minute', async () => {
    const r = await load('time,YR,Mo,Day,Hr,Minute,v\na,2024,1,1,0,30,1\nb,2024,1,1,1,0,2\nc,2024,1,1,2,15,3\n');
    const added = r.meta.columns.at(-1)!;
    expect(added).toMatchObject({ name: 'datetime', timeParts: ['YR', 'Mo', 'Day', 'Hr', 'Minute'] });
    expect(r.col('datetime')).toEqual([Date.UTC(2024, 0, 1, 0, 30) / 1000, Date.UTC(2024, 0, 1, 1) / 1000, Date.UTC(2024, 0, 1, 2, 15) / 1000]);
  });
});

describe('findTimeParts and composeTime', () => {
  it('a minute without an hour is not a part; real dates only', () => {
    const col = (name: string, min: number, max: number) => ({ name, type: 'int', dtype: 'float32', dim: 1, file: '', stats: { count: 2, missing: 0, min, max, mean: 0, std: 0, cardinality: null, topValues: null, histogram: null } }) as never;
    expect(findTimeParts([col('year', 2000, 2001), col('month', 1, 12), col('day', 1, 31), col('minute', 0, 59)])).toEqual({ year: 0, month: 1, day: 2 });
    expect(composeTime(2024, 2, 29)).toBe(Date.UTC(2024, 1, 29));
    expect(composeTime(2023, 2, 29)).toBeNaN();
    expect(composeTime(2023, 4, 31)).toBeNaN();
  });
});

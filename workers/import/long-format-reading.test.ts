// The import records a long-format file's layout as data (the report's longFormat: time column, series
// column, distinct times), and runs read that, not the note's words: a reworded note must not turn the
// pivot off, and the recorded time count must be the one the pivot lines the series up on. Datasets imported
// before the reading was recorded still pivot by the old reading of the note and the repeat count.
import { afterAll, describe, expect, it } from 'vitest';
import { readDatasetCache } from '../data/cache';
import { longLayout } from '../../common/data/forecasting-rows';
import { forecastingPivot } from '../../common/data/forecasting-long';
import type { DatasetCacheMeta } from '../../common/dataset-cache';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-long-reading-');
afterAll(cleanup);

const hour = (h: number) => new Date(Date.UTC(2025, 0, 1, h)).toISOString().slice(0, 16).replace('T', ' ');
/** `timestamp,meter_id,kwh` rows: each meter hourly from its start hour to `hours` (a late one starts later). */
const meterRows = (starts: Record<string, number>, hours: number) =>
  Array.from({ length: hours }, (_, h) => Object.entries(starts).filter(([, from]) => h >= from).map(([m], k) => `${hour(h)},${m},${(1 + k + h / 10).toFixed(2)}`)).flat();
const roles = [{ name: 'timestamp', role: 'time' }, { name: 'meter_id', role: 'feature' }, { name: 'kwh', role: 'feature' }];
const reworded = (meta: DatasetCacheMeta): DatasetCacheMeta => ({
  ...meta, validation: { ...meta.validation, issues: meta.validation.issues.map((i) => (i.kind === 'note' ? { ...i, message: 'several series, one row per series and time' } : i)) },
});

describe('the long-format reading an import records', () => {
  // 5 meters over 60 hours, two from hour 24 (4.2 rows per time: only the note, from the most rows of one
  // time, names the 5 meters), and a row without a time
  const file = `timestamp,meter_id,kwh\n${meterRows({ MA: 0, MB: 0, MC: 0, MD: 24, ME: 24 }, 60).join('\n')}\n,MA,9.5\n`;

  it('names the time and series columns and counts the distinct times, as many as the pivot has rows', async () => {
    const r = await load(file);
    const meta = readDatasetCache(r.dir).meta;
    expect(meta.validation.longFormat).toEqual([{ time: 'timestamp', series: 'meter_id', times: 60 }]);
    // the lab's record holds the same report
    expect(r.result.validation.longFormat).toEqual(meta.validation.longFormat);
    const pivot = forecastingPivot(readDatasetCache(r.dir), roles, ['kwh'])!;
    expect(pivot.source.rows).toBe(60);
    // the row without a time is counted by neither: the rows less the repeats would say 61
    const repeats = meta.validation.issues.find((i) => i.kind === 'duplicate_time')!.count;
    expect(meta.rows - repeats).toBe(61);
    expect(pivot.note).toMatch(/^long format: 5 series by 'meter_id' pivoted into 5 channels \(48 gaps, all before a series' first row/);
    // the pivot is one row per time: no long file to pivot again
    expect(longLayout(pivot.source.meta, [{ name: 'timestamp', role: 'time' }, ...pivot.channels.map((name) => ({ name, role: 'feature' }))])).toBeNull();
  });

  it('is read whatever the note says: a reworded note still pivots, and the recorded reading alone decides', async () => {
    const cache = readDatasetCache((await load(file)).dir);
    const meta = reworded(cache.meta);
    expect(meta.validation.issues.some((i) => i.message.includes('this looks like long format'))).toBe(false);
    expect(longLayout(meta, roles)).toEqual({ time: 'timestamp', series: 'meter_id', by: 'import' });
    expect(forecastingPivot({ ...cache, meta }, roles, ['kwh'])!.channels).toEqual(['MA', 'MB', 'MC', 'MD', 'ME']);
    // the old reading, by contrast, found the series column by the note's words alone here
    const { longFormat: _, ...unrecorded } = meta.validation;
    expect(longLayout({ ...meta, validation: unrecorded }, roles)).toBeNull();
    // the series column set aside: nothing recorded is in use, so the rows are read as they are
    expect(longLayout(meta, roles.map((c) => (c.name === 'meter_id' ? { ...c, role: 'ignore' } : c)))).toBeNull();
    // a reading of no column: not long format, whatever the repeats and the note say
    expect(longLayout({ ...cache.meta, validation: { ...cache.meta.validation, longFormat: [] } }, roles)).toBeNull();
  });

  it('keeps every column with as many values, so a run asks which one tells the series apart', async () => {
    const rows = meterRows({ MA: 0, MB: 0 }, 30).map((l) => `${l},${l.includes(',MA,') ? 'north' : 'south'}`);
    const cache = readDatasetCache((await load(`timestamp,meter_id,kwh,region\n${rows.join('\n')}\n`)).dir);
    expect(cache.meta.validation.longFormat).toEqual([{ time: 'timestamp', series: 'meter_id', alike: ['region'], times: 30 }]);
    const withRegion = [...roles, { name: 'region', role: 'feature' }];
    expect(() => longLayout(cache.meta, withRegion)).toThrow("each time in 'timestamp' appears 2 times, and 'meter_id' and 'region' each have 2 values: the file looks like long format, but which column tells the series apart?");
    expect(longLayout(cache.meta, withRegion.map((c) => (c.name === 'meter_id' ? { ...c, role: 'ignore' } : c)))).toEqual({ time: 'timestamp', series: 'region', by: 'import' });
  });

  it('an import that predates the reading still pivots by its note and repeat count', async () => {
    const cache = readDatasetCache((await load(file)).dir);
    const { longFormat, ...before } = cache.meta.validation;
    expect(longFormat).toBeDefined();
    const old: DatasetCacheMeta = { ...cache.meta, validation: before };
    expect(longLayout(old, roles)).toEqual({ time: 'timestamp', series: 'meter_id', by: 'import' });
    expect(forecastingPivot({ ...cache, meta: old }, roles, ['kwh'])!.source.rows).toBe(60);
    // a damaged reading (hand-edited meta.json) is no reading: the old rule applies rather than a made-up layout
    const damaged = { ...cache.meta, validation: { ...before, longFormat: [{ time: 'timestamp' }] } } as unknown as DatasetCacheMeta;
    expect(longLayout(damaged, roles)).toEqual({ time: 'timestamp', series: 'meter_id', by: 'import' });
  });
});

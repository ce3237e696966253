// Lookback + horizon against the split's parts, before Start: the lab's own check on the sizes the view has
// (the dataset's rows for the family default, a stored split's counts), its advice in the form's words.
import { describe, expect, it } from 'vitest';
import { editedWindowField, forecastRanges, windowFitNotes, WindowFieldTracker } from './window-fit';
import { templateJsonSchema } from '../../common/models';
import type { ColumnInfo } from '../../common/lab-api';
import type { JsonSchema } from './json-schema';

const col = (name: string, type: ColumnInfo['type'], role: ColumnInfo['role'] = 'feature') => ({ name, type, role, modality: null }) as unknown as ColumnInfo;
const hourly = (rows: number) => ({ rows, columnInfo: [col('time', 'datetime', 'time'), col('temp_c', 'float'), col('humidity', 'int')], issues: [] });
const roots = [templateJsonSchema('tsmixer-gated' as never) as JsonSchema];

describe('a forecasting window that the split cannot hold', () => {
  it('is said once, under the field the user edited, with the training part’s rows and a value that fits', () => {
    const ranges = forecastRanges(hourly(600), null); // the default: 70% of 600 rows train
    expect(ranges?.train).toEqual([0, 420]);
    // never under both (one message read as two problems): under the field the user edited, and before they
    // edit one, under Horizon here (longer than the 60-row validation part: no lookback fits it)
    expect(Object.keys(windowFitNotes(ranges, { lookback: 336, horizon: 96 }, roots, 'lookback'))).toEqual(['lookback']);
    const notes = windowFitNotes(ranges, { lookback: 336, horizon: 96 }, roots);
    expect(Object.keys(notes)).toEqual(['horizon']);
    expect(notes.horizon).toMatch(/training part \(rows 1-420, 420 rows\) is shorter than lookback 336 \+ horizon 96/);
    // the lab's --set advice, in the form's words, with a horizon that does fit
    expect(notes.horizon).not.toMatch(/--set/);
    const h = Number(/set Horizon to (\d+)/.exec(notes.horizon)?.[1]);
    expect(h).toBeGreaterThan(0);
    expect(windowFitNotes(ranges, { lookback: 336, horizon: h }, roots)).toEqual({});
  });

  it('says nothing for a window that fits, or while a box holds no count', () => {
    const ranges = forecastRanges(hourly(600), null);
    expect(windowFitNotes(ranges, { lookback: 96, horizon: 24 })).toEqual({});
    expect(windowFitNotes(ranges, { lookback: null, horizon: 96 })).toEqual({});
  });

  it('reads a stored split by time from its counts, and leaves splits it cannot judge to the lab', () => {
    const stored = forecastRanges(hourly(600), { kind: 'chronological', counts: { train: 500, val: 50, test: 50, unused: 0 } });
    expect(stored).toEqual({ train: [0, 500], val: [500, 550], test: [550, 600] });
    expect(windowFitNotes(stored, { lookback: 336, horizon: 48 })).toEqual({});
    // a horizon longer than a held-out part: no lookback fixes that, so the note (and the bar's link) is under Horizon
    const held = windowFitNotes(stored, { lookback: 336, horizon: 96 });
    expect(Object.keys(held)).toEqual(['horizon']);
    expect(held.horizon).toMatch(/validation part|test part/);
    // once the user edits Lookback, the note follows them there
    expect(Object.keys(windowFitNotes(stored, { lookback: 336, horizon: 96 }, [], 'lookback'))).toEqual(['lookback']);
    expect(forecastRanges(hourly(600), { kind: 'random', counts: { train: 420, val: 60, test: 120, unused: 0 } })).toBeNull();
  });

  it('counts a file with a series-id column in times, as the run pivots it: the note says a window that does not fit', () => {
    // 3 stations × 200 hours, 'station' set to series-id: the run lines the series up on 200 times, not 600 rows
    const station = { ...col('station', 'categorical', 'series-id'), distinct: 3 } as ColumnInfo;
    const repeats = [{ kind: 'duplicate_time', column: 'time', count: 400, severity: 'warning', message: '', examples: [] }];
    const long = { rows: 600, columnInfo: [...hourly(600).columnInfo, station], issues: repeats } as never;
    const ranges = forecastRanges(long, null);
    expect(ranges).toEqual({ train: [0, 140], val: [140, 160], test: [160, 200], unit: 'time' });
    expect(windowFitNotes(ranges, { lookback: 96, horizon: 96 }, roots).horizon).toMatch(/training part \(times 1-140, 140 times\) is shorter than lookback 96 \+ horizon 96/);
    expect(windowFitNotes(ranges, { lookback: 24, horizon: 12 }, roots)).toEqual({});
    // a stored split counts rows, and two series-id columns give no pivot to count (the data-shape problem says why): left to the lab
    expect(forecastRanges(long, { kind: 'chronological', counts: { train: 500, val: 50, test: 50, unused: 0 } })).toBeNull();
    const twoIds = { rows: 600, columnInfo: [...hourly(600).columnInfo, station, { ...col('sensor', 'categorical', 'series-id'), distinct: 2 }], issues: repeats } as never;
    expect(forecastRanges(twoIds, null)).toBeNull();
  });

  it('counts a long-format file in times, as the run pivots it and the lab says it: not in rows', () => {
    // 3 stations × 200 hours: every time repeats 3 times, and 'station' has 3 values (the import's long-format reading)
    const station = { ...col('station', 'categorical'), distinct: 3 } as ColumnInfo;
    const long = { rows: 600, columnInfo: [...hourly(600).columnInfo, station], issues: [{ kind: 'duplicate_time', column: 'time', count: 400, severity: 'warning', message: '', examples: [] }] } as never;
    const ranges = forecastRanges(long, null);
    expect(ranges).toMatchObject({ train: [0, 140], unit: 'time' });
    const notes = windowFitNotes(ranges, { lookback: 96, horizon: 96 }, roots);
    expect(notes.horizon).toMatch(/training part \(times 1-140, 140 times\) is shorter than lookback 96 \+ horizon 96/);
    expect(notes.horizon).not.toMatch(/\brows?\b/);
    // a stored split counts rows, which the pivot does not keep: the lab judges it when the run starts
    expect(forecastRanges(long, { kind: 'chronological', counts: { train: 500, val: 50, test: 50, unused: 0 } })).toBeNull();
  });

  it('follows the field the user last changed: typed, or set by any other control', () => {
    expect(editedWindowField({ lookback: 96, horizon: 24 }, { lookback: 96, horizon: 400 }, 'lookback')).toBe('horizon');
    expect(editedWindowField({ lookback: 96, horizon: 400 }, { lookback: 900, horizon: 400 }, 'horizon')).toBe('lookback');
    // both changed at once (another template's defaults) or neither: where it was
    expect(editedWindowField({ lookback: 96, horizon: 24 }, { lookback: 336, horizon: 96 }, 'horizon')).toBe('horizon');
    expect(editedWindowField({ lookback: 96, horizon: 24, layers: 2 }, { lookback: 96, horizon: 24, layers: 3 }, 'horizon')).toBe('horizon');
    const tracker = new WindowFieldTracker();
    expect(tracker.see({ lookback: 96, horizon: 24 })).toBeNull(); // nothing edited yet: windowFitNotes picks by cause
    expect(tracker.see({ lookback: 336, horizon: 96 })).toBeNull(); // both at once (another template's defaults)
    expect(tracker.see({ lookback: 336, horizon: 900 })).toBe('horizon');
    expect(tracker.see({ lookback: 336, horizon: 900, layers: 4 })).toBe('horizon'); // another field: the note stays put
    expect(tracker.see({ lookback: 500, horizon: 900 })).toBe('lookback');
  });
});

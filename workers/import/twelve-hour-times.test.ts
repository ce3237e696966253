// Times on the 12-hour clock, as US spreadsheets write them ('09/01/2023 12:00 AM', '9/1/2023 1:05 PM',
// '...12:30:15 PM'): read as datetimes, 12 AM as 00 and 12 PM as 12, day or month first decided as for
// other slashed dates, with a note saying how; a cell the clock does not allow ('13:05 PM') named with why.
// A dataset imported before the rule (parseRules without twelveHourTimes) reads them as it did: text.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';
import { detectDateFormat, parseDatetime } from './datetime';

const { load, cleanup } = textLoader('gatelab-twelve-hour-');
afterAll(cleanup);

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
const p = (x: number) => String(x).padStart(2, '0');
/** Hourly rows from 2023-09-01 00:00, written as US Excel writes them: 'MM/DD/YYYY hh:mm AM'. */
const usHourly = (hours: number) => Array.from({ length: hours }, (_, i) => {
  const d = new Date(Date.UTC(2023, 8, 1) + i * 3_600_000);
  const h = d.getUTCHours();
  return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(h % 12 === 0 ? 12 : h % 12)}:00 ${h < 12 ? 'AM' : 'PM'},${i}`;
});

describe('12-hour times', () => {
  it('12 AM is midnight, 12 PM noon; seconds, lower case and dotted a.m./p.m. read too', () => {
    expect(parseDatetime('09/01/2023 12:00 AM', 'mdy')).toBe(utc(2023, 9, 1, 0));
    expect(parseDatetime('09/01/2023 12:59 AM', 'mdy')).toBe(utc(2023, 9, 1, 0, 59));
    expect(parseDatetime('9/1/2023 1:05 AM', 'mdy')).toBe(utc(2023, 9, 1, 1, 5));
    expect(parseDatetime('9/1/2023 12:00 PM', 'mdy')).toBe(utc(2023, 9, 1, 12));
    expect(parseDatetime('9/1/2023 1:05 PM', 'mdy')).toBe(utc(2023, 9, 1, 13, 5));
    expect(parseDatetime('9/1/2023 11:59:59 pm', 'mdy')).toBe(utc(2023, 9, 1, 23, 59, 59));
    expect(parseDatetime('9/1/2023 12:30:15PM', 'mdy')).toBe(utc(2023, 9, 1, 12, 30, 15));
    expect(parseDatetime('1/9/2023 9:15 p.m.', 'dmy')).toBe(utc(2023, 9, 1, 21, 15));
    expect(parseDatetime('2023-09-01 01:05 PM', 'iso')).toBe(utc(2023, 9, 1, 13, 5));
    // the 12-hour clock has no hour 0 nor 13
    expect(parseDatetime('9/1/2023 13:05 PM', 'mdy')).toBeNaN();
    expect(parseDatetime('9/1/2023 0:30 AM', 'mdy')).toBeNaN();
    // day or month first as for other slashed dates: a first field above 12 says day first
    expect(detectDateFormat(['13/09/2023 1:00 PM', '14/09/2023 1:00 PM'])).toBe('dmy');
    expect(detectDateFormat(['09/13/2023 1:00 PM', '09/14/2023 1:00 PM'])).toBe('mdy');
  });

  it('a US hourly export imports as an hourly datetime column, with a note on how AM/PM was read', async () => {
    const rows = usHourly(72);
    const { type, col, issues, result } = await load(`Timestamp,Load\n${rows.join('\n')}\n`);
    expect(type('Timestamp')).toBe('datetime');
    expect(col('Timestamp')).toEqual(Array.from({ length: 72 }, (_, i) => utc(2023, 9, 1) + i * 3600));
    expect(result.validation.issues.map((i) => i.message)).toContain("column 'Timestamp': times on the 12-hour clock (such as '09/01/2023 12:00 AM') read with their AM/PM: 12 AM is 00:00 (midnight), 12 PM is 12:00 (noon)");
    expect(issues['time_gaps:Timestamp']).toBeUndefined(); // steps of one hour throughout: noon and midnight in place
    expect(issues['duplicate_time:Timestamp']).toBeUndefined();
  });

  it('in a column read as datetime, a cell the 12-hour clock does not allow is a bad value named with why', async () => {
    const rows = usHourly(48);
    rows[30] = '09/02/2023 18:00 PM,30';
    const { issues } = await load(`Timestamp,Load\n${rows.join('\n')}\n`, { onInvalid: 'drop', columnTypes: { Timestamp: 'datetime' } });
    const bad = issues['unparsable:Timestamp'];
    expect(bad.count).toBe(1);
    expect(bad.examples[0]).toMatchObject({ line: 32, value: '09/02/2023 18:00 PM' });
    expect(bad.message).toContain("with AM/PM the hour is 1–12, 12 AM being midnight: '12:30 AM', '1:05 PM', not '13:05 PM' or '0:30 AM'");
  });

  it('in the sample, the column stays text, and a warning names the cell and why', async () => {
    const rows = usHourly(48);
    rows[30] = '09/02/2023 18:00 PM,30';
    const { type, issues } = await load(`Timestamp,Load\n${rows.join('\n')}\n`);
    expect(type('Timestamp')).not.toBe('datetime');
    expect(issues['note:Timestamp']).toMatchObject({ severity: 'warning', count: 1 });
    expect(issues['note:Timestamp'].message).toBe("column 'Timestamp': times on the 12-hour clock, but 1 value does not read as one ('09/02/2023 18:00 PM': with AM/PM the hour is 1–12, 12 AM being midnight), so the column stays text. Correct it in the file and import it again, or set the column's type to datetime (then it is a bad value, handled by the --on-invalid policy)");
  });

  it('a dataset imported before AM/PM was read parses again as it was (text); a column typed datetime in this parse reads them, one typed before does not', async () => {
    const file = `Timestamp,Load\n${usHourly(24).join('\n')}\n`;
    const before = { parseRules: { excelDates: true, combineDateTime: true, skipSummaryRow: true, floatIds: true, booleanNames: true, twoDigitYears: true } } as never;
    const old = await load(file, before);
    expect(old.type('Timestamp')).not.toBe('datetime');
    expect(old.result.validation.issues.map((i) => i.message).join('\n')).not.toContain('12-hour');
    // `datasets types Timestamp=datetime` now: a new decision, read under every rule
    const typed = await load(file, { ...(before as object), columnTypes: { Timestamp: 'datetime' }, retypedColumns: ['Timestamp'] } as never);
    expect(typed.type('Timestamp')).toBe('datetime');
    expect(typed.col('Timestamp')[13]).toBe(utc(2023, 9, 1, 13));
    // typed datetime at that import (another column's type changes now): its AM/PM cells stay bad values, as then
    const recorded = await load(file, { ...(before as object), columnTypes: { Timestamp: 'datetime' }, onInvalid: 'impute', retypedColumns: ['Load'] } as never);
    expect(recorded.result.rows).toBe(24);
    expect(recorded.col('Timestamp')[13]).toBeNaN();
  });
});

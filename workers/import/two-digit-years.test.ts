// Dates with two-digit years (Excel's short date: '25.12.20 00:00', '12/31/20', '31/12/20 23:45') are read
// as datetimes, day or month first decided as for four-digit years, the years as Python's %y reads them
// (00-68: 2000s, 69-99: 1900s), with a note naming how so that a user can check the century. Times are
// checked against Date.UTC; version numbers ('3.10.12') stay what they are.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';
import { detectDateFormat, parseDatetime } from './datetime';

const { load, cleanup } = textLoader('gatelab-two-digit-years-');
afterAll(cleanup);

const p = (x: number) => String(x).padStart(2, '0');
const utc = (...a: [number, number, number, number?, number?]) => Date.UTC(a[0], a[1] - 1, a[2], a[3] ?? 0, a[4] ?? 0) / 1000;

describe('dates with two-digit years', () => {
  it('parse with the %y pivot: 00-68 are 2000-2068, 69-99 are 1969-1999', () => {
    expect(parseDatetime('31/12/20 23:45', 'dmy')).toBe(utc(2020, 12, 31, 23, 45));
    expect(parseDatetime('12/31/20', 'mdy')).toBe(utc(2020, 12, 31));
    expect(parseDatetime('31.12.20', 'dmy')).toBe(utc(2020, 12, 31));
    expect(parseDatetime('3/7/21 8:05:00', 'mdy')).toBe(utc(2021, 3, 7, 8, 5));
    expect(parseDatetime('01/01/68', 'dmy')).toBe(utc(2068, 1, 1));
    expect(parseDatetime('01/01/69', 'dmy')).toBe(utc(1969, 1, 1));
    expect(parseDatetime('31.12.99', 'dmy')).toBe(utc(1999, 12, 31));
    expect(parseDatetime('29/02/21', 'dmy')).toBeNaN(); // 2021 is no leap year
    // version numbers are no dates: dotted short-year dates need two-digit days and months
    expect(parseDatetime('3.10.12', 'dmy')).toBeNaN();
    expect(detectDateFormat(['1.2.70', '1.3.71'])).toBeNull();
    // day or month first as for four-digit years: a first field above 12 says day first
    expect(detectDateFormat(['01/02/20', '25/12/20'])).toBe('dmy');
    expect(detectDateFormat(['01/02/20', '12/25/20'])).toBe('mdy');
  });

  it("a German Excel export ('25.12.20 00:15;3,5') imports as a datetime, with a note naming how the years were read", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => {
      const t = new Date(Date.UTC(2020, 11, 31, 22) + i * 900_000);
      return `${p(t.getUTCDate())}.${p(t.getUTCMonth() + 1)}.${p(t.getUTCFullYear() % 100)} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())};${i % 7},5`;
    });
    const r = await load(`Datum;Wert\n${rows.join('\n')}\n`);
    expect(r.type('Datum')).toBe('datetime');
    expect(r.col('Datum')).toEqual(Array.from({ length: 60 }, (_, i) => utc(2020, 12, 31, 22) + i * 900));
    expect(r.col('Wert')[1]).toBe(1.5);
    const note = r.result.validation.issues.find((i) => i.kind === 'note' && i.column === 'Datum')!;
    expect(note).toMatchObject({ severity: 'info', count: 60 });
    expect(note.message).toBe("column 'Datum': dates with two-digit years (such as '31.12.20 22:00') read day first (DD.MM.YY), two-digit years read as 2000–2068 / 1969–1999 (00–68 and 69–99, as Python's %y): here 2020–2021. If some belong to another century, save the file with four-digit years and import it again");
    expect(r.result.validation.issues.some((i) => i.severity === 'warning')).toBe(false);
  });

  it("US short dates ('12/31/20', month first) and '31/12/98 23:45' (day first, 1900s) read as four-digit years would", async () => {
    const us = await load(`date,sales\n${Array.from({ length: 20 }, (_, i) => { const t = new Date(Date.UTC(2020, 11, 20) + i * 86_400_000); return `${t.getUTCMonth() + 1}/${t.getUTCDate()}/${p(t.getUTCFullYear() % 100)},${i}`; }).join('\n')}\n`);
    expect(us.type('date')).toBe('datetime');
    expect(us.col('date')).toEqual(Array.from({ length: 20 }, (_, i) => utc(2020, 12, 20) + i * 86400));
    expect(us.issues['note:date'].message).toMatch(/^column 'date': dates with two-digit years \(such as '12\/20\/20'\) read month first \(MM\/DD\/YY\), two-digit years read as 2000–2068 \/ 1969–1999 .*: here 2020–2021\./);

    const eu = await load('time,load\n31/12/98 23:15,1\n31/12/98 23:30,2\n31/12/98 23:45,3\n01/01/99 00:00,4\n');
    expect(eu.col('time')).toEqual([0, 1, 2, 3].map((i) => utc(1998, 12, 31, 23, 15) + i * 900));
    const notes = eu.result.validation.issues.filter((i) => i.column === 'time').map((i) => i.message);
    expect(notes).toContain("column 'time': slashed dates read day-first (DD/MM/YY), as '31/12/98 23:15' has no month 31. To read them otherwise, import with --date-order mdy");
    expect(notes.some((m) => m.includes('read day first (DD/MM/YY), two-digit years read as 2000–2068 / 1969–1999') && m.includes('here 1998–1999.'))).toBe(true);
  });

  it('month first guessed from the first rows is read again day first when a later row says so, two-digit years and all', async () => {
    // hourly from 2021-01-01: every date of the first 12 days reads both ways, 13/01/21 only day first
    const rows = Array.from({ length: 24 * 14 }, (_, i) => { const t = new Date(Date.UTC(2021, 0, 1) + i * 3_600_000); return `${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/21 ${p(t.getUTCHours())}:00,${i}`; });
    const r = await load(`when,v\n${rows.join('\n')}\n`);
    expect(r.type('when')).toBe('datetime');
    expect(r.col('when')).toEqual(rows.map((_, i) => utc(2021, 1, 1) + i * 3600));
  });
});

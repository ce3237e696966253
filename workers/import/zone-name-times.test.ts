// A time column written with zone names ('2021-03-28 03:00 CEST', BigQuery's '… UTC') stays text: the import
// warns, naming the zones and the pandas call that writes them as offsets, and the rewritten file reads as times.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-zone-names-');
afterAll(cleanup);

/** Hourly Paris times from 2021-03-27 22:00 UTC across the spring change, written as strftime('%Y-%m-%d %H:%M %Z') does. */
function parisHours(n: number): string[] {
  const start = Date.UTC(2021, 2, 27, 22) / 1000, change = Date.UTC(2021, 2, 28, 1) / 1000;
  return Array.from({ length: n }, (_, h) => {
    const t = start + h * 3600, summer = t >= change;
    return `${new Date((t + (summer ? 7200 : 3600)) * 1000).toISOString().slice(0, 16).replace('T', ' ')} ${summer ? 'CEST' : 'CET'}`;
  });
}

describe('date-times followed by a time-zone name', () => {
  it('CET/CEST across the spring change: a warning with the pandas call, and the rewritten times read as datetime', async () => {
    const times = parisHours(48);
    const r = await load(`timestamp,temp (°C)\n${times.map((t, i) => `${t},${(5 + (i % 7) / 2).toFixed(1)}`).join('\n')}\n`);
    expect(r.type('timestamp')).not.toBe('datetime');
    const warning = r.issues['note:timestamp'];
    expect(warning).toMatchObject({ severity: 'warning', count: 48 });
    expect(warning.message).toBe("column 'timestamp' holds date-times followed by a time-zone name (such as '2021-03-27 23:00 CET'; zones CET, CEST), "
      + 'which the importer does not read as times, so it is text and forecasting cannot use it as its time column. '
      + "Write each zone name as its UTC offset and import the file again, e.g. pandas: df['timestamp'] = df['timestamp'].replace({r' CET$': '+01:00', r' CEST$': '+02:00'}, regex=True): "
      + 'times with an offset are read, converted to UTC');
    // what that pandas call writes: the same times with offsets, read as datetime, one hour apart across the change
    const rewritten = times.map((t) => t.replace(/ CET$/, '+01:00').replace(/ CEST$/, '+02:00'));
    const fixed = await load(`timestamp,temp (°C)\n${rewritten.map((t, i) => `${t},${i}`).join('\n')}\n`);
    expect(fixed.type('timestamp')).toBe('datetime');
    expect(fixed.col('timestamp').slice(2, 5)).toEqual([0, 1, 2].map((h) => Date.UTC(2021, 2, 28, 0 + h) / 1000));
  });

  it("BigQuery's ' UTC' suffix, and a name with no one offset (CST) asked for instead of guessed", async () => {
    const utc = await load(`ts,v\n${Array.from({ length: 30 }, (_, i) => `2021-02-01 ${String(i % 24).padStart(2, '0')}:00:00 UTC,${i}`).join('\n')}\n`);
    expect(utc.issues['note:ts'].message).toContain("(such as '2021-02-01 00:00:00 UTC'; zone UTC)");
    expect(utc.issues['note:ts'].message).toContain(".replace({r' UTC$': '+00:00'}, regex=True)");
    const cst = await load(`ts,v\n${Array.from({ length: 30 }, (_, i) => `2021-02-01 ${String(i % 24).padStart(2, '0')}:00 ${i % 2 ? 'CST' : 'EST'},${i}`).join('\n')}\n`);
    expect(cst.issues['note:ts'].message).toContain(".replace({r' EST$': '-05:00'}, regex=True); for 'CST' write the offset you mean (the importer guesses none: CST is US Central or China time, and POSIX reads GMT+1 as UTC−1): times with an offset are read");
    const plus = await load(`ts,v\n${Array.from({ length: 30 }, (_, i) => `2021-02-01 ${String(i % 24).padStart(2, '0')}:00:00 UTC+1,${i}`).join('\n')}\n`);
    expect(plus.issues['note:ts'].message).toContain("(such as '2021-02-01 00:00:00 UTC+1'; zone UTC+1), which the importer does not read as times, so it is text and forecasting cannot use it as its time column. "
      + "Write each zone name as the UTC offset it stands for (e.g. '2021-03-28 03:00+02:00') and import the file again (the importer guesses none:");
  });

  it('text that merely ends in capitals, or a date without a time, gets no such warning', async () => {
    const notes = await load(`id,note\n${Array.from({ length: 30 }, (_, i) => `${i},call back at ${i % 12}:30 ASAP`).join('\n')}\n`);
    expect(notes.issues['note:note']).toBeUndefined();
    const days = await load(`day,v\n${Array.from({ length: 30 }, (_, i) => `2021-02-${String(1 + (i % 28)).padStart(2, '0')} UTC,${i}`).join('\n')}\n`);
    expect(days.issues['note:day']).toBeUndefined();
  });
});

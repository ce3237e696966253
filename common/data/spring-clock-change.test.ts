// The one rule the importer and the trainer share for the spring clock change: the skipped hour of a
// region's change date (checked against the time zone database through Intl), never a missing row on
// another night, never times written in UTC.
import { describe, expect, it } from 'vitest';
import { SpringChanges, springChangeAt, timesWrittenInUtc } from './spring-clock-change';

const HOUR = 3600;

const formats = new Map<string, Intl.DateTimeFormat>();
/** The wall-clock reading (as epoch seconds of that reading) of `utcMs` in `zone`. */
function wallClock(zone: string, utcMs: number): number {
  let f = formats.get(zone);
  if (!f) formats.set(zone, (f = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  return Date.parse(`${f.format(new Date(utcMs)).replace(' ', 'T')}Z`) / 1000;
}

/** The step of a `step`-second series in `zone` that skips an hour in the 50 days from `fromUtcMs`. */
function springStep(zone: string, fromUtcMs: number, step: number): [number, number] {
  for (let ms = fromUtcMs; ms < fromUtcMs + 50 * 86400_000; ms += step * 1000) {
    const a = wallClock(zone, ms), b = wallClock(zone, ms + step * 1000);
    if (b - a === step + HOUR) return [a, b];
  }
  throw new Error(`no spring change in ${zone}`);
}

describe('the spring clock change rule', () => {
  it('accepts the hour each covered region skips, as the time zone database has it, hourly and every 15 minutes', () => {
    const cases: Array<[string, number, string]> = [
      ['Europe/Berlin', Date.UTC(2023, 2, 1), '2023-03-26T02:00'],
      ['Europe/London', Date.UTC(2024, 2, 1), '2024-03-31T01:00'],
      ['Europe/Helsinki', Date.UTC(2021, 2, 1), '2021-03-28T03:00'],
      ['America/New_York', Date.UTC(2023, 2, 1), '2023-03-12T02:00'],
      ['America/Los_Angeles', Date.UTC(2005, 2, 1), '2005-04-03T02:00'],
      ['America/Mexico_City', Date.UTC(2019, 2, 1), '2019-04-07T02:00'],
      ['Australia/Sydney', Date.UTC(2023, 8, 1), '2023-10-01T02:00'],
      ['Pacific/Auckland', Date.UTC(2022, 8, 1), '2022-09-25T02:00'],
    ];
    for (const [zone, from, skipped] of cases) {
      for (const step of [HOUR, 900]) {
        const [a, b] = springStep(zone, from, step);
        expect(new Date((a + step) * 1000).toISOString().slice(0, 16), zone).toBe(skipped);
        expect(springChangeAt(a, b, step), `${zone} every ${step} s`).toMatch(/^the .* change, /);
      }
    }
    const [a, b] = springStep('Europe/Berlin', Date.UTC(2023, 2, 1), HOUR);
    expect(springChangeAt(a, b, HOUR)).toBe('the EU change, last Sunday of March at 01:00 UTC');
  });

  it('takes a missing row for a gap: midnight in April, the right night at the wrong hour, a Sunday a week early, a 2-hour hole', () => {
    const t = (iso: string) => Date.parse(`${iso}Z`) / 1000;
    // the audit's file: 13.04.2021 23:00 then 14.04.2021 01:00 (a Wednesday)
    expect(springChangeAt(t('2021-04-13T23:00'), t('2021-04-14T01:00'), HOUR)).toBeNull();
    expect(springChangeAt(t('2023-03-26T04:00'), t('2023-03-26T06:00'), HOUR)).toBeNull();
    expect(springChangeAt(t('2023-03-19T01:00'), t('2023-03-19T03:00'), HOUR)).toBeNull();
    expect(springChangeAt(t('2023-03-26T01:00'), t('2023-03-26T04:00'), HOUR)).toBeNull();
    // 15-minute rows must skip exactly the clock hour: 01:45 then 03:00, not 01:30 then 02:45
    expect(springChangeAt(t('2023-03-26T01:45'), t('2023-03-26T03:00'), 900)).not.toBeNull();
    expect(springChangeAt(t('2023-03-26T01:30'), t('2023-03-26T02:45'), 900)).toBeNull();
    // a daily series has no hour to skip
    expect(springChangeAt(t('2023-03-25T00:00'), t('2023-03-26T01:00'), 86400)).toBeNull();
  });

  it('accepts one change in 300 days, and none for times written with Z or an offset', () => {
    const t = (iso: string) => Date.parse(`${iso}Z`) / 1000;
    const eu = [t('2023-03-26T01:00'), t('2023-03-26T03:00')] as const;
    const us = [t('2023-03-12T01:00'), t('2023-03-12T03:00')] as const;
    const local = new SpringChanges();
    expect(local.take(...us, HOUR)).toMatch(/^the US and Canada change/);
    expect(local.take(...eu, HOUR)).toBeNull(); // two weeks after the US one: one of them is a missing row
    expect(local.take(t('2024-03-31T01:00'), t('2024-03-31T03:00'), HOUR)).toMatch(/^the EU change/);
    expect(new SpringChanges(true).take(...eu, HOUR)).toBeNull();
    // the importer's note on converted offsets is what marks a column as written in UTC
    const note = (message: string) => [{ kind: 'note', column: 'ts', message }];
    expect(timesWrittenInUtc(note("column 'ts': times written with UTC offsets (+01:00, +02:00) are converted to UTC, and stored and shown in UTC"), 'ts')).toBe(true);
    expect(timesWrittenInUtc(note("column 'ts': times written with UTC offsets (+01:00) are converted to UTC"), 'other')).toBe(false);
    expect(timesWrittenInUtc(note("time column 'ts': local wall-clock time; the spring clock change …"), 'ts')).toBe(false);
  });
});

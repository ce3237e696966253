// The autumn rule the importer and the trainer share: the hour each covered region's clock repeats, as the
// time zone database has it (through Intl), with rows of that hour missing or not; never another night, an
// hour back in summer, a step back out of the repeated hour, or times written in UTC.
import { describe, expect, it } from 'vitest';
import { AutumnChanges, autumnChangeAt, autumnStep } from './autumn-clock-change';

const HOUR = 3600;

const formats = new Map<string, Intl.DateTimeFormat>();
/** The wall-clock reading (as epoch seconds of that reading) of `utcMs` in `zone`. */
function wallClock(zone: string, utcMs: number): number {
  let f = formats.get(zone);
  if (!f) formats.set(zone, (f = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  return Date.parse(`${f.format(new Date(utcMs))}Z`.replace(' ', 'T')) / 1000;
}

/** The step back of a `step`-second series in `zone` in the 60 days from `fromUtcMs`: the readings before and after it. */
function autumnBack(zone: string, fromUtcMs: number, step: number): [number, number] {
  for (let ms = fromUtcMs; ms < fromUtcMs + 60 * 86400_000; ms += step * 1000) {
    const a = wallClock(zone, ms), b = wallClock(zone, ms + step * 1000);
    if (b <= a) return [a, b];
  }
  throw new Error(`no autumn change in ${zone}`);
}

const iso = (t: number) => new Date(t * 1000).toISOString().slice(0, 16);

describe('the autumn clock change rule', () => {
  it('accepts the hour each covered region repeats, hourly and every 15 minutes, and the time that really passed is the usual step', () => {
    const cases: Array<[string, number, string, RegExp]> = [
      ['Europe/Berlin', Date.UTC(2023, 9, 1), '2023-10-29T02:00', /^the EU change, last Sunday of October/],
      ['Europe/London', Date.UTC(2024, 9, 1), '2024-10-27T01:00', /^the EU change/],
      ['Europe/Helsinki', Date.UTC(2021, 9, 1), '2021-10-31T03:00', /^the EU change/],
      ['Europe/Berlin', Date.UTC(1990, 8, 1), '1990-09-30T02:00', /^the EU change, last Sunday of September/],
      ['America/New_York', Date.UTC(2023, 9, 20), '2023-11-05T01:00', /^the US and Canada change/],
      ['America/Los_Angeles', Date.UTC(2005, 9, 1), '2005-10-30T01:00', /^the EU change, .* or the North American change, last Sunday of October at 02:00$/], // the UK's hour too
      ['America/Mexico_City', Date.UTC(2019, 9, 1), '2019-10-27T01:00', /^the EU change, .* or the Mexico change/],
      ['Australia/Sydney', Date.UTC(2023, 2, 15), '2023-04-02T02:00', /^the south-east Australia and New Zealand change/],
      ['Pacific/Auckland', Date.UTC(2022, 2, 15), '2022-04-03T02:00', /^the south-east Australia and New Zealand change/],
    ];
    for (const [zone, from, repeated, words] of cases) {
      for (const step of [HOUR, 900]) {
        const [a, b] = autumnBack(zone, from, step);
        expect(iso(b), zone).toBe(repeated);
        expect(autumnChangeAt(a, b, step), `${zone} every ${step} s`).toMatch(words);
        expect(autumnStep(a, b)).toBe(step);
      }
    }
  });

  it('takes a repeated hour with rows missing: the step back is shorter, and what really passed is a gap', () => {
    const t = (s: string) => Date.parse(`${s}Z`) / 1000;
    // 15-minute rows in Berlin: 02:30 (summer time), 02:45 missing, then 02:00 (winter time)
    expect(autumnChangeAt(t('2023-10-29T02:30'), t('2023-10-29T02:00'), 900)).toMatch(/^the EU change/);
    expect(autumnStep(t('2023-10-29T02:30'), t('2023-10-29T02:00'))).toBe(1800);
    // 02:45, then 02:15 (02:00 of winter time missing)
    expect(autumnStep(t('2023-10-29T02:45'), t('2023-10-29T02:15'))).toBe(1800);
    expect(autumnChangeAt(t('2023-10-29T02:45'), t('2023-10-29T02:15'), 900)).not.toBeNull();
  });

  it('refuses other steps back: another night, an hour back in summer, a step back leaving the hour, a step that does not divide the hour', () => {
    const t = (s: string) => Date.parse(`${s}Z`) / 1000;
    expect(autumnChangeAt(t('2023-10-22T02:45'), t('2023-10-22T02:00'), 900)).toBeNull(); // a week early
    expect(autumnChangeAt(t('2023-07-09T02:45'), t('2023-07-09T02:00'), 900)).toBeNull();
    expect(autumnChangeAt(t('2023-10-29T05:45'), t('2023-10-29T05:00'), 900)).toBeNull(); // the right night, no region's hour
    expect(autumnChangeAt(t('2023-10-29T03:15'), t('2023-10-29T02:00'), 900)).toBeNull(); // back more than the clock went
    expect(autumnChangeAt(t('2023-10-29T02:00'), t('2023-10-29T02:45'), 900)).toBeNull(); // forward
    expect(autumnChangeAt(t('2023-10-29T02:42'), t('2023-10-29T02:00'), 7 * 60)).toBeNull();
  });

  it('once in 300 days, and never for times written in UTC', () => {
    const t = (s: string) => Date.parse(`${s}Z`) / 1000;
    const changes = new AutumnChanges();
    expect(changes.take(t('2023-10-29T02:45'), t('2023-10-29T02:00'), 900)).not.toBeNull();
    expect(changes.take(t('2023-10-29T03:45'), t('2023-10-29T03:00'), 900)).toBeNull(); // the same night again
    expect(changes.take(t('2024-10-27T02:45'), t('2024-10-27T02:00'), 900)).not.toBeNull();
    expect(new AutumnChanges(true).take(t('2023-10-29T02:45'), t('2023-10-29T02:00'), 900)).toBeNull();
  });
});

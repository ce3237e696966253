// Datetime parsing against Date.UTC (an independent reference), and the byte fast path against the
// regex path on random dates, invalid days included.
import { describe, expect, it } from 'vitest';
import { detectDateFormat, parseDatetime, parseIsoBytes } from './datetime';

describe('datetimes', () => {
  it('parses the supported formats to UTC epoch seconds', () => {
    const t = Date.UTC(2016, 6, 1, 13, 5, 9) / 1000;
    expect(parseDatetime('2016-07-01 13:05:09', 'iso')).toBe(t);
    expect(parseDatetime('2016-07-01T13:05:09Z', 'iso')).toBe(t);
    expect(parseDatetime('2016-07-01T15:05:09+02:00', 'iso')).toBe(t);
    expect(parseDatetime('2016-07-01T13:05:09.250', 'iso')).toBe(t + 0.25);
    expect(parseDatetime('2016/07/01 13:05:09', 'ymd-slash')).toBe(t);
    expect(parseDatetime('01-Jul-2016', 'dmy-mon')).toBe(Date.UTC(2016, 6, 1) / 1000);
    expect(parseDatetime('07/01/2016', 'mdy')).toBe(Date.UTC(2016, 6, 1) / 1000);
    expect(parseDatetime('2016-02-30', 'iso')).toBeNaN();
    expect(detectDateFormat(['01/02/2020', '25/12/2020'])).toBe('dmy');
    expect(detectDateFormat(['01/02/2020', '12/25/2020'])).toBe('mdy');
    expect(detectDateFormat(['2020-01-01', 'soon'])).toBeNull();
  });

  it('the byte fast path agrees with the regex path', () => {
    let seed = 3;
    const rand = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    for (let i = 0; i < 5000; i++) {
      const y = 1600 + Math.floor(rand() * 800), mo = 1 + Math.floor(rand() * 12), d = 1 + Math.floor(rand() * 31);
      const h = Math.floor(rand() * 24), m = Math.floor(rand() * 60), s = Math.floor(rand() * 60);
      const forms = [`${y}-${pad(mo)}-${pad(d)}`, `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(m)}`, `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(m)}:${pad(s)}Z`];
      for (const f of forms) {
        const b = Buffer.from(f);
        const fast = parseIsoBytes(b, 0, b.length);
        expect(Number.isNaN(fast) ? NaN : fast, f).toEqual(parseDatetime(f, 'iso'));
      }
    }
  });
});

// Timestamps in epoch milliseconds (JavaScript's Date.now(), Java's currentTimeMillis) in a time-named
// column are datetimes, in seconds like every other datetime; a small integer "time" column stays a number.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';

const { load, cleanup } = textLoader('gatelab-epochms-');
afterAll(cleanup);

describe('epoch milliseconds', () => {
  it('a time-named column of epoch milliseconds is a datetime in seconds', async () => {
    const t0 = Date.UTC(2024, 0, 1);
    const rows = Array.from({ length: 50 }, (_, i) => `${t0 + i * 3_600_000},${i},${i % 7}`);
    const r = await load(`when,load,time\n${rows.join('\n')}\n`);
    expect(r.type('when')).toBe('datetime');
    expect(r.col('when').slice(0, 2)).toEqual([t0 / 1000, t0 / 1000 + 3600]);
    expect(r.type('time')).toBe('int'); // 0..6: not a timestamp
    const jsonl = await load(rows.map((l) => { const [ts] = l.split(','); return JSON.stringify({ ts_ms: Number(ts), v: 1 }); }).join('\n'), {}, 'jsonl');
    expect(jsonl.type('ts_ms')).toBe('datetime');
    expect(jsonl.col('ts_ms')[1]).toBe(t0 / 1000 + 3600);
  });

  it('epoch seconds and milliseconds with fractions (1467331200.123) are datetimes too, when the name says time', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${(1467331200.123 + i * 3600).toFixed(3)},${(1467331200123.5 + i * 60_000).toFixed(1)},${(30.5 + i / 7).toFixed(3)},${(1e9 + i * 0.25).toFixed(2)}`);
    const r = await load(`timestamp,created_at_ms,OT,reading\n${rows.join('\n')}\n`);
    expect(r.type('timestamp')).toBe('datetime');
    expect(r.col('timestamp')[1]).toBeCloseTo(1467334800.123, 3);
    expect(r.type('created_at_ms')).toBe('datetime');
    expect(r.col('created_at_ms')[1]).toBeCloseTo(1467331260.1235, 4);
    expect(r.type('OT')).toBe('float');
    expect(r.type('reading')).toBe('float'); // 1e9-sized but not named like time: a number
    // fractional seconds before 2001 are more likely elapsed times than dates
    const elapsed = await load(`time,v\n${Array.from({ length: 20 }, (_, i) => `${(5e8 + i * 0.5).toFixed(1)},${i}`).join('\n')}\n`);
    expect(elapsed.type('time')).toBe('float');
  });
});

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
});

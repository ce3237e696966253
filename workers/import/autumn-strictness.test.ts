// The autumn clock change is taken only where the hour really repeats: on an EU change date (29 Oct 2023,
// 02:00-02:59 comes twice in Berlin), two 15-minute rows swapped inside the hour are disorder and one row
// written twice is a repeated row, while the genuine repeat (whole, or with a row lost) is the clock going
// back. The importer's warnings and step count and the trainer's time order (timeOrder) say the same.
import { afterAll, describe, expect, it } from 'vitest';
import { textLoader } from './fixtures/load-text';
import { timeOrder } from '../../common/data/forecasting-rows';

const { load, cleanup } = textLoader('gatelab-autumn-strict-');
afterAll(cleanup);

const Q = 900;
/** 15-minute wall-clock times from 28 Oct 2023 00:00 for three days, no clock change in them. */
const plain = () => Array.from({ length: 4 * 24 * 3 }, (_, i) => Date.UTC(2023, 9, 28) / 1000 + i * Q);
const at = (s: string) => Date.parse(`${s}Z`) / 1000;
const written = (t: number) => new Date(t * 1000).toISOString().slice(0, 16).replace('T', ' ');
const csv = (times: number[]) => `Zeit,kW\n${times.map((t, i) => `${written(t)},${(20 + Math.sin(i / 4)).toFixed(3)}`).join('\n')}\n`;
/** Berlin's 29 Oct 2023: 02:00-02:45 twice (the clock goes back after the first 02:45). */
function repeated(): number[] {
  const t = plain();
  const end = t.indexOf(at('2023-10-29T02:45'));
  t.splice(end + 1, 0, ...[0, 15, 30, 45].map((m) => at(`2023-10-29T02:${String(m).padStart(2, '0')}`)));
  return t.slice(0, 4 * 24 * 3);
}

describe('the autumn clock change, strictly', () => {
  it('two rows swapped inside the repeated hour of a change date are out of order, as they are a day earlier', async () => {
    for (const day of ['2023-10-29', '2023-10-28']) {
      const t = plain();
      const a = t.indexOf(at(`${day}T02:15`));
      [t[a], t[a + 1]] = [t[a + 1], t[a]];
      const order = timeOrder(t);
      expect(order, day).toMatchObject({ outOfOrder: a + 1, back: [], repeats: 0 });
      const { issues } = await load(csv(t));
      expect(issues['unsorted_time:Zeit'], day).toMatchObject({ severity: 'warning', count: 1 });
      expect(issues['unsorted_time:Zeit'].message).toContain(`first at line ${a + 3}`);
      expect(issues['unsorted_time:Zeit'].message).toContain("sort the file by 'Zeit' and import it again");
      expect(issues['unsorted_time:Zeit'].message).not.toContain('clock goes back');
    }
  });

  it('one row written twice on the change date is a repeated row, not a clock change with a gap', async () => {
    const t = plain();
    const d = t.indexOf(at('2023-10-29T02:15'));
    t.splice(d + 1, 0, t[d]);
    expect(timeOrder(t)).toMatchObject({ outOfOrder: -1, back: [], repeats: 1, firstRepeat: d + 1 });
    const { issues } = await load(csv(t));
    expect(issues['duplicate_time:Zeit']).toMatchObject({ severity: 'warning', count: 1 });
    expect(issues['duplicate_time:Zeit'].message).not.toContain('clock');
    expect(issues['time_gaps:Zeit']).toBeUndefined();
    expect(issues['unsorted_time:Zeit']).toBeUndefined();
  });

  it('the whole repeated hour is the clock going back, with no gap', async () => {
    const t = repeated();
    const back = t.indexOf(at('2023-10-29T02:00'), t.indexOf(at('2023-10-29T02:45')));
    expect(timeOrder(t)).toMatchObject({ outOfOrder: -1, back: [back], backStep: [Q], repeats: 0 });
    const { issues } = await load(csv(t));
    expect(issues['unsorted_time:Zeit']).toMatchObject({ severity: 'info' });
    expect(issues['unsorted_time:Zeit'].message).toContain('this looks like local time where the clock goes back an hour (at 2023-10-29 02:00)');
    expect(issues['time_gaps:Zeit']).toBeUndefined();
  });

  it('the repeated hour with a row lost is the clock going back, and the lost row is one gap', async () => {
    const t = repeated();
    const first = t.indexOf(at('2023-10-29T02:45'));
    t.splice(first, 1); // the last summer-time 02:45: 02:30 then 02:00
    const back = first;
    expect(t[back]).toBe(at('2023-10-29T02:00'));
    expect(timeOrder(t)).toMatchObject({ outOfOrder: -1, back: [back], backStep: [2 * Q], repeats: 0 });
    const { issues } = await load(csv(t));
    expect(issues['unsorted_time:Zeit']).toMatchObject({ severity: 'info' });
    expect(issues['time_gaps:Zeit']).toMatchObject({ count: 1 });
    expect(issues['time_gaps:Zeit'].message).toContain(`1 is where the clock goes back (line ${back + 2}: the hour from 2023-10-29 02:00 comes twice`);
  });
});

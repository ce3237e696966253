import { describe, expect, it } from 'vitest';
import { TimeLeft } from './time-left';

describe('TimeLeft', () => {
  it('estimates from the rate since the first report, and says nothing while that is noise', () => {
    const t = new TimeLeft();
    const total = 100e6;
    expect(t.seconds('a', { bytes: 10e6, totalBytes: total }, 0)).toBeNull(); // first report
    expect(t.seconds('a', { bytes: 10.5e6, totalBytes: total }, 500)).toBeNull(); // under a second
    expect(t.seconds('a', { bytes: 30e6, totalBytes: total }, 2000)).toBeCloseTo(7, 9); // 10 MB/s, 70 MB left
    expect(t.seconds('b', { bytes: 5, totalBytes: 0 }, 0)).toBeNull(); // size unknown
    t.forget('a');
    expect(t.seconds('a', { bytes: 30e6, totalBytes: total }, 3000)).toBeNull();
  });
});

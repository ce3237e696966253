// Per-channel forecast errors: the run's test channels over every window, and one window's errors (a
// knockout's target-channel MSE per sample) by the same helper, so both read channel i mod C alike.
import { describe, expect, it } from 'vitest';
import { addChannelErrors, addOneChannelErrors, ChannelErrors } from './channel-errors';

// two windows of [horizon 2, channels 3]: the errors are 1, 2, 3 per channel in window 0, and 0, 0, 4 in window 1
const target = Float32Array.from([0, 0, 0, 0, 0, 0, 5, 5, 5, 5, 5, 5]);
const pred = Float32Array.from([1, 2, -3, -1, 2, 3, 5, 5, 9, 5, 5, 1]);

describe('per-channel forecast errors', () => {
  it("give each channel's mse and mae over every step of every window", () => {
    const e = new ChannelErrors(['a', 'b', 'OT']);
    e.add(pred, target);
    expect(e.result()).toEqual([{ name: 'a', mse: 0.5, mae: 0.5 }, { name: 'b', mse: 2, mae: 1 }, { name: 'OT', mse: 12.5, mae: 3.5 }]);
  });

  it("sum one window's errors per channel from its own first value, squared and absolute", () => {
    const se = new Float64Array(3), ae = new Float64Array(3);
    addChannelErrors(pred, target, 6, 12, se, ae);
    expect([...se]).toEqual([0, 0, 32]);
    expect([...ae]).toEqual([0, 0, 8]);
    const first = new Float64Array(3);
    addChannelErrors(pred, target, 0, 6, first);
    expect([...first]).toEqual([2, 8, 18]);
  });

  it("add one channel's errors alone, the same bits the all-channel form gives it, onto what it held", () => {
    // fractions whose sums round: the two forms must add in the same order to agree bit for bit
    const p = Float32Array.from({ length: 30 }, (_, i) => Math.sin(i) * 3.3), t = Float32Array.from({ length: 30 }, (_, i) => Math.cos(i / 3));
    const all = new Float64Array(3).fill(0.1), allAbs = new Float64Array(3);
    addChannelErrors(p, t, 0, 30, all, allAbs);
    for (let c = 0; c < 3; c++) {
      const se = new Float64Array(3), ae = new Float64Array(3);
      se[c] = 0.1;
      addOneChannelErrors(p, t, 0, 30, c, se, ae);
      expect([se[c], ae[c]]).toEqual([all[c], allAbs[c]]);
      expect(se.filter((_, k) => k !== c)).toEqual(new Float64Array(2)); // the other channels untouched
    }
    const ot = new Float64Array(3);
    addOneChannelErrors(pred, target, 6, 12, 2, ot);
    expect([...ot]).toEqual([0, 0, 32]);
  });

  it('refuse a forecast that is not whole steps of the channels', () => {
    expect(() => new ChannelErrors(['a', 'b', 'OT']).add(pred.subarray(0, 5), target)).toThrow('a forecast of 5 values is not a whole number of steps of 3 channels (a, b, OT)');
  });
});

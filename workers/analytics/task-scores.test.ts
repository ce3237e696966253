// A knockout's target-channel MSE (channelScorers): per window, the one target channel's squared errors
// over the horizon, read as the run's test channels read them (channel last) — and only that channel's
// values: scoring one channel of C used to sum every channel's errors to keep one, C times the work.
import { describe, expect, it } from 'vitest';
import { channelScorers } from './task-scores';
import type { RunData } from '../run/run-data';

const channels = ['a', 'b', 'OT'];
const data = { task: 'regression', prediction: 'forecast', target: 'y', channels } as unknown as RunData;
// two windows of [horizon 2, channels 3]: window 0's OT errors -3 and 3, window 1's 4 and -4
const target = Float32Array.from([0, 0, 0, 0, 0, 0, 5, 5, 5, 5, 5, 5]);
const pred = Float32Array.from([1, 2, -3, -1, 2, 3, 5, 5, 9, 5, 5, 1]);

/** `values` with every index read counted. */
function counted(values: Float32Array): { values: Float32Array; reads: Set<number> } {
  const reads = new Set<number>();
  const proxy = new Proxy(values, { get: (t, k) => { if (typeof k === 'string' && /^\d+$/.test(k)) reads.add(Number(k)); return Reflect.get(t, k, t); } });
  return { values: proxy, reads };
}

describe("a knockout's target-channel MSE", () => {
  it("scores each window on the target channel's mean squared error over the horizon", () => {
    const [ot] = channelScorers(data, ['OT']);
    expect(ot.name).toBe("mse of 'OT'");
    const out = new Float64Array(3);
    ot.score({ data: pred, width: 6 }, target, 2, out, 1);
    expect([...out]).toEqual([0, 9, 16]);
    const [b] = channelScorers(data, ['b']);
    b.score({ data: pred, width: 6 }, target, 2, out, 0);
    expect([...out.subarray(0, 2)]).toEqual([4, 0]);
  });

  it("reads only the target channel's values of the forecast and the target", () => {
    const [ot] = channelScorers(data, ['OT']);
    const p = counted(pred), t = counted(target);
    ot.score({ data: p.values, width: 6 }, t.values, 2, new Float64Array(2), 0);
    expect([...p.reads].sort((x, y) => x - y)).toEqual([2, 5, 8, 11]);
    expect([...t.reads].sort((x, y) => x - y)).toEqual([2, 5, 8, 11]);
  });
});

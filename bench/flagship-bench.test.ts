import { describe, expect, it } from 'vitest';
import { medianInterval } from './flagship-bench';

// The bench says "below 5%" for the gate statistics only when the interval's upper end is below 5%, so
// the interval must hold the true median as often as it claims (~95%), and not be needlessly wide.
describe('medianInterval', () => {
  it('holds the true median of a skewed distribution in about 95% of runs of 30 pairs', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    // exponential with a heavy tail of slow calls: median ln 2 ≈ 0.693
    const draw = () => -Math.log(1 - rnd()) + (rnd() < 0.1 ? 5 : 0);
    const trueMedian = (() => { const xs = Array.from({ length: 200_001 }, draw).sort((a, b) => a - b); return xs[100_000]; })();
    let covered = 0;
    const runs = 2000;
    for (let r = 0; r < runs; r++) {
      const { low, high } = medianInterval(Array.from({ length: 30 }, draw));
      if (low <= trueMedian && trueMedian <= high) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.93);
    expect(covered / runs).toBeLessThan(0.99);
  });

  it('reads the 10th and 21st of 30 sorted values, and the median', () => {
    const xs = Array.from({ length: 30 }, (_, i) => (i * 7) % 30); // 0..29 shuffled
    expect(medianInterval(xs)).toEqual({ median: 15, low: 9, high: 20 });
  });
});

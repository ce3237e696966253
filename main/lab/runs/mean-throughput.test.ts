// A finished run's average samples/s, in `gatelab show` and the runs' --json summary: the steps over the time
// they took (each stored point covers the steps since the one before), not the plain mean of the points.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore } from '../store/index';
import { meanSamplesPerSec } from './mean-throughput';
import { runSummary, showText } from './run-report';
import { runResult } from './cli-session';

describe('meanSamplesPerSec', () => {
  it('weights each point by the steps it covers: 90 steps at 1,000/s and 10 at 100/s is 100 steps in 0.19 s', () => {
    // plain mean of the points: 550; time-weighted: 100 / (0.09 + 0.1) = 526.3…
    expect(meanSamplesPerSec({ steps: [90, 100], values: [1000, 100] })).toBeCloseTo(100 / 0.19, 6);
    expect(meanSamplesPerSec({ steps: [50], values: [2000] })).toBe(2000);
  });

  it('is null without a usable point, and skips points that cannot be rates', () => {
    expect(meanSamplesPerSec({ steps: [], values: [] })).toBeNull();
    expect(meanSamplesPerSec({ steps: [10], values: [NaN] })).toBeNull();
    expect(meanSamplesPerSec({ steps: [10, 20], values: [0, 500] })).toBe(500);
  });
});

describe("a run's summary, gatelab show and train --json's last line", () => {
  it('give the average training speed of a finished run (so far, for a live one); none before its first steps', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-throughput-'));
    const store = openLabStore(join(dir, 'lab.sqlite'));
    try {
      const id = store.runs.create({ config: {} });
      expect(runSummary(store, store.runs.get(id)!).samplesPerSec).toBeNull();
      expect(runResult(store, store.runs.get(id)!)).not.toHaveProperty('samplesPerSec'); // train --json's last line
      expect(showText(store, store.runs.get(id)!)).not.toContain('speed:');
      store.metrics.append(id, [{ step: 90, name: 'samples_per_sec', value: 1800 }, { step: 100, name: 'samples_per_sec', value: 100 }]);
      store.db.prepare("UPDATE runs SET status = 'completed', step = 100 WHERE id = ?").run(id);
      expect(runSummary(store, store.runs.get(id)!).samplesPerSec).toBeCloseTo(100 / (90 / 1800 + 10 / 100), 6); // 666.7, not the points' mean 950
      expect(runResult(store, store.runs.get(id)!).samplesPerSec).toBeCloseTo(666.667, 2);
      expect(showText(store, store.runs.get(id)!)).toContain('  speed: 667 samples/s on average (training steps only: validation and start-up not counted)');
      store.db.prepare("UPDATE runs SET status = 'running' WHERE id = ?").run(id);
      expect(showText(store, store.runs.get(id)!)).toContain('  speed: 667 samples/s on average so far (');
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// A finished run's speed in the app: the live samples/s is gone once a run ends, so the run list and a run's
// detail carry its average training speed (mean-throughput.ts, what `gatelab show` says), read for a whole
// list in one query, and the runs.list result schema keeps it (zod drops fields it does not name).
import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabStore } from '../store/index';
import { openRunsPort } from './runs-port';
import { REQUESTS } from '../../../common/lab-api';

const home = mkdtempSync(join(tmpdir(), 'gatelab-port-speed-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('runs port: average training speed', () => {
  it('lists each run with its average samples/s over its training steps, one query for the list', async () => {
    const paths = labPaths(home);
    const store = openLabStore(paths.database);
    const config = { model: { template: 'dlinear' }, data: { kind: 'synthetic' } };
    const ids = ['completed', 'cancelled', 'failed'].map((status) => {
      const id = store.runs.create({ config });
      store.runs.setStatus(id, status as 'completed');
      return id;
    });
    const [completed, cancelled, failed] = ids;
    // 10 steps at 1,000 samples/s, then 10 at 500: 20 steps in 0.03 s, 666.7/s (the points' plain mean, 750, is not it)
    store.metrics.append(completed, [{ step: 10, name: 'samples_per_sec', value: 1000 }, { step: 20, name: 'samples_per_sec', value: 500 }]);
    store.metrics.append(cancelled, [{ step: 4, name: 'samples_per_sec', value: 1600 }]);
    store.metrics.append(failed, [{ step: 1, name: 'loss', value: 1 }]); // failed before its first throughput report
    const port = openRunsPort({ store, paths, poolSize: 1 });
    try {
      const batched = vi.spyOn(store.metrics, 'seriesOfRuns');
      const single = vi.spyOn(store.metrics, 'series');
      const list = await port.list();
      const speed = (id: number) => list.find((r) => r.id === String(id))!.meanSamplesPerSec;
      expect(speed(completed)).toBeCloseTo(20 / 0.03, 6);
      expect(speed(cancelled)).toBe(1600);
      expect(speed(failed)).toBeNull();
      // the live figure stays null for ended runs: the views label the average as one
      expect(list.every((r) => r.samplesPerSec === null)).toBe(true);
      expect(batched).toHaveBeenCalledTimes(1);
      expect(single.mock.calls.filter(([, name]) => name === 'samples_per_sec')).toEqual([]);

      // the run's detail (its page) carries the same figure
      expect((await port.get(String(completed))).meanSamplesPerSec).toBeCloseTo(20 / 0.03, 6);
      // what crosses IPC is the result schema's parse: the field must survive it
      const sent = REQUESTS['runs.list'].result.parse(list);
      expect(sent.find((r) => r.id === String(cancelled))!.meanSamplesPerSec).toBe(1600);
    } finally {
      await port.close();
      store.close();
    }
  });
});

// runs.get gives a run's split sizes as numbers (Try it starts inside the test split by them): those its
// trainer sent; for a classification run stored before they were kept, the sums of its rows per class in
// each part; for another old run, none (the reader falls back to the line). Through LabApi's RunDetail
// schema, which drops fields it does not know.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore, type RunDataSummary } from '../store/index';
import { labPaths } from '../home';
import { openRunsPort } from './runs-port';
import { RunDetail } from '../../../common/lab-api';
import { testCountOf } from '../../../renderer/lib/try-start-rows';

describe('runs.get: the split sizes', () => {
  it('as sent, derived from rows per class for an older run, else absent', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-split-sizes-'));
    const paths = labPaths(home);
    const store = openLabStore(paths.database);
    const port = openRunsPort({ store, paths, poolSize: 1 });
    const stored = (dataSummary: RunDataSummary) => {
      const id = store.runs.create({ config: { model: { template: 'gmu' } } });
      // finished: a queued one is claimed and started by the port's manager
      store.runs.setStatus(id, 'completed', { dataSummary });
      return id;
    };
    const get = async (id: number) => RunDetail.parse(JSON.parse(JSON.stringify(await port.get(String(id))))).data;
    try {
      const line = 'fusion: 9 train / 2 validation / 3 test samples';
      const sent = stored({ line, logScaled: [], splitSizes: { train: 9, validation: 2, test: 3 } });
      const older = stored({ line, logScaled: [], classCounts: { train: [6, 3], validation: [1, 1], test: [2, 1] } });
      const oldest = stored({ line: 'forecasting: 40 train / 6 validation / 5 test samples', logScaled: [] });

      expect((await get(sent))?.splitSizes).toEqual({ train: 9, validation: 2, test: 3 });
      expect((await get(older))?.splitSizes).toEqual({ train: 9, validation: 2, test: 3 });
      const old = await get(oldest);
      expect(old?.splitSizes).toBeUndefined();
      expect(testCountOf(old), 'an old run without counts: its line').toBe(5);
      expect(testCountOf(await get(older))).toBe(3);
    } finally {
      await port.close();
      store.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});

// runs.get carries a forecasting run's test errors per channel (the Runs view lists them worst first), read
// from the file its trainer wrote beside the checkpoints; null for a run without one or with a damaged one.
// The reply goes through LabApi's RunDetail schema, so errors the schema rejects would fail here.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore } from '../store/index';
import { labPaths } from '../home';
import { openRunsPort } from './runs-port';
import { writeTestChannels } from '../../../workers/run/channel-errors';
import { RunDetail } from '../../../common/lab-api';

describe('runs port: test per channel', () => {
  it('runs.get has the channels and their units; a run without them, or with a damaged file, has null', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-port-channels-'));
    const paths = labPaths(home);
    const store = openLabStore(paths.database);
    const port = openRunsPort({ store, paths, poolSize: 1 });
    try {
      const forecast = store.runs.create({ config: { model: { template: 'dlinear' } } });
      const classified = store.runs.create({ config: { model: { template: 'gmu' } } });
      for (const run of [forecast, classified]) {
        // finished, as the runs these reports are read for: a queued one is claimed and started by the port's manager
        store.runs.setStatus(run, 'completed');
        mkdirSync(join(home, 'runs', String(run)), { recursive: true });
        store.checkpoints.add({ runId: run, step: 40, epoch: 2, kind: 'best', path: join('runs', String(run), 'best.ckpt'), bytes: 10, metric: 0.2 });
      }
      writeTestChannels(join(home, 'runs', String(forecast)), 40, [{ name: 'HUFL', mse: 0.3, mae: 0.4 }, { name: 'OT', mse: 0.6, mae: 0.55 }]);

      const d = RunDetail.parse(JSON.parse(JSON.stringify(await port.get(String(forecast)))));
      expect(d.testChannels?.step).toBe(40);
      expect(d.testChannels?.units).toMatch(/^scaled values/);
      expect(d.testChannels?.channels).toEqual([{ name: 'HUFL', mse: 0.3, mae: 0.4 }, { name: 'OT', mse: 0.6, mae: 0.55 }]);
      expect((await port.get(String(classified))).testChannels).toBeNull();
      // compare shows the same detail per run
      expect((await port.compare([String(forecast), String(classified)])).runs.map((r) => r.testChannels?.channels.length ?? null)).toEqual([2, null]);

      writeFileSync(join(home, 'runs', String(forecast), 'test-channels.json'), '{"step": 40, "chan'); // cut short
      expect((await port.get(String(forecast))).testChannels).toBeNull();
    } finally {
      await port.close();
      store.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});

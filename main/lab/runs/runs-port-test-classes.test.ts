// runs.get carries a classification run's per-class test table and confusion matrix (the Runs view draws
// them), read from the file its trainer wrote beside the checkpoints; null for a run without one. The
// reply goes through LabApi's RunDetail schema, so a table the schema rejects would fail here.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore } from '../store/index';
import { labPaths } from '../home';
import { openRunsPort } from './runs-port';
import { classBreakdownOf, writeTestClasses } from '../../../workers/run/class-metrics';
import { RunDetail } from '../../../common/lab-api';

describe('runs port: test per class', () => {
  it("runs.get has the audit's table (the 'refund' class never predicted); a run without one has null", async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-port-classes-'));
    const paths = labPaths(home);
    const store = openLabStore(paths.database);
    const port = openRunsPort({ store, paths, poolSize: 1 });
    try {
      const classified = store.runs.create({ config: { model: { template: 'gmu' } } });
      const forecast = store.runs.create({ config: { model: { template: 'dlinear' } } });
      for (const run of [classified, forecast]) {
        // finished, as the runs these reports are read for: a queued one is claimed and started by the port's manager
        store.runs.setStatus(run, 'completed');
        mkdirSync(join(home, 'runs', String(run)), { recursive: true });
        store.checkpoints.add({ runId: run, step: 40, epoch: 2, kind: 'best', path: join('runs', String(run), 'best.ckpt'), bytes: 10, metric: 0.2 });
      }
      writeTestClasses(join(home, 'runs', String(classified)), 40, classBreakdownOf([[27, 0, 4], [5, 0, 4], [1, 0, 358]], ['escalated', 'refund', 'resolved']));

      const d = RunDetail.parse(JSON.parse(JSON.stringify(await port.get(String(classified)))));
      expect(d.testClasses?.step).toBe(40);
      expect(d.testClasses?.confusion).toEqual([[27, 0, 4], [5, 0, 4], [1, 0, 358]]);
      expect(d.testClasses?.classes.map((c) => [c.name, c.support, c.predicted])).toEqual([['escalated', 31, 33], ['refund', 9, 0], ['resolved', 359, 366]]);
      expect(d.testClasses?.macro.f1).toBeCloseTo(0.6104454022988506, 12);
      expect((await port.get(String(forecast))).testClasses).toBeNull();
    } finally {
      await port.close();
      store.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});

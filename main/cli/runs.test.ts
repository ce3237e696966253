// `gatelab runs` in a lab of mixed runs: a regression's r2 and rmse stand beside the mean baseline's, as a
// classifier's accuracy beside the majority class's (gatelab show prints both in full); --json carries both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatelab } from './testing/gatelab';
import { openLabStore, type RunRecord } from '../lab/store/index';
import { labPaths } from '../lab/home';

describe('gatelab runs', () => {
  let home: string;
  const ids: Record<string, number> = {};
  const regressionBaseline = { mean: 102.79812, mse: 23.61, mae: 3.9512, rmse: Math.sqrt(23.61), r2: -0.00213 };
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'gatelab-runs-table-'));
    expect((await gatelab(['runs', '--home', home])).code).toBe(0); // creates the lab home
    const store = openLabStore(labPaths(home).database);
    try {
      const run = (template: string, dataSummary: RunRecord['dataSummary'], metrics: Record<string, number>) => {
        const id = store.runs.create({ config: { model: { template } } });
        store.runs.setStatus(id, 'completed', { dataSummary });
        store.metrics.append(id, Object.entries(metrics).map(([name, value]) => ({ step: 40, name, value })));
        return id;
      };
      ids.regression = run('concat-fusion', { line: "fusion: regressing 'price'", logScaled: [], regressionBaseline },
        { 'test.loss': 0.61, 'test.mse': 9.06, 'test.mae': 2.2, 'test.rmse': 3.01, 'test.r2': 0.6162 });
      // every test target the same: the baseline has no r2, the row no r2 either
      ids.constant = run('concat-fusion', { line: "fusion: regressing 'price'", logScaled: [], regressionBaseline: { mean: 5, mse: 4, mae: 2, rmse: 2 } },
        { 'test.loss': 0.2, 'test.mse': 1, 'test.rmse': 1 });
      ids.classifier = run('concat-fusion', { line: 'fusion', logScaled: [], baseline: { accuracy: 0.8571, majority: "'0'" } }, { 'test.accuracy': 0.9 });
      ids.forecast = run('dlinear', { line: 'forecasting', logScaled: [] }, { 'test.mse': 0.39 });
      // a regression that never finished (running when its lab stopped): validation metrics are not what the test baseline scored
      ids.live = store.runs.create({ config: { model: { template: 'concat-fusion' } } });
      store.runs.setStatus(ids.live, 'running', { dataSummary: { line: "fusion: regressing 'price'", logScaled: [], regressionBaseline } });
      store.metrics.append(ids.live, [{ step: 8, name: 'val.r2', value: 0.2 }, { step: 8, name: 'val.rmse', value: 4.1 }]);
    } finally {
      store.close();
    }
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it("puts the mean baseline's r2 and rmse beside a regression's test metrics; other runs keep theirs or none", async () => {
    const r = await gatelab(['runs', '--home', home]);
    expect(r.code).toBe(0);
    const row = (id: number) => r.out.split('\n').find((l) => l.startsWith(`${id} `))!;
    expect(row(ids.regression)).toMatch(/ test loss 0\.6100 {2}mae 2\.2000 {2}mse 9\.0600 {2}r2 0\.6162 {2}rmse 3\.0100 {2}\(mean baseline r2 -0\.0021 rmse 4\.859\)$/);
    expect(row(ids.constant)).toMatch(/ test loss 0\.2000 {2}mse 1\.0000 {2}rmse 1\.0000 {2}\(mean baseline rmse 2\)$/);
    expect(row(ids.classifier)).toMatch(/ test accuracy 0\.9000 {2}\(majority baseline accuracy 0\.857\)$/);
    expect(row(ids.forecast)).toMatch(/ test mse 0\.3900$/);
    expect(row(ids.live)).toMatch(/ val r2 0\.2000 {2}rmse 4\.1000$/);
  });

  it('--json keeps its fields and carries the baseline whole', async () => {
    const r = await gatelab(['runs', '--home', home, '--json']);
    const runs = JSON.parse(r.out) as Array<{ run: number; test: Record<string, number>; baseline: unknown; regressionBaseline: unknown }>;
    const byId = new Map(runs.map((x) => [x.run, x]));
    expect(byId.get(ids.regression)).toMatchObject({ test: { r2: 0.6162, rmse: 3.01 }, baseline: null, regressionBaseline });
    expect(byId.get(ids.classifier)).toMatchObject({ regressionBaseline: null, baseline: { accuracy: 0.8571 } });
    expect(byId.get(ids.forecast)).toMatchObject({ regressionBaseline: null, baseline: null });
  });
});

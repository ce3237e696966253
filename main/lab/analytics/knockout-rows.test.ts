// One knockout on chosen test rows, end to end: a GMU run trained by the run manager (real trainer process)
// on the demo's sensor + camera dataset, then `GateAnalytics.knockoutRows` in an analytics process. Its
// "as trained" predictions are Try it's (the exported ONNX model in workers/predict.ts, the same test rows);
// `gatelab knockout --rows` prints them, and refuses rows outside the test split in Try it's words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, ensureDemoDatasets, type LabDatasets } from '../datasets/index';
import { demoFusion } from '../datasets/demo-data';
import { RunManager } from '../runs/run-manager';
import { datasetResolver } from '../runs/dataset-runs';
import { exportRun } from '../runs/export-run';
import { predictInWorker } from '../lab/try-it';
import { GateAnalytics } from './index';
import { LabAnalytics } from '../lab/analytics';
import { gatelab } from '../../cli/testing/gatelab';
import { testRowsRefusal } from '../../../workers/test-rows-check';

let home: string, lab: LabDatasets, manager: RunManager, analytics: GateAnalytics, runId: number;
const rows = [0, 1, 2, 41];

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-knockout-rows-'));
  const paths = labPaths(home);
  lab = await openLabDatasets(paths, { demos: false });
  const [dataset] = await ensureDemoDatasets(lab.registry, [demoFusion]);
  manager = new RunManager({ store: lab.store, paths, poolSize: 1, resolveDataset: datasetResolver(lab.registry) });
  runId = manager.create({
    model: { template: 'gmu', hidden: [8], gate: { kind: 'gmu', hidden: 8 } } as never,
    data: { kind: 'dataset', datasetId: dataset.id }, epochs: 1, maxSteps: 20, batchSize: 256, optimizer: { lr: 0.01 },
  });
  const run = await manager.waitFor(runId);
  expect(run.status, run.error ?? '').toBe('completed');
  analytics = new GateAnalytics(lab.store, manager.files, datasetResolver(lab.registry));
}, 120_000);

afterAll(async () => {
  await manager?.close();
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('a knockout on chosen test rows of a stored run', () => {
  it("predicts the rows as Try it does as trained, and differently with the context modality's gate closed", async () => {
    const r = await analytics.knockoutRows(runId, { gate: 'gmu.z0', mode: 'closed', rows });
    expect(r).toMatchObject({ runId, task: 'binary', forecast: false, prediction: 'logits', knockout: { gate: 'gmu.z0', kind: 'gate', mode: 'closed' } });
    expect(r.rows.map((x) => x.row)).toEqual(rows);
    const out = join(home, 'try.onnx');
    exportRun(lab.store, manager.files, runId, out);
    const run = lab.store.runs.get(runId)!;
    const spec = { runId, config: run.config, checkpointDir: '.', dataset: datasetResolver(lab.registry)(run) };
    const tried = await predictInWorker({ onnxPath: out, spec, rows });
    expect(r.testRows).toBe(tried.testRows);
    r.rows.forEach((x, i) => {
      expect(x.trained[0]).toBeCloseTo(tried.rows[i].prediction[0], 4);
      expect(x.target).toEqual(tried.rows[i].target);
      // the context modality's own gate, as trained: a mean opening in (0, 1)
      expect(x.gate[0] > 0 && x.gate[0] < 1).toBe(true);
    });
    expect(r.rows.some((x) => Math.abs(x.knockedOut[0] - x.trained[0]) > 1e-4)).toBe(true);
  }, 60_000);

  it('gatelab knockout --rows prints one line per row; rows outside the test split are refused as Try it refuses them', async () => {
    const said = await gatelab(['knockout', String(runId), '--gate', 'gmu.z0', '--mode', 'closed', '--rows', '0-2,41', '--home', home]);
    const r = await analytics.knockoutRows(runId, { gate: 'gmu.z0', mode: 'closed', rows: [0] });
    expect(said.code, said.err).toBe(0);
    const lines = said.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^run ${runId}: P\\(label = 1\\) of 4 test rows \\(of [\\d,]+\\), as trained and with gmu · context closed$`));
    expect(lines[1]).toMatch(/^ {2}test row +target +as trained +with gmu · context closed +change +gmu · context mean openness$/);
    expect(lines.slice(2).map((l) => l.trim().split(/\s+/)[0])).toEqual(['0', '1', '2', '41']);
    // the row's label as the file writes it, then the two probabilities of its positive value
    expect(lines[2]).toMatch(/^ {2}0 +[01] +\d+\.\d % +\d+\.\d % +[+-]?\d+\.\d pts +0\.\d{3}$/);
    expect(lines[2].trim().split(/\s+/)[1]).toBe(String(r.rows[0].target[0]));
    const outside = await gatelab(['knockout', String(runId), '--gate', 'gmu.z0', '--mode', 'closed', '--rows', `3,${r.testRows}`, '--home', home]);
    expect(outside).toEqual({ code: 2, out: '', err: `gatelab knockout: ${testRowsRefusal([3, r.testRows], r.testRows)}\n` });
  }, 60_000);

  it("the app's What if (analytics.knockoutRows) refuses those rows as Try it's runs.try does: invalid-payload, not 'not available'", async () => {
    const app = new LabAnalytics(lab.store, labPaths(home), datasetResolver(lab.registry));
    try {
      const r = await analytics.knockoutRows(runId, { gate: 'gmu.z0', mode: 'closed', rows: [0] });
      await expect(app.knockoutRows(String(runId), { gate: 'gmu.z0', mode: 'closed', rows: [3, r.testRows] }))
        .rejects.toMatchObject({ code: 'invalid-payload', message: testRowsRefusal([3, r.testRows], r.testRows) });
    } finally {
      app.close();
    }
  }, 60_000);
});

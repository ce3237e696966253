// The gate report of a run an older GateLab recorded as means over training calls (migrations/0007 marks each
// such stored point with its call's first step): the report's JSON carries that first step on each load point
// over training, so the app's router panel can mark those points as the HTML report does, and a point stored
// at its own step carries none. Real trainer and analytics processes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import { RunManager } from '../runs/run-manager';
import { datasetResolver } from '../runs/dataset-runs';
import { GateAnalytics } from './index';
import { GateReport } from '../../../common/analytics/report';

let home: string, lab: LabDatasets, manager: RunManager, analytics: GateAnalytics;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-report-call-means-'));
  lab = await openLabDatasets(labPaths(home), { demos: false });
  manager = new RunManager({ store: lab.store, paths: labPaths(home), poolSize: 1, resolveDataset: datasetResolver(lab.registry) });
  analytics = new GateAnalytics(lab.store, manager.files, datasetResolver(lab.registry));
});

afterAll(async () => {
  await manager?.close();
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('the gate report of a run stored as call means', () => {
  it('marks each load point over training that is a call mean with its first step, in the report and its JSON', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')},${(10 + Math.sin(i / 5)).toFixed(3)},${(5 + Math.cos(i / 7)).toFixed(3)}`);
    writeFileSync(join(home, 'load.csv'), ['time,load,temp', ...rows].join('\n'));
    const { dataset } = await lab.registry.importDataset(join(home, 'load.csv'));
    const id = manager.create({ model: { template: 'moe-forecaster', lookback: 24, horizon: 4 } as never, data: { kind: 'dataset', datasetId: dataset.id }, epochs: 1, batchSize: 16, optimizer: { lr: 0.01 } });
    const run = await manager.waitFor(id);
    expect(run.status, run.error ?? '').toBe('completed');
    const gates = lab.store.metrics.gateNames(id).filter((g) => g.stat === 'load');
    expect(gates.length).toBeGreaterThan(0);
    const gate = gates[0].gate;
    const steps = lab.store.metrics.gateStats(id, gate, 'load').filter((p) => p.vector).map((p) => p.step);
    expect(steps.length).toBeGreaterThan(1);
    // as migration 0007 leaves an older run: its last load point the mean over the steps since the one before
    const last = steps[steps.length - 1], before = steps[steps.length - 2];
    lab.store.db.prepare('UPDATE run_gate_stats SET first_step = ? WHERE run_id = ? AND gate = ? AND stat = ? AND step = ?').run(before + 1, id, gate, 'load', last);

    const { report, paths } = await analytics.report(id);
    const points = report.routers.find((r) => r.gate === gate)!.loadOverTraining;
    expect(points.map((p) => p.step)).toEqual(steps);
    expect(points.map((p) => p.firstStep ?? null)).toEqual([...steps.slice(0, -1).map(() => null), before + 1]);
    // the stored JSON (what the app reads back) keeps it
    const stored = GateReport.parse(JSON.parse(readFileSync(paths.json, 'utf8')));
    expect(stored.routers.find((r) => r.gate === gate)!.loadOverTraining.at(-1)!.firstStep).toBe(before + 1);
    expect(readFileSync(paths.html, 'utf8')).toContain(`mean over steps ${before + 1}–${last}`);
  });
});

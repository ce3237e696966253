// Gate analytics in the lab, end to end: a GMU run trained by the run manager (real trainer process) on
// the demo's sensor + camera dataset, then knockouts and the gate report computed in analytics
// processes from its checkpoint, stored beside it, and the same through `gatelab knockout`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { openLabDatasets, ensureDemoDatasets, type LabDatasets } from '../datasets/index';
import { demoFusion } from '../datasets/demo-data';
import { RunManager } from '../runs/run-manager';
import { datasetResolver } from '../runs/dataset-runs';
import { GateAnalytics, type AnalyticsJobStatus } from './index';
import { main } from '../../cli';
import { exportRun } from '../runs/export-run';
import onnxProto from 'onnx-proto';

let home: string, lab: LabDatasets, manager: RunManager, analytics: GateAnalytics, runId: number, datasetId: number;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-analytics-'));
  const paths = labPaths(home);
  lab = await openLabDatasets(paths, { demos: false });
  const [dataset] = await ensureDemoDatasets(lab.registry, [demoFusion]);
  datasetId = dataset.id;
  manager = new RunManager({ store: lab.store, paths, poolSize: 1, resolveDataset: datasetResolver(lab.registry) });
  runId = manager.create({
    model: { template: 'gmu', hidden: [8], gate: { kind: 'gmu', hidden: 8 } } as never,
    data: { kind: 'dataset', datasetId: dataset.id }, epochs: 2, batchSize: 256, optimizer: { lr: 0.01 },
  });
  const run = await manager.waitFor(runId);
  expect(run.status, run.error ?? '').toBe('completed');
  analytics = new GateAnalytics(lab.store, manager.files, datasetResolver(lab.registry));
});

afterAll(async () => {
  await manager?.close();
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('gate analytics of a stored run', () => {
  it('knocks out one gate in a process and keeps the table beside the checkpoints', async () => {
    const t = await analytics.knockout(runId, { only: { gate: 'gmu.z1', mode: 'closed' }, resamples: 100 });
    expect(t.metric).toBe('auc');
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]).toMatchObject({ gate: 'gmu.z1', kind: 'gate', mode: 'closed' });
    expect(t.rows[0].ci.low).toBeLessThanOrEqual(t.rows[0].delta);
    expect(analytics.knockouts(runId)!.rows).toHaveLength(1);
  });

  it('"knock out all gates" runs as a background job with progress, then the report is written (no per-feature CSV for a model without feature gates)', async () => {
    const seen: AnalyticsJobStatus[] = [];
    analytics.subscribe((j) => seen.push(j));
    const id = analytics.queueKnockoutAll(runId, { resamples: 50 });
    await analytics.idle();
    expect(analytics.job(id)).toMatchObject({ state: 'done' });
    expect(seen.some((j) => j.state === 'running' && j.total === 9 && j.done > 0)).toBe(true); // 3 modality gates × open/closed/mean
    expect(analytics.knockouts(runId)!.rows).toHaveLength(9);
    const { report, paths } = await analytics.report(runId);
    expect(report.fusion[0].modalities).toHaveLength(3);
    // each modality's weight is its gate's mean opening over the hidden units: in [0, 1]
    for (const sample of report.fusion[0].samples) for (const w of sample.weights) expect(w >= 0 && w <= 1).toBe(true);
    expect(report.knockout!.rows).toHaveLength(9);
    const html = readFileSync(paths.html, 'utf8');
    expect(html).toContain('Fusion gate gmu');
    expect(html).toContain(`<title>Run ${runId}: gmu on Demo: sensor + camera (fusion): gate report</title>`); // which data, not only which model
    expect(html).toContain('Knockout');
    // a GMU has no feature gates: no per-feature CSV of a header alone (A18)
    expect(paths.csv).toBeNull();
    expect(existsSync(paths.html.replace('gate-report.html', 'feature-importance.csv'))).toBe(false);
  });

  it('gatelab knockout RUN --gate --mode --json prints the table', async () => {
    const out: string[] = [];
    const log = console.log;
    console.log = (s: string) => out.push(s);
    try {
      expect(await main(['knockout', String(runId), '--home', home, '--gate', 'gmu.z0', '--mode', 'open', '--resamples', '50', '--json'])).toBe(0);
    } finally {
      console.log = log;
    }
    const t = JSON.parse(out.join(''));
    expect(t.rows.map((r: { gate: string; mode: string }) => `${r.gate} ${r.mode}`)).toEqual(['gmu.z0 open']);
  });
});

describe('an ablated run (its only gate off)', () => {
  it('refuses knockouts at once, saying what the run is for, instead of a job that fails with "its gates: (none)"', async () => {
    const id = lab.store.runs.create({ datasetId, config: { model: { template: 'gmu', hidden: [8], gate: { kind: 'gmu', hidden: 8, enabled: false } }, data: { kind: 'dataset', datasetId }, epochs: 1 } });
    lab.store.runs.setStatus(id, 'completed'); // not trained: the refusal must not depend on a checkpoint
    const said = `run ${id}: this run's gates were off (an ablation): nothing to knock out; compare it with the gated run to see what the gate does`;
    expect(() => analytics.queueKnockoutAll(id)).toThrow(said);
    await expect(analytics.knockout(id)).rejects.toThrow(said);
    expect(analytics.jobsFor(id)).toEqual([]);
  });
});

describe('an early-exit-mlp run', () => {
  it('gets the threshold curve and FLOPs per sample in its report, and exports with If', async () => {
    const id = manager.create({
      model: { template: 'early-exit-mlp', hidden: 16, blocks: 3, gate: { kind: 'early-exit', threshold: 0.6 } } as never,
      data: { kind: 'dataset', datasetId }, epochs: 1, batchSize: 256, optimizer: { lr: 0.01 },
    });
    const run = await manager.waitFor(id);
    expect(run.status, run.error ?? '').toBe('completed');
    const { report, paths } = await analytics.report(id);
    const curve = report.exitCurve!;
    expect(curve.chosen).toBe(0.6);
    expect(curve.points.map((p) => p.threshold)).toContain(0.6);
    expect(curve.points.every((p) => p.meanFlops <= curve.denseFlops && Math.abs(p.exitRates.reduce((a, b) => a + b, 0) - 1) < 1e-9)).toBe(true);
    const chosen = curve.points.find((p) => p.threshold === 0.6)!;
    expect(report.compute!.gates.map((g) => `${g.gate}:${g.kind}`)).toEqual(['exit_gate:exit']);
    expect(report.compute!.flops.mean).toBeCloseTo(chosen.meanFlops, 6);
    expect(report.compute!.flops.dense).toBe(curve.denseFlops);
    expect(readFileSync(paths.html, 'utf8')).toContain('Early exit: compute vs');
    const out = join(home, `early-exit-${id}.onnx`);
    exportRun(lab.store, manager.files, id, out);
    const m = onnxProto.onnx.ModelProto.decode(readFileSync(out));
    expect(m.graph!.output!.map((o) => o.name)).toEqual(['logits', 'blocks_executed']);
    expect(m.graph!.input!.map((i) => i.name).sort()).toEqual(['m_camera', 'm_context', 'm_sensor']); // the template's inputs, so Try it feeds it as before
    expect(m.graph!.node!.some((n) => n.opType === 'If')).toBe(true);
  });
});

// Knockouts and gate reports on real compiled models run in ONNX Runtime: a gate forced to the value it
// already takes changes nothing; a GMU forced onto the modality that is noise on half the demo samples
// loses accuracy; the top-2-of-4 MoE's executed FLOPs match the hand count.
import { describe, expect, it } from 'vitest';
import { demoFusion } from '../../main/lab/datasets/demo-data';
import { buildModel } from '../../engine/models';
import { compileTraining } from '../../engine/train/compile';
import { trainTiny } from '../../engine/models/fixtures/tiny-train';
import type { RunData, Rows } from '../run/run-data';
import { CTR, ctrData, untrained } from './fixtures/ctr-model';
import { baseline, knockoutTable, type TrainedModel } from './knockout';
import { gateReport } from './gate-report';

const R = CTR;

describe('knockout', () => {
  it('forcing a saturated gate open changes the metric by ~0; closing it does not', async () => {
    const m = untrained({ template: 'finalmlp', ...R, stream1: [16, 8], stream2: [8], heads: 2, gate1: { kind: 'sigmoid', scale: 2, initBias: 30 } });
    const t = await knockoutTable(m, ctrData(), { interventions: [{ gate: 'gate1', mode: 'open' }, { gate: 'gate1', mode: 'closed' }], resamples: 200, seed: 3 });
    expect(t.metric).toBe('auc');
    const [open, closed] = t.rows;
    expect(Math.abs(open.delta)).toBeLessThan(1e-6);
    expect(Math.abs(open.ci.low) + Math.abs(open.ci.high)).toBeLessThan(1e-6);
    expect(Math.abs(closed.delta)).toBeGreaterThan(1e-3);
    // same seed → same intervals
    const again = await knockoutTable(m, ctrData(), { interventions: [{ gate: 'gate1', mode: 'closed' }], resamples: 200, seed: 3 });
    expect(again.rows[0].ci).toEqual(closed.ci);
  });

  it('lists every gate and names the run’s gates when asked for one it does not have', async () => {
    const m = untrained({ template: 'finalmlp', ...R, stream1: [8], stream2: [8], heads: 2 });
    const { gates } = await baseline(m, ctrData());
    expect(gates.map((g) => `${g.gate}:${g.kind}:${g.shape}`)).toEqual(['gate1:gate:20', 'gate2:gate:20']);
    await expect(knockoutTable(m, ctrData(), { interventions: [{ gate: 'router', mode: 'uniform' }] })).rejects.toThrow(/no gate 'router'.*gate1, gate2/);
  });

  it('a model without gates (a baseline template) is refused with what the run is, not "matches the request"', async () => {
    const m = untrained({ template: 'dnn', ...R, hidden: [8] });
    await expect(knockoutTable(m, ctrData())).rejects.toThrow(/^run 1 has no gate to knock out: its model has no gate \(a baseline template\).*knockouts need a gated template/);
  });

  it('top-2-of-4 MoE: executed FLOPs per sample are the hand count, and a router knockout runs', async () => {
    const m = untrained({ template: 'moe-dnn', ...R, expertHidden: [8, 6], router: { kind: 'topk-router', experts: 4, k: 2, noisy: false } });
    const data = ctrData();
    const { result, gates } = await baseline(m, data);
    const report = gateReport({ runId: 1, title: 't', def: m.def, model: { ...R }, data, base: result, gates });
    expect(report.compute!.flops).toEqual({ dense: 1884, mean: 1052, p50: 1052, p95: 1052, saved: 1 - 1052 / 1884 });
    expect(report.routers[0].load.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const t = await knockoutTable(m, data, { only: { gate: 'router', mode: 'single', expert: 1 }, resamples: 50 });
    expect(t.rows.map((r) => `${r.mode}${r.expert}`)).toEqual(['single1']);
  });
});

/** The demo's two-modality set: camera (+ its context: visibility, condition) and sensor; label. */
function demoFusionRows(): { rows: Rows; clear: Uint8Array } {
  const lines = demoFusion.csv().trim().split('\n');
  const header = lines[0].split(',');
  const n = lines.length - 1;
  const camera = new Float32Array(n * 12), sensor = new Float32Array(n * 8), label = new Float32Array(n), clear = new Uint8Array(n);
  const conditions = ['clear', 'fog', 'night'];
  for (let i = 0; i < n; i++) {
    const v = lines[i + 1].split(',');
    const get = (c: string) => v[header.indexOf(c)];
    for (let k = 0; k < 8; k++) { camera[i * 12 + k] = Number(get(`camera_${k + 1}`)); sensor[i * 8 + k] = Number(get(`sensor_${k + 1}`)); }
    camera[i * 12 + 8] = Number(get('visibility'));
    camera[i * 12 + 9 + conditions.indexOf(get('condition'))] = 1;
    label[i] = Number(get('label'));
    clear[i] = get('condition') === 'clear' ? 1 : 0;
  }
  return { rows: { rows: n, columns: { m_camera: { data: camera, shape: [12] }, m_sensor: { data: sensor, shape: [8] }, label: { data: label, shape: [1] } } }, clear };
}

const part = (r: Rows, from: number, to: number): Rows => ({
  rows: to - from,
  columns: Object.fromEntries(Object.entries(r.columns).map(([k, c]) => { const w = c.shape.reduce((a, b) => a * b, 1); return [k, { data: c.data.subarray(from * w, to * w), shape: c.shape }]; })),
});

describe('GMU on the two-modality demo set', () => {
  it('forced onto the camera (noise in fog and at night) it loses AUC; its weights follow the visibility', async () => {
    const { rows, clear } = demoFusionRows();
    const config = { template: 'gmu', modalities: [{ name: 'camera', dim: 12 }, { name: 'sensor', dim: 8 }], classes: 1, hidden: [16], dropout: 0, gate: { kind: 'gmu', hidden: 16 } };
    const def = buildModel(config);
    const B = 256, trainRows = 12000;
    const run = await trainTiny(def, {
      steps: 500, lr: 0.01, seed: 2,
      batch: (s) => {
        const from = (s * B) % (trainRows - B);
        const p = part(rows, from, from + B);
        return Object.fromEntries(Object.entries(p.columns).map(([k, c]) => [k, { data: c.data as Float32Array, dims: [B, ...c.shape] }]));
      },
    });
    await run.release();
    const m: TrainedModel = { runId: 2, def, dtype: 'float32', layout: compileTraining(def, { dtype: 'float32', optimizer: { kind: 'sgd' } }).layout, params: run.params };
    const data: RunData = { task: 'binary', prediction: 'logits', target: 'label', train: part(rows, 0, trainRows), validation: part(rows, trainRows, 14000), test: part(rows, 14000, 20000), describe: 'demo fusion' };
    const t = await knockoutTable(m, data, { interventions: [{ gate: 'gmu', mode: 'open' }], resamples: 300, seed: 1 });
    expect(t.baseline).toBeGreaterThan(0.85);
    expect(t.rows[0].delta).toBeLessThan(-0.02);
    expect(t.rows[0].ci.high).toBeLessThan(0);
    const { result, gates } = await baseline(m, data);
    const report = gateReport({ runId: 2, title: 'gmu', def, model: config, data, base: result, gates });
    const f = report.fusion[0];
    expect(f.modalities).toEqual(['camera', 'sensor']);
    // mean camera weight on clear test samples vs the rest (samples are the test rows in order)
    const testClear = clear.subarray(14000);
    let onClear = 0, nClear = 0, onDark = 0, nDark = 0;
    const per = result.outputs['probe.gmu'];
    for (let s = 0; s < 500; s++) {
      const w = f.samples[s].weights[0];
      if (testClear[s]) { onClear += w; nClear++; } else { onDark += w; nDark++; }
    }
    expect(per.width).toBe(16);
    expect(onClear / nClear).toBeGreaterThan(onDark / nDark);
  });
});

// One knockout on chosen test rows, on real compiled models run in ONNX Runtime, checked against other
// paths: the whole-split knockout table's metric is the metric of the per-row predictions over every test
// row; a bimodal GMU forced open (closed) predicts from its first (second) modality alone; each row's gate
// value is the mean of the gate report's probe on that row. Requests the job refuses say so in the words
// of the table and of Try it.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../engine/nn/random';
import { auc } from '../run/eval-metrics';
import type { RunData, Rows } from '../run/run-data';
import { CTR, ctrData, untrained } from './fixtures/ctr-model';
import { baseline, knockoutTable } from './knockout';
import { knockoutRows } from './knockout-rows';
import { ROWS, testRowsRefusal } from '../test-rows-check';

const R = CTR;
const options = { items: ROWS, forecast: false };
const all = (n: number) => Array.from({ length: n }, (_, i) => i);

const aucOf = (predictions: number[][], labels: number[][]) => auc(Float64Array.from(predictions, (p) => p[0]), Float64Array.from(labels, (t) => t[0]));

describe('knockoutRows against the whole-split knockout table', () => {
  it("the table's AUC as trained and with the knockout is the AUC of the rows' predictions over every test row", async () => {
    const m = untrained({ template: 'finalmlp', ...R, stream1: [16, 8], stream2: [8], heads: 2 });
    const data = ctrData();
    for (const mode of ['closed', 'mean'] as const) {
      const t = await knockoutTable(m, data, { interventions: [{ gate: 'gate1', mode }], resamples: 20 });
      const r = await knockoutRows(m, data, { gate: 'gate1', mode, rows: all(400) }, options);
      expect(r).toMatchObject({ runId: 1, task: 'binary', prediction: 'logit', target: 'label', testRows: 400, knockout: { gate: 'gate1', kind: 'gate', mode } });
      const labels = r.rows.map((x) => x.target);
      expect(aucOf(r.rows.map((x) => x.trained), labels)).toBeCloseTo(t.baseline, 12);
      expect(aucOf(r.rows.map((x) => x.knockedOut), labels)).toBeCloseTo(t.rows[0].value, 12);
      // closing the stream's gate moves predictions (an untrained gate's mean is about its every value)
      if (mode === 'closed') expect(r.rows.some((x) => Math.abs(x.knockedOut[0] - x.trained[0]) > 1e-4)).toBe(true);
    }
  });

  it("each row's gate value is its probe's mean (a sigmoid gate) or per-expert weights (a router), as the gate report reads them", async () => {
    const m = untrained({ template: 'moe-dnn', ...R, expertHidden: [8, 6], router: { kind: 'topk-router', experts: 4, k: 2, noisy: false } });
    const data = ctrData();
    const rows = [7, 0, 399, 7];
    const r = await knockoutRows(m, data, { gate: 'router', mode: 'single', expert: 2, rows }, options);
    const probe = (await baseline(m, data)).result.outputs['probe.router'];
    expect(probe.width).toBe(4);
    r.rows.forEach((x, i) => {
      expect(x.row).toBe(rows[i]);
      expect(x.gate).toHaveLength(4);
      x.gate.forEach((w, e) => expect(w).toBeCloseTo(probe.data[rows[i] * 4 + e], 6));
    });
    expect(r.rows[0]).toEqual(r.rows[3]); // a row asked twice is the same row
  });
});

/** Two modalities of random numbers; `bump` adds 1 to every value of one of them. */
function fusionRows(n: number, bump?: 'camera' | 'sensor'): Rows {
  const r = seededRandom(5, 'fusion-rows');
  const camera = Float32Array.from({ length: n * 12 }, () => r.normal() + (bump === 'camera' ? 1 : 0));
  const sensor = Float32Array.from({ length: n * 8 }, () => r.normal() + (bump === 'sensor' ? 1 : 0));
  return { rows: n, columns: { m_camera: { data: camera, shape: [12] }, m_sensor: { data: sensor, shape: [8] }, label: { data: new Float32Array(n).fill(1), shape: [1] } } };
}

describe('a bimodal GMU forced open or closed', () => {
  const m = untrained({ template: 'gmu', modalities: [{ name: 'camera', dim: 12 }, { name: 'sensor', dim: 8 }], classes: 1, hidden: [8], dropout: 0, gate: { kind: 'gmu', hidden: 8 } });
  const fusion = (test: Rows): RunData => ({ task: 'binary', prediction: 'logits', target: 'label', train: fusionRows(50), validation: fusionRows(5), test, describe: 'fusion' });
  const rows = [0, 3, 11];

  it('open predicts from the first modality alone, closed from the second: the other one changes nothing', async () => {
    for (const [mode, other] of [['open', 'sensor'], ['closed', 'camera']] as const) {
      const plain = await knockoutRows(m, fusion(fusionRows(20)), { gate: 'gmu', mode, rows }, options);
      const moved = await knockoutRows(m, fusion(fusionRows(20, other)), { gate: 'gmu', mode, rows }, options);
      plain.rows.forEach((x, i) => {
        expect(moved.rows[i].knockedOut[0]).toBeCloseTo(x.knockedOut[0], 6);
        // as trained the model reads both modalities: moving one moves the prediction
        expect(Math.abs(moved.rows[i].trained[0] - x.trained[0])).toBeGreaterThan(1e-4);
      });
    }
  });

  it("the gate's value on a row is z's mean over its units, the first modality's weight in [0, 1]", async () => {
    const data = fusion(fusionRows(20));
    const r = await knockoutRows(m, data, { gate: 'gmu', mode: 'open', rows }, options);
    const probe = (await baseline(m, data)).result.outputs['probe.gmu'];
    r.rows.forEach((x, i) => {
      let mean = 0;
      for (let u = 0; u < probe.width; u++) mean += probe.data[rows[i] * probe.width + u] / probe.width;
      expect(x.gate).toHaveLength(1);
      expect(x.gate[0]).toBeCloseTo(mean, 6);
      expect(x.gate[0] > 0 && x.gate[0] < 1).toBe(true);
    });
  });
});

describe('what the job refuses', () => {
  const m = untrained({ template: 'moe-dnn', ...R, expertHidden: [8], router: { kind: 'topk-router', experts: 3, k: 1, noisy: false } });

  it("rows outside the test split: Try it's message", async () => {
    await expect(knockoutRows(m, ctrData(), { gate: 'router', mode: 'uniform', rows: [3, 400, 512] }, options)).rejects.toThrow(testRowsRefusal([3, 400, 512], 400)!);
    expect(testRowsRefusal([400, 512], 400)).toBe('test rows 400, 512 are outside the test split, which has 400 rows numbered from 0 within the split (not dataset rows or file lines): pick test rows 0–399');
  });

  it("a gate or mode the model has no knockout for, in the table's words; 'single' without its expert", async () => {
    await expect(knockoutRows(m, ctrData(), { gate: 'gmu', mode: 'open', rows: [0] }, options)).rejects.toThrow("no knockout of run 1 matches gate 'gmu', mode 'open'; its gates: router (router)");
    await expect(knockoutRows(m, ctrData(), { gate: 'router', mode: 'single', rows: [0] }, options)).rejects.toThrow("--rows evaluates one knockout, and gate 'router' --mode single is 3: add --expert E (0-2)");
  });
});

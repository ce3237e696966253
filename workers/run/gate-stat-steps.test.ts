// Gate statistics of a Loop call of K steps are stored per step (audit: the trainer stored the MEAN over
// the call at its last step, so the router temperature at step 24 read 1.157, the mean of steps 13–24,
// where the schedule gives 0.94, and the number of points followed machine load through K).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../common/runs/config';
import type { FromTrainer, GateStatPoint } from '../../common/trainer-protocol';
import { gateStatPoints } from './metrics-batcher';
import type { Rows, RunData } from './run-data';
import { trainRun } from './train-run';

const A = 4, Bw = 3, ROWS = 48, BATCH = 4;

function rows(): Rows {
  const a = Float64Array.from({ length: ROWS * A }, (_, i) => Math.sin(1.1 * i + 0.3));
  const b = Float64Array.from({ length: ROWS * Bw }, (_, i) => Math.cos(0.7 * i));
  const label = Float64Array.from({ length: ROWS }, (_, r) => Number(a[r * A] + b[r * Bw] > 0));
  return { rows: ROWS, columns: { m_a: { data: a, shape: [A] }, m_b: { data: b, shape: [Bw] }, label: { data: label, shape: [1] } } };
}

describe('gate statistics of a K-step training call', () => {
  it('stores the scheduled temperature at every step, equal to the schedule there (not a K-step mean)', async () => {
    const steps = 20, from = 2, to = 0.3, K = 5;
    // τ at step s (1-based, as stored): the schedule τ(s) = from·(to/from)^min(s/steps, 1) that step trained
    // with (engine/gates/routers.ts); a validation after s steps uses the same τ(s)
    const tau = (s: number) => from * (to / from) ** Math.min(s / steps, 1);
    // a run made now records the rule (main/lab/runs/dataset-defaults.ts); older runs keep τ of the steps before
    const config = parseRunConfig({
      temperatureAtStepNumber: true,
      model: { template: 'moe-fusion', modalities: [{ name: 'a', dim: A }, { name: 'b', dim: Bw }], classes: 1, expertHidden: [4],
        router: { kind: 'softmax-router', experts: 2, schedule: { kind: 'dense-to-sparse', from, to, steps } } },
      data: { kind: 'dataset', datasetId: 1 }, epochs: 1, batchSize: BATCH, stepsPerCall: K, dtype: 'float64',
      optimizer: { kind: 'adam', lr: 0.01, weightDecay: 0 }, earlyStopping: { patience: 0 },
    });
    const data: RunData = { task: 'binary', prediction: 'logits', target: 'label', train: rows(), validation: rows(), test: rows(), describe: 'test rows' };
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-gate-steps-'));
    const events: FromTrainer[] = [];
    try {
      await trainRun({ runId: 1, config, checkpointDir: dir }, data, (e) => events.push(e), { cancelled: false, pauseRequested: false, waitWhilePaused: async () => true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const points = events.flatMap((e) => (e.type === 'gate-stats' ? e.points : []));
    const of = (gate: string, stat: string) => points.filter((p) => p.gate === gate && p.stat === stat);
    const total = ROWS / BATCH; // 12 steps: calls of 5, 5 and 2 (a call never crosses the epoch's end)
    const temperature = of('router', 'temperature');
    expect(temperature.map((p) => p.step)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    for (const p of temperature) expect(p.value).toBeCloseTo(tau(p.step), 12);
    // the audit's case in miniature: the mean over steps 6–10 is not τ(10)
    const mean = [6, 7, 8, 9, 10].reduce((s, step) => s + tau(step), 0) / 5;
    expect(Math.abs(temperature[9].value! - mean)).toBeGreaterThan(0.01);
    // every scalar statistic has a point per step
    for (const stat of ['entropy', 'balance']) expect(of('router', stat).map((p) => p.step)).toEqual(temperature.map((p) => p.step));
    // vectors (expert load): once per call, at its last step, each a share vector of that step
    const load = of('router', 'load');
    expect(load.map((p) => p.step)).toEqual([5, 10, 12]);
    for (const p of load) expect(p.vector!.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
    // validation: one evaluation at the step it ran at, at that step's temperature
    const val = of('val.router', 'temperature');
    expect(val.map((p) => p.step)).toEqual([total]);
    expect(val[0].value).toBeCloseTo(tau(total), 12);
    // the training τ stored at the validated step is the one validation used there (it was τ(N − 1))
    expect(temperature.at(-1)!.value).toBeCloseTo(val[0].value!, 12);
  });
});

describe('gateStatPoints', () => {
  it('splits [K] scalars into one point per step and keeps the last row of [K, n] vectors', () => {
    const stats = { 'g.openness': Float32Array.of(0.1, 0.2, 0.3), 'g.load': { data: Float64Array.of(1, 0, 0.5, 0.5, 0.25, 0.75) } };
    const points = gateStatPoints({ 'g.openness': { data: stats['g.openness'] }, 'g.load': stats['g.load'] }, 12, 3);
    expect(points).toEqual<GateStatPoint[]>([
      { step: 10, gate: 'g', stat: 'openness', value: Math.fround(0.1), vector: null },
      { step: 11, gate: 'g', stat: 'openness', value: Math.fround(0.2), vector: null },
      { step: 12, gate: 'g', stat: 'openness', value: Math.fround(0.3), vector: null },
      { step: 12, gate: 'g', stat: 'load', value: null, vector: [0.25, 0.75] },
    ]);
  });

  it('leaves out only the points that are not finite', () => {
    const points = gateStatPoints({ 'g.openness': [0.5, NaN, 0.25], 'g.load': [0.5, 0.5, 0.5, 0.5, Infinity, 0] }, 3, 3);
    expect(points.map((p) => [p.stat, p.step])).toEqual([['openness', 1], ['openness', 3]]);
  });

  it('refuses a statistic whose values are not K rows (a graph/trainer mismatch would misplace every point)', () => {
    expect(() => gateStatPoints({ 'router.load': [0.5, 0.5, 1] }, 4, 2)).toThrow("gate statistic 'router.load' has 3 values for a call of 2 steps: expected 2 rows of equal length");
  });
});

// The early-exit template: its objective's gradients against finite differences, the correctness
// indicator and the loss value against a hand computation, the behaviour the gating loss is for (the first
// exit's gate fires on the easy samples, not on the hard ones), and its place in the zoo and the analytics.
import { describe, expect, it } from 'vitest';
import { defaultGate } from '../../../common/gates';
import { TEMPLATES, defaultModelConfig, templateInfo } from '../../../common/models';
import { input } from '../../ops/builders';
import { bceWithLogits } from '../../ops/builders';
import { emitModel } from '../../onnx/emit';
import { compileTraining } from '../../train/compile';
import { unpackParams } from '../../train/pack';
import { seededRandom } from '../../nn/random';
import { GraphRunner } from '../../../workers/testing/run-graph';
import { checkGradients, describeGradcheck } from '../../../workers/testing/gradcheck';
import { exportEarlyExit } from '../../analytics/early-exit-export';
import { exitStageOf } from '../../analytics/early-exit-model';
import { forwardCosts, groupFlops } from '../../analytics/flops';
import { trainTiny, f32 } from '../fixtures/tiny-train';
import { buildModel, modelSize } from '../index';
import { mlpParams } from '../common';
import { earlyExitObjective, exitCorrect } from './early-exit-loss';
import { earlyExitSizesOf } from './early-exit';
import type { RunData } from '../../../workers/run/run-data';
import { baseline } from '../../../workers/analytics/knockout';
import { gateReport } from '../../../workers/analytics/gate-report';

const gate = { ...defaultGate('early-exit'), gateLossWeight: 0.7, costWeight: 0.2, exitLossWeight: 0.5 };
const N = 5;
// exit logits kept away from 0 so a finite-difference step never flips a correctness indicator
const awayFromZero = (n: number, seed: number) => { const r = seededRandom(seed, 'logits'); return Float64Array.from({ length: n }, () => (r.uniform() < 0.5 ? -1 : 1) * (0.2 + r.uniform())); };

describe('early-exit objective', () => {
  it('gradients match finite differences (binary: exits, gate logits)', async () => {
    const label = Float64Array.from([1, 0, 0, 1, 1]);
    const r = await checkGradients(
      (e0, e1, e2, g0, g1, y) => earlyExitObjective({ exits: [e0, e1, e2], gateLogits: [g0, g1], label: y, classes: 1, task: bceWithLogits, exitWeights: [1, 2, 3], gate }),
      [
        { name: 'e0', shape: [N, 1], data: awayFromZero(N, 1) }, { name: 'e1', shape: [N, 1], data: awayFromZero(N, 2) }, { name: 'e2', shape: [N, 1], data: awayFromZero(N, 3) },
        { name: 'g0', shape: [N], range: [-2, 2] }, { name: 'g1', shape: [N], range: [-2, 2] },
        { name: 'y', shape: [N, 1], data: label, constant: true },
      ],
    );
    expect(r.maxError, describeGradcheck(r)).toBeLessThan(1e-6);
  });

  it('gradients match finite differences (3 classes)', async () => {
    const { softmaxCrossEntropy } = await import('../../ops/builders');
    const r = await checkGradients(
      (e0, e1, g0, y) => earlyExitObjective({ exits: [e0, e1], gateLogits: [g0], label: y, classes: 3, task: softmaxCrossEntropy, exitWeights: [], gate }),
      [
        { name: 'e0', shape: [N, 3], data: Float64Array.from({ length: 15 }, (_, i) => ((i * 7) % 11) / 4 - 1) }, // distinct per row: no ties
        { name: 'e1', shape: [N, 3] }, { name: 'g0', shape: [N], range: [-2, 2] },
        { name: 'y', shape: [N], dtype: 'int64', data: BigInt64Array.from([0n, 2n, 1n, 1n, 0n]) },
      ],
    );
    expect(r.maxError, describeGradcheck(r)).toBeLessThan(1e-6);
  });

  it('equals the hand-computed loss: deep supervision + gating BCE against correctness + expected depth', async () => {
    const e = [[2, -1, 0.5], [1, 1, -3]]; // two exits, three samples (binary logits)
    const y = [1, 1, 0];
    const g = [[0.3, -0.4, 1.2]];
    const xs = { e0: input('e0', 'float64', [3, 1]), e1: input('e1', 'float64', [3, 1]), g0: input('g0', 'float64', [3]), y: input('y', 'float64', [3, 1]) };
    const loss = earlyExitObjective({ exits: [xs.e0, xs.e1], gateLogits: [xs.g0], label: xs.y, classes: 1, task: bceWithLogits, exitWeights: [2, 1], gate });
    const correct = exitCorrect(xs.e0, xs.y, 1);
    const run = await GraphRunner.load(emitModel({ inputs: Object.values(xs), outputs: { loss, correct } }));
    const out = await run.run({
      e0: { data: Float64Array.from(e[0]), dims: [3, 1] }, e1: { data: Float64Array.from(e[1]), dims: [3, 1] },
      g0: { data: Float64Array.from(g[0]), dims: [3] }, y: { data: Float64Array.from(y), dims: [3, 1] },
    });
    await run.release();
    expect([...out.correct.data as Float64Array]).toEqual([1, 0, 0]); // 2 → 1 right, −1 → 0 wrong, 0.5 → 1 wrong
    const sp = (z: number) => Math.log1p(Math.exp(z));
    const bce = (z: number, t: number) => sp(z) - z * t;
    const meanOf = (f: (i: number) => number) => (f(0) + f(1) + f(2)) / 3;
    const sig = (z: number) => 1 / (1 + Math.exp(-z));
    const want = 2 * gate.exitLossWeight * meanOf((i) => bce(e[0][i], y[i])) + 1 * meanOf((i) => bce(e[1][i], y[i]))
      + gate.gateLossWeight * meanOf((i) => bce(g[0][i], [1, 0, 0][i]))
      + gate.costWeight * (1 + meanOf((i) => 1 - sig(g[0][i])));
    expect(Number(out.loss.data[0])).toBeCloseTo(want, 12);
  });
});

/**
 * Easy samples: x0 = ±(1.5…3) says the label. Hard samples: x0 ≈ 0 and a random label (no exit can be right
 * more than half the time). Fresh samples every step, so nothing is memorised.
 */
function easyHard(n: number, seed: number, kind: 'mixed' | 'easy' | 'hard') {
  const r = seededRandom(seed, 'easy-hard');
  const x: number[] = [], y: number[] = [];
  for (let i = 0; i < n; i++) {
    const easy = kind === 'easy' || (kind === 'mixed' && i % 2 === 0);
    const label = r.uniform() < 0.5 ? 1 : 0;
    x.push(easy ? (label ? 1 : -1) * (1.5 + 1.5 * r.uniform()) : 0.1 * r.normal(), r.normal(), r.normal(), r.normal());
    y.push(label);
  }
  return { m_x: f32(x, [n, 4]), label: f32(y, [n, 1]) };
}

describe('early-exit-mlp learns where to exit', () => {
  const config = (gateLossWeight: number) => ({
    template: 'early-exit-mlp', modalities: [{ name: 'x', dim: 4 }], hidden: 16, blocks: 3, dropout: 0,
    gate: { threshold: 0.75, gateLossWeight, costWeight: 0.01 },
  });
  const exitRate0 = async (run: Awaited<ReturnType<typeof trainTiny>>, kind: 'easy' | 'hard') =>
    Number((await run.evaluate(easyHard(400, 77, kind)))['stats.exit_gate.exit_rate'].data[0]);

  it('the first exit’s gate fires on the easy samples and not on the hard ones; without the gating loss it cannot tell them apart', async () => {
    const def = buildModel(config(1));
    const trained = await trainTiny(def, { steps: 300, lr: 1e-2, batch: (s) => easyHard(128, s, 'mixed') });
    const easy = await exitRate0(trained, 'easy'), hard = await exitRate0(trained, 'hard');
    await trained.release();
    expect(easy).toBeGreaterThan(0.9);
    expect(hard).toBeLessThan(0.2);

    // the gate report's compute–accuracy curve (the analytics' exit sweep and FLOPs accounting) on it
    const test = easyHard(400, 78, 'mixed');
    const rows = { rows: 400, columns: { m_x: { data: test.m_x.data as Float32Array, shape: [4] }, label: { data: test.label.data as Float32Array, shape: [1] } } };
    const data: RunData = { task: 'binary', prediction: 'logits', target: 'label', train: rows, validation: rows, test: rows, describe: 'easy/hard' };
    const layout = compileTraining(def, { dtype: 'float32', optimizer: { kind: 'sgd' } }).layout;
    const { result, gates } = await baseline({ runId: 1, def, dtype: 'float32', layout, params: trained.params }, data);
    expect(gates.map((g) => `${g.gate}:${g.kind}`)).toEqual(['exit_gate.gate0:exit', 'exit_gate.gate1:exit']);
    const curve = gateReport({ runId: 1, title: 'early exit', def, model: defaultModelConfig('early-exit-mlp', config(1)), data, base: result, gates }).exitCurve!;
    const chosen = curve.points.find((p) => p.threshold === 0.75)!;
    expect(curve.chosen).toBe(0.75);
    expect(chosen.exitRates[0]).toBeGreaterThan(0.4); // the easy half leaves at the first exit…
    expect(chosen.exitRates[0]).toBeLessThan(0.6);
    expect(chosen.meanFlops).toBeLessThan(0.8 * curve.denseFlops); // …and skips two of three stages
    expect(chosen.metric).toBeGreaterThan(0.7); // AUC: the easy half is right, the hard half is noise
    const untaught = await trainTiny(buildModel(config(0)), { steps: 300, lr: 1e-2, batch: (s) => easyHard(128, s, 'mixed') });
    const e0 = await exitRate0(untaught, 'easy'), h0 = await exitRate0(untaught, 'hard');
    await untaught.release();
    expect(Math.abs(e0 - h0)).toBeLessThan(easy - hard - 0.3);
  });
});

describe('early-exit-mlp in the zoo and the analytics', () => {
  const M = { modalities: [{ name: 'text', dim: 6 }, { name: 'tabular', dim: 3 }], hidden: 8, blocks: 3 };

  it('is listed as a gated fusion template with parameters and FLOPs counted by hand', () => {
    expect(templateInfo('early-exit-mlp')).toMatchObject({ family: 'fusion', baseline: false, gates: ['gate'] });
    expect(TEMPLATES.map((t) => t.id)).toContain('early-exit-mlp');
    const D = 9, H = 8;
    const blocks = (D * H + H) + 2 * (H * H + H), heads = 3 * (H + 1), gates = 2 * (H + 1);
    const size = modelSize({ template: 'early-exit-mlp', ...M });
    expect(size.params).toBe(blocks + heads + gates);
    expect(size.params).toBe(mlpParams(D, [H, H, H]) + heads + gates);
    expect(size.forwardFlopsPerSample).toBe(2 * (D * H + 2 * H * H) + 2 * 3 * H + 2 * 2 * H);
    // the analytics read its stages off the parameter names: block + head + gate per stage
    const by = groupFlops(forwardCosts(buildModel({ template: 'early-exit-mlp', ...M })), (p) => String(exitStageOf(p)));
    expect([0, 1, 2].map((i) => by.get(String(i)))).toEqual([2 * D * H + 4 * H, 2 * H * H + 4 * H, 2 * H * H + 2 * H]);
  });

  it('refuses exit weights that do not match the blocks, naming the field', () => {
    expect(() => defaultModelConfig('early-exit-mlp', { ...M, exitWeights: [1, 1] })).toThrow(/field 'exitWeights': one weight per exit: 3 blocks need 3 weights/);
  });

  it('exports through the analytics’ If export: same predictions as the lab’s eval graph', async () => {
    const c = defaultModelConfig('early-exit-mlp', M);
    const compiled = compileTraining(buildModel(c), { dtype: 'float32', optimizer: { kind: 'sgd' } });
    const params = compiled.initialParams(4);
    for (const [name, v] of Object.entries(unpackParams(compiled.layout, params))) if (/^exit_gate\.gate\d\.w$/.test(name)) v.forEach((x, i) => (v[i] = x * 6));
    const r = seededRandom(5, 'x');
    const B = 32;
    const text = Float32Array.from({ length: B * 6 }, () => r.normal()), tab = Float32Array.from({ length: B * 3 }, () => r.normal());
    const x = new Float32Array(B * 9);
    for (let n = 0; n < B; n++) { x.set(text.subarray(n * 6, n * 6 + 6), n * 9); x.set(tab.subarray(n * 3, n * 3 + 3), n * 9 + 6); }
    const lab = await GraphRunner.load(compiled.graph('eval'));
    const ours = await lab.run({ params: { data: params, dims: [params.length] }, m_text: { data: text, dims: [B, 6] }, m_tabular: { data: tab, dims: [B, 3] }, label: { data: new Float32Array(B), dims: [B, 1] } });
    await lab.release();
    const exported = await GraphRunner.load(exportEarlyExit(earlyExitSizesOf(c), { dtype: 'float32', layout: compiled.layout, params }));
    const theirs = await exported.run({ x: { data: x, dims: [B, 9] } });
    await exported.release();
    const want = Array.from(ours.logits.data as Float32Array);
    Array.from(theirs.logit.data as Float32Array).forEach((v, i) => expect(v).toBeCloseTo(want[i], 5));
    const rates = Array.from(ours['stats.exit_gate.exit_rate'].data as Float32Array);
    expect(rates.filter((v) => v > 0).length).toBeGreaterThan(1); // the samples really leave at different exits
  });
});

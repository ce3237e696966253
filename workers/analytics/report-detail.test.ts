// The gate report's detail on real compiled models run in ONNX Runtime: which input each expert
// specializes in (a router made to route on one feature), expert × series and × hour for a forecaster,
// per-sample fusion weights with labels, predictions and text, and an early-exit run's accounting.
import { describe, expect, it } from 'vitest';
import { FUSION_SAMPLES_KEPT, GateReport } from '../../common/analytics';
import { buildModel } from '../../engine/models';
import { compileTraining } from '../../engine/train/compile';
import { packParams, unpackParams } from '../../engine/train/pack';
import { seededRandom } from '../../engine/nn/random';
import type { RunData, Rows } from '../run/run-data';
import { baseline, type TrainedModel } from './knockout';
import { gateReport } from './gate-report';
import type { DatasetContext } from './dataset-context';

function model(config: Record<string, unknown>, set: (p: Record<string, Float32Array>) => void = () => {}): TrainedModel {
  const def = buildModel(config);
  const { layout, initialParams } = compileTraining(def, { dtype: 'float32', optimizer: { kind: 'sgd' } });
  const values = Object.fromEntries(Object.entries(unpackParams(layout, initialParams(3))).map(([k, v]) => [k, Float32Array.from(v)]));
  set(values);
  return { runId: 1, def, dtype: 'float32', layout, params: packParams(layout, 'float32', values) };
}

const split = (rows: Rows): RunData['test'] => rows;
const random = (n: number, seed: number, f: (r: ReturnType<typeof seededRandom>) => number) => { const r = seededRandom(seed, 'detail'); return Float32Array.from({ length: n }, () => f(r)); };

describe('expert specialisation', () => {
  it('a top-1 router that routes on one numeric feature: that feature ranks first for both experts', async () => {
    const R = { fields: [5, 7, 3], numeric: 2, embeddingDim: 4 };
    const config = { template: 'moe-dnn', ...R, expertHidden: [8], router: { kind: 'topk-router', experts: 2, k: 1, noisy: false } };
    // router logits = ±10 · price: only the numeric feature 'price' (numeric 0) decides the expert
    const m = model(config, (p) => {
      p['router.w'].fill(0);
      p['router.b'].fill(0);
      p['numeric_embedding'].fill(0);
      p['numeric_embedding'][0] = 1;
      const row = (R.fields.length + 0) * R.embeddingDim;
      p['router.w'][row * 2] = 10;
      p['router.w'][row * 2 + 1] = -10;
    });
    const n = 600, r = seededRandom(4, 'ctr');
    const fields = BigInt64Array.from({ length: n * 3 }, (_, i) => BigInt(1 + r.int(R.fields[i % 3] - 1)));
    const test: Rows = { rows: n, columns: { fields: { data: fields, shape: [3] }, numeric: { data: random(n * 2, 5, (q) => q.normal()), shape: [2] }, label: { data: random(n, 6, (q) => (q.int(2))), shape: [1] } } };
    const data: RunData = { task: 'binary', prediction: 'logit', target: 'label', train: test, validation: test, test: split(test), describe: 'ctr' };
    const { result, gates } = await baseline(m, data);
    const report = GateReport.parse(gateReport({ runId: 1, title: 't', def: m.def, model: config, data, base: result, gates, featureNames: ['user', 'item', 'hour', 'price', 'age'] }));
    const spec = report.routers[0].specialisation!;
    expect(spec.inputs).toMatch(/training frequency/);
    expect(spec.experts.map((e) => e.top[0].feature)).toEqual(['price', 'price']);
    expect(spec.experts[0].top[0].score).toBeGreaterThan(0.5); // expert 0 takes the high prices
    expect(spec.experts[1].top[0].score).toBeLessThan(-0.5);
    expect(spec.experts[0].samples + spec.experts[1].samples).toBe(n);
    // field values are named "field=value" (ids without the dataset's dictionary)
    expect(spec.experts[0].top.map((t) => t.feature).concat(spec.experts[1].top.map((t) => t.feature)).some((f) => /^(user|item|hour)(=#\d| value frequency)/.test(f))).toBe(true);
  });

  it("a top-2 router: the report keeps the router's probability before the pick apart from the share of picks", async () => {
    // router logits = the bias (2, 2, 1.9) for every sample: expert 2 holds a third of the probability and is never
    // among the top 2 (the audit's moe-dnn: 23% probability, 0% of the picks, both called "mean routing weight")
    const R = { fields: [5, 7], numeric: 1, embeddingDim: 4 };
    const config = { template: 'moe-dnn', ...R, expertHidden: [4], router: { kind: 'topk-router', experts: 3, k: 2, noisy: true } };
    const m = model(config, (p) => { p['router.w'].fill(0); p['router.b'].set([2, 2, 1.9]); });
    const n = 50, r = seededRandom(9, 'ctr');
    const fields = BigInt64Array.from({ length: n * 2 }, (_, i) => BigInt(1 + r.int(R.fields[i % 2] - 1)));
    const test: Rows = { rows: n, columns: { fields: { data: fields, shape: [2] }, numeric: { data: random(n, 5, (q) => q.normal()), shape: [1] }, label: { data: random(n, 6, (q) => q.int(2)), shape: [1] } } };
    const data: RunData = { task: 'binary', prediction: 'logit', target: 'label', train: test, validation: test, test: split(test), describe: 'ctr' };
    const { result, gates } = await baseline(m, data);
    const rt = GateReport.parse(gateReport({ runId: 1, title: 't', def: m.def, model: config, data, base: result, gates })).routers[0];
    const e = [2, 2, 1.9].map(Math.exp), z = e.reduce((a, b) => a + b, 0);
    rt.probability!.forEach((p, i) => expect(p).toBeCloseTo(e[i] / z, 5)); // softmax before the pick: [0.345, 0.345, 0.312]
    rt.picks!.forEach((p, i) => expect(p).toBeCloseTo([0.5, 0.5, 0][i], 6)); // each token picks experts 0 and 1
    rt.load.forEach((w, i) => expect(w).toBeCloseTo([0.5, 0.5, 0][i], 5)); // the weights mixed with: renormalised over the two picked
    expect(rt.tokens).toBe(1); // a CTR router routes each sample as one token
  });

  it('a channel-independent MoE forecaster: expert × series and expert × hour of day, by hand', async () => {
    const config = { template: 'moe-forecaster', channels: 3, lookback: 8, horizon: 2, expertHidden: [4], router: { kind: 'softmax-router', experts: 2 } };
    const m = model(config);
    const n = 96;
    const test: Rows = { rows: n, columns: { x: { data: random(n * 8 * 3, 7, (q) => q.normal()), shape: [8, 3] }, y: { data: random(n * 2 * 3, 8, (q) => q.normal()), shape: [2, 3] } } };
    const data: RunData = { task: 'regression', prediction: 'forecast', target: 'y', train: test, validation: test, test, describe: 'windows' };
    const hours = Int32Array.from({ length: n }, (_, s) => (s * 5) % 24);
    const context: DatasetContext = { testRows: Int32Array.from({ length: n }, (_, s) => s), token: () => null, hours };
    const { result, gates } = await baseline(m, data);
    const report = GateReport.parse(gateReport({ runId: 1, title: 't', def: m.def, model: config, data, base: result, gates, featureNames: ['HUFL', 'MUFL', 'OT'], context }));
    const rt = report.routers[0];
    const probe = result.outputs['probe.router']; // [n, 3 channels, 2 experts]
    expect(probe.width).toBe(6);
    // three channel tokens per window: a window counts for one expert, its tokens for up to three (the captions say so)
    expect(rt.tokens).toBe(3);
    expect(rt.series!.labels).toEqual(['HUFL', 'MUFL', 'OT']);
    const mean = (f: (s: number) => number, keep: (s: number) => boolean) => { let a = 0, k = 0; for (let s = 0; s < n; s++) if (keep(s)) { a += f(s); k++; } return a / k; };
    expect(rt.series!.assignment[1][2]).toBeCloseTo(mean((s) => probe.data[s * 6 + 2 * 2 + 1], () => true), 10);
    expect(rt.timeOfDay!.hours).toHaveLength(24);
    const sampleWeight = (s: number, e: number) => (probe.data[s * 6 + e] + probe.data[s * 6 + 2 + e] + probe.data[s * 6 + 4 + e]) / 3;
    expect(rt.timeOfDay!.assignment[0][5]).toBeCloseTo(mean((s) => sampleWeight(s, 0), (s) => hours[s] === 5), 10);
    for (let h = 0; h < 24; h++) expect(rt.timeOfDay!.assignment[0][h] + rt.timeOfDay!.assignment[1][h]).toBeCloseTo(1, 5);
    expect(rt.specialisation!.experts.flatMap((e) => e.top.map((t) => t.feature))[0]).toMatch(/^(HUFL|MUFL|OT) (window mean|last value)$/);
  });
});

describe('fusion per-sample weights', () => {
  it('keeps the first 5,000 test samples with label, prediction, correctness and the row’s text; sortable', async () => {
    const config = { template: 'gmu', modalities: [{ name: 'text', dim: 6 }, { name: 'tabular', dim: 3 }], classes: 1, hidden: [8], dropout: 0, gate: { kind: 'gmu', hidden: 8 } };
    const m = model(config);
    const n = FUSION_SAMPLES_KEPT + 300;
    const test: Rows = { rows: n, columns: {
      m_text: { data: random(n * 6, 9, (q) => q.normal()), shape: [6] }, m_tabular: { data: random(n * 3, 10, (q) => q.normal()), shape: [3] },
      label: { data: random(n, 11, (q) => q.int(2)), shape: [1] },
    } };
    const data: RunData = { task: 'binary', prediction: 'logits', target: 'label', train: test, validation: test, test, describe: 'reviews' };
    const long = 'x'.repeat(400);
    const context: DatasetContext = { testRows: Int32Array.from({ length: n }, (_, s) => 10 + s), textColumn: 'review', token: (c, row) => (c !== 'review' ? null : row === 12 ? long : row === 13 ? null : `review of row ${row}`) };
    const { result, gates } = await baseline(m, data);
    const report = GateReport.parse(JSON.parse(JSON.stringify(gateReport({ runId: 1, title: 't', def: m.def, model: config, data, base: result, gates, context }))));
    const f = report.fusion[0];
    expect(f.samples).toHaveLength(FUSION_SAMPLES_KEPT);
    expect(f.samplesTotal).toBe(n);
    expect(f.textColumn).toBe('review');
    const logits = result.outputs.logits.data;
    f.samples.slice(0, 50).forEach((s, i) => {
      expect(s.index).toBe(i);
      expect(s.weights[0] + s.weights[1]).toBeCloseTo(1, 6);
      // z is the mean opening over the gate's 8 hidden units, a value in [0, 1] (not their sum)
      expect(s.weights[0]).toBeGreaterThanOrEqual(0);
      expect(s.weights[0]).toBeLessThanOrEqual(1);
      expect(s.label).toBe(test.columns.label.data[i]);
      expect(s.prediction).toBeCloseTo(1 / (1 + Math.exp(-logits[i])), 6);
      expect(s.correct).toBe((logits[i] > 0 ? 1 : 0) === s.label);
    });
    expect(f.samples[0].text).toBe('review of row 10');
    expect(f.samples[2].text).toHaveLength(160);
    expect(f.samples[3].text).toBeUndefined();
    // sorting by the text weight finds the samples that leaned least on the text
    const sorted = [...f.samples].sort((a, b) => a.weights[0] - b.weights[0]);
    expect(sorted[0].weights[0]).toBe(Math.min(...f.samples.map((s) => s.weights[0])));
  });
});

describe('an early-exit-mlp run', () => {
  it('reports the threshold curve with the trained operating point and FLOPs per sample at that threshold', async () => {
    const config = { template: 'early-exit-mlp', modalities: [{ name: 'a', dim: 5 }], classes: 1, hidden: 6, blocks: 3, gate: { kind: 'early-exit', threshold: 0.5 } };
    const m = model(config, (p) => {
      // exit gate 0 opens for about half the samples (its bias 0, weights as initialised), gate 1 never
      p['exit_gate.gate1.w'].fill(0);
      p['exit_gate.gate1.b'][0] = -20;
    });
    const n = 400;
    const test: Rows = { rows: n, columns: { m_a: { data: random(n * 5, 12, (q) => q.normal()), shape: [5] }, label: { data: random(n, 13, (q) => q.int(2)), shape: [1] } } };
    const data: RunData = { task: 'binary', prediction: 'logits', target: 'label', train: test, validation: test, test, describe: 'ee' };
    const { result, gates } = await baseline(m, data);
    expect(gates.filter((g) => g.kind === 'exit').map((g) => g.gate)).toEqual(['exit_gate.gate0', 'exit_gate.gate1']);
    const report = GateReport.parse(gateReport({ runId: 1, title: 't', def: m.def, model: config, data, base: result, gates }));
    const curve = report.exitCurve!;
    expect(curve.chosen).toBe(0.5);
    const point = curve.points.find((p) => p.threshold === 0.5)!;
    // hand count per stage (2 FLOPs per multiply-add): block 5→6 or 6→6, head 6→1, gate 6→1 (not after the last block)
    const stage = [2 * (5 * 6 + 6 + 6), 2 * (6 * 6 + 6 + 6), 2 * (6 * 6 + 6)];
    expect(curve.denseFlops).toBe(stage[0] + stage[1] + stage[2]);
    const g0 = result.outputs['probe.exit_gate.gate0'].data;
    const left = Array.from(g0).filter((v) => v > 0.5).length / n;
    expect(left).toBeGreaterThan(0.05);
    expect(point.exitRates).toEqual([left, 0, 1 - left]);
    expect(point.meanFlops).toBeCloseTo(curve.denseFlops - left * (stage[1] + stage[2]), 8);
    const c = report.compute!;
    expect(c.gates).toEqual([{ gate: 'exit_gate', kind: 'exit', skippable: stage[1] + stage[2], skipped: expect.closeTo(left * (stage[1] + stage[2]), 8) }]);
    expect(c.flops.mean).toBeCloseTo(point.meanFlops, 8);
    expect(c.flops.p50).toBe(left >= 0.5 ? stage[0] : curve.denseFlops);
  });
});

describe('a multi-class run', () => {
  it('labels the router\'s class rows with the target\'s values', async () => {
    const config = { template: 'moe-fusion', modalities: [{ name: 'text', dim: 4 }, { name: 'tabular', dim: 3 }], classes: 3, hidden: [8], dropout: 0 };
    const m = model(config);
    const n = 90;
    const test: Rows = { rows: n, columns: {
      m_text: { data: random(n * 4, 21, (q) => q.normal()), shape: [4] }, m_tabular: { data: random(n * 3, 22, (q) => q.normal()), shape: [3] },
      label: { data: BigInt64Array.from({ length: n }, (_, i) => BigInt(i % 3)), shape: [1] },
    } };
    const data: RunData = { task: 'multiclass', prediction: 'logits', target: 'label', classes: 3, classNames: ['negative', 'neutral', 'positive'], train: test, validation: test, test, describe: 'sentiment' };
    const { result, gates } = await baseline(m, data);
    const report = GateReport.parse(JSON.parse(JSON.stringify(gateReport({ runId: 1, title: 't', def: m.def, model: config, data, base: result, gates }))));
    expect(report.routers.length).toBeGreaterThan(0);
    expect(report.routers[0].classes).toEqual(['negative', 'neutral', 'positive']);
  });

  it('a binary run\'s class rows are the label\'s two values, negative first, not 0/1', async () => {
    const config = { template: 'moe-fusion', modalities: [{ name: 'text', dim: 4 }, { name: 'tabular', dim: 3 }], classes: 1, hidden: [8], dropout: 0 };
    const m = model(config);
    const n = 60;
    const test: Rows = { rows: n, columns: {
      m_text: { data: random(n * 4, 23, (q) => q.normal()), shape: [4] }, m_tabular: { data: random(n * 3, 24, (q) => q.normal()), shape: [3] },
      label: { data: Float32Array.from({ length: n }, (_, i) => i % 2), shape: [1] },
    } };
    const data: RunData = { task: 'binary', prediction: 'logits', target: 'label', classNames: ['ham', 'spam'], train: test, validation: test, test, describe: 'mail' };
    const { result, gates } = await baseline(m, data);
    const report = GateReport.parse(JSON.parse(JSON.stringify(gateReport({ runId: 1, title: 't', def: m.def, model: config, data, base: result, gates }))));
    expect(report.routers[0].classes).toEqual(['ham', 'spam']);
    // one column per named class, each the mean routing of that class's samples (its experts' weights sum to 1)
    const { assignment } = report.routers[0];
    for (const c of [0, 1]) expect(assignment.reduce((sum, row) => sum + row[c], 0)).toBeCloseTo(1, 5);
  });
});

// The exported early-exit model (ONNX If) against the lab's eval graph: same outputs at several
// thresholds, and the blocks it actually runs per sample match the accounting's exit depth.
import { describe, expect, it } from 'vitest';
import { defaultGate } from '../../common/gates';
import { compileTraining } from '../train/compile';
import { unpackParams } from '../train/pack';
import { GraphRunner } from '../../workers/testing/run-graph';
import { randn } from '../gates/fixtures/data';
import { exitSkips } from './accounting';
import { earlyExitMlp, exitStageOf } from './early-exit-model';
import { exportEarlyExit, exportEarlyExitRun } from './early-exit-export';
import { parseModelConfig, type TemplateOf } from '../../common/models';
import { buildModel } from '../models';
import { forwardCosts, groupFlops } from './flops';

const D = 6, N = 40;

describe('early-exit export with If', () => {
  it('matches the lab at thresholds 0.35, 0.5, 0.65 and runs exactly the blocks the accounting counts', async () => {
    const xs = Float32Array.from(randn(N, D, 3, 'exit-export'));
    const base = { inputs: D, hidden: 8, blocks: 3 };
    const layoutModel = compileTraining(earlyExitMlp({ ...base, gate: defaultGate('early-exit') }), { dtype: 'float32', optimizer: { kind: 'sgd' } });
    const params = layoutModel.initialParams(5);
    // wider gate logits than the init gives, so every threshold sends samples to every exit
    const views = unpackParams(layoutModel.layout, params);
    for (const [name, v] of Object.entries(views)) if (/^exit_gate\.gate\d\.w$/.test(name)) v.forEach((x, i) => (v[i] = x * 6));
    const costs = forwardCosts(earlyExitMlp({ ...base, gate: defaultGate('early-exit') }));
    const by = groupFlops(costs, (p) => (exitStageOf(p) === null ? null : String(exitStageOf(p))));
    const stages = [0, 1, 2].map((i) => by.get(String(i))!);
    const depthsSeen = new Set<number>();
    for (const threshold of [0.35, 0.5, 0.65]) {
      const sizes = { ...base, gate: { ...defaultGate('early-exit'), threshold } };
      const lab = await GraphRunner.load(compileTraining(earlyExitMlp(sizes), { dtype: 'float32', optimizer: { kind: 'sgd' } }).graph('eval'));
      const exported = await GraphRunner.load(exportEarlyExit(sizes, { dtype: 'float32', layout: layoutModel.layout, params }));
      const p = { data: params, dims: [params.length] };
      const labeled = { label: { data: new Float32Array(N), dims: [N, 1] } };
      const whole = await lab.run({ params: p, x: { data: xs, dims: [N, D] }, ...labeled });
      const batch = await exported.run({ x: { data: xs, dims: [N, D] } });
      // float32: ORT may fuse the two graphs' products differently (1-ulp differences)
      const want = Array.from(whole.logit.data as Float32Array);
      Array.from(batch.logit.data as Float32Array).forEach((v, i) => expect(v).toBeCloseTo(want[i], 6));
      let labFlops = 0, ranFlops = 0;
      for (let n = 0; n < N; n++) {
        const one = { data: xs.subarray(n * D, (n + 1) * D), dims: [1, D] };
        const ref = await lab.run({ params: p, x: one, label: { data: new Float32Array(1), dims: [1, 1] } });
        const out = await exported.run({ x: one });
        expect(out.logit.data[0]).toBeCloseTo(ref.logit.data[0] as number, 6);
        const depth = Number(ref['stats.exit_gate.depth'].data[0]); // blocks the lab says this sample needs
        const ran = Number(out.blocks_executed.data[0]);
        expect(ran).toBe(depth);
        depthsSeen.add(ran);
        const dense = stages[0] + stages[1] + stages[2];
        labFlops += dense - exitSkips(stages, [depth - 1])[0];
        ranFlops += stages.slice(0, ran).reduce((a, b) => a + b, 0);
      }
      expect(ranFlops).toBe(labFlops);
      await lab.release();
      await exported.release();
    }
    expect([...depthsSeen].sort()).toEqual([1, 2, 3]);
  });
});

describe('early-exit-mlp runs export with If', () => {
  it('takes the template’s modality inputs and matches its eval graph, one sample at a time, at three thresholds', async () => {
    const modalities = [{ name: 'text', dim: 4 }, { name: 'tabular', dim: 3 }];
    const config = (threshold: number) => parseModelConfig({ template: 'early-exit-mlp', modalities, classes: 1, hidden: 8, blocks: 3, gate: { kind: 'early-exit', threshold } }) as TemplateOf<'early-exit-mlp'>;
    const compiled = compileTraining(buildModel(config(0.5)), { dtype: 'float32', optimizer: { kind: 'sgd' } });
    const params = compiled.initialParams(9);
    const views = unpackParams(compiled.layout, params);
    for (const [name, v] of Object.entries(views)) if (/^exit_gate\.gate\d\.w$/.test(name)) v.forEach((x, i) => (v[i] = x * 6));
    const a = Float32Array.from(randn(N, 4, 1, 'ee-a')), b = Float32Array.from(randn(N, 3, 2, 'ee-b'));
    const depths = new Set<number>();
    for (const threshold of [0.35, 0.5, 0.65]) {
      const lab = await GraphRunner.load(compileTraining(buildModel(config(threshold)), { dtype: 'float32', optimizer: { kind: 'sgd' } }).graph('eval'));
      const file = exportEarlyExitRun(config(threshold), { dtype: 'float32', layout: compiled.layout, params })!;
      const exported = await GraphRunner.load(file);
      for (let n = 0; n < N; n++) {
        const feeds = { m_text: { data: a.subarray(n * 4, n * 4 + 4), dims: [1, 4] }, m_tabular: { data: b.subarray(n * 3, n * 3 + 3), dims: [1, 3] } };
        const ref = await lab.run({ params: { data: params, dims: [params.length] }, ...feeds, label: { data: new Float32Array(1), dims: [1, 1] } });
        const out = await exported.run(feeds);
        expect(out.logits.data[0]).toBeCloseTo(ref.logits.data[0] as number, 6);
        expect(Number(out.blocks_executed.data[0])).toBe(Number(ref['stats.exit_gate.depth'].data[0]));
        depths.add(Number(out.blocks_executed.data[0]));
      }
      await lab.release();
      await exported.release();
    }
    expect([...depths].sort()).toEqual([1, 2, 3]);
  });

  it('exports a 3-class early-exit run with If: every class logit equals the eval graph\'s, blocks run as counted', async () => {
    const modalities = [{ name: 'text', dim: 4 }, { name: 'tabular', dim: 3 }];
    const config = parseModelConfig({ template: 'early-exit-mlp', modalities, classes: 3, hidden: 8, blocks: 3, gate: { kind: 'early-exit', threshold: 0.5 } }) as TemplateOf<'early-exit-mlp'>;
    const compiled = compileTraining(buildModel(config), { dtype: 'float32', optimizer: { kind: 'sgd' } });
    const params = compiled.initialParams(4);
    const views = unpackParams(compiled.layout, params);
    for (const [name, v] of Object.entries(views)) if (/^exit_gate\.gate\d\.w$/.test(name)) v.forEach((x, i) => (v[i] = x * 6));
    const a = Float32Array.from(randn(N, 4, 3, 'ee-mc-a')), b = Float32Array.from(randn(N, 3, 4, 'ee-mc-b'));
    const lab = await GraphRunner.load(compiled.graph('eval'));
    const exported = await GraphRunner.load(exportEarlyExitRun(config, { dtype: 'float32', layout: compiled.layout, params })!);
    const depths = new Set<number>();
    for (let n = 0; n < N; n++) {
      const feeds = { m_text: { data: a.subarray(n * 4, n * 4 + 4), dims: [1, 4] }, m_tabular: { data: b.subarray(n * 3, n * 3 + 3), dims: [1, 3] } };
      const ref = await lab.run({ params: { data: params, dims: [params.length] }, ...feeds, label: { data: new BigInt64Array(1), dims: [1] } });
      const out = await exported.run(feeds);
      expect(out.logits.dims).toEqual([1, 3]);
      for (let c = 0; c < 3; c++) expect(out.logits.data[c]).toBeCloseTo(ref.logits.data[c] as number, 6);
      expect(Number(out.blocks_executed.data[0])).toBe(Number(ref['stats.exit_gate.depth'].data[0]));
      depths.add(Number(out.blocks_executed.data[0]));
    }
    expect(depths.size).toBeGreaterThan(1); // the samples leave at different exits: the If branches are exercised
    await lab.release();
    await exported.release();
  });
});

// Every template builds from its config, compiles to train and eval graphs that load and run in ONNX
// Runtime, and has the parameter count a hand count gives.
import { describe, expect, it } from 'vitest';
import { TEMPLATE_IDS, defaultModelConfig, type TemplateId } from '../../common/models';
import { seededRandom } from '../nn/random';
import { compileTraining } from '../train/compile';
import type { ModelDefinition } from '../train/model';
import { GraphRunner, type Value } from '../../workers/testing/run-graph';
import { mlpParams } from './common';
import { SMALL } from './fixtures/small-configs';
import { buildModel, modelSize } from './index';

/** A random batch for a definition: normal floats, ids below each field's vocabulary, labels in range. */
export function randomBatch(def: ModelDefinition, config: Record<string, unknown>, B: number, seed: number): Record<string, Value> {
  const rng = seededRandom(seed, 'batch');
  const out: Record<string, Value> = {};
  for (const [name, spec] of Object.entries({ ...def.inputs, ...def.targets })) {
    const dims = [B, ...spec.shape];
    const n = dims.reduce((a, b) => a * b, 1);
    if (spec.dtype === 'int64') {
      const fields = config.fields as number[] | undefined;
      const classes = (config.classes as number | undefined) ?? 2;
      out[name] = { data: BigInt64Array.from({ length: n }, (_, i) => BigInt(rng.int(name === 'fields' && fields ? fields[i % fields.length] : classes))), dims };
    } else if (name === 'label') {
      out[name] = { data: Float32Array.from({ length: n }, () => rng.int(2)), dims };
    } else {
      out[name] = { data: Float32Array.from({ length: n }, () => rng.normal()), dims };
    }
  }
  return out;
}

describe('every template compiles and runs in ONNX Runtime', () => {
  for (const id of TEMPLATE_IDS) {
    it(id, async () => {
      const config = { ...SMALL[id], template: id };
      const def = buildModel(config);
      // a symbolic batch dimension, as the trainer compiles it
      const compiled = compileTraining(def, { dtype: 'float32', optimizer: { kind: 'adamw', weightDecay: 0.01 } });
      const params = compiled.initialParams(3);
      expect(params.length).toBe(modelSize(config).params);
      const full = defaultModelConfig(id, SMALL[id]);
      const batch = randomBatch(def, full as Record<string, unknown>, 4, 1);
      const train = await GraphRunner.load(compiled.graph('train'));
      const feeds: Record<string, Value> = {
        params: { data: params, dims: [params.length] },
        step: { data: Float64Array.of(0), dims: [] },
        lr: { data: Float64Array.of(1e-3), dims: [] },
        ...batch,
      };
      for (const n of compiled.stateNames) feeds[n] = { data: new Float32Array(params.length), dims: [params.length] };
      const out = await train.run(feeds);
      await train.release();
      expect(Number.isFinite(Number(out.loss.data[0]))).toBe(true);
      const moved = (out.params_out.data as Float32Array).some((v, i) => v !== params[i]);
      expect(moved).toBe(true);
      const evalRunner = await GraphRunner.load(compiled.graph('eval'));
      const ev = await evalRunner.run({ params: { data: params, dims: [params.length] }, ...randomBatch(def, full as Record<string, unknown>, 7, 2) });
      await evalRunner.release();
      for (const p of compiled.predictionNames) expect(ev[p].dims[0]).toBe(7);
      for (const s of compiled.statNames) expect([...(ev[`stats.${s}`].data as Float32Array)].every(Number.isFinite), s).toBe(true);
    });
  }
});

describe('parameter counts match hand counts', () => {
  const count = (id: TemplateId, over: Record<string, unknown>) => modelSize({ ...over, template: id }).params;
  const L = 32, H = 8, C = 3;
  const F = { lookback: L, horizon: H, channels: C };
  const R = { fields: [5, 7, 3], numeric: 2, embeddingDim: 4 };
  const vocab = 15, fieldsN = 5, emb = fieldsN * 4;
  const embParams = vocab * 4 + 2 * 4;

  it('forecasting baselines', () => {
    expect(count('linear', F)).toBe(L * H + H);
    expect(count('nlinear', { ...F, individual: true })).toBe(C * (L * H + H));
    expect(count('dlinear', { ...F, kernel: 5 })).toBe(2 * (L * H + H));
    expect(count('mlp', { ...F, hidden: [16] })).toBe(mlpParams(L, [16], H));
    expect(count('mlp', { ...F, hidden: [16], mode: 'channel-mixing' })).toBe(mlpParams(L * C, [16], H * C));
  });

  it('tsmixer-gated: per block two norms, time MLP, feature MLP, channel gate; then the head', () => {
    const block = 2 * (2 * L * C) + (L * L + L) + (C * 8 + 8) + (8 * C + C) + (C * C + C); // norms over (time, feature)
    expect(count('tsmixer-gated', { ...F, blocks: 2, ffDim: 8 })).toBe(2 * block + L * H + H);
    expect(count('tsmixer-gated', { ...F, blocks: 2, ffDim: 8, norm: 'feature' })).toBe(2 * (block - 4 * L * C + 4 * C) + L * H + H);
    const off = { ...F, blocks: 2, ffDim: 8, gate: { kind: 'sigmoid', enabled: false } };
    expect(count('tsmixer-gated', off)).toBe(2 * (block - (C * C + C)) + L * H + H);
  });

  it('CTR baselines and FinalMLP', () => {
    const lr = vocab + 2 + 1; // first-order weights per value, per numeric feature, bias
    expect(count('lr', R)).toBe(lr); // no embedding table: LR never reads it
    expect(count('dnn', { ...R, hidden: [16, 8] })).toBe(embParams + mlpParams(emb, [16, 8], 1));
    expect(count('deepfm', { ...R, hidden: [16] })).toBe(embParams + lr + mlpParams(emb, [16], 1));
    expect(count('dcn-v2', { ...R, crossLayers: 2, hidden: [16] })).toBe(embParams + 2 * (emb * emb + emb) + mlpParams(emb, [16]) + (emb + 16) + 1);
    const gates = 2 * (emb * emb + emb);
    const fusion = 2 * 4 * 4 + (8 + 1) + 8; // bilinear [2, 4, 4], w1 + bias, w2
    expect(count('finalmlp', { ...R, stream1: [16, 8], stream2: [8], heads: 2 })).toBe(embParams + gates + mlpParams(emb, [16, 8]) + mlpParams(emb, [8]) + fusion);
  });

  it('fusion: concat and GMU', () => {
    const M = { modalities: [{ name: 'text', dim: 6 }, { name: 'tabular', dim: 3 }] };
    expect(count('concat-fusion', { ...M, hidden: [8] })).toBe(mlpParams(9, [8], 1));
    const gmu = (6 * 5 + 5) + (3 * 5 + 5) + (9 * 5 + 5);
    expect(count('gmu', { ...M, hidden: [4], gate: { kind: 'gmu', hidden: 5 } })).toBe(gmu + mlpParams(5, [4], 1));
  });

  it('FLOPs grow with the batch and count the matrix products', () => {
    const s = modelSize({ template: 'linear', ...F });
    expect(s.forwardFlopsPerSample).toBe(2 * L * H * C);
    expect(s.trainFlopsPerStep(10)).toBe(3 * 10 * s.forwardFlopsPerSample);
  });
});

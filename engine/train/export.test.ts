// The exported inference model, loaded in a fresh ORT session, must reproduce the lab's eval
// predictions for the trained weights, and carry its metadata.
import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';
import { TrainSession } from '../../workers/train-session';
import { compileTraining } from './compile';
import { exportInference } from './export';
import { gatedModel, syntheticGatedData } from './gated-model';
import { buildModel } from '../models';
import { GraphRunner } from '../../workers/testing/run-graph';

const { onnx } = onnxProto;
const sizes = { inputs: 8, hidden: 16, experts: 4, expertHidden: 8 };

describe('exportInference', () => {
  it('reproduces the eval predictions of trained weights in a fresh session, with metadata', async () => {
    const def = gatedModel(sizes);
    const compiled = compileTraining(def, { dtype: 'float32', optimizer: { kind: 'adamw', weightDecay: 0.01 } });
    const session = await TrainSession.open(compiled, compiled.initialParams(3), { providers: ['cpu'], graphs: ['train', 'eval'] });
    const B = 32;
    const data = syntheticGatedData(B * 11, sizes.inputs, 5);
    // Train a few steps so the exported weights are not the initial ones.
    for (let t = 0; t < 10; t++) {
      await session.trainStep({
        x: { data: data.x.slice(t * B * sizes.inputs, (t + 1) * B * sizes.inputs), dims: [B, sizes.inputs] },
        y: { data: data.y.slice(t * B, (t + 1) * B), dims: [B, 1] },
      }, 1e-2);
    }
    expect(session.params).not.toEqual(compiled.initialParams(3));
    const x = data.x.slice(10 * B * sizes.inputs);
    const y = data.y.slice(10 * B);
    const lab = await session.evaluate({ x: { data: x, dims: [B, sizes.inputs] }, y: { data: y, dims: [B, 1] } });

    const bytes = exportInference(def, {
      dtype: 'float32', layout: compiled.layout, params: session.params,
      metadata: { 'gatelab.run': 'run-42', 'gatelab.metrics': { loss: lab.loss }, 'gatelab.dataset_sha256': 'abc123' },
    });
    const fresh = await ort.InferenceSession.create(bytes);
    expect(fresh.inputNames).toEqual(['x']); // no targets, no parameters: the weights are initializers
    expect(fresh.outputNames).toEqual(['logit']);
    const out = await fresh.run({ x: new ort.Tensor('float32', x, [B, sizes.inputs]) });
    const ours = out.logit.data as Float32Array;
    const theirs = lab.predictions.logit.data as Float32Array;
    expect(out.logit.dims).toEqual([B, 1]);
    let num = 0, den = 0;
    for (let i = 0; i < B; i++) { num += (ours[i] - theirs[i]) ** 2; den += theirs[i] ** 2; }
    expect(Math.sqrt(num / den)).toBeLessThanOrEqual(1e-6);

    const model = onnx.ModelProto.decode(bytes);
    const meta = Object.fromEntries(model.metadataProps.map((p) => [p.key, p.value]));
    expect(meta['gatelab.run']).toBe('run-42');
    expect(JSON.parse(meta['gatelab.metrics'])).toEqual({ loss: lab.loss });
    expect(meta['gatelab.dataset_sha256']).toBe('abc123');
    expect(JSON.parse(meta['gatelab.inputs'])).toEqual([{ name: 'x', dtype: 'float32', shape: ['batch', sizes.inputs] }]);
    expect((model.graph?.initializer ?? []).map((t) => t.name)).toEqual(compiled.layout.params.map((p) => p.name));
    expect(model.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', 17]]);
    await fresh.release();
    await session.close();
  });

  it('carries only the weights inference reads: a noisy router\'s noise projection stays out (ORT warned on every load)', async () => {
    const def = buildModel({ template: 'moe-dnn', fields: [5, 7], numeric: 1, embeddingDim: 4, expertHidden: [8], router: { kind: 'topk-router', experts: 4, k: 2, noisy: true } });
    const compiled = compileTraining(def, { dtype: 'float32', optimizer: { kind: 'sgd' } });
    const params = compiled.initialParams(5);
    expect(compiled.layout.params.map((p) => p.name)).toContain('router.noise.w'); // trained, but read in training only
    const bytes = exportInference(def, { dtype: 'float32', layout: compiled.layout, params });
    const graph = onnx.ModelProto.decode(bytes).graph!;
    // every input any node reads, Loop/If bodies included
    const read = new Set<string>();
    const walk = (g: typeof graph) => {
      for (const n of g.node ?? []) {
        for (const i of n.input ?? []) read.add(i);
        for (const a of n.attribute ?? []) for (const sub of [a.g, ...(a.graphs ?? [])]) if (sub) walk(sub as typeof graph);
      }
    };
    walk(graph);
    const initializers = (graph.initializer ?? []).map((t) => t.name!);
    expect(initializers.filter((n) => !read.has(n))).toEqual([]);
    expect(initializers.some((n) => n.startsWith('router.noise'))).toBe(false);
    expect(initializers).toContain('router.w');
    expect((graph.input ?? []).map((i) => i.name)).toEqual(['fields', 'numeric']); // nothing pruned became an input
    // and the file still predicts what the lab's eval graph predicts
    const B = 6;
    const fields = BigInt64Array.from({ length: B * 2 }, (_, i) => BigInt(i % 5));
    const numeric = Float32Array.from({ length: B }, (_, i) => i / 3 - 1);
    const fresh = await ort.InferenceSession.create(bytes);
    const out = await fresh.run({ fields: new ort.Tensor('int64', fields, [B, 2]), numeric: new ort.Tensor('float32', numeric, [B, 1]) });
    const ev = await GraphRunner.load(compiled.graph('eval'));
    const lab = await ev.run({ params: { data: params, dims: [params.length] }, fields: { data: fields, dims: [B, 2] }, numeric: { data: numeric, dims: [B, 1] }, label: { data: new Float32Array(B), dims: [B, 1] } });
    const theirs = Array.from(lab.logit.data as Float32Array);
    Array.from(out.logit.data as Float32Array).forEach((v, i) => expect(Math.abs(v - theirs[i])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(theirs[i])))); // float32 rounding apart
    await ev.release();
    await fresh.release();
  });

  it('refuses a parameter buffer of the wrong size, naming both sizes', () => {
    const def = gatedModel(sizes);
    const compiled = compileTraining(def, { dtype: 'float32', optimizer: { kind: 'sgd' } });
    expect(() => exportInference(def, { dtype: 'float32', layout: compiled.layout, params: new Float32Array(5) }))
      .toThrow(new RegExp(`has 5 values, the model has ${compiled.layout.size}`));
  });
});

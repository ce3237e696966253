// The exported inference model, loaded in a fresh ORT session, must reproduce the lab's eval
// predictions for the trained weights, and carry its metadata.
import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';
import { TrainSession } from '../../workers/train-session';
import { compileTraining } from './compile';
import { exportInference } from './export';
import { gatedModel, syntheticGatedData } from './gated-model';

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

  it('refuses a parameter buffer of the wrong size, naming both sizes', () => {
    const def = gatedModel(sizes);
    const compiled = compileTraining(def, { dtype: 'float32', optimizer: { kind: 'sgd' } });
    expect(() => exportInference(def, { dtype: 'float32', layout: compiled.layout, params: new Float32Array(5) }))
      .toThrow(new RegExp(`has 5 values, the model has ${compiled.layout.size}`));
  });
});

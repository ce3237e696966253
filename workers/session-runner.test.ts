import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';
import { SessionRunner } from './session-runner';

const { onnx } = onnxProto;

// A hand-written graph (independent of the engine): y = MatMul(x[2,3], w[3,2]).
function matmulModel(): Uint8Array {
  const vi = (name: string, dims: number[]) => ({
    name,
    type: { tensorType: { elemType: 1, shape: { dim: dims.map((d) => ({ dimValue: d })) } } },
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    graph: {
      name: 'matmul',
      node: [{ opType: 'MatMul', input: ['x', 'w'], output: ['y'] }],
      input: [vi('x', [2, 3]), vi('w', [3, 2])],
      output: [vi('y', [2, 2])],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

const x = new ort.Tensor('float32', Float32Array.from([1, 2, 3, 4, 5, 6]), [2, 3]);
const w = new ort.Tensor('float32', Float32Array.from([1, 0, 0, 1, 1, 1]), [3, 2]);

describe('SessionRunner', () => {
  it('runs a graph on the CPU and returns its outputs', async () => {
    const runner = await SessionRunner.open({ step: matmulModel() }, { providers: ['cpu'] });
    expect(runner.choice).toEqual({ provider: 'cpu' });
    const out = await runner.run('step', { x, w });
    expect(Array.from(out.y.data as Float32Array)).toEqual([4, 5, 10, 11]);
    await runner.close();
  });

  it('falls back from CUDA to the CPU on this machine (no CUDA libraries) and says why', async () => {
    const t0 = performance.now();
    const runner = await SessionRunner.open({ a: matmulModel(), b: matmulModel() }, { providers: ['cuda', 'cpu'] });
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(runner.provider).toBe('cpu');
    expect(runner.choice.fallbackReason).toMatch(/CUDA is not available/);
    expect(runner.choice.fallbackReason).toMatch(/shared library/i);
    expect(runner.graphNames).toEqual(['a', 'b']);
    const out = await runner.run('b', { x, w });
    expect(Array.from(out.y.data as Float32Array)).toEqual([4, 5, 10, 11]);
    await runner.close();
  });

  it('falls back to the CPU even when only CUDA was asked for', async () => {
    const runner = await SessionRunner.open({ a: matmulModel() }, { providers: ['cuda'] });
    expect(runner.provider).toBe('cpu');
    expect(runner.choice.fallbackReason).toBeTruthy();
    await runner.close();
  });

  it('names the graph when a model cannot be loaded, and the feeds when a run fails', async () => {
    await expect(SessionRunner.open({ broken: Uint8Array.from([1, 2, 3]) })).rejects.toThrow(/'broken' session on cpu/);
    const runner = await SessionRunner.open({ step: matmulModel() });
    await expect(runner.run('step', { x, w: x })).rejects.toThrow(/'step' graph.*w: float32\[2, 3\]/s);
    await expect(runner.run('nope', { x, w })).rejects.toThrow(/no 'nope' graph.*step/);
    await runner.close();
  });
});

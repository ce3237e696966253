// In-graph random numbers: right distribution, reproducible for a seed, different for another seed.
import { describe, expect, it } from 'vitest';
import { input } from '../ops/builders';
import { emitModel } from '../onnx/emit';
import { GraphRunner } from '../../workers/testing/run-graph';
import { batchSeed, normalLike, uniformLike } from './random';

describe('in-graph randomness', () => {
  it('uniform and normal values have the right moments, repeat for a seed and change with it', async () => {
    const like = input('like', 'float32', [200, 50]);
    const batch = input('batch', 'float32', [4, 3]);
    const seed = batchSeed(batch);
    const model = emitModel({ inputs: [like, batch], outputs: { u: uniformLike(like, seed, 1), n: normalLike(like, seed, 2) } });
    const runner = await GraphRunner.load(model);
    const run = (b: number[]) => runner.run({ like: { data: new Float32Array(10_000), dims: [200, 50] }, batch: { data: Float32Array.from(b), dims: [4, 3] } });
    const b1 = Array.from({ length: 12 }, (_, i) => Math.sin(i)), b2 = b1.map((v) => v + 0.1);
    const [a, again, other] = [await run(b1), await run(b1), await run(b2)];
    await runner.release();
    const u = a.u.data as Float32Array, n = a.n.data as Float32Array;
    const mean = (x: Float32Array) => x.reduce((s, v) => s + v, 0) / x.length;
    const variance = (x: Float32Array) => x.reduce((s, v) => s + (v - mean(x)) ** 2, 0) / x.length;
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(mean(u)).toBeCloseTo(0.5, 1);
    expect(variance(u)).toBeCloseTo(1 / 12, 2);
    expect(mean(n)).toBeCloseTo(0, 1);
    expect(variance(n)).toBeCloseTo(1, 1);
    expect(again.n.data).toEqual(a.n.data);
    const changed = (other.n.data as Float32Array).filter((v, i) => v !== n[i]).length;
    expect(changed).toBeGreaterThan(9_900);
  });
});

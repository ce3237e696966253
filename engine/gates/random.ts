// In-graph randomness for gates (noisy top-k gating, dropout masks that change every step), reproducible:
// values are an integer hash of (seed, element index), like the core's dropout. The seed must change
// from step to step: compiled train graphs give one per step (engine/train/step-context: run seed and
// step); `batchSeed` is the fallback for a training context built by hand, without a step.
import type { Tensor } from '../ir/tensor';
import { apply } from '../ops/apply';
import { abs, add, cast, div, mul, reduceMean, reshapeLike, scalar, size, sub } from '../ops/builders';

const PRIME = 2147483647; // 2^31 − 1: products of two residues stay below 2^62, exact in int64
const mod = (a: Tensor, b: Tensor) => apply('Mod', [a, b]);

/** A per-step int64 seed from a batch tensor (its mean magnitude, scaled): different batches, different masks. */
export function batchSeed(batch: Tensor): Tensor {
  const f = batch.dtype === 'int64' || batch.dtype === 'bool' ? cast(batch, 'float64') : batch;
  return cast(mul(reduceMean(abs(f)), 1e6), 'int64');
}

/** Uniform values in [0, 1) shaped like `like`, from (seed, stream, element index). */
export function uniformLike(like: Tensor, seed: Tensor, stream: number): Tensor {
  const m = scalar(PRIME, 'int64');
  const index = apply('Range', [scalar(0, 'int64'), size(like), scalar(1, 'int64')]);
  const s = add(mod(cast(seed, 'int64'), m), scalar((stream * 7919) % PRIME, 'int64'));
  let h = mod(add(index, mul(mod(s, m), scalar(1000003, 'int64'))), m);
  for (const [a, c] of [[48271, 11], [0, 7], [16807, 3]] as const) {
    h = mod(a ? add(mul(h, scalar(a, 'int64')), scalar(c, 'int64')) : add(mul(h, h), scalar(c, 'int64')), m);
  }
  return reshapeLike(div(cast(h, like.dtype), scalar(PRIME, like.dtype)), like);
}

/** Approximately standard-normal values shaped like `like`: the sum of four uniforms, centred and scaled (Irwin–Hall). */
export function normalLike(like: Tensor, seed: Tensor, stream: number): Tensor {
  let s = uniformLike(like, seed, 4 * stream);
  for (let i = 1; i < 4; i++) s = add(s, uniformLike(like, seed, 4 * stream + i));
  return mul(sub(s, scalar(2, like.dtype)), scalar(Math.sqrt(3), like.dtype));
}

// Modality noise (training only): a sample's modality is replaced, with probability p, by the same modality
// of another sample of the batch (the batch rolled by one: row i gets row (i+1) mod B). Zeroing a modality
// (modality dropout) is not what a corrupted modality looks like in use: a wrong-but-plausible input carries
// another sample's confident signal, so a model must learn to down-weight a modality that disagrees with the
// others. The label is left alone: the point is to learn to ignore the corrupted modality.
import type { Tensor } from '../../ir/tensor';
import { apply } from '../../ops/apply';
import { add, gather, less, scalar, size, where } from '../../ops/builders';
import type { GateEnv } from '../../gates';
import { uniformLike } from '../../gates/random';

/** x[(i+1) mod B] for every row i: each sample paired with the next one (the last with the first). */
export function rollBatch(x: Tensor, column: Tensor): Tensor {
  const n = size(column); // B: column is [B, 1]
  const rows = apply('Range', [scalar(0, 'int64'), n, scalar(1, 'int64')]);
  return gather(x, apply('Mod', [add(rows, scalar(1, 'int64')), n]), 0);
}

/** A stream number from the modality's name, so two modalities draw independent masks in the same step. */
function streamOf(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return (h >>> 0) % 1000003;
}

/**
 * x [B, dim] with each row replaced by the next sample's row with probability p (one draw per sample,
 * `column` is a ones column [B, 1]). Train graphs only; the draw uses the env's per-step seed (a fixed
 * seed when the env has none), so masks change from step to step like dropout masks.
 */
export function maybeModalityNoise(env: GateEnv, name: string, x: Tensor, column: Tensor, p: number): Tensor {
  if (!env.training || p <= 0) return x;
  const u = uniformLike(column, env.seed ?? scalar(0, 'int64'), streamOf(name)); // [B, 1] in [0, 1)
  return where(less(u, p), rollBatch(x, column), x);
}

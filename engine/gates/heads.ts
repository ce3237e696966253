// Moving between [..., T, H·d] and per-head [..., H, T, d] layouts, for any number of leading axes
// (so channel-independent models can keep [batch, channel, ...] without merging the batch axis).
import type { Tensor } from '../ir/tensor';
import { reshape, transpose } from '../ops/builders';

/** Swaps two axes counted from the end (-1 = last). */
export function swapAxes(t: Tensor, a: number, b: number): Tensor {
  const perm = [...Array(t.rank).keys()];
  const [i, j] = [t.rank + a, t.rank + b];
  [perm[i], perm[j]] = [perm[j], perm[i]];
  return transpose(t, perm);
}

/** Matrix transpose of the last two axes. */
export const transposeLast = (t: Tensor) => swapAxes(t, -1, -2);

/** [..., T, H·d] → [..., H, T, d] */
export function splitHeads(t: Tensor, heads: number): Tensor {
  const width = t.shape[t.rank - 1] as number;
  const lead = Array(t.rank - 1).fill(0);
  return swapAxes(reshape(t, [...lead, heads, width / heads]), -2, -3);
}

/** [..., H, T, d] → [..., T, H·d] */
export function mergeHeads(t: Tensor): Tensor {
  const [H, d] = [t.shape[t.rank - 3] as number, t.shape[t.rank - 1] as number];
  return reshape(swapAxes(t, -2, -3), [...Array(t.rank - 2).fill(0), H * d]);
}

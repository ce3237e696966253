// Layers: parameters declared through the context + builder calls. Weights are [in, out] (x @ w + b),
// initialised like PyTorch's defaults so a model here and its PyTorch twin start from the same
// distribution.
import type { Tensor } from '../ir/tensor';
import * as b from '../ops/builders';
import { init, type Init } from './init';
import type { ParamContext } from './params';

export interface LinearOptions {
  bias?: boolean;
  weightInit?: Init;
  biasInit?: Init;
}

/** x[..., in] -> x @ w[in, out] + b[out]; parameters `w` and `b` in the context's scope. */
export function linear(ctx: ParamContext, x: Tensor, outFeatures: number, options: LinearOptions = {}): Tensor {
  const inFeatures = x.shape[x.rank - 1];
  if (typeof inFeatures !== 'number') {
    throw new Error(`linear: the last dimension of the input must be a fixed number, got '${inFeatures}' (shape [${x.shape.join(', ')}])`);
  }
  const w = ctx.param('w', [inFeatures, outFeatures], options.weightInit ?? init.torchLinear(inFeatures));
  const bias = options.bias === false ? undefined : ctx.param('b', [outFeatures], options.biasInit ?? init.torchLinear(inFeatures));
  return b.linear(x, w, bias);
}

export type Activation = 'relu' | 'gelu' | 'silu' | 'tanh' | 'sigmoid' | 'none';

export function activate(x: Tensor, activation: Activation): Tensor {
  switch (activation) {
    case 'relu': return b.relu(x);
    case 'gelu': return b.gelu(x);
    case 'silu': return b.silu(x);
    case 'tanh': return b.tanh(x);
    case 'sigmoid': return b.sigmoid(x);
    case 'none': return x;
  }
}

/** Linear layers `layer0..n` with an activation between them (none after the last). */
export function mlp(ctx: ParamContext, x: Tensor, sizes: readonly number[], activation: Activation = 'relu'): Tensor {
  let h = x;
  sizes.forEach((size, i) => {
    h = linear(ctx.scope(`layer${i}`), h, size);
    if (i < sizes.length - 1) h = activate(h, activation);
  });
  return h;
}

/** Rows of a [vocab, dim] table picked by int64 ids: [...ids.shape, dim]. */
export function embedding(ctx: ParamContext, ids: Tensor, vocab: number, dim: number, initSpec: Init = init.normal(1)): Tensor {
  // PyTorch's nn.Embedding starts at N(0, 1); no weight decay on embeddings by default, as in most CTR recipes.
  const table = ctx.param('table', [vocab, dim], initSpec, { decay: false });
  return b.gather(table, ids, 0);
}

/** LayerNorm over the last axis with learned scale (ones) and bias (zeros). */
export function layerNorm(ctx: ParamContext, x: Tensor, eps = 1e-5): Tensor {
  const n = x.shape[x.rank - 1];
  if (typeof n !== 'number') throw new Error(`layerNorm: the last dimension must be a fixed number (shape [${x.shape.join(', ')}])`);
  const scale = ctx.param('scale', [n], init.ones(), { decay: false });
  const bias = ctx.param('bias', [n], init.zeros(), { decay: false });
  return b.layerNorm(x, scale, bias, -1, eps);
}

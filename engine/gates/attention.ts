// Multi-head scaled dot-product attention with the gate of Qiu et al. 2025 on the SDPA output, before the
// output projection: elementwise σ(X Wθ) per output value, or headwise (one value per head and token).
import type { GateOf } from '../../common/gates';
import type { Tensor } from '../ir/tensor';
import { add, matmul, mul, reduceMean, slice, softmax } from '../ops/builders';
import { mergeHeads, splitHeads, transposeLast } from './heads';
import { dense, floats, num, type GateEnv, type GateOutput } from './env';
import { sigmoidGate } from './sigmoid';

export interface AttentionOptions {
  heads: number;
  /** Keys and values come from here (cross-attention); default: x (self-attention). */
  context?: Tensor;
  causal?: boolean;
}


/**
 * x[B, ..., T, D] → the same shape (context: [B, ..., S, D]). Stats: the gate's openness and `${name}.first_token_attention`, the mean
 * attention weight on the first key (an attention sink shows up as a large value).
 */
export function attention(env: GateEnv, name: string, gate: GateOf<'gated-attention'> | null, x: Tensor, opts: AttentionOptions): GateOutput {
  if (x.rank < 3) throw new Error(`attention '${name}': x must be [batch, ..., tokens, width], got [${x.shape.join(', ')}]`);
  const D = x.shape[x.rank - 1] as number;
  const { heads } = opts;
  if (D % heads !== 0) throw new Error(`attention '${name}': heads (${heads}) must divide the width (${D})`);
  const src = opts.context ?? x;
  const q = splitHeads(dense(env, `${name}.q`, x, D), heads);
  const k = splitHeads(dense(env, `${name}.k`, src, D), heads);
  const v = splitHeads(dense(env, `${name}.v`, src, D), heads);
  let scores = mul(matmul(q, transposeLast(k)), num(env, 1 / Math.sqrt(D / heads)));
  if (opts.causal) {
    const T = x.shape[x.rank - 2] as number, S = src.shape[src.rank - 2] as number;
    const mask = Array.from({ length: T * S }, (_, i) => (i % S > Math.floor(i / S) ? -1e9 : 0));
    scores = add(scores, floats(env, mask, [T, S]));
  }
  const p = softmax(scores, -1);
  const o = mergeHeads(matmul(p, v));
  const stats: Record<string, Tensor> = { [`${name}.first_token_attention`]: reduceMean(slice(p, [0], [1], [p.rank - 1])) };
  let gated = o;
  if (gate?.enabled) {
    const granularity = gate.mode === 'elementwise' ? 'element' : 'head';
    const g = sigmoidGate(env, `${name}.gate`, { kind: 'sigmoid', enabled: true, scale: 1, initBias: gate.initBias, granularity }, { x, v: o, heads });
    gated = g.y;
    Object.assign(stats, g.stats);
  }
  return { y: dense(env, `${name}.out`, gated, D), stats, losses: {} };
}

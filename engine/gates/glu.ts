// The GLU family (xW) ⊙ act(xV), and the TFT gates built on it: the gated residual network (GRN) and
// variable selection.
import type { GateOf } from '../../common/gates';
import type { Tensor } from '../ir/tensor';
import { add, elu, gelu, layerNorm, matmul, mul, reduceMean, reduceSum, reshape, sigmoid, silu, softmax, squeeze, unsqueeze } from '../ops/builders';
import { init } from '../nn/init';
import { dense, floats, gateValue, maybeDropout, type GateEnv, type GateOutput } from './env';
import { meanEntropy, opennessStats } from './stats';

const ACT = { glu: sigmoid, geglu: gelu, swiglu: silu } as const;

/** (xW) ⊙ act(xV) → [..., hidden]. Stats: mean of the gating branch (openness for the sigmoid variant). */
export function glu(env: GateEnv, name: string, cfg: GateOf<'glu'>, x: Tensor, hidden: number): GateOutput {
  const value = dense(env, `${name}.value`, x, hidden, { bias: cfg.bias });
  if (!cfg.enabled) return { y: value, stats: {}, losses: {} };
  const gate = gateValue(env, name, 'gate', ACT[cfg.variant](dense(env, `${name}.gate`, x, hidden, { bias: cfg.bias })));
  const stats = cfg.variant === 'glu' ? opennessStats(env, name, gate) : {};
  return { y: mul(value, gate), stats, losses: {} };
}

/** A layer norm over the last axis with its own scale and bias. */
export function norm(env: GateEnv, name: string, x: Tensor): Tensor {
  const d = x.shape[x.rank - 1] as number;
  return layerNorm(x, env.ctx.param(`${name}.scale`, [d], init.ones(), { decay: false }), env.ctx.param(`${name}.bias`, [d], init.zeros(), { decay: false }));
}

export interface GrnOptions {
  /** Output width (default: a's width; a different width projects the skip connection). */
  out?: number;
  /** Static context c (enters through W3 when cfg.context). */
  context?: Tensor;
  /**
   * One GRN per variable: a is [..., V, in] and every variable v has its own weights (stacked as [V, ...]
   * and applied in one batched MatMul, not V graphs). The context, if any, is shared: [..., ctx].
   */
  perVariable?: boolean;
}

/** x[..., in] → [..., out]; perVariable: x[..., V, in] → [..., V, out] with weights [V, in, out], bias [V, out]. */
function affine(env: GateEnv, name: string, x: Tensor, out: number, perVariable: boolean, bias = true): Tensor {
  if (!perVariable) return dense(env, name, x, out, { bias });
  const V = x.shape[x.rank - 2] as number, inDim = x.shape[x.rank - 1] as number;
  const w = env.ctx.param(`${name}.w`, [V, inDim, out], init.torchLinear(inDim));
  const y = squeeze(matmul(unsqueeze(x, [x.rank - 1]), w), [x.rank - 1]); // [..., V, 1, in] @ [V, in, out]
  return bias ? add(y, env.ctx.param(`${name}.b`, [V, out], init.torchLinear(inDim))) : y;
}

/** A layer norm over the last axis; perVariable: each variable its own scale and bias [V, d]. */
function normOf(env: GateEnv, name: string, x: Tensor, perVariable: boolean): Tensor {
  if (!perVariable) return norm(env, name, x);
  const V = x.shape[x.rank - 2] as number, d = x.shape[x.rank - 1] as number;
  const ones = floats(env, new Array<number>(d).fill(1), [d]);
  const n = layerNorm(x, ones);
  return add(mul(n, env.ctx.param(`${name}.scale`, [V, d], init.ones(), { decay: false })), env.ctx.param(`${name}.bias`, [V, d], init.zeros(), { decay: false }));
}

/** GRN(a, c) = LayerNorm(skip(a) + GLU(W1·ELU(W2 a + W3 c + b2) + b1)). Disabled: LayerNorm(skip(a) + W1·ELU(...)). */
export function grn(env: GateEnv, name: string, cfg: GateOf<'grn'>, a: Tensor, opts: GrnOptions = {}): GateOutput {
  const each = opts.perVariable ?? false;
  const inDim = a.shape[a.rank - 1] as number;
  const out = opts.out ?? inDim;
  const hidden = cfg.hidden ?? out;
  let pre = affine(env, `${name}.w2`, a, hidden, each);
  if (cfg.context && opts.context) {
    const c = dense(env, `${name}.w3`, opts.context, hidden, { bias: false });
    pre = add(pre, each ? unsqueeze(c, [c.rank - 1]) : c);
  }
  let eta = affine(env, `${name}.w1`, elu(pre, 1), out, each);
  eta = maybeDropout(env, name, eta, cfg.dropout);
  const skip = out === inDim ? a : affine(env, `${name}.skip`, a, out, each, false);
  let gated: Tensor, stats: Record<string, Tensor> = {};
  if (cfg.enabled) {
    const g = gateValue(env, name, 'gate', sigmoid(affine(env, `${name}.gate`, eta, out, each)));
    gated = mul(affine(env, `${name}.value`, eta, out, each), g);
    stats = opennessStats(env, name, g);
  } else {
    gated = eta;
  }
  return { y: normOf(env, `${name}.norm`, add(skip, gated), each), stats, losses: {} };
}

/**
 * Variable selection over x[..., V] (one scalar per variable), as in TFT: each variable is embedded to
 * `hidden` (its own affine map) and processed by its own GRN (all V GRNs run as one batched GRN with
 * weights [V, ...]); softmax weights over variables come from one more GRN on the flattened embeddings.
 * Output [..., hidden]. Stats: `${name}.weights` [V] (mean weight of each variable) and
 * `${name}.entropy`. Disabled: the processed variables are averaged.
 */
export function variableSelection(env: GateEnv, name: string, cfg: GateOf<'variable-selection'>, x: Tensor): GateOutput {
  const V = x.shape[x.rank - 1] as number;
  const h = cfg.hidden;
  const emb = add(
    mul(unsqueeze(x, [x.rank]), env.ctx.param(`${name}.embed.w`, [V, h], init.normal(1))),
    env.ctx.param(`${name}.embed.b`, [V, h], init.zeros()),
  ); // [..., V, h]
  const grnCfg = { kind: 'grn' as const, enabled: true, dropout: cfg.dropout, context: false, hidden: h };
  const processed = grn(env, `${name}.var`, grnCfg, emb, { perVariable: true }); // [..., V, h]
  const stats: Record<string, Tensor> = { ...processed.stats };
  if (!cfg.enabled) return { y: reduceMean(processed.y, [x.rank - 1]), stats, losses: {} };
  const flat = reshape(emb, [...x.shape.slice(0, -1).map(() => 0), V * h]);
  const logits = grn(env, `${name}.select`, grnCfg, flat, { out: V });
  const w = gateValue(env, name, 'selection', softmax(logits.y, -1)); // [..., V]
  stats[`${name}.weights`] = reduceMean(w, [...Array(w.rank - 1).keys()]);
  stats[`${name}.entropy`] = meanEntropy(env, w);
  const y = reduceSum(mul(unsqueeze(w, [w.rank]), processed.y), [x.rank - 1]);
  return { y, stats, losses: {} };
}

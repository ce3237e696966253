// Gated linear attention (Yang et al. 2023). Per head, with a data-dependent forget gate α_t ∈ (0,1)^Dk:
//   S_t = diag(α_t) S_{t−1} + k_tᵀ v_t,   o_t = q_t S_t,   y = (LN(o) ⊙ swish(x W_r)) W_o
// α_t = σ(x W_α1 W_α2 + b)^(1/normalizer) (rank-16 low-rank projection, normalizer 16), so
// log α_t = logsigmoid(·)/normalizer. Two forms give the same output: `recurrent` (one step at a time)
// and `chunked` (within a chunk everything is a masked matmul; the state is passed between chunks).
// α [..., T, Dk] (per token and key channel; heads are consecutive groups of Dk/H channels) is the gate's
// value for analytics: knocked 'open' (α = 1) nothing is forgotten (plain linear attention), 'closed'
// (α = 0) each step sees only its own k_tᵀv_t.
import type { GateOf } from '../../common/gates';
import type { Tensor } from '../ir/tensor';
import { add, concat, cumsum, exp, matmul, mul, neg, silu, slice, softplus, sub } from '../ops/builders';
import { mergeHeads, splitHeads, transposeLast } from './heads';
import { dense, floats, gateValue, num, type GateEnv, type GateOutput } from './env';
import { norm } from './glu';
import { opennessStats } from './stats';

const T_ = transposeLast;
/** Time steps [s, e) of a per-head tensor [..., H, T, d]. */
const at = (t: Tensor, s: number, e: number) => slice(t, [s], [e], [t.rank - 2]);
const heads = splitHeads;

/**
 * o[B,H,T,Dv] one step at a time. The decay comes as log α, or as α itself (`{ alpha }`), which may be
 * exactly 0 (a knocked-out forget gate) where log α would be −∞.
 */
export function glaRecurrent(q: Tensor, k: Tensor, v: Tensor, decay: Tensor | { alpha: Tensor }): Tensor {
  const T = q.shape[q.rank - 2] as number;
  const alphaAt = (t: number) => ('alpha' in decay ? T_(at(decay.alpha, t, t + 1)) : exp(T_(at(decay, t, t + 1))));
  const outs: Tensor[] = [];
  let S: Tensor | null = null;
  for (let t = 0; t < T; t++) {
    const kv = matmul(T_(at(k, t, t + 1)), at(v, t, t + 1)); // [B,H,Dk,Dv]
    S = S ? add(mul(alphaAt(t), S), kv) : kv;
    outs.push(matmul(at(q, t, t + 1), S)); // [B,H,1,Dv]
  }
  return outs.length === 1 ? outs[0] : concat(outs, -2);
}

/** o[B,H,T,Dv] chunk by chunk: intra-chunk masked matmuls, inter-chunk through the carried state. */
export function glaChunked(env: Pick<GateEnv, 'dtype'>, q: Tensor, k: Tensor, v: Tensor, logAlpha: Tensor, chunk: number): Tensor {
  const T = q.shape[q.rank - 2] as number;
  const outs: Tensor[] = [];
  let S: Tensor | null = null;
  for (let s = 0; s < T; s += chunk) {
    const e = Math.min(T, s + chunk), L = e - s;
    const [qc, kc, vc] = [at(q, s, e), at(k, s, e), at(v, s, e)];
    const B = cumsum(at(logAlpha, s, e), logAlpha.rank - 2); // inclusive cumulative log-decay within the chunk
    const qt = mul(qc, exp(B));
    const kt = mul(kc, exp(neg(B)));
    const causal = floats(env, Array.from({ length: L * L }, (_, i) => (i % L <= Math.floor(i / L) ? 1 : 0)), [L, L]);
    let o = matmul(mul(matmul(qt, T_(kt)), causal), vc);
    if (S) o = add(o, matmul(qt, S));
    outs.push(o);
    const BL = slice(B, [L - 1], [L], [B.rank - 2]); // [B,H,1,Dk] total decay of the chunk
    const kv = matmul(T_(mul(kc, exp(sub(BL, B)))), vc);
    S = S ? add(mul(exp(T_(BL)), S), kv) : kv;
  }
  return outs.length === 1 ? outs[0] : concat(outs, -2);
}

/** x[B, ..., T, D] → the same shape. Stats: `${name}.openness` (mean forget gate α) and its histogram. */
export function gla(env: GateEnv, name: string, cfg: GateOf<'gla'>, x: Tensor): GateOutput {
  if (x.rank < 3) throw new Error(`gla '${name}': x must be [batch, ..., tokens, width], got [${x.shape.join(', ')}]`);
  const D = x.shape[x.rank - 1] as number, H = cfg.heads;
  const Dk = Math.round(D * cfg.keyRatio);
  if (Dk % H || D % H) throw new Error(`gla '${name}': heads (${H}) must divide the width (${D}) and the key width (${Dk})`);
  const q = heads(mul(dense(env, `${name}.q`, x, Dk, { bias: false }), num(env, 1 / Math.sqrt(Dk / H))), H);
  const k = heads(dense(env, `${name}.k`, x, Dk, { bias: false }), H);
  const v = heads(dense(env, `${name}.v`, x, D, { bias: false }), H);
  let o: Tensor, stats: Record<string, Tensor> = {};
  const run = (logAlpha: Tensor) => (cfg.form === 'recurrent' ? glaRecurrent(q, k, v, logAlpha) : glaChunked(env, q, k, v, logAlpha, cfg.chunkSize));
  if (cfg.enabled) {
    const low = dense(env, `${name}.alpha1`, x, cfg.rank, { bias: false });
    const logits = dense(env, `${name}.alpha2`, low, Dk);
    const logAlpha = mul(neg(softplus(neg(logits))), num(env, 1 / cfg.normalizer)); // logsigmoid / normalizer, [..., T, Dk]
    const alpha = exp(logAlpha);
    const probed = gateValue(env, name, 'gate', alpha);
    stats = opennessStats(env, name, heads(probed, H));
    // Replaced by a knockout: the recurrent form on α itself (exact for α = 0, where the chunked form's
    // exp(−Σ log α) would overflow); otherwise the configured form on log α, as trained.
    o = probed === alpha ? run(heads(logAlpha, H)) : glaRecurrent(q, k, v, { alpha: heads(probed, H) });
  } else {
    o = run(mul(k, num(env, 0))); // no forget gate: plain linear attention (α = 1)
  }
  const normed = mergeHeads(norm(env, `${name}.norm`, o));
  const gate = silu(dense(env, `${name}.r`, x, D));
  return { y: dense(env, `${name}.out`, mul(normed, gate), D), stats, losses: {} };
}

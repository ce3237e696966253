// The sigmoid gate y = s·σ(xW+b) ⊙ v at four granularities, and the hard straight-through gate.
// Granularity says what one gate value controls, and so the layout `v` must have:
//   element  v[..., D]        g[..., D]      from x[..., Din]
//   channel  v[..., T, C]     g[..., 1, C]   from x averaged over T (squeeze-and-excitation over time)
//   head     v[..., H*Dh]     g[..., H] repeated over each head's Dh values (needs `heads`)
//   field    v[..., F, E]     g[..., F, 1]   one value per feature field (embedding of width E)
import type { GateOf } from '../../common/gates';
import type { Tensor } from '../ir/tensor';
import { add, cast, greater, mul, reduceMean, reshape, sigmoid, sub, unsqueeze } from '../ops/builders';
import { dense, floats, gateValue, num, type GateEnv, type GateOutput } from './env';
import { opennessStats } from './stats';
import { stopGradient } from './stop-gradient';

export interface GateTarget {
  /** What the gate looks at. */
  x: Tensor;
  /** What the gate multiplies (same leading dims as x). */
  v: Tensor;
  /** Heads of v's last axis, for granularity 'head'. */
  heads?: number;
}

/** Logits of one gate value per controlled unit, shaped so that they broadcast against v. */
function gateLogits(env: GateEnv, name: string, t: GateTarget, granularity: GateOf<'sigmoid'>['granularity'], initBias: number): { logits: Tensor; spread(g: Tensor): Tensor } {
  const { x, v } = t;
  const last = (s: Tensor, back = 1) => s.shape[s.rank - back] as number;
  switch (granularity) {
    case 'element':
      return { logits: dense(env, name, x, last(v), { biasInit: initBias }), spread: (g) => g };
    case 'channel': {
      // Squeeze over time (axis -2), excite per channel: one value per channel, shared by all time steps.
      const pooled = reduceMean(x, [x.rank - 2], true);
      return { logits: dense(env, name, pooled, last(v), { biasInit: initBias }), spread: (g) => g };
    }
    case 'head': {
      const heads = t.heads;
      if (!heads || last(v) % heads !== 0) throw new Error(`gate '${name}': granularity 'head' needs heads dividing v's last axis (${last(v)}); got heads=${heads}`);
      const dh = last(v) / heads;
      const logits = dense(env, name, x, heads, { biasInit: initBias });
      const ones = floats(env, Array(dh).fill(1), [dh]);
      const spread = (g: Tensor) => reshape(mul(unsqueeze(g, [g.rank]), ones), [...v.shape.slice(0, -1).map(() => 0), last(v)]);
      return { logits, spread };
    }
    case 'field': {
      const fields = last(v, 2);
      const logits = unsqueeze(dense(env, name, x, fields, { biasInit: initBias }), [x.rank]);
      return { logits, spread: (g) => g };
    }
  }
}

/**
 * y = s·σ(xW+b) ⊙ v. Stats: `${name}.openness` (mean σ, in [0,1]), `${name}.openness_hist`, and for a gate
 * per channel, head or field the mean openness of each one (`openness_by_channel` [C], `_by_head` [H],
 * `_by_field` [F]): which channels a gate shuts is what a user steering it wants to see, live. Element
 * gates have no such vector (D values, often hundreds, are not a readable chart).
 */
export function sigmoidGate(env: GateEnv, name: string, cfg: GateOf<'sigmoid'>, t: GateTarget): GateOutput {
  if (!cfg.enabled) return { y: t.v, stats: {}, losses: {} };
  const { logits, spread } = gateLogits(env, name, t, cfg.granularity, cfg.initBias);
  const g = gateValue(env, name, 'gate', sigmoid(logits));
  const y = mul(spread(cfg.scale === 1 ? g : mul(g, num(env, cfg.scale))), t.v);
  return { y, stats: { ...opennessStats(env, name, g), ...opennessByUnit(name, cfg.granularity, g) }, losses: {} };
}

/** Mean openness of each channel, head or field: g averaged over every other axis (batch, time). */
function opennessByUnit(name: string, granularity: GateOf<'sigmoid'>['granularity'], g: Tensor): Record<string, Tensor> {
  if (granularity === 'element') return {};
  // the unit axis: last for channel ([..., 1, C]) and head ([..., H]) gates, second to last for fields ([..., F, 1])
  const unit = granularity === 'field' ? g.rank - 2 : g.rank - 1;
  const others = [...Array(g.rank).keys()].filter((a) => a !== unit);
  return { [`${name}.openness_by_${granularity}`]: reshape(reduceMean(g, others, true), [-1]) };
}

/**
 * Hard gate: the forward pass multiplies by 1[σ(xW+b) > threshold]; the backward pass uses σ's gradient
 * (straight-through estimator). Written as p + (hard − p) where the bracket carries no gradient.
 */
export function hardGate(env: GateEnv, name: string, cfg: GateOf<'hard'>, t: GateTarget): GateOutput {
  if (!cfg.enabled) return { y: t.v, stats: {}, losses: {} };
  const { logits, spread } = gateLogits(env, name, t, cfg.granularity, cfg.initBias);
  const p = sigmoid(logits);
  const open = greater(p, num(env, cfg.threshold));
  let g: Tensor;
  if (env.training) {
    // forward: hard (p − p cancels); backward: dp (the bracket carries no gradient)
    const hard = cast(open, env.dtype);
    g = add(p, sub(hard, stopGradient(p)));
  } else {
    g = gateValue(env, name, 'gate', cast(open, env.dtype));
  }
  const y = mul(spread(g), t.v);
  const stats = { ...opennessStats(env, name, cast(open, env.dtype)), [`${name}.probability`]: reduceMean(p, [...Array(p.rank).keys()]) };
  const losses: Record<string, Tensor> = cfg.sparsity > 0 ? { [`${name}.sparsity`]: mul(num(env, cfg.sparsity), reduceMean(p, [...Array(p.rank).keys()])) } : {};
  return { y, stats, losses };
}

// Routers: each maps tokens x[..., D] to expert weights [..., E] (zeros for experts a token is not sent to),
// plus statistics and auxiliary losses. `mixExperts` combines expert outputs with those weights.
import type { GateOf } from '../../common/gates';
import type { Tensor } from '../ir/tensor';
import {
  add, cast, cumsum, div, equal, erf, exp, greater, less, matmul, min, mul, reduceMax, reduceMean, reduceSum, slice,
  reshape, reshapeLike, softmax, softplus, squeeze, sub, topK, unsqueeze, where, concat,
} from '../ops/builders';
import { dense, floats, gateValue, num, type GateEnv } from './env';
import { routerStatsAndLosses } from './router-losses';
import { logSumExp, meanEntropy } from './stats';

export interface RouterOutput {
  /** [N, E] weights of each expert for each token. */
  weights: Tensor;
  stats: Record<string, Tensor>;
  losses: Record<string, Tensor>;
}

/**
 * Tokens may come with any leading axes [..., D]: routing, statistics and capacity work on the flattened
 * [N, E] logits, and the weights get the leading axes back (`restore`).
 */
function tokens(name: string, x: Tensor, logits: Tensor): { flat: Tensor; restore(w: Tensor): Tensor } {
  if (x.rank < 2) throw new Error(`router '${name}': tokens must be [..., width] with at least one token axis, got [${x.shape.join(', ')}]`);
  if (x.rank === 2) return { flat: logits, restore: (w) => w };
  return { flat: reshape(logits, [-1, logits.shape[logits.rank - 1]]), restore: (w) => reshapeLike(w, logits) };
}

/** Uniform weights [N, E]: what a disabled router does (every expert averaged; for ablations). */
function uniform(env: GateEnv, x: Tensor, experts: number): RouterOutput {
  const w = add(mul(reduceSum(x, [-1], true), num(env, 0)), floats(env, Array(experts).fill(1 / experts), [experts]));
  return { weights: w, stats: {}, losses: {} };
}

/** 0/1 float mask [N, E] of the k largest entries of each row. */
export function topKMask(env: Pick<GateEnv, 'dtype'>, h: Tensor, k: number): Tensor {
  const [values] = topK(h, k, -1);
  const kth = slice(values, [k - 1], [k], [1]);
  return sub(num(env, 1), cast(less(h, kth), env.dtype));
}

/** Softmax over the entries where mask is 1 (others get weight 0). */
const maskedSoftmax = (env: Pick<GateEnv, 'dtype'>, h: Tensor, mask: Tensor) => mul(softmax(where(greater(mask, num(env, 0.5)), h, num(env, -1e9)), -1), mask);

// Runs created before training steps were numbered after their update (RunConfig.temperatureAtStepNumber
// absent) trained step N+1 at τ(N): a resume of one must go on with that rule, or it would continue one
// schedule step colder than the uninterrupted run. Graph building is synchronous (as withGateHook's), so a
// module-level slot scoped by `withTemperatureOfStepsBefore` is enough; nesting restores the outer rule.
let trainingStepNumbered = true;

/**
 * Builds graphs (calls `build`) whose training steps take τ at the steps taken before them (the rule of runs
 * from before temperatureAtStepNumber), not at their own number. Eval graphs are the same under both rules.
 */
export function withTemperatureOfStepsBefore<T>(build: () => T): T {
  const outer = trainingStepNumbered;
  trainingStepNumbered = false;
  try {
    return build();
  } finally {
    trainingStepNumbered = outer;
  }
}

/**
 * Temperature τ at the current step: constant, or geometric from `from` to `to` over `steps`:
 * τ(n) = from·(to/from)^min(n/steps, 1), n = the step's number as the run stores it. A training step is
 * numbered after the update it makes (the first is step 1: env.step, the steps taken before it, plus one),
 * and eval, analytics and exported graphs pass n = the steps their parameters were trained for. So the
 * training τ stored at step N is the τ that step trained with, and validation at step N (after N updates)
 * uses that same τ(N): parameters are evaluated at the temperature of their last update, never at a
 * colder one they never saw (early stopping, validation during annealing), and training reaches `to` at
 * step `steps`. Only an env without any step (hand-built graphs) uses a fixed value: `to` outside
 * training, `from` in training. Inside withTemperatureOfStepsBefore (old runs), training uses τ(env.step).
 */
export function temperature(env: GateEnv, cfg: GateOf<'softmax-router'>): Tensor {
  const s = cfg.schedule;
  if (s.kind === 'constant') return num(env, cfg.temperature);
  if (!env.step) return num(env, env.training ? s.from : s.to);
  const n = env.training && trainingStepNumbered ? add(env.step, num(env, 1)) : env.step;
  const progress = min(div(n, num(env, s.steps)), num(env, 1));
  return exp(add(num(env, Math.log(s.from)), mul(progress, num(env, Math.log(s.to / s.from)))));
}

/** Dense softmax router p = softmax(xW_r/τ); every expert gets weight p_e. */
export function softmaxRouter(env: GateEnv, name: string, cfg: GateOf<'softmax-router'>, x: Tensor): RouterOutput {
  if (!cfg.enabled) return uniform(env, x, cfg.experts);
  const t = tokens(name, x, dense(env, name, x, cfg.experts));
  const logits = t.flat;
  const probs = softmax(div(logits, temperature(env, cfg)), -1);
  const assign = cast(equal(probs, reduceMax(probs, [-1], true)), env.dtype); // top-1 for the load statistics
  const { stats, losses } = routerStatsAndLosses(env, name, cfg, { logits, probs, assign, k: 1 });
  if (cfg.schedule.kind !== 'constant') stats[`${name}.temperature`] = temperature(env, cfg);
  return { weights: gateValue(env, name, 'router', t.restore(probs)), stats, losses };
}

/**
 * Top-k router (Shazeer 2017): H = xW_g + ε·softplus(xW_noise) (noise in training only), G = softmax(KeepTopK(H, k));
 * for k = 1, G = softmax(H) on the chosen expert (Switch Transformer).
 * With a capacity factor, tokens beyond an expert's capacity (factor·k·N/E, in token order) get weight 0
 * in training only. Capacity is a training-time budget (Switch Transformer's batches on fixed-size expert
 * buffers); at evaluation and in an exported model a row's prediction must not depend on which other rows
 * share its batch, so every token keeps its experts there. The `dropped` statistic is emitted in both
 * (train and eval graphs declare the same statistics, so the trainer stores it on every step and eval).
 */
export function topKRouter(env: GateEnv, name: string, cfg: GateOf<'topk-router'>, x: Tensor): RouterOutput {
  if (!cfg.enabled) return uniform(env, x, cfg.experts);
  const E = cfg.experts, k = cfg.k;
  const t = tokens(name, x, dense(env, name, x, E));
  const clean = t.flat;
  let h = clean;
  let noiseStd: Tensor | null = null;
  if (cfg.noisy) {
    noiseStd = add(softplus(tokens(name, x, dense(env, `${name}.noise`, x, E, { init: 'zeros' })).flat), num(env, 1e-2));
    if (env.training && env.noise) h = add(clean, mul(env.noise(clean, `${name}.noise`), noiseStd));
  }
  const assign = topKMask(env, h, k);
  const probs = softmax(h, -1);
  // k = 1: the chosen expert's full softmax probability (Switch), so the router gets a task gradient;
  // k ≥ 2: softmax over the kept logits (Shazeer 2017).
  let weights = k === 1 ? mul(probs, assign) : maskedSoftmax(env, h, assign);
  let smoothLoad: Tensor | undefined;
  if (noiseStd && env.training && env.noise && k < E) {
    // P(expert i stays in the top k if only its noise were redrawn) = Φ((clean_i − threshold_i)/σ_i)
    const [vals] = topK(h, k + 1, -1);
    const inThr = slice(vals, [k], [k + 1], [1]), outThr = slice(vals, [k - 1], [k], [1]);
    const phi = (thr: Tensor) => mul(num(env, 0.5), add(num(env, 1), erf(div(sub(clean, thr), mul(noiseStd!, num(env, Math.SQRT2))))));
    smoothLoad = reduceSum(where(greater(assign, num(env, 0.5)), phi(inThr), phi(outThr)), [0]);
  }
  const { stats, losses } = routerStatsAndLosses(env, name, cfg, { logits: clean, probs, assign, k, smoothLoad });
  if (cfg.capacityFactor !== undefined) {
    const position = cumsum(assign, 0); // 1-based queue position of each token at each expert
    const tokens = div(reduceSum(assign, [0, 1]), num(env, k));
    const capacity = mul(tokens, num(env, (cfg.capacityFactor * k) / E));
    const keep = mul(assign, sub(num(env, 1), cast(greater(position, capacity), env.dtype)));
    if (env.training) weights = mul(weights, keep);
    // On every step and eval (the stored statistic): in evaluation it is the share this batch *would* drop
    // at this capacity, so validation shows whether the capacity still binds; the weights are not changed.
    stats[`${name}.dropped`] = sub(num(env, 1), div(reduceSum(keep, [0, 1]), reduceSum(assign, [0, 1])));
  }
  return { weights: gateValue(env, name, 'router', t.restore(weights)), stats, losses };
}

/**
 * Sinkhorn router: a few Sinkhorn iterations on the logits (alternately normalising experts' columns and
 * tokens' rows in log space) give a balanced transport map; each token goes to its top-k experts in that
 * map, weighted by the router's softmax over those experts (selection balanced, gates differentiable).
 */
export function sinkhornRouter(env: GateEnv, name: string, cfg: GateOf<'sinkhorn-router'>, x: Tensor): RouterOutput {
  if (!cfg.enabled) return uniform(env, x, cfg.experts);
  const t = tokens(name, x, dense(env, name, x, cfg.experts));
  const logits = t.flat;
  let logT = div(logits, num(env, cfg.temperature));
  for (let i = 0; i < cfg.iterations; i++) {
    logT = sub(logT, logSumExp(logT, 0, true));
    logT = sub(logT, logSumExp(logT, 1, true));
  }
  const assign = topKMask(env, logT, cfg.k);
  const weights = maskedSoftmax(env, logits, assign);
  const probs = softmax(logits, -1);
  const { stats, losses } = routerStatsAndLosses(env, name, cfg, { logits, probs, assign, k: cfg.k });
  return { weights: gateValue(env, name, 'router', t.restore(weights)), stats, losses };
}

/** Any of the three routers a MoE template offers, by its kind. */
export function route(env: GateEnv, name: string, cfg: GateOf<'softmax-router'> | GateOf<'topk-router'> | GateOf<'sinkhorn-router'>, x: Tensor): RouterOutput {
  switch (cfg.kind) {
    case 'softmax-router': return softmaxRouter(env, name, cfg, x);
    case 'topk-router': return topKRouter(env, name, cfg, x);
    case 'sinkhorn-router': return sinkhornRouter(env, name, cfg, x);
  }
}

/** MMoE: one softmax gate per task over the same experts. Returns one weight matrix [N, E] per task. */
export function mmoeGates(env: GateEnv, name: string, cfg: GateOf<'mmoe'>, x: Tensor): { weights: Tensor[]; stats: Record<string, Tensor> } {
  const weights: Tensor[] = [];
  const stats: Record<string, Tensor> = {};
  for (let t = 0; t < cfg.tasks; t++) {
    // disabled: every task averages the experts (uniform weights [N, E])
    const p = cfg.enabled
      ? gateValue(env, `${name}.task${t}`, 'router', softmax(div(dense(env, `${name}.task${t}`, x, cfg.experts), num(env, cfg.temperature)), -1))
      : uniform(env, x, cfg.experts).weights;
    weights.push(p);
    if (cfg.enabled) {
      stats[`${name}.task${t}.weights`] = reduceMean(p, [...Array(p.rank - 1).keys()]);
      stats[`${name}.task${t}.entropy`] = meanEntropy(env, p);
    }
  }
  return { weights, stats };
}

/** y = Σ_e w_e · expert_e for weights [..., E] and expert outputs [..., D] each. */
export function mixExperts(weights: Tensor, experts: Tensor[]): Tensor {
  const stacked = concat(experts.map((o) => unsqueeze(o, [o.rank - 1])), -2); // [..., E, D]
  return squeeze(matmul(unsqueeze(weights, [weights.rank - 1]), stacked), [-2]);
}

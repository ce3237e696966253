// Early-exit gates (JEI-DNN style): after each block i an exit head predicts, and a gate g_i = σ(w·h_i + b)
// decides per sample whether to stop there. Training computes every exit: the exits' task losses, a gating
// loss teaching g_i whether exit i is already as good as the last one, and a cost on the expected depth.
// At evaluation the prediction is the first exit whose gate exceeds the threshold. (The exported graph still
// computes every block; skipping blocks at inference needs an If around each block.)
import type { GateOf } from '../../common/gates';
import type { Tensor } from '../ir/tensor';
import { add, bceWithLogits, cast, concat, greater, less, mul, reduceMean, reshape, sigmoid, sub, unsqueeze, where } from '../ops/builders';
import { dense, gateValue, num, type GateEnv, type GateOutput } from './env';

export interface Exit {
  /** The block's hidden state [N, D]. */
  hidden: Tensor;
  /** The exit head's prediction [N, ...]. */
  prediction: Tensor;
  /** Per-sample task loss of this exit [N] (training only). */
  loss?: Tensor;
}

/**
 * y: the combined prediction. Stats: `${name}.exit_rate` [exits] and `${name}.depth` (mean blocks computed).
 * `gateLogits`: each early exit's gate logit [N], for models whose gating loss needs the labels (the
 * forward pass has none; engine/models/fusion/early-exit-loss.ts computes it in the model's loss).
 */
export function earlyExit(env: GateEnv, name: string, cfg: GateOf<'early-exit'>, exits: Exit[]): GateOutput & { gateLogits: Tensor[] } {
  const last = exits[exits.length - 1];
  if (!cfg.enabled || exits.length === 1) return { y: last.prediction, stats: {}, losses: {}, gateLogits: [] };
  const logits = exits.slice(0, -1).map((e, i) => reshape(dense(env, `${name}.gate${i}`, e.hidden, 1), [-1])); // [N]
  const gates = logits.map((l, i) => gateValue(env, `${name}.gate${i}`, 'exit', sigmoid(l)));
  const exitsHere = gates.map((g) => cast(greater(g, num(env, cfg.threshold)), env.dtype));
  // Hard decisions for the statistics and the evaluation prediction; soft ones for the depth cost.
  let remaining = num(env, 1) as Tensor, softRemaining = num(env, 1) as Tensor;
  const rates: Tensor[] = [];
  let depth = num(env, 1) as Tensor, softDepth = num(env, 1) as Tensor;
  for (let i = 0; i < gates.length; i++) {
    rates.push(mul(remaining, exitsHere[i]));
    remaining = mul(remaining, sub(num(env, 1), exitsHere[i]));
    softRemaining = mul(softRemaining, sub(num(env, 1), gates[i]));
    depth = add(depth, remaining);
    softDepth = add(softDepth, softRemaining);
  }
  rates.push(remaining);
  const stats = {
    [`${name}.exit_rate`]: concat(rates.map((r) => reshape(reduceMean(r, [0]), [1])), 0),
    [`${name}.depth`]: reduceMean(depth, [0]),
  };
  let y = last.prediction;
  if (!env.training) {
    for (let i = exits.length - 2; i >= 0; i--) {
      let cond = greater(gates[i], num(env, cfg.threshold)); // [N]
      for (let r = 1; r < y.rank; r++) cond = unsqueeze(cond, [r]);
      y = where(cond, exits[i].prediction, y);
    }
  }
  const losses: Record<string, Tensor> = {};
  if (env.training && exits.every((e) => e.loss)) {
    const early = exits.slice(0, -1);
    losses[`${name}.exit_loss`] = mul(num(env, cfg.exitLossWeight / early.length), early.map((e) => reduceMean(e.loss!, [0])).reduce((a, b) => add(a, b)));
    // target 1 where exit i is already about as good as the last exit (no gradient through the target)
    const targets = early.map((e) => cast(less(e.loss!, add(last.loss!, num(env, cfg.tolerance))), env.dtype));
    const gateLoss = logits.map((l, i) => bceWithLogits(l, targets[i])).reduce((a, b) => add(a, b));
    losses[`${name}.gate_loss`] = mul(num(env, cfg.gateLossWeight / early.length), gateLoss);
    if (cfg.costWeight > 0) losses[`${name}.depth_cost`] = mul(num(env, cfg.costWeight), reduceMean(softDepth, [0]));
  }
  return { y, stats, losses, gateLogits: logits };
}

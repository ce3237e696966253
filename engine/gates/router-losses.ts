// Router statistics and auxiliary losses, shared by every router:
//   load fractions f_i (share of routing slots given to expert i), importance P_i (mean router probability),
//   balance coefficient N_E·Σ f_i P_i (1 when perfectly balanced), router entropy,
//   Switch load balancing α·N_E·Σ f_i P_i, router z-loss (1/B)Σ(log Σ e^x)², CV² importance and load.
import type { Tensor } from '../ir/tensor';
import { mul, reduceMean, reduceSum } from '../ops/builders';
import type { RouterLosses } from '../../common/gates';
import type { z } from 'zod';
import { num, type GateEnv } from './env';
import { cv2, logSumExp, meanEntropy } from './stats';

export interface Routing {
  /** Router logits [N, E] (before temperature). */
  logits: Tensor;
  /** Full router probabilities [N, E] (softmax over all experts). */
  probs: Tensor;
  /** 0/1 float [N, E]: which experts each token is sent to (k per token). */
  assign: Tensor;
  /** Experts per token. */
  k: number;
  /** Differentiable per-expert load estimate [E] (Shazeer's smooth load); default: the assignment counts. */
  smoothLoad?: Tensor;
}

type LossConfig = z.output<typeof RouterLosses>;

export function routerStatsAndLosses(env: GateEnv, name: string, cfg: LossConfig, r: Routing): { stats: Record<string, Tensor>; losses: Record<string, Tensor> } {
  const E = r.probs.shape[1] as number;
  const f = mul(reduceMean(r.assign, [0]), num(env, 1 / r.k)); // [E], sums to 1
  const P = reduceMean(r.probs, [0]); // [E]
  const balance = mul(reduceSum(mul(f, P), [0]), num(env, E));
  const stats: Record<string, Tensor> = {
    [`${name}.load`]: f,
    [`${name}.importance`]: P,
    [`${name}.balance`]: balance,
    [`${name}.entropy`]: meanEntropy(env, r.probs),
  };
  const losses: Record<string, Tensor> = {};
  if (cfg.loadBalance.weight > 0) {
    // global-batch: f accumulated over the steps of a Loop call when the trainer offers it (else this step's batch)
    const fUsed = cfg.loadBalance.scope === 'global-batch' && env.accumulate ? env.accumulate(`${name}.load`, f) : f;
    losses[`${name}.load_balance`] = mul(num(env, cfg.loadBalance.weight * E), reduceSum(mul(fUsed, P), [0]));
  }
  if (cfg.zLoss > 0) {
    const lse = logSumExp(r.logits, -1);
    losses[`${name}.z_loss`] = mul(num(env, cfg.zLoss), reduceMean(mul(lse, lse), [0]));
  }
  if (cfg.importance > 0) losses[`${name}.importance_cv2`] = mul(num(env, cfg.importance), cv2(env, reduceSum(mul(r.probs, r.assign), [0])));
  if (cfg.load > 0) losses[`${name}.load_cv2`] = mul(num(env, cfg.load), cv2(env, r.smoothLoad ?? reduceSum(r.assign, [0])));
  return { stats, losses };
}

// The training objective of the early-exit template. It needs the labels, which a model's forward pass
// does not see, so it is computed in the model's loss from every exit's prediction and every exit gate's
// logit (engine/gates/early-exit.ts returns them):
//
//   L = Σ_k w_k · task(exit_k, y)                                   deep supervision
//     + λ_gate/(K−1) · Σ_{k<K} BCE(gate_k, sg[1{exit_k is right}])   gating loss, per sample
//     + λ_cost · mean(1 + Σ_{i<K−1} Π_{j≤i} (1 − σ(gate_j)))         expected blocks computed
//
// Deep supervision (a weighted sum of every exit's task loss) follows BranchyNet (Teerapittayanon et al.
// 2016) and Shallow-Deep Networks (Kaya et al. 2019). The gate is trained as a per-sample classifier of
// "this exit already predicts correctly", the learned exit policy of JEI-DNN (Regol et al. 2024) in place
// of SDN's fixed confidence threshold: at inference the sample stops at the first gate above the threshold.
// The indicator is a comparison, so no gradient flows through the target (stop-gradient by construction);
// the gate's gradient reaches its own weights and the block below it.
import type { GateOf } from '../../../common/gates';
import type { Tensor } from '../../ir/tensor';
import {
  add, bceWithLogits, cast, equal, gatherElements, greater, less, mul, reduceMax, reduceMean, reshape, sigmoid, sub, unsqueeze,
} from '../../ops/builders';
import { stopGradient } from '../../gates/stop-gradient';

/**
 * Per sample, 1 where the exit's prediction is right, else 0 ([N], the predictions' float dtype).
 * Binary: logits [N, 1] against labels {0, 1} [N, 1] (logit > 0 ⇔ label 1). Classes: logits [N, C] against
 * int64 ids [N] (the label's logit is the largest; ties count as right).
 */
export function exitCorrect(logits: Tensor, label: Tensor, classes: number): Tensor {
  const f = logits.dtype;
  if (classes === 1) return reshape(cast(equal(cast(greater(logits, 0), f), cast(greater(label, 0.5), f)), f), [-1]);
  const picked = gatherElements(logits, unsqueeze(label, [1]), 1); // [N, 1]
  const wrong = cast(less(picked, reduceMax(logits, [1], true)), f);
  return reshape(sub(1, wrong), [-1]);
}

/** BCE of each early exit's gate logit [N] against its exit's correctness [N], averaged over the exits. */
export function exitGatingLoss(gateLogits: readonly Tensor[], correct: readonly Tensor[]): Tensor {
  if (gateLogits.length !== correct.length) throw new Error(`exit gating loss: ${gateLogits.length} gates but ${correct.length} correctness indicators`);
  const terms = gateLogits.map((l, k) => bceWithLogits(l, stopGradient(correct[k])));
  return mul(terms.reduce((a, b) => add(a, b)), 1 / terms.length);
}

/** Expected number of blocks computed per sample under the soft gates, averaged over the batch. */
export function expectedDepth(gateLogits: readonly Tensor[]): Tensor {
  if (!gateLogits.length) throw new Error('expected depth: the model has no exit gates');
  let remaining = sub(1, sigmoid(gateLogits[0]));
  let depth = remaining;
  for (const l of gateLogits.slice(1)) {
    remaining = mul(remaining, sub(1, sigmoid(l)));
    depth = add(depth, remaining);
  }
  return add(reduceMean(depth, [0]), 1);
}

export interface EarlyExitObjective {
  /** Every exit's logits, first to last. */
  exits: readonly Tensor[];
  /** The early exits' gate logits [N] (empty when the gate is off: deep supervision only). */
  gateLogits: readonly Tensor[];
  label: Tensor;
  classes: number;
  /** Task loss of one exit's logits (mean over the batch). */
  task(logits: Tensor, label: Tensor): Tensor;
  /** w_k per exit (empty: 1 each). */
  exitWeights: readonly number[];
  gate: GateOf<'early-exit'>;
}

export function earlyExitObjective(o: EarlyExitObjective): Tensor {
  const K = o.exits.length;
  const weight = (k: number) => (o.exitWeights[k] ?? 1) * (k < K - 1 ? o.gate.exitLossWeight : 1);
  let loss = o.exits.map((e, k) => mul(o.task(e, o.label), weight(k))).reduce((a, b) => add(a, b));
  if (!o.gateLogits.length) return loss;
  if (o.gate.gateLossWeight > 0) {
    const correct = o.exits.slice(0, -1).map((e) => exitCorrect(e, o.label, o.classes));
    loss = add(loss, mul(exitGatingLoss(o.gateLogits, correct), o.gate.gateLossWeight));
  }
  if (o.gate.costWeight > 0) loss = add(loss, mul(expectedDepth(o.gateLogits), o.gate.costWeight));
  return loss;
}

// The early-exit reference model of the analytics: an MLP of `blocks` ReLU blocks with a prediction head
// after each (`exit<i>`) and the gate library's early-exit gate deciding per sample where to stop. The
// zoo has no early-exit template yet; this model is what the accounting, the threshold sweep and the
// `If` export are built and tested on. Parameter names carry the stage: block<i>.*, exit<i>.*, and the
// gate's `<gate>.gate<i>.*`, so a parameter's stage can be read off its name.
import type { GateOf } from '../../common/gates';
import type { Tensor } from '../ir/tensor';
import { add, bceWithLogits, mul, relu } from '../ops/builders';
import { dense, earlyExit, gateEnv } from '../gates';
import type { ModelDefinition } from '../train/model';

export interface EarlyExitSizes {
  inputs: number;
  hidden: number;
  /** Blocks, each followed by an exit (≥ 2). */
  blocks: number;
  gate: GateOf<'early-exit'>;
  /** Name of the early-exit gate (its parameters are `${gateName}.gate<i>.w/b`). */
  gateName?: string;
  /** Width of each exit head: 1 for a binary target (a logit), C for C classes (default 1). */
  outputs?: number;
}

export const EXIT_GATE = 'exit_gate';

/** The stage (0-based block index) a parameter belongs to, or null for parameters outside the stages. */
export function exitStageOf(param: string, gateName = EXIT_GATE): number | null {
  const m = /^(?:block|exit)(\d+)\./.exec(param) ?? new RegExp(`^${gateName.replace(/\./g, '\\.')}\\.gate(\\d+)\\.`).exec(param);
  return m ? Number(m[1]) : null;
}

/**
 * Binary classifier x[B, inputs] → logit [B, 1]. Predictions: `logit` (the early-exit prediction: in eval
 * the first exit whose gate passes the threshold; in training the last exit) and `exit<i>` (every exit's
 * logit, for the threshold sweep). Loss: the mean of the exits' BCE losses plus the gate's auxiliary losses.
 */
export function earlyExitMlp(s: EarlyExitSizes): ModelDefinition {
  if (s.blocks < 2) throw new Error(`an early-exit model needs at least 2 blocks, got ${s.blocks}`);
  const gateName = s.gateName ?? EXIT_GATE;
  return {
    name: `early-exit-mlp(${s.inputs}-${s.hidden}x${s.blocks})`,
    inputs: { x: { dtype: 'float', shape: [s.inputs] } },
    targets: { label: { dtype: 'float', shape: [1] } },
    forward(ctx, { x }) {
      const env = gateEnv(ctx, {}, x);
      let h = x;
      const exits: { hidden: Tensor; prediction: Tensor }[] = [];
      for (let i = 0; i < s.blocks; i++) {
        h = relu(dense(env, `block${i}`, h, s.hidden));
        exits.push({ hidden: h, prediction: dense(env, `exit${i}`, h, s.outputs ?? 1) });
      }
      const out = earlyExit(env, gateName, s.gate, exits);
      const aux = Object.values(out.losses);
      const predictions: Record<string, Tensor> = { logit: out.y };
      exits.forEach((e, i) => (predictions[`exit${i}`] = e.prediction));
      return { predictions, stats: out.stats, auxLoss: aux.length ? aux.reduce((a, b) => add(a, b)) : undefined };
    },
    loss: ({ predictions }, { label }) => {
      const terms = Array.from({ length: s.blocks }, (_, i) => bceWithLogits(predictions[`exit${i}`], label));
      return mul(terms.reduce((a, b) => add(a, b)), 1 / s.blocks);
    },
  };
}

// The `early-exit-mlp` template: the modalities concatenated, then `blocks` ReLU blocks; after block k an
// exit (classifier head `exit<k>`) and, but for the last block, an exit gate (engine/gates/early-exit.ts).
// Training: deep supervision plus the per-sample gating loss (early-exit-loss.ts). Evaluation: each sample
// takes the first exit whose gate passes the threshold.
//
// It declares exactly the parameters of the analytics' reference model (engine/analytics/early-exit-model.ts:
// block<k>.*, exit<k>.*, exit_gate.gate<k>.*, in that order), so the analytics work on it unchanged: the
// FLOPs accounting and the threshold sweep read stages off the parameter names and the `exit<k>`
// predictions, and `exportEarlyExit(earlyExitSizesOf(config), …)` writes the `If` model from its trained
// parameters (input `x` = the modalities concatenated in config order).
import type { TemplateOf } from '../../../common/models';
import type { Tensor } from '../../ir/tensor';
import { concat, relu } from '../../ops/builders';
import { dense, earlyExit, maybeDropout } from '../../gates';
import type { ModelDefinition, ModelOutputs } from '../../train/model';
import { EXIT_GATE, type EarlyExitSizes } from '../../analytics/early-exit-model';
import { GateCollector } from '../common';
import { fusionTargets, fusionTaskLoss, headWidth, modalitiesOf, modalityInput, modalityInputs } from './common';
import { earlyExitObjective } from './early-exit-loss';

type Config = TemplateOf<'early-exit-mlp'>;

export function earlyExitMlpModel(c: Config): ModelDefinition {
  // The forward pass hands its gate logits to the loss (which has the labels) through this map.
  const gateLogitsOf = new WeakMap<ModelOutputs, Tensor[]>();
  return {
    name: 'early-exit-mlp',
    inputs: modalityInputs(c),
    targets: fusionTargets(c),
    forward(ctx, inputs) {
      const g = new GateCollector(ctx, inputs[modalityInput(c.modalities[0].name)]);
      const xs = modalitiesOf(g, ctx, c, inputs);
      let h = xs.length === 1 ? xs[0] : concat(xs, 1);
      const exits: { hidden: Tensor; prediction: Tensor }[] = [];
      for (let k = 0; k < c.blocks; k++) {
        h = relu(dense(g.env, `block${k}`, h, c.hidden));
        exits.push({ hidden: h, prediction: dense(g.env, `exit${k}`, h, headWidth(c)) });
        h = maybeDropout(g.env, `block${k}`, h, c.dropout);
      }
      const out = earlyExit(g.env, EXIT_GATE, c.gate, exits);
      g.take(out);
      const predictions: Record<string, Tensor> = { logits: out.y };
      exits.forEach((e, k) => (predictions[`exit${k}`] = e.prediction));
      const outputs = g.outputs(predictions);
      gateLogitsOf.set(outputs, out.gateLogits);
      return outputs;
    },
    classWeighted: true,
    loss(outputs, { label }, o) {
      const gateLogits = gateLogitsOf.get(outputs);
      if (!gateLogits) throw new Error('early-exit-mlp: the loss needs the outputs of this model’s own forward pass');
      return earlyExitObjective({
        exits: Array.from({ length: c.blocks }, (_, k) => outputs.predictions[`exit${k}`]),
        gateLogits, label, classes: c.classes, task: (logits, y) => fusionTaskLoss(c, logits, y, o?.classWeights), exitWeights: c.exitWeights, gate: c.gate,
      });
    },
  };
}

/** The sizes the analytics' `If` export (engine/analytics/early-exit-export.ts) rebuilds this model from. */
export function earlyExitSizesOf(c: Config): EarlyExitSizes {
  return { inputs: c.modalities.reduce((n, m) => n + m.dim, 0), hidden: c.hidden, blocks: c.blocks, gate: c.gate, gateName: EXIT_GATE, outputs: c.classes };
}

// What all fusion templates share: one float input per modality `m_<name>` [B, dim], modality noise and
// modality dropout in training, and the head: a binary logit [B, 1] with BCE, class logits [B, K] with
// cross-entropy, or (task 'regression') one standardized value [B, 1] with MSE, unscaled in the graph.
import type { TemplateOf } from '../../../common/models';
import type { Tensor } from '../../ir/tensor';
import type { ParamContext } from '../../nn/params';
import { add, bceWithLogits, mseLoss, mul, reduceSum, softmaxCrossEntropy } from '../../ops/builders';
import { classWeightedBce, classWeightedCrossEntropy } from '../../ops/class-weighted-losses';
import type { ModelDefinition, TensorSpec } from '../../train/model';
import { maybeDropout } from '../../gates';
import { GateCollector } from '../common';
import { maybeModalityNoise } from './modality-noise';

export type FusionShape = Pick<TemplateOf<'gmu'>, 'modalities' | 'classes' | 'modalityDropout' | 'modalityNoise' | 'task' | 'targetScale'>;

/**
 * A regression head's outputs: `standardized`, what the loss compares with the standardized target (z-scored
 * on the training rows), and `prediction` = standardized × std + mean, in the target's own units, so the
 * exported graph and Try it answer in prices, not z-scores. The loss reads `standardized`: recomputing it
 * from a raw price of 1e6 in float32 would lose the digits the fit needs.
 */
export const REGRESSION_OUTPUTS = { standardized: 'standardized', prediction: 'prediction' } as const;

export const modalityInput = (name: string) => `m_${name}`;

/** Output width of the head: 1 logit for a binary target, else one per class. */
export const headWidth = (s: FusionShape) => (s.classes === 1 ? 1 : s.classes);

/** One float input per modality, `m_<name>` [B, dim]. */
export function modalityInputs(s: FusionShape): Record<string, TensorSpec> {
  const inputs: Record<string, TensorSpec> = {};
  for (const m of s.modalities) inputs[modalityInput(m.name)] = { dtype: 'float', shape: [m.dim] };
  return inputs;
}

/** The label: float [1] for a binary target, int64 class ids otherwise. */
export const fusionTargets = (s: FusionShape): Record<string, TensorSpec> =>
  ({ label: s.classes === 1 ? { dtype: 'float', shape: [1] } : { dtype: 'int64', shape: [] } });

/**
 * The task loss of a head's logits (mean over the batch). `classWeights` (the run's loss.classWeights):
 * each sample's term times its class's weight, [negative, positive] for a binary head. Without them the
 * unweighted ops, so a run without class weights trains exactly as before they existed.
 */
export function fusionTaskLoss(s: FusionShape, logits: Tensor, label: Tensor, classWeights?: readonly number[]): Tensor {
  if (classWeights) return s.classes === 1 ? classWeightedBce(logits, label, classWeights) : classWeightedCrossEntropy(logits, label, classWeights);
  return s.classes === 1 ? bceWithLogits(logits, label) : softmaxCrossEntropy(logits, label);
}

/**
 * The modality inputs, in training graphs with modality noise (a sample's modality swapped for another
 * sample's, modality-noise.ts) and then modality dropout (zeroed). Eval and export graphs see the inputs.
 */
export function modalitiesOf(g: GateCollector, ctx: ParamContext, s: FusionShape, inputs: Record<string, Tensor>): Tensor[] {
  return s.modalities.map((m) => {
    const input = inputs[modalityInput(m.name)];
    const noise = s.modalityNoise ?? 0;
    if (!ctx.training || (s.modalityDropout <= 0 && noise <= 0)) return input;
    // one draw per sample and modality, on a ones column [B, 1] broadcast over the features
    const ones = add(reduceSum(mul(input, 0), [1], true), 1); // [B, 1]
    const x = maybeModalityNoise(g.env, `modality_noise.${m.name}`, input, ones, noise);
    if (s.modalityDropout <= 0) return x;
    const keep = maybeDropout(g.env, `modality_dropout.${m.name}`, ones, s.modalityDropout); // 0 or 1/(1−p)
    return mul(x, mul(keep, 1 - s.modalityDropout));
  });
}

export function fusionModel(name: string, s: FusionShape, body: (g: GateCollector, xs: Tensor[], ctx: ParamContext) => Tensor): ModelDefinition {
  if (s.task === 'regression') return regressionModel(name, s, body);
  return {
    name,
    inputs: modalityInputs(s),
    targets: fusionTargets(s),
    forward(ctx, inputs) {
      const g = new GateCollector(ctx, inputs[modalityInput(s.modalities[0].name)]);
      return g.outputs({ logits: body(g, modalitiesOf(g, ctx, s, inputs), ctx) });
    },
    loss: ({ predictions }, { label }, o) => fusionTaskLoss(s, predictions.logits, label, o?.classWeights),
    classWeighted: true,
  };
}

/** The same body with a regression head (see REGRESSION_OUTPUTS); the label is the standardized target, float [1]. */
function regressionModel(name: string, s: FusionShape, body: (g: GateCollector, xs: Tensor[], ctx: ParamContext) => Tensor): ModelDefinition {
  // no scale (a config estimated before any data: the Models form, `gatelab templates`): the identity
  const { mean, std } = s.targetScale ?? { mean: 0, std: 1 };
  return {
    name,
    inputs: modalityInputs(s),
    targets: { label: { dtype: 'float', shape: [1] } },
    forward(ctx, inputs) {
      const g = new GateCollector(ctx, inputs[modalityInput(s.modalities[0].name)]);
      const z = body(g, modalitiesOf(g, ctx, s, inputs), ctx); // [B, 1]
      return g.outputs({ [REGRESSION_OUTPUTS.standardized]: z, [REGRESSION_OUTPUTS.prediction]: add(mul(z, std), mean) });
    },
    loss: ({ predictions }, { label }) => mseLoss(predictions[REGRESSION_OUTPUTS.standardized], label),
  };
}

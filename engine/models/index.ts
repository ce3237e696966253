// The model zoo registry: a template config (common/models) → a ModelDefinition the trainer compiles,
// plus the parameter count and FLOPs per training step computed from the config alone.
import { parseModelConfig, type ModelConfig, type TemplateId, type TemplateOf } from '../../common/models';
import { topologicalOrder } from '../ir/graph';
import type { Tensor } from '../ir/tensor';
import { namedParams } from '../nn/params';
import { input } from '../ops/builders';
import { specDtype, type ModelDefinition } from '../train/model';
import { activationElements } from '../analytics/activations';
import { dlinearModel, linearModel, mlpForecastModel, nlinearModel } from './forecasting/linear';
import { glaForecastModel, patchTransformerModel } from './forecasting/patch';
import { moeForecasterModel, tftLiteModel } from './forecasting/tft';
import { tsmixerGatedModel } from './forecasting/tsmixer';
import { dcnV2Model, deepFmModel, dnnModel, lrModel } from './recsys/classic';
import { finalMlpModel, mmoeModel, moeDnnModel } from './recsys/gated';
import { concatFusionModel, gatedCrossAttentionModel, gmuModel, lateFusionModel, moeFusionModel } from './fusion/templates';
import { earlyExitMlpModel } from './fusion/early-exit';

type Builders = { [T in TemplateId]: (c: TemplateOf<T>) => ModelDefinition };

const BUILDERS: Builders = {
  linear: linearModel, nlinear: nlinearModel, dlinear: dlinearModel, mlp: mlpForecastModel,
  'tsmixer-gated': tsmixerGatedModel, 'patch-transformer-gated': patchTransformerModel, gla: glaForecastModel,
  'tft-lite': tftLiteModel, 'moe-forecaster': moeForecasterModel,
  lr: lrModel, dnn: dnnModel, deepfm: deepFmModel, 'dcn-v2': dcnV2Model, finalmlp: finalMlpModel, mmoe: mmoeModel, 'moe-dnn': moeDnnModel,
  'concat-fusion': concatFusionModel, 'late-fusion': lateFusionModel, gmu: gmuModel, 'moe-fusion': moeFusionModel,
  'gated-cross-attention': gatedCrossAttentionModel, 'early-exit-mlp': earlyExitMlpModel,
};

/** The compilable model of a config (validated and defaulted first; throws ConfigError naming the field). */
export function buildModel(config: unknown): ModelDefinition {
  const c = parseModelConfig(config);
  return (BUILDERS[c.template] as (c: ModelConfig) => ModelDefinition)(c);
}

export interface ModelSize {
  /** Trainable scalars. */
  params: number;
  /** Multiply-add FLOPs (2 per MAC) of one forward pass for one sample (matrix products only). */
  forwardFlopsPerSample: number;
  /** FLOPs of one training step for a batch: forward + backward ≈ 3 × forward. */
  trainFlopsPerStep(batch: number): number;
  /** Elements of the forward's intermediate tensors for one sample: what a training step keeps per sample for the backward. */
  activationsPerSample: number;
}

/** Parameter count and FLOPs of a config, by building its forward graph for one sample and walking it. */
export function modelSize(config: unknown): ModelSize {
  const def = buildModel(config);
  const bound = namedParams('float32');
  const inputs: Record<string, Tensor> = {};
  for (const [name, spec] of Object.entries(def.inputs)) inputs[name] = input(name, specDtype(spec, 'float32'), [1, ...spec.shape]);
  const out = def.forward(bound.ctx, inputs);
  const { nodes } = topologicalOrder(Object.values(out.predictions));
  let flops = 0;
  for (const n of nodes) {
    if (n.op !== 'MatMul' && n.op !== 'Gemm') continue;
    const a = n.inputs[0];
    const k = (n.op === 'Gemm' && n.attrs.transA ? a.shape[0] : a.shape[a.rank - 1]) as number;
    const outSize = n.outputs[0].shape.reduce<number>((p, d) => p * (typeof d === 'number' ? d : 1), 1);
    flops += 2 * k * outSize;
  }
  const params = bound.layout().size;
  const kept = [...Object.values(out.predictions), ...Object.values(out.stats ?? {}), ...(out.auxLoss ? [out.auxLoss] : [])];
  return { params, forwardFlopsPerSample: flops, trainFlopsPerStep: (batch) => 3 * flops * batch, activationsPerSample: activationElements(kept) };
}

export { BUILDERS as TEMPLATE_BUILDERS };

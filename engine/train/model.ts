// What a trainable model is, for the compiler: its inputs and targets (per-sample shapes), a forward
// function written against a parameter context, and a loss. The same definition yields the train,
// Loop-K, eval and inference graphs (compile.ts), so they cannot drift apart.
import type { DType } from '../ir/dtype';
import type { Tensor } from '../ir/tensor';
import type { ParamContext } from '../nn/params';

/** One input or target column group. Shape excludes the batch dimension. */
export interface TensorSpec {
  /** 'float' follows the compile dtype (float32 or float64); integer ids stay int64. */
  dtype: 'float' | DType;
  shape: readonly number[];
}

export interface ModelOutputs {
  /** What the exported model returns (logits, probabilities, forecasts...), by output name. */
  predictions: Record<string, Tensor>;
  /** Gate statistics reduced over the batch (mean openness [], expert load [E], ...): streamed to the UI. */
  stats?: Record<string, Tensor>;
  /** Auxiliary losses (load balance, z-loss) added to the training loss. */
  auxLoss?: Tensor;
}

export interface ModelDefinition {
  name: string;
  inputs: Record<string, TensorSpec>;
  targets: Record<string, TensorSpec>;
  /** (ctx, inputs) => outputs. Must declare the same parameters on every call. */
  forward(ctx: ParamContext, inputs: Record<string, Tensor>): ModelOutputs;
  /** The main loss, a scalar: mean over the batch. `options` as withClassWeights passes them. */
  loss(outputs: ModelOutputs, targets: Record<string, Tensor>, options?: LossOptions): Tensor;
  /** True when `loss` weighs its classification term by LossOptions.classWeights (every click and fusion template). */
  classWeighted?: boolean;
}

/** Options a run gives its model's loss (common/runs/config.ts `loss`). */
export interface LossOptions {
  /**
   * The weight of each class's samples in the classification term, in class-id order: [negative, positive]
   * for a binary label, one per class otherwise (engine/ops/class-weighted-losses.ts). Absent: 1 each.
   */
  classWeights?: readonly number[];
}

/**
 * The model with its classification loss weighted by class. Every graph compiled from it uses the
 * weights (training, and the validation loss that picks the best checkpoint); predictions are unchanged.
 * A model whose loss has no classification term (a forecaster) is refused: the weights would do nothing.
 */
export function withClassWeights(def: ModelDefinition, classWeights: readonly number[]): ModelDefinition {
  if (!def.classWeighted) throw new Error(`model '${def.name}' has no classification loss to weigh by class: class weights apply to click and fusion templates`);
  return { ...def, loss: (outputs, targets) => def.loss(outputs, targets, { classWeights }) };
}

export const specDtype = (spec: TensorSpec, float: DType): DType => (spec.dtype === 'float' ? float : spec.dtype);

// What all CTR templates share: categorical fields int64 [B, F] and numeric features [B, N] in, a click
// logit [B, 1] out, BCE-with-logits loss. Every field (and every numeric feature, scaled by its value)
// becomes one embedding vector, so a template sees [B, F + N, D].
import type { TemplateOf } from '../../../common/models';
import type { Tensor } from '../../ir/tensor';
import type { ParamContext } from '../../nn/params';
import { init } from '../../nn/init';
import { add, bceWithLogits, concat, constant, gather, mul, reduceSum, reshape, unsqueeze } from '../../ops/builders';
import type { ModelDefinition, TensorSpec } from '../../train/model';
import { classWeightedBce } from '../../ops/class-weighted-losses';
import { GateCollector } from '../common';

export type RecsysShape = Pick<TemplateOf<'dnn'>, 'fields' | 'numeric' | 'embeddingDim'>;

/** Offsets of each field in one concatenated vocabulary (one table, one Gather, instead of F of each). */
export const fieldOffsets = (fields: readonly number[]) => fields.map((_, i) => fields.slice(0, i).reduce((a, b) => a + b, 0));

export interface RecsysInputs {
  /** [B, F + N, D] */
  embeddings: Tensor;
  /** First-order (LR) term [B, 1], including the global bias. */
  firstOrder(): Tensor;
  /** F + N */
  count: number;
}

export function embedInputs(ctx: ParamContext, s: RecsysShape, inputs: Record<string, Tensor>): RecsysInputs {
  const total = s.fields.reduce((a, b) => a + b, 0);
  const ids = add(inputs.fields, constant(fieldOffsets(s.fields), 'int64', [s.fields.length])); // [B, F]
  // Declared on first use: LR never reads the embeddings, so it must not carry (or count) the table.
  let embeddings: Tensor | null = null;
  const embed = (): Tensor => {
    if (embeddings) return embeddings;
    const table = ctx.param('embedding', [total, s.embeddingDim], init.normal(1e-2), { decay: false });
    embeddings = gather(table, ids, 0); // [B, F, D]
    if (s.numeric > 0) {
      const numericVectors = ctx.param('numeric_embedding', [s.numeric, s.embeddingDim], init.normal(1e-2), { decay: false });
      embeddings = concat([embeddings, mul(unsqueeze(inputs.numeric, [2]), numericVectors)], 1);
    }
    return embeddings;
  };
  const firstOrder = () => {
    const w = ctx.param('first_order', [total, 1], init.zeros(), { decay: false });
    let y = reduceSum(gather(w, ids, 0), [1]); // [B, 1]
    if (s.numeric > 0) y = add(y, reshape(reduceSum(mul(inputs.numeric, reshape(ctx.param('first_order_numeric', [s.numeric], init.zeros()), [1, s.numeric])), [1]), [-1, 1]));
    return add(y, ctx.param('bias', [1], init.zeros()));
  };
  return { get embeddings() { return embed(); }, firstOrder, count: s.fields.length + s.numeric };
}

export function recsysSpecs(s: RecsysShape): Record<string, TensorSpec> {
  const specs: Record<string, TensorSpec> = { fields: { dtype: 'int64', shape: [s.fields.length] } };
  if (s.numeric > 0) specs.numeric = { dtype: 'float', shape: [s.numeric] };
  return specs;
}

/** A click model: body(embedded inputs) → logit [B, 1]. */
export function ctrModel(name: string, s: RecsysShape, body: (g: GateCollector, e: RecsysInputs, ctx: ParamContext) => Tensor): ModelDefinition {
  return {
    name,
    inputs: recsysSpecs(s),
    targets: { label: { dtype: 'float', shape: [1] } },
    forward(ctx, inputs) {
      const g = new GateCollector(ctx, inputs.fields);
      return g.outputs({ logit: body(g, embedInputs(ctx, s, inputs), ctx) });
    },
    loss: ({ predictions }, { label }, o) => clickLoss(predictions.logit, label, o?.classWeights),
    classWeighted: true,
  };
}

/** BCE of the click logit; with the run's class weights ([no click, click]) each sample's term weighted by its label. */
export const clickLoss = (logit: Tensor, label: Tensor, classWeights?: readonly number[]): Tensor =>
  (classWeights ? classWeightedBce(logit, label, classWeights) : bceWithLogits(logit, label));

/** [B, F, D] → [B, F·D] */
export const flatten = (e: RecsysInputs, dim: number) => reshape(e.embeddings, [-1, e.count * dim]);

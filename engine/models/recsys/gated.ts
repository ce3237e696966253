// The gated CTR templates: FinalMLP (Mao et al. 2023), MMoE for click + rating (Ma et al. 2018), top-k MoE DNN.
import type { TemplateOf } from '../../../common/models';

import { init } from '../../nn/init';
import type { Tensor } from '../../ir/tensor';
import { add, matmul, mseLoss, mul, reduceSum, reshape, transpose } from '../../ops/builders';
import { dense, hardGate, type GateEnv, mixExperts, mmoeGates, route, sigmoidGate, type GateOutput } from '../../gates';
import type { ModelDefinition } from '../../train/model';
import { GateCollector, mlp } from '../common';
import { clickLoss, ctrModel, embedInputs, flatten, recsysSpecs, type RecsysInputs } from './common';

/**
 * FinalMLP: two MLP streams over the (feature-gated) embeddings, fused by multi-head bilinear fusion:
 * logit = b + w1·o1 + w2·o2 + Σ_heads o1_hᵀ W_h o2_h.
 */
export const finalMlpModel = (c: TemplateOf<'finalmlp'>): ModelDefinition =>
  ctrModel('finalmlp', c, (g, e, ctx) => {
    const env = g.env;
    const x = flatten(e, c.embeddingDim);
    const x1 = g.take(streamGate(env, 'gate1', c.gate1, x, e));
    const x2 = g.take(streamGate(env, 'gate2', c.gate2, x, e));
    const o1 = mlp(env, 'stream1', x1, c.stream1, c.dropout);
    const o2 = mlp(env, 'stream2', x2, c.stream2, c.dropout);
    const d1 = c.stream1.at(-1)! / c.heads, d2 = c.stream2.at(-1)! / c.heads;
    const w = ctx.param('fusion.bilinear', [c.heads, d1, d2], init.xavierUniform(d1, d2));
    const linear = add(dense(env, 'fusion.w1', o1, 1), dense(env, 'fusion.w2', o2, 1, { bias: false }));
    return add(linear, bilinearFusion(o1, o2, w));
  });

/**
 * One FinalMLP feature gate (sigmoid or hard) on the flat embeddings x [B, F·D]: per element it multiplies
 * x; per field it multiplies the embeddings [B, F, D] (one value per field) and flattens them again.
 */
function streamGate(env: GateEnv, name: string, cfg: TemplateOf<'finalmlp'>['gate1'], x: Tensor, e: RecsysInputs): GateOutput {
  const v = cfg.granularity === 'field' ? e.embeddings : x;
  const out = cfg.kind === 'hard' ? hardGate(env, name, cfg, { x, v }) : sigmoidGate(env, name, cfg, { x, v });
  return cfg.granularity === 'field' ? { ...out, y: reshape(out.y, [-1, x.shape[1]]) } : out;
}

/**
 * Σ_heads o1_hᵀ W_h o2_h → [B, 1], for o1 [B, h·d1], o2 [B, h·d2], W [h, d1, d2]. Heads lead, so each
 * head is one [B, d1]·[d1, d2] product and dW one [d1, B]·[B, d2] product: with the batch leading
 * instead ([B, h, 1, d1]·W), ORT ran B·h one-row products and the gradient built a [B, h, d1, d2] tensor.
 */
export function bilinearFusion(o1: Tensor, o2: Tensor, w: Tensor): Tensor {
  const [heads, d1, d2] = w.shape as number[];
  const h1 = transpose(reshape(o1, [0, heads, d1]), [1, 0, 2]); // [h, B, d1]
  const h2 = transpose(reshape(o2, [0, heads, d2]), [1, 0, 2]); // [h, B, d2]
  return reshape(reduceSum(mul(matmul(h1, w), h2), [0, 2]), [-1, 1]);
}

/** MMoE: shared experts, one softmax gate and one tower per task; click (BCE) + rating (MSE on the rating target). */
export function mmoeModel(c: TemplateOf<'mmoe'>): ModelDefinition {
  return {
    name: 'mmoe',
    inputs: recsysSpecs(c),
    targets: { label: { dtype: 'float', shape: [1] }, rating: { dtype: 'float', shape: [1] } },
    forward(ctx, inputs) {
      const g = new GateCollector(ctx, inputs.fields);
      const env = g.env;
      const x = flatten(embedInputs(ctx, c, inputs), c.embeddingDim);
      const experts = Array.from({ length: c.gate.experts }, (_, i) => mlp(env, `expert${i}`, x, c.expertHidden, c.dropout));
      const gates = mmoeGates(env, 'gate', c.gate, x);
      Object.assign(g.stats, gates.stats);
      const towers = gates.weights.map((w, t) => mlp(env, `tower${t}`, mixExperts(w, experts), c.towerHidden, c.dropout, 1));
      return g.outputs({ logit: towers[0], rating_pred: towers[1] });
    },
    // class weights weigh the click task only; the rating's MSE is a regression
    loss: ({ predictions }, { label, rating }, o) => add(clickLoss(predictions.logit, label, o?.classWeights), mseLoss(predictions.rating_pred, rating)),
    classWeighted: true,
  };
}

export const moeDnnModel = (c: TemplateOf<'moe-dnn'>): ModelDefinition =>
  ctrModel('moe-dnn', c, (g, e) => {
    const env = g.env;
    const x = flatten(e, c.embeddingDim);
    const routed = route(env, 'router', c.router, x);
    g.take(routed);
    const experts = Array.from({ length: c.router.experts }, (_, i) => mlp(env, `expert${i}`, x, c.expertHidden, c.dropout));
    return dense(env, 'out', mixExperts(routed.weights, experts), 1);
  });

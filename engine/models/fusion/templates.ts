// The fusion templates: early concat, late fusion (baselines), GMU, MoE fusion with one expert per modality,
// and gated cross-modal attention.
import type { TemplateOf } from '../../../common/models';
import { init } from '../../nn/init';
import { add, concat, matmul, reduceMean, reshape, softmax, unsqueeze, squeeze } from '../../ops/builders';
import { attention, dense, gmu, mixExperts, route } from '../../gates';
import type { ModelDefinition } from '../../train/model';
import { mlp } from '../common';
import { fusionModel, headWidth } from './common';

export const concatFusionModel = (c: TemplateOf<'concat-fusion'>): ModelDefinition =>
  fusionModel('concat-fusion', c, (g, xs) => mlp(g.env, 'mlp', concat(xs, 1), c.hidden, c.dropout, headWidth(c)));

/** One MLP per modality; logits mixed by learned softmax weights over modalities (stat `fusion.modality_weights`). */
export const lateFusionModel = (c: TemplateOf<'late-fusion'>): ModelDefinition =>
  fusionModel('late-fusion', c, (g, xs, ctx) => {
    const M = xs.length;
    const logits = xs.map((x, m) => unsqueeze(mlp(g.env, `modality${m}`, x, c.hidden, c.dropout, headWidth(c)), [1])); // [B, 1, K]
    const w = softmax(ctx.param('fusion.weights', [M], init.zeros(), { decay: false }), 0);
    g.stats['fusion.modality_weights'] = w;
    return squeeze(matmul(reshape(w, [1, M]), concat(logits, 1)), [1]); // [1, M] @ [B, M, K] → [B, 1, K]
  });

export const gmuModel = (c: TemplateOf<'gmu'>): ModelDefinition =>
  fusionModel('gmu', c, (g, xs) => mlp(g.env, 'mlp', g.take(gmu(g.env, 'gmu', c.gate, xs)), c.hidden, c.dropout, headWidth(c)));

/** Expert m sees modality m only; the router sees all modalities and weighs the experts. */
export const moeFusionModel = (c: TemplateOf<'moe-fusion'>): ModelDefinition =>
  fusionModel('moe-fusion', c, (g, xs) => {
    const routed = route(g.env, 'router', c.router, concat(xs, 1));
    g.take(routed);
    g.stats['router.modality_weights'] = reduceMean(routed.weights, [0]);
    const experts = xs.map((x, m) => mlp(g.env, `expert${m}`, x, c.expertHidden, c.dropout));
    return dense(g.env, 'out', mixExperts(routed.weights, experts), headWidth(c));
  });

/**
 * Each modality becomes `tokens` tokens of width dModel; each modality's tokens attend to the other
 * modalities' tokens (gated attention output, residual), are mean-pooled, concatenated, and classified.
 */
export const gatedCrossAttentionModel = (c: TemplateOf<'gated-cross-attention'>): ModelDefinition =>
  fusionModel('gated-cross-attention', c, (g, xs) => {
    const toks = xs.map((x, m) => reshape(dense(g.env, `tokens${m}`, x, c.tokens * c.dModel), [-1, c.tokens, c.dModel]));
    const pooled = toks.map((t, m) => {
      const others = concat(toks.filter((_, j) => j !== m), 1);
      const a = g.take(attention(g.env, `cross${m}`, c.gate, t, { heads: c.heads, context: others }));
      return reduceMean(add(t, a), [1]); // [B, d]
    });
    return mlp(g.env, 'mlp', concat(pooled, 1), c.hidden, c.dropout, headWidth(c));
  });

// Patch-token forecasters: every channel's window is cut into patches, each patch embedded to a token
// (channel-independent: one token per channel and patch; channel-mixing: one token per patch of all
// channels), tokens processed, all tokens flattened into the horizon (PatchTST's head).
//   patch-transformer-gated: post-norm Transformer layers whose attention output is gated (Qiu et al. 2025)
//   gla: pre-norm gated-linear-attention layers followed by a SwiGLU feed-forward
import type { TemplateOf } from '../../../common/models';
import type { Tensor } from '../../ir/tensor';
import { init } from '../../nn/init';
import { add, gelu, reshape, transpose } from '../../ops/builders';
import { attention, dense, gla, glu, maybeDropout, norm, type GateEnv } from '../../gates';
import type { ModelDefinition } from '../../train/model';
import type { GateCollector } from '../common';
import { channelsFirst, forecastingModel, patchify } from './common';

interface PatchShape { lookback: number; horizon: number; channels: number; patchLen: number; stride: number; dModel: number; mode: 'channel-independent' | 'channel-mixing' }

/**
 * [B, L, C] → tokens [B, C, P, d] with a learned position embedding (channels stay a separate axis), or in
 * channel-mixing mode [B, 1, P, d] where each token embeds the patch of all C channels.
 */
function tokens(env: GateEnv, c: PatchShape, x: Tensor): { t: Tensor; count: number } {
  const series = channelsFirst(x); // [B, C, L]
  let { patches, count } = patchify(series, c.lookback, c.patchLen, c.stride); // [B, C, P, len]
  if (c.mode === 'channel-mixing') patches = reshape(transpose(patches, [0, 2, 1, 3]), [0, 1, count, c.channels * c.patchLen]);
  const pos = env.ctx.param('position', [count, c.dModel], init.uniform(0.02));
  return { t: add(dense(env, 'embed', patches, c.dModel), pos), count };
}

/** tokens [B, C, P, d] → forecast [B, H, C]; channel-mixing: [B, 1, P, d] → [B, H·C] → [B, H, C]. */
function head(env: GateEnv, c: PatchShape, t: Tensor, count: number): Tensor {
  if (c.mode === 'channel-mixing') return reshape(dense(env, 'head', reshape(t, [-1, count * c.dModel]), c.horizon * c.channels), [-1, c.horizon, c.channels]);
  return channelsFirst(dense(env, 'head', reshape(t, [0, 0, count * c.dModel]), c.horizon)); // [B, C, H] → [B, H, C]
}

export function patchTransformerModel(c: TemplateOf<'patch-transformer-gated'>): ModelDefinition {
  return forecastingModel('patch-transformer-gated', c, (g: GateCollector, x) => {
    const env = g.env;
    let { t, count } = tokens(env, c, x);
    for (let i = 0; i < c.layers; i++) {
      const n = `layer${i}`;
      const a = g.take(attention(env, `${n}.attn`, c.attentionGate, t, { heads: c.heads }));
      t = norm(env, `${n}.norm1`, add(t, maybeDropout(env, `${n}.attn`, a, c.dropout)));
      const f = dense(env, `${n}.ff2`, maybeDropout(env, `${n}.ff1`, gelu(dense(env, `${n}.ff1`, t, c.ffDim)), c.dropout), c.dModel);
      t = norm(env, `${n}.norm2`, add(t, maybeDropout(env, `${n}.ff2`, f, c.dropout)));
    }
    return head(env, c, t, count);
  });
}

export function glaForecastModel(c: TemplateOf<'gla'>): ModelDefinition {
  return forecastingModel('gla', c, (g: GateCollector, x) => {
    const env = g.env;
    let { t, count } = tokens(env, c, x);
    for (let i = 0; i < c.layers; i++) {
      const n = `layer${i}`;
      t = add(t, g.take(gla(env, `${n}.gla`, c.gla, norm(env, `${n}.norm1`, t))));
      const swiglu = g.take(glu(env, `${n}.ffn`, { kind: 'glu', enabled: true, variant: 'swiglu', bias: false }, norm(env, `${n}.norm2`, t), 2 * c.dModel));
      t = add(t, dense(env, `${n}.ffn.out`, swiglu, c.dModel, { bias: false }));
    }
    return head(env, c, norm(env, 'final_norm', t), count);
  });
}

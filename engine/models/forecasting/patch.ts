// Patch-token forecasters, channel-independent: every channel's window is cut into patches, each patch
// embedded to a token, tokens processed, all tokens flattened into the horizon (PatchTST's head).
//   patch-transformer-gated: post-norm Transformer layers whose attention output is gated (Qiu et al. 2025)
//   gla: pre-norm gated-linear-attention layers followed by a SwiGLU feed-forward
import type { TemplateOf } from '../../../common/models';
import type { Tensor } from '../../ir/tensor';
import { init } from '../../nn/init';
import { add, gelu, reshape } from '../../ops/builders';
import { attention, dense, gla, glu, maybeDropout, norm, type GateEnv } from '../../gates';
import type { ModelDefinition } from '../../train/model';
import type { GateCollector } from '../common';
import { channelsFirst, forecastingModel, patchify } from './common';

interface PatchShape { lookback: number; horizon: number; channels: number; patchLen: number; stride: number; dModel: number }

/** [B, L, C] → tokens [B, C, P, d] with a learned position embedding (channels stay a separate axis). */
function tokens(env: GateEnv, c: PatchShape, x: Tensor): { t: Tensor; count: number } {
  const series = channelsFirst(x); // [B, C, L]
  const { patches, count } = patchify(series, c.lookback, c.patchLen, c.stride);
  const pos = env.ctx.param('position', [count, c.dModel], init.uniform(0.02));
  return { t: add(dense(env, 'embed', patches, c.dModel), pos), count };
}

/** tokens [B, C, P, d] → forecast [B, H, C] */
function head(env: GateEnv, c: PatchShape, t: Tensor, count: number): Tensor {
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

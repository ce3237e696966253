// TSMixer (Chen et al. 2023) with a gated feature mixer: each block mixes along time (an MLP over L shared
// by all channels) then along channels (an MLP over C), and a channel gate (squeeze over time, excite per
// channel, as in PatchTSMixer's gated attention) scales the feature-mixing output before the residual.
import type { TemplateOf } from '../../../common/models';
import { add, relu } from '../../ops/builders';
import { dense, maybeDropout, norm, sigmoidGate } from '../../gates';
import type { ModelDefinition } from '../../train/model';
import { channelsFirst, forecastingModel } from './common';

export function tsmixerGatedModel(c: TemplateOf<'tsmixer-gated'>): ModelDefinition {
  return forecastingModel('tsmixer-gated', c, (g, x) => {
    const env = g.env;
    let h = x; // [B, L, C]
    for (let i = 0; i < c.blocks; i++) {
      const n = `block${i}`;
      // time mixing: [B, C, L] → L, residual
      const t = relu(dense(env, `${n}.time`, channelsFirst(norm(env, `${n}.norm1`, h)), c.lookback));
      h = add(h, channelsFirst(maybeDropout(env, `${n}.time`, t, c.dropout)));
      // feature mixing: C → ff → C, gated per channel, residual
      const f1 = maybeDropout(env, `${n}.ff1`, relu(dense(env, `${n}.ff1`, norm(env, `${n}.norm2`, h), c.ffDim)), c.dropout);
      const f2 = maybeDropout(env, `${n}.ff2`, dense(env, `${n}.ff2`, f1, c.channels), c.dropout);
      h = add(h, g.take(sigmoidGate(env, `${n}.gate`, c.gate, { x: f2, v: f2 })));
    }
    return channelsFirst(dense(env, 'head', channelsFirst(h), c.horizon)); // time projection L → H
  });
}

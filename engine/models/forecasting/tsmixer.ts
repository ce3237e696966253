// TSMixer (Chen et al. 2023) with a gated feature mixer. After RevIN, each block
//   time mixing:    h = h + Dropout(ReLU(Dense_T(Norm(h)ᵀ))ᵀ)      one MLP over time, shared by all channels
//   feature mixing: h = h + Gate(Dropout(Dense_C(Dropout(ReLU(Dense_ff(Norm(h)))))))
// then a temporal projection T → H per channel. The channel gate (squeeze over time, excite per channel, as
// in PatchTSMixer's gated attention) scales the feature-mixing output before the residual; a hard gate
// (straight-through) switches channels fully on or off instead.
// Norm 'time-feature' normalises each sample over the whole (time, feature) plane, like the original's
// 2-D normalisation (its BatchNorm over (time, feature) has running statistics that this engine's
// stateless graphs cannot keep; the original's LayerNorm option over the same plane is what we use).
// 'feature' is a LayerNorm over the C channels of each step (this template's norm before; in the PyTorch
// reference both norms gave nearly the same ETTh1 curve at dropout 0.9, see bench/README.md).
// Patching: each channel's window is cut into P patches embedded to `patch.dModel`; time mixing then
// runs over the P patches (one MLP over P, shared by channels and embedding units).
// `feedForward` swaps the feature-mixing MLP's ReLU for a GLU-family gate (glu, geglu, swiglu).
import type { TemplateOf } from '../../../common/models';
import type { Tensor } from '../../ir/tensor';
import { add, layerNorm, relu, reshape, transpose } from '../../ops/builders';
import { init } from '../../nn/init';
import { dense, glu, hardGate, maybeDropout, norm, sigmoidGate, type GateEnv } from '../../gates';
import type { GateCollector } from '../common';
import type { ModelDefinition } from '../../train/model';
import { channelsFirst, forecastingModel, patchify } from './common';

type Config = TemplateOf<'tsmixer-gated'>;

/** The time axis the mixer works on: L steps, or P patches × d embedding units (flattened as P·d). */
interface TimeAxis { steps: number; patches: number; width: number }

export function timeAxis(c: Config): TimeAxis {
  if (!c.patch) return { steps: c.lookback, patches: c.lookback, width: 1 };
  const patches = Math.floor((c.lookback - c.patch.length) / c.patch.stride) + 2;
  return { steps: patches * c.patch.dModel, patches, width: c.patch.dModel };
}

/** Normalisation of h [B, T, C]: over the (time, feature) plane, or over the features of each step. */
function mixerNorm(env: GateEnv, name: string, h: Tensor, kind: Config['norm']): Tensor {
  if (kind === 'feature') return norm(env, name, h);
  const T = h.shape[1] as number, C = h.shape[2] as number;
  const scale = env.ctx.param(`${name}.scale`, [T, C], init.ones(), { decay: false });
  return layerNorm(h, scale, env.ctx.param(`${name}.bias`, [T, C], init.zeros(), { decay: false }), -2);
}

/** An MLP over the time axis of h [B, T, C] (over patches when patched), shared by channels. */
function timeMix(env: GateEnv, name: string, h: Tensor, ax: TimeAxis): Tensor {
  const hc = channelsFirst(h); // [B, C, T]
  if (ax.width === 1) return channelsFirst(relu(dense(env, name, hc, ax.patches)));
  const byPatch = transpose(reshape(hc, [0, 0, ax.patches, ax.width]), [0, 1, 3, 2]); // [B, C, d, P]
  const mixed = transpose(relu(dense(env, name, byPatch, ax.patches)), [0, 1, 3, 2]); // [B, C, P, d]
  return channelsFirst(reshape(mixed, [0, 0, ax.steps]));
}

/** Normalised window [B, L, C] → the mixer's input [B, T, C] (patch embeddings when patched). */
function embed(env: GateEnv, c: Config, x: Tensor, ax: TimeAxis): Tensor {
  if (!c.patch) return x;
  const { patches } = patchify(channelsFirst(x), c.lookback, c.patch.length, c.patch.stride); // [B, C, P, len]
  return channelsFirst(reshape(dense(env, 'patch.embed', patches, c.patch.dModel), [0, 0, ax.steps]));
}

/** The feature-mixing MLP's hidden layer [B, T, ffDim]: ReLU(Dense) as in TSMixer, or a GLU-family gate (its stats collected). */
function feedForward(g: GateCollector, name: string, c: Config, x: Tensor): Tensor {
  if (c.feedForward === 'relu') return relu(dense(g.env, name, x, c.ffDim));
  return g.take(glu(g.env, name, { kind: 'glu', enabled: true, variant: c.feedForward, bias: true }, x, c.ffDim));
}

export function tsmixerGatedModel(c: Config): ModelDefinition {
  const ax = timeAxis(c);
  return forecastingModel('tsmixer-gated', c, (g, x) => {
    const env = g.env;
    let h = embed(env, c, x, ax); // [B, T, C]
    for (let i = 0; i < c.blocks; i++) {
      const n = `block${i}`;
      const t = timeMix(env, `${n}.time`, mixerNorm(env, `${n}.norm1`, h, c.norm), ax);
      h = add(h, maybeDropout(env, `${n}.time`, t, c.dropout));
      const f1 = maybeDropout(env, `${n}.ff1`, feedForward(g, `${n}.ff1`, c, mixerNorm(env, `${n}.norm2`, h, c.norm)), c.dropout);
      const f2 = maybeDropout(env, `${n}.ff2`, dense(env, `${n}.ff2`, f1, c.channels), c.dropout);
      h = add(h, g.take(c.gate.kind === 'hard' ? hardGate(env, `${n}.gate`, c.gate, { x: f2, v: f2 }) : sigmoidGate(env, `${n}.gate`, c.gate, { x: f2, v: f2 })));
    }
    return channelsFirst(dense(env, 'head', channelsFirst(h), c.horizon)); // temporal projection T → H
  });
}

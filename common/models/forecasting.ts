// Forecasting templates (ARCHITECTURE §4): baselines Linear/NLinear/DLinear/MLP, then the gated models.
import { z } from 'zod';
import { GatedAttentionGate, GlaGate, GrnGate, HardGate, SigmoidGate, SinkhornRouter, SoftmaxRouter, TopKRouter, VariableSelectionGate, granularityAt } from '../gates';
import { forecastingData, gateField, hiddenList } from './base';

const mode = z
  .enum(['channel-independent', 'channel-mixing'])
  .describe('channel-independent: one model shared by all variables; channel-mixing: variables are mixed');
const dropout = (d: number) => z.number().min(0).lt(1).default(d).describe('Dropout probability');
const patchOk = (c: { patchLen: number; stride: number; lookback: number }, ctx: z.RefinementCtx, at: string[] = []) => {
  const [len, stride] = at.length ? [[...at, 'length'], [...at, 'stride']] : [['patchLen'], ['stride']];
  if (c.patchLen > c.lookback) ctx.addIssue({ code: 'custom', path: len, message: `${len.join('.')} must be at most lookback (got ${c.patchLen} > ${c.lookback})` });
  if (c.stride > c.patchLen) ctx.addIssue({ code: 'custom', path: stride, message: `${stride.join('.')} must be at most the patch length (got ${c.stride} > ${c.patchLen})` });
};

export const LinearTemplate = z.object({
  template: z.literal('linear'), ...forecastingData,
  individual: z.boolean().default(false).describe('One linear map per variable instead of one shared (channel-independent mode)'),
  mode: mode.default('channel-independent'),
}).describe('Linear: one linear map from the lookback window to the horizon, per variable');

export const NLinearTemplate = z.object({
  template: z.literal('nlinear'), ...forecastingData,
  individual: z.boolean().default(false).describe('One linear map per variable instead of one shared (channel-independent mode)'),
  mode: mode.default('channel-independent'),
}).describe('NLinear: subtract the last value, linear map, add it back (Zeng et al. 2023)');

export const DLinearTemplate = z.object({
  template: z.literal('dlinear'), ...forecastingData,
  kernel: z.number().int().min(3).max(1001).default(25).describe('Moving-average kernel of the trend/seasonal decomposition (odd)'),
  individual: z.boolean().default(false).describe('One linear map per variable instead of one shared (channel-independent mode)'),
  mode: mode.default('channel-independent'),
}).superRefine((c, ctx) => {
  if (c.kernel % 2 === 0) ctx.addIssue({ code: 'custom', path: ['kernel'], message: `kernel must be odd (got ${c.kernel})` });
}).describe('DLinear: moving-average decomposition into trend + seasonal, one linear map each (Zeng et al. 2023)');

export const MlpForecastTemplate = z.object({
  template: z.literal('mlp'), ...forecastingData,
  hidden: hiddenList([512]), dropout: dropout(0.1),
  mode: mode.default('channel-independent'),
}).describe('MLP from the lookback window to the horizon');

// The channel gate sees the feature-mixing output [T, C]: one value per channel or per element; there are
// no attention heads or feature fields there (a 'head' gate failed at step 0 with "needs heads").
const mixerGranularity = () => granularityAt(['channel', 'element'], 'channel', 'after each feature-mixing MLP');
const MixerGate = z.discriminatedUnion('kind', [
  SigmoidGate.extend({ granularity: mixerGranularity() }).describe(SigmoidGate.description!),
  HardGate.extend({ granularity: mixerGranularity() }).describe(HardGate.description!),
]);

export const TsMixerGatedTemplate = z.object({
  template: z.literal('tsmixer-gated'), ...forecastingData,
  revin: z.boolean().default(true).describe('Reversible instance normalisation (TSMixer uses it)'),
  blocks: z.number().int().min(1).max(16).default(2).describe('Mixer blocks (time mixing + feature mixing)'),
  ffDim: z.number().int().positive().max(4096).default(64).describe('Hidden width of the feature-mixing MLP'),
  feedForward: z.enum(['relu', 'glu', 'geglu', 'swiglu']).default('relu')
    .describe('Hidden layer of the feature-mixing MLP: relu (TSMixer), or a GLU-family gate (xW) ⊙ act(xV) as wide as the feed-forward width, with act σ (glu), GELU (geglu) or SiLU (swiglu)'),
  dropout: dropout(0.9).describe('Dropout probability (the paper tuned 0.9 for ETTh1)'),
  norm: z.enum(['time-feature', 'feature']).default('time-feature')
    .describe('time-feature: layer norm over the whole (time, feature) plane, like the original 2-D normalisation; feature: layer norm over the channels of each step'),
  patch: z.object({
    length: z.number().int().positive().describe('Patch length'),
    stride: z.number().int().positive().describe('Patch stride'),
    dModel: z.number().int().positive().max(1024).default(8).describe('Width each patch is embedded to'),
  }).optional().describe('Patching: time mixing runs over patches of each channel instead of single steps'),
  gate: gateField(MixerGate, { kind: 'sigmoid', granularity: 'channel' })
    .describe('Channel gate applied after each feature-mixing MLP (PatchTSMixer-style gated attention); a hard gate switches channels fully on or off'),
}).superRefine((c, ctx) => {
  if (c.patch) patchOk({ patchLen: c.patch.length, stride: c.patch.stride, lookback: c.lookback }, ctx, ['patch']);
}).describe('TSMixer with a gated channel mixer (Chen et al. 2023; gating as in PatchTSMixer)');

export const PatchTransformerGatedTemplate = z.object({
  template: z.literal('patch-transformer-gated'), ...forecastingData,
  revin: z.boolean().default(true).describe('Reversible instance normalisation (PatchTST uses it)'),
  patchLen: z.number().int().positive().default(16).describe('Patch length'),
  stride: z.number().int().positive().default(8).describe('Patch stride'),
  dModel: z.number().int().positive().max(4096).default(16).describe('Token width'),
  heads: z.number().int().positive().max(64).default(4).describe('Attention heads (must divide the model width, d_model)'),
  layers: z.number().int().min(1).max(24).default(3).describe('Transformer layers'),
  ffDim: z.number().int().positive().max(16384).default(128).describe('Feed-forward width'),
  dropout: dropout(0.3),
  attentionGate: gateField(GatedAttentionGate, { kind: 'gated-attention' }),
  mode: mode.default('channel-independent').describe('channel-independent: each token is one variable\'s patch (PatchTST); channel-mixing: each token is the patch of all variables'),
}).superRefine((c, ctx) => {
  patchOk(c, ctx);
  if (c.dModel % c.heads !== 0) ctx.addIssue({ code: 'custom', path: ['heads'], message: `heads must divide dModel (got dModel=${c.dModel}, heads=${c.heads})` });
}).describe('Patch Transformer (PatchTST) with gated attention on the SDPA output');

export const GlaForecastTemplate = z.object({
  template: z.literal('gla'), ...forecastingData,
  revin: z.boolean().default(true).describe('Reversible instance normalisation'),
  patchLen: z.number().int().positive().default(16).describe('Patch length (tokens are patches of one variable)'),
  stride: z.number().int().positive().default(16).describe('Patch stride'),
  dModel: z.number().int().positive().max(4096).default(32).describe('Token width'),
  layers: z.number().int().min(1).max(24).default(2).describe('GLA layers'),
  gla: gateField(GlaGate, { kind: 'gla' }),
  mode: mode.default('channel-independent').describe('channel-independent: each token is one variable\'s patch; channel-mixing: each token is the patch of all variables'),
}).superRefine((c, ctx) => {
  patchOk(c, ctx);
  const dk = Math.round(c.dModel * c.gla.keyRatio);
  if (dk % c.gla.heads !== 0 || c.dModel % c.gla.heads !== 0)
    ctx.addIssue({ code: 'custom', path: ['gla', 'heads'], message: `gla.heads must divide dModel (${c.dModel}) and the key width (${dk})` });
}).describe('Gated linear attention forecaster over patch tokens');

export const TftLiteTemplate = z.object({
  template: z.literal('tft-lite'), ...forecastingData,
  hidden: z.number().int().positive().max(4096).default(32).describe('Hidden width'),
  selection: gateField(VariableSelectionGate, { kind: 'variable-selection' }),
  grn: gateField(GrnGate, { kind: 'grn' }),
}).describe('TFT-style forecaster: variable selection per time step, a temporal map, then a gated residual network');

export const MoeForecasterTemplate = z.object({
  template: z.literal('moe-forecaster'), ...forecastingData,
  expertHidden: hiddenList([128], 'Hidden widths of each expert MLP'),
  router: gateField(z.discriminatedUnion('kind', [SoftmaxRouter, TopKRouter, SinkhornRouter]), { kind: 'softmax-router' }),
  mode: mode.default('channel-independent').describe('channel-independent: each variable\'s window is routed on its own; channel-mixing: the whole window (all variables) is one token'),
}).describe('Mixture-of-experts forecasting head: a router over expert MLPs (window → horizon)');

export const FORECASTING_TEMPLATES = [
  LinearTemplate, NLinearTemplate, DLinearTemplate, MlpForecastTemplate, TsMixerGatedTemplate,
  PatchTransformerGatedTemplate, GlaForecastTemplate, TftLiteTemplate, MoeForecasterTemplate,
] as const;

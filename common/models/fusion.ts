// Multimodal fusion templates (ARCHITECTURE §4): concat and late fusion baselines, then GMU, MoE fusion and
// gated cross-modal attention.
import { z } from 'zod';
import { EarlyExitGate, GatedAttentionGate, GmuGate, SinkhornRouter, SoftmaxRouter } from '../gates';
import { Modality, fusionData, gateField, hiddenList } from './base';
import { TARGET_TASKS } from './regression-target';

const dropout = (d: number) => z.number().min(0).lt(1).default(d).describe('Dropout probability');

// Concat, late fusion and early exit also train on a one-modality dataset (text-only, tabular-only rows);
// the gated fusions need two modalities to weigh, and say so naming the template and what to do instead.
const modalities = (min: number, template: string) => z
  .array(Modality)
  .min(min, { message: `${min === 1 ? `${template} needs at least one modality` : `${template} fuses at least ${min} modalities`}; for a one-modality dataset use concat-fusion, late-fusion or early-exit-mlp, or give another column group a modality (gatelab datasets roles ID <column>=feature:<modality>)` })
  .max(16)
  .default([{ name: 'text', dim: 256 }, { name: 'tabular', dim: 32 }])
  .describe('The modalities (column groups) and their widths');
// Classes or a number (regression-target.ts states the auto rule). Optional, not defaulted: a config without
// it (every run from before regression) reads as auto, which classifies what those runs classified.
const target = {
  task: z.enum(TARGET_TASKS).optional()
    .describe("How the target is read: 'classification' (classes), 'regression' (a number, MSE on its standardized values), or 'auto' (the default: a number with fractions or more than 100 distinct integers is regressed)"),
  targetScale: z.object({ mean: z.number(), std: z.number().positive() }).optional()
    .describe("Regression: the target's mean and standard deviation on the training rows (filled from the data): the output is the standardized prediction times std plus mean, in the target's units"),
};
const anyModalities = { ...fusionData, ...target, modalities: modalities(1, 'this template') };
const gatedModalities = (template: string) => ({ ...fusionData, ...target, modalities: modalities(2, template) });

export const ConcatFusionTemplate = z.object({
  template: z.literal('concat-fusion'), ...anyModalities, hidden: hiddenList([128, 64]), dropout: dropout(0.1),
}).describe('Early fusion: concatenate all modalities, then an MLP');

export const LateFusionTemplate = z.object({
  template: z.literal('late-fusion'), ...anyModalities, hidden: hiddenList([64], 'Hidden widths of each modality’s MLP'), dropout: dropout(0.1),
}).describe('Late fusion: one MLP per modality, their logits averaged with learned weights');

export const GmuTemplate = z.object({
  template: z.literal('gmu'), ...gatedModalities('gmu'), hidden: hiddenList([64], 'Hidden widths of the MLP after the GMU'), dropout: dropout(0.1),
  gate: gateField(GmuGate, { kind: 'gmu' }),
}).describe('Gated multimodal unit fusion, then an MLP (Arevalo et al. 2017)');

export const MoeFusionTemplate = z.object({
  template: z.literal('moe-fusion'), ...gatedModalities('moe-fusion'),
  expertHidden: hiddenList([64], 'Hidden widths of each modality expert'), dropout: dropout(0.1),
  router: gateField(z.discriminatedUnion('kind', [SoftmaxRouter, SinkhornRouter]), { kind: 'softmax-router', experts: 2 })
    .describe('Router over modality experts (experts = number of modalities)'),
}).superRefine((c, ctx) => {
  if (c.router.experts !== c.modalities.length)
    ctx.addIssue({ code: 'custom', path: ['router', 'experts'], message: `one expert per modality: experts must equal the number of modalities (${c.modalities.length}), got ${c.router.experts}` });
}).describe('MoE fusion: one expert per modality, a softmax router over all modalities weighs them');

export const GatedCrossAttentionTemplate = z.object({
  template: z.literal('gated-cross-attention'), ...gatedModalities('gated-cross-attention'),
  tokens: z.number().int().min(1).max(64).default(4).describe('Tokens each modality is projected to'),
  dModel: z.number().int().positive().max(4096).default(32).describe('Token width'),
  heads: z.number().int().positive().max(64).default(4).describe('Attention heads (must divide the model width, d_model)'),
  hidden: hiddenList([64], 'Hidden widths of the output MLP'), dropout: dropout(0.1),
  gate: gateField(GatedAttentionGate, { kind: 'gated-attention' }),
}).superRefine((c, ctx) => {
  if (c.dModel % c.heads !== 0) ctx.addIssue({ code: 'custom', path: ['heads'], message: `heads must divide dModel (got dModel=${c.dModel}, heads=${c.heads})` });
}).describe('Gated cross-modal attention: each modality’s tokens attend to the other modalities, output gated before projection');

/**
 * Early exit (issue 7): `blocks` ReLU blocks over the concatenated modalities, after each a classifier head
 * and (but for the last) an exit gate; training sums the exits' losses (deep supervision) and teaches each
 * gate, per sample, whether its exit is already right. engine/models/fusion/early-exit.ts.
 */
export const EarlyExitMlpTemplate = z.object({
  template: z.literal('early-exit-mlp'), ...anyModalities,
  hidden: z.number().int().positive().max(65536).default(64).describe('Width of every block'),
  blocks: z.number().int().min(2).max(16).default(3).describe('Blocks, each followed by an exit (a classifier head; all but the last also an exit gate)'),
  dropout: dropout(0),
  exitWeights: z.array(z.number().min(0)).max(16).default([])
    .describe('Deep supervision: weight of each exit’s task loss, first to last (empty: 1 each); the gate’s exit loss weight multiplies the early exits’ weights'),
  gate: gateField(EarlyExitGate, { kind: 'early-exit' }),
}).superRefine((c, ctx) => {
  if (c.exitWeights.length && c.exitWeights.length !== c.blocks)
    ctx.addIssue({ code: 'custom', path: ['exitWeights'], message: `one weight per exit: ${c.blocks} blocks need ${c.blocks} weights, got ${c.exitWeights.length}` });
  // its exit gates learn whether an exit's class is already right: a regression has no right class
  if (c.task === 'regression')
    ctx.addIssue({ code: 'custom', path: ['task'], message: `early-exit-mlp classifies (each exit gate learns whether its exit's class is right); for a number to regress use concat-fusion, late-fusion, gmu, moe-fusion or gated-cross-attention, or --set task=classification` });
}).describe('Early-exit MLP: an exit (classifier + exit gate) after every block; at inference a sample stops at the first gate above the threshold');

export const FUSION_TEMPLATES = [ConcatFusionTemplate, LateFusionTemplate, GmuTemplate, MoeFusionTemplate, GatedCrossAttentionTemplate, EarlyExitMlpTemplate] as const;

// Multimodal fusion templates (ARCHITECTURE §4): concat and late fusion baselines, then GMU, MoE fusion and
// gated cross-modal attention.
import { z } from 'zod';
import { GatedAttentionGate, GmuGate, SoftmaxRouter } from '../gates';
import { fusionData, gateField, hiddenList } from './base';

const dropout = (d: number) => z.number().min(0).lt(1).default(d).describe('Dropout probability');

export const ConcatFusionTemplate = z.object({
  template: z.literal('concat-fusion'), ...fusionData, hidden: hiddenList([128, 64]), dropout: dropout(0.1),
}).describe('Early fusion: concatenate all modalities, then an MLP');

export const LateFusionTemplate = z.object({
  template: z.literal('late-fusion'), ...fusionData, hidden: hiddenList([64], 'Hidden widths of each modality’s MLP'), dropout: dropout(0.1),
}).describe('Late fusion: one MLP per modality, their logits averaged with learned weights');

export const GmuTemplate = z.object({
  template: z.literal('gmu'), ...fusionData, hidden: hiddenList([64], 'Hidden widths of the MLP after the GMU'), dropout: dropout(0.1),
  gate: gateField(GmuGate, { kind: 'gmu' }),
}).describe('Gated multimodal unit fusion, then an MLP (Arevalo et al. 2017)');

export const MoeFusionTemplate = z.object({
  template: z.literal('moe-fusion'), ...fusionData,
  expertHidden: hiddenList([64], 'Hidden widths of each modality expert'), dropout: dropout(0.1),
  router: gateField(SoftmaxRouter, { kind: 'softmax-router', experts: 2 }).describe('Router over modality experts (experts = number of modalities)'),
}).superRefine((c, ctx) => {
  if (c.router.experts !== c.modalities.length)
    ctx.addIssue({ code: 'custom', path: ['router', 'experts'], message: `one expert per modality: experts must equal the number of modalities (${c.modalities.length}), got ${c.router.experts}` });
}).describe('MoE fusion: one expert per modality, a softmax router over all modalities weighs them');

export const GatedCrossAttentionTemplate = z.object({
  template: z.literal('gated-cross-attention'), ...fusionData,
  tokens: z.number().int().min(1).max(64).default(4).describe('Tokens each modality is projected to'),
  dModel: z.number().int().positive().max(4096).default(32).describe('Token width'),
  heads: z.number().int().positive().max(64).default(4).describe('Attention heads (must divide dModel)'),
  hidden: hiddenList([64], 'Hidden widths of the output MLP'), dropout: dropout(0.1),
  gate: gateField(GatedAttentionGate, { kind: 'gated-attention' }),
}).superRefine((c, ctx) => {
  if (c.dModel % c.heads !== 0) ctx.addIssue({ code: 'custom', path: ['heads'], message: `heads must divide dModel (got dModel=${c.dModel}, heads=${c.heads})` });
}).describe('Gated cross-modal attention: each modality’s tokens attend to the other modalities, output gated before projection');

export const FUSION_TEMPLATES = [ConcatFusionTemplate, LateFusionTemplate, GmuTemplate, MoeFusionTemplate, GatedCrossAttentionTemplate] as const;

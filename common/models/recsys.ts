// Recommendation / CTR templates (ARCHITECTURE §4): LR, DNN, DeepFM, DCN-V2, then the gated FinalMLP, MMoE, MoE DNN.
import { z } from 'zod';
import { HardGate, MmoeGate, SigmoidGate, SinkhornRouter, TopKRouter, granularityAt } from '../gates';
import { gateField, hiddenList, recsysData } from './base';

const dropout = (d: number) => z.number().min(0).lt(1).default(d).describe('Dropout probability');

export const LrTemplate = z.object({ template: z.literal('lr'), ...recsysData })
  .describe('Logistic regression: one weight per categorical value and per numeric feature');

export const DnnTemplate = z.object({
  template: z.literal('dnn'), ...recsysData, hidden: hiddenList([400, 400, 400]), dropout: dropout(0.1),
}).describe('DNN: an MLP over the concatenated field embeddings and numeric features');

export const DeepFmTemplate = z.object({
  template: z.literal('deepfm'), ...recsysData, hidden: hiddenList([400, 400, 400]), dropout: dropout(0.1),
}).describe('DeepFM: first-order terms + factorisation-machine pairwise interactions + a DNN, sharing embeddings (Guo et al. 2017)');

export const DcnV2Template = z.object({
  template: z.literal('dcn-v2'), ...recsysData,
  crossLayers: z.number().int().min(1).max(16).default(3).describe('Cross layers x_{l+1} = x_0 ⊙ (W x_l + b) + x_l'),
  hidden: hiddenList([400, 400]), dropout: dropout(0.1),
  structure: z.enum(['parallel', 'stacked']).default('parallel').describe('Cross network and DNN side by side or one after the other'),
}).describe('DCN-V2: full-rank cross network with a DNN (Wang et al. 2021)');

// FinalMLP's gates see the embeddings of all fields: one value per embedding element (the paper's feature
// gating) or per field (the hard gate's feature selection); there are no channels over time or heads there.
const streamGranularity = (def: 'element' | 'field') => granularityAt(['element', 'field'], def, 'on the field embeddings');
const StreamGate = z.discriminatedUnion('kind', [
  SigmoidGate.extend({ granularity: streamGranularity('element') }).describe(SigmoidGate.description!),
  HardGate.extend({ granularity: streamGranularity('field') }).describe(HardGate.description!),
]);

export const FinalMlpTemplate = z.object({
  template: z.literal('finalmlp'), ...recsysData,
  stream1: hiddenList([400, 400, 400], 'Hidden widths of stream 1'),
  stream2: hiddenList([800], 'Hidden widths of stream 2'),
  dropout: dropout(0.1),
  gate1: gateField(StreamGate, { kind: 'sigmoid', scale: 2, granularity: 'element' }).describe('Feature gate of stream 1 (FinalMLP: 2·σ, a neutral gate is the identity)'),
  gate2: gateField(StreamGate, { kind: 'sigmoid', scale: 2, granularity: 'element' }).describe('Feature gate of stream 2'),
  heads: z.number().int().min(1).max(64).default(2).describe('Heads of the bilinear fusion (must divide both stream output widths)'),
}).superRefine((c, ctx) => {
  const o1 = c.stream1.at(-1), o2 = c.stream2.at(-1);
  if (!o1 || !o2) ctx.addIssue({ code: 'custom', path: [o1 ? 'stream2' : 'stream1'], message: 'each stream needs at least one layer' });
  else if (o1 % c.heads || o2 % c.heads)
    ctx.addIssue({ code: 'custom', path: ['heads'], message: `heads must divide both stream output widths (got heads=${c.heads}, widths ${o1} and ${o2})` });
}).describe('FinalMLP: two MLP streams with feature gating, fused by multi-head bilinear fusion (Mao et al. 2023)');

export const MmoeTemplate = z.object({
  template: z.literal('mmoe'), ...recsysData,
  expertHidden: hiddenList([128], 'Hidden widths of each shared expert'),
  towerHidden: hiddenList([64], 'Hidden widths of each task tower'),
  dropout: dropout(0.1),
  gate: gateField(MmoeGate, { kind: 'mmoe', experts: 4, tasks: 2 }),
}).superRefine((c, ctx) => {
  if (c.gate.tasks !== 2) ctx.addIssue({ code: 'custom', path: ['gate', 'tasks'], message: `this template has two tasks (click and rating); got ${c.gate.tasks}` });
}).describe('MMoE for two tasks: click (binary) and rating (regression), per-task softmax gates over shared experts (Ma et al. 2018)');

export const MoeDnnTemplate = z.object({
  template: z.literal('moe-dnn'), ...recsysData,
  expertHidden: hiddenList([256, 128], 'Hidden widths of each expert MLP'),
  dropout: dropout(0.1),
  router: gateField(z.discriminatedUnion('kind', [TopKRouter, SinkhornRouter]), { kind: 'topk-router', experts: 4, k: 2 }),
}).describe('Top-k mixture-of-experts DNN: a noisy top-k router over expert MLPs');

export const RECSYS_TEMPLATES = [LrTemplate, DnnTemplate, DeepFmTemplate, DcnV2Template, FinalMlpTemplate, MmoeTemplate, MoeDnnTemplate] as const;

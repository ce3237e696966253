// Gates inside attention: gated attention on the SDPA output, and gated linear attention (GLA).
import { z } from 'zod';
import { enabledField } from './base';

export const GatedAttentionGate = z
  .object({
    kind: z.literal('gated-attention'),
    enabled: enabledField('plain scaled dot-product attention, its output unscaled before the output projection'),
    mode: z
      .enum(['elementwise', 'headwise'])
      .default('elementwise')
      .describe('elementwise: one gate per output element; headwise: one gate per head and token (Qiu et al. 2025 found elementwise best)'),
    initBias: z.number().default(0).describe('Initial bias b of the gate σ(X Wθ + b): positive starts the gate open (0 = half open, σ(0) = 0.5), negative starts it closed'),
  })
  .describe('Gated attention: SDPA output ⊙ σ(X Wθ), before the output projection (Qiu et al. 2025)');

export const GlaGate = z
  .object({
    kind: z.literal('gla'),
    enabled: enabledField('no forget gate (G_t = 1): plain linear attention; the output gate stays'),
    heads: z.number().int().positive().max(64).default(4).describe('Number of heads'),
    rank: z.number().int().positive().max(256).default(16).describe('Rank of the low-rank forget-gate projection (GLA uses 16)'),
    normalizer: z.number().positive().default(16).describe('Gate logits are divided by this before log-sigmoid (GLA uses 16)'),
    form: z.enum(['chunked', 'recurrent']).default('chunked').describe('chunked-parallel (faster) or recurrent; both give the same output'),
    chunkSize: z.number().int().positive().max(1024).default(16).describe('Chunk length of the chunked-parallel form'),
    keyRatio: z.number().positive().max(2).default(0.5).describe('Key width as a fraction of the model width (GLA uses 0.5)'),
  })
  .describe('Gated linear attention: S_t = G_t ⊙ S_{t−1} + k_tᵀv_t, o_t = q_t S_t, output gate LN(o) ⊙ swish(xW_r) (Yang et al. 2023)');

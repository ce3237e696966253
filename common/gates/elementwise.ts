// Gates that multiply a signal elementwise: the sigmoid gate, the GLU family and the hard (straight-through) gate.
import { z } from 'zod';
import { Granularity, enabledField } from './base';

export const SigmoidGate = z
  .object({
    kind: z.literal('sigmoid'),
    enabled: enabledField('gate = 1, so y = v (the activations pass unscaled)'),
    scale: z.number().positive().max(4).default(1).describe('s in y = s·σ(xW+b)⊙v; FinalMLP uses 2 so a neutral gate is the identity'),
    initBias: z.number().default(0).describe('Initial b: positive starts the gate open, negative starts it closed'),
    granularity: Granularity.default('element'),
  })
  .describe('Sigmoid gate: y = s·σ(xW+b) ⊙ v (FinalMLP feature gating, PatchTSMixer gated attention)');

export const GluGate = z
  .object({
    kind: z.literal('glu'),
    enabled: enabledField('y = xW, the linear value branch without its gate'),
    variant: z.enum(['glu', 'geglu', 'swiglu']).default('swiglu').describe('Activation of the gating branch: sigmoid (GLU), GELU (GEGLU) or SiLU (SwiGLU)'),
    bias: z.boolean().default(false).describe('Biases on W and V (Shazeer 2020 uses none)'),
  })
  .describe('GLU family: (xW) ⊙ act(xV), act = σ (GLU), GELU (GEGLU), SiLU (SwiGLU)');

export const HardGate = z
  .object({
    kind: z.literal('hard'),
    enabled: enabledField('gate = 1, so y = v (every unit passes)'),
    threshold: z.number().gt(0).lt(1).default(0.5).describe('The gate is 1 where σ(xW+b) > threshold, else 0'),
    initBias: z.number().default(1).describe('Initial b; positive starts (most) gates open'),
    granularity: Granularity.default('field'),
    sparsity: z.number().min(0).default(0).describe('Weight of an L1 penalty on the mean gate probability (pushes towards closing)'),
  })
  .describe('Hard gate: binary in the forward pass, sigmoid gradient backward (straight-through, Bengio et al. 2013)');

// Gates that decide between modalities or between depths: the GMU and the early-exit gate.
import { z } from 'zod';
import { enabledField } from './base';

export const GmuGate = z
  .object({
    kind: z.literal('gmu'),
    enabled: enabledField('the equal-weight average of the modality projections h_m'),
    hidden: z.number().int().positive().max(4096).default(64).describe('Width of each modality projection h_m = tanh(W_m x_m)'),
    bimodal: z
      .boolean()
      .default(true)
      .describe('With exactly two modalities use one gate z and (1−z) as in the GMU paper; otherwise a softmax-free σ gate per modality'),
  })
  .describe('Gated multimodal unit: h_m = tanh(W_m x_m), z = σ(W_z [x_1..x_M]), h = Σ z_m ⊙ h_m');

export const EarlyExitGate = z
  .object({
    kind: z.literal('early-exit'),
    enabled: enabledField('no early exits: every sample runs all blocks and uses the last exit'),
    threshold: z.number().gt(0).lt(1).default(0.5).describe('At inference a sample exits after block i when its exit gate exceeds this'),
    exitLossWeight: z.number().min(0).default(1).describe('Weight of the intermediate exits’ task losses during training'),
    gateLossWeight: z.number().min(0).default(0.1).describe('Weight of the gating loss that teaches each gate whether its exit is already right'),
    tolerance: z.number().min(0).default(0.05).describe('An exit counts as right (gate target 1) when its loss is within this of the last exit’s loss'),
    costWeight: z.number().min(0).default(0.01).describe('Penalty per block computed (pushes towards exiting early)'),
  })
  .describe('Early-exit gate: per-sample exit decision after each block (JEI-DNN style)');

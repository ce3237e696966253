// Routers that mix experts: dense softmax, top-k (noisy), Sinkhorn, and MMoE's per-task gates.
import { z } from 'zod';
import { RouterLosses, enabledField, refuseLoadWithoutNoise } from './base';

const uniformOff = enabledField('a uniform mixture, every expert weighted 1/experts for every token');

const experts = z.number().int().min(2).max(256).default(4).describe('Number of experts');

export const TemperatureSchedule = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('constant') }),
    z.object({
      kind: z.literal('dense-to-sparse'),
      from: z.number().positive().default(2).describe('Temperature at step 0 (start value; high: dense routing)'),
      to: z.number().positive().default(0.3).describe('Temperature at the end of the schedule (end value; low: near one-hot routing)'),
      steps: z.number().int().positive().default(10000).describe('Steps over which the temperature falls geometrically from its start value to its end value, then stays there'),
    }),
  ])
  .describe('How the router temperature evolves during training');

export const SoftmaxRouter = z
  .object({
    kind: z.literal('softmax-router'),
    enabled: uniformOff,
    experts,
    temperature: z.number().positive().default(1).describe('τ in p = softmax(xW_r/τ)'),
    schedule: TemperatureSchedule.default({ kind: 'constant' }),
    ...RouterLosses.shape,
  })
  .superRefine((c, ctx) => refuseLoadWithoutNoise(c, ctx, 'dense softmax router'))
  .describe('Dense softmax router: p = softmax(xW_r/τ), y = Σ p_e E_e(x)');

export const TopKRouter = z
  .object({
    kind: z.literal('topk-router'),
    enabled: uniformOff,
    experts: z.number().int().min(2).max(256).default(8).describe('Number of experts'),
    k: z.number().int().min(1).max(64).default(2).describe('Experts each token is sent to'),
    noisy: z.boolean().default(true).describe('Noisy top-k gating: H = xW_g + ε·softplus(xW_noise) during training (Shazeer 2017)'),
    capacityFactor: z.number().positive().optional().describe('Per-expert capacity = factor·k·tokens/experts; overflow tokens are dropped (Switch used 1.25); unset: no limit'),
    ...RouterLosses.shape,
  })
  .superRefine((c, ctx) => {
    if (c.k > c.experts) ctx.addIssue({ code: 'custom', path: ['k'], message: `k must be at most experts (got k=${c.k}, experts=${c.experts})` });
    if (!c.noisy) refuseLoadWithoutNoise(c, ctx, 'top-k router without noisy gating');
  })
  .describe('Top-k router: G = softmax(KeepTopK(H, k)), optionally noisy (Shazeer 2017)');

export const SinkhornRouter = z
  .object({
    kind: z.literal('sinkhorn-router'),
    enabled: uniformOff,
    experts,
    k: z.number().int().min(1).max(64).default(1).describe('Experts each token is sent to (chosen from the transport map)'),
    iterations: z.number().int().min(1).max(50).default(3).describe('Sinkhorn normalisation iterations'),
    temperature: z.number().positive().default(1).describe('Entropic temperature ε on the logits before Sinkhorn'),
    ...RouterLosses.shape,
  })
  .superRefine((c, ctx) => {
    if (c.k > c.experts) ctx.addIssue({ code: 'custom', path: ['k'], message: `k must be at most experts (got k=${c.k}, experts=${c.experts})` });
    refuseLoadWithoutNoise(c, ctx, 'Sinkhorn router');
  })
  .describe('Sinkhorn router: balanced assignment from a few Sinkhorn iterations on the router logits');

export const MmoeGate = z
  .object({
    kind: z.literal('mmoe'),
    enabled: enabledField('every task averages the experts with equal weights'),
    experts,
    tasks: z.number().int().min(1).max(16).default(2).describe('Number of tasks, each with its own softmax gate'),
    temperature: z.number().positive().default(1).describe('Softmax temperature of every task gate'),
  })
  .describe('MMoE multi-gate: one softmax gate per task over shared experts');

// Pieces every gate schema shares: the granularity vocabulary, the auxiliary-loss settings of routers,
// and one error formatter so that a bad config always names the gate kind and the field.
import { z } from 'zod';

/** Where one gate value applies: each element, each channel (last axis), each head, or each feature field. */
export const Granularity = z
  .enum(['element', 'channel', 'head', 'field'])
  .describe('What one gate value controls: one element, one channel, one attention head or one feature field');
export type Granularity = z.infer<typeof Granularity>;

/**
 * Switch-Transformer load balancing α·N_E·Σ f_i P_i; "global-batch" accumulates the dispatch fractions f over
 * a Loop call (f carries no gradient, so only the current step's router probabilities P are differentiated).
 */
export const LoadBalanceLoss = z
  .object({
    weight: z.number().min(0).default(0.01).describe('α of the Switch load-balancing loss (0 turns it off); Switch used 0.01'),
    scope: z
      .enum(['micro-batch', 'global-batch'])
      .default('micro-batch')
      .describe('micro-batch: f and P of the step; global-batch: f averaged over the steps of a Loop call so far, P of the step (lets experts specialise)'),
  })
  .describe('Load-balancing auxiliary loss');

export const RouterLosses = z.object({
  loadBalance: LoadBalanceLoss.default({ weight: 0.01, scope: 'micro-batch' }),
  zLoss: z.number().min(0).default(0.001).describe('Weight of the router z-loss (1/B)Σ(log Σ e^x)²; ST-MoE used 0.001'),
  importance: z.number().min(0).default(0).describe('Weight of the CV² importance loss (Shazeer 2017 used 0.1)'),
  load: z.number().min(0).default(0).describe('Weight of the CV² load loss (Shazeer 2017 used 0.1; needs noisy gating)'),
});

/** Fields every gate carries: ablations flip `enabled` without losing the rest of the config. */
export const gateBase = {
  enabled: z.boolean().default(true).describe('Off replaces the gate by its ungated path (for ablations)'),
};

/**
 * Turns zod issues into one message a user can act on: the gate (or template), the field path, what was wrong.
 * `what` is e.g. "gate 'topk-router'" or "template 'dlinear'".
 */
export function describeConfigError(what: string, error: z.ZodError): string {
  const lines = error.issues.map((i) => {
    const field = i.path.length ? i.path.map(String).join('.') : '(whole config)';
    return `${what}: field '${field}': ${i.message}`;
  });
  return lines.join('\n');
}

export class ConfigError extends Error {
  constructor(message: string, readonly fields: string[]) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses with a schema and throws a ConfigError naming the fields on failure. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new ConfigError(describeConfigError(what, r.error), r.error.issues.map((i) => i.path.map(String).join('.')));
}

// Pieces every gate schema shares: the granularity vocabulary, the auxiliary-loss settings of routers,
// and one error formatter so that a bad config always names the gate kind and the field.
import { z } from 'zod';

/** Where one gate value applies: each element, each channel (last axis), each head, or each feature field. */
export const Granularity = z
  .enum(['element', 'channel', 'head', 'field'])
  .describe('What one gate value controls: one element, one channel, one attention head or one feature field');
export type Granularity = z.infer<typeof Granularity>;

/**
 * The granularities one gate position supports, as its own enum: a TSMixer channel gate sees [T, C]
 * activations (no heads, no feature fields), FinalMLP's gates see a flat embedding vector. Offering only
 * these keeps the form from accepting what the engine cannot build ("needs heads", a field axis that is time).
 */
export function granularityAt<const G extends Granularity>(allowed: readonly [G, ...G[]], def: G, where: string) {
  return z.enum(allowed).default(def as never).describe(`What one gate value controls ${where}: ${allowed.join(' or ')} (${allowed.map((g) => GRANULARITY_WORDS[g]).join('; ')})`);
}

const GRANULARITY_WORDS: Record<Granularity, string> = {
  element: 'element: one gate value per activation',
  channel: 'channel: one value per variable, shared by all time steps',
  head: 'head: one value per attention head',
  field: 'field: one value per feature field',
};

/**
 * Switch-Transformer load balancing α·N_E·Σ f_i P_i; "global-batch" accumulates the dispatch fractions f over
 * a Loop call (f carries no gradient, so only the current step's router probabilities P are differentiated).
 */
export const LoadBalanceLoss = z
  .object({
    weight: z.number().min(0).default(0.01).describe('α of the Switch load-balancing loss α·N_E·Σ f_i·P_i, which pushes the router to spread tokens evenly over the experts (0 turns it off); Switch used 0.01'),
    scope: z
      .enum(['micro-batch', 'global-batch'])
      .default('micro-batch')
      .describe('Where f (the fraction of tokens routed to each expert) and P (the mean router probability of each expert) are measured. micro-batch: both over the current step; global-batch: f averaged over the steps of one Loop call so far, P over the current step (a looser balance that lets experts specialise)'),
  })
  .describe('Load-balancing auxiliary loss');

export const RouterLosses = z.object({
  loadBalance: LoadBalanceLoss.default({ weight: 0.01, scope: 'micro-batch' }),
  zLoss: z.number().min(0).default(0.001).describe('Weight of the router z-loss, which keeps the router logits small so routing stays numerically stable (ST-MoE; (1/B)Σ(log Σ e^x)²); ST-MoE used 0.001'),
  importance: z.number().min(0).default(0).describe('Weight of the CV² importance loss: penalises experts whose summed router weight differs from the others’ (Shazeer 2017 used 0.1)'),
  load: z.number().min(0).default(0).describe('Weight of the CV² load loss: penalises uneven numbers of tokens per expert, through a smooth estimate that only noisy top-k gating provides (Shazeer 2017 used 0.1; needs the top-k router with noisy gating on)'),
});

/**
 * The `enabled` switch every gate carries (ablations flip it without losing the rest of the config), with
 * what "off" computes for this gate, in words: ablation results are read against it.
 */
export const enabledField = (offPath: string) =>
  z.boolean().default(true).describe(`Off replaces the gate by its ungated path: ${offPath} (for ablations)`);


/** The CV² load loss needs a differentiable load estimate, which only noisy top-k gating gives. */
// The advice is in CLI words, relative to the gate (`--set load=0`): the CLI names the gate's field in full
// (common/runs/new-run-config.ts qualifiedSetFlag), the app says it with the form's labels ("set Load to 0", renderer/lib/user-errors.ts).
export function refuseLoadWithoutNoise(c: { load: number }, ctx: z.RefinementCtx, router: string): void {
  if (c.load > 0)
    ctx.addIssue({ code: 'custom', path: ['load'], message: `the CV² load loss needs noisy top-k gating (its smooth load estimate); the ${router} has none, so this loss would not train the router: --set load=0 (the importance loss balances without noise), or use the top-k router with noisy gating on` });
}

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

// Gate knockout: evaluate a trained run with one gate's output replaced (no retraining, no new
// parameters). The vocabulary the engine (graph variants), the lab (jobs, table), the CLI and the UI share.
import { z } from 'zod';
import { IntervalMethod } from './interval-method';

/**
 * What a gate's hook value is, which decides which knockouts make sense:
 *   gate       a value in [0, 1] per controlled unit (sigmoid, hard, GLU/GRN gates, GMU's z, attention gates)
 *   router     expert weights per token [..., E] (softmax, top-k, Sinkhorn routers, MMoE task gates)
 *   selection  softmax weights over input variables [..., V] (TFT variable selection)
 *   exit       early-exit probability per sample [N]
 */
export const GateValueKind = z.enum(['gate', 'router', 'selection', 'exit']);
export type GateValueKind = z.infer<typeof GateValueKind>;

/**
 * open: 1; closed: 0; mean: the gate's per-unit mean over the training split; uniform: 1/E for every
 * expert; single: all weight on one expert; top1: only the top expert (weight 1) instead of top-k.
 */
export const KnockoutMode = z.enum(['open', 'closed', 'mean', 'uniform', 'single', 'top1']);
export type KnockoutMode = z.infer<typeof KnockoutMode>;
export const KNOCKOUT_MODES = KnockoutMode.options;

const MODES_BY_KIND: Record<GateValueKind, KnockoutMode[]> = {
  gate: ['open', 'closed', 'mean'],
  exit: ['open', 'closed', 'mean'],
  router: ['uniform', 'top1', 'single', 'mean'],
  selection: ['uniform', 'single', 'mean'],
};

/** The knockouts that make sense for a kind of gate value ('single' expands to one per expert). */
export const modesFor = (kind: GateValueKind): KnockoutMode[] => MODES_BY_KIND[kind];

export const Intervention = z
  .object({
    gate: z.string().min(1).describe('Gate name as the model reports it, e.g. gate1, router, gmu, exit.gate0'),
    mode: KnockoutMode,
    expert: z.number().int().min(0).optional().describe("Expert (or variable / modality) index for mode 'single'"),
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'single' && v.expert === undefined) ctx.addIssue({ code: 'custom', path: ['expert'], message: "mode 'single' needs an expert index" });
  });
export type Intervention = z.infer<typeof Intervention>;

/** A readable label: "gate1 closed", "router single expert 2". */
export const describeIntervention = (i: Intervention): string =>
  i.mode === 'single' ? `${i.gate} single expert ${i.expert}` : `${i.gate} ${i.mode}`;

/** A gate as found in a model: its name, kind and per-sample shape of its hook value. */
export const GateProbe = z.object({
  gate: z.string(),
  kind: GateValueKind,
  /** Shape without the batch axis (routers/selection: last axis = experts/variables). */
  shape: z.array(z.number().int()),
});
export type GateProbe = z.infer<typeof GateProbe>;

/** Every intervention of a gate list ("knock out all gates one by one"). */
export function allInterventions(gates: readonly GateProbe[]): Intervention[] {
  const out: Intervention[] = [];
  for (const g of gates) {
    for (const mode of modesFor(g.kind)) {
      if (mode !== 'single') { out.push({ gate: g.gate, mode }); continue; }
      const n = g.shape.at(-1) ?? 0;
      for (let e = 0; e < n && e < 16; e++) out.push({ gate: g.gate, mode, expert: e });
    }
  }
  return out;
}

export const ConfidenceInterval = z.object({ low: z.number(), high: z.number(), level: z.number() });
export type ConfidenceInterval = z.infer<typeof ConfidenceInterval>;

export const KnockoutRow = z.object({
  gate: z.string(),
  kind: GateValueKind,
  mode: KnockoutMode,
  expert: z.number().int().optional(),
  /** The metric with the intervention, on the test split. */
  value: z.number(),
  /** value − baseline (for "lower is better" metrics a positive delta is a loss). */
  delta: z.number(),
  /**
   * The metric this row is scored on, when it is not the table's: each of MMoE's task gates is scored on
   * its own task (the rating gate on rating_rmse, the click gate on auc). Tables stored before: absent, and
   * every row is the table's `metric` (rowScore reads both).
   */
  metric: z.string().optional(),
  /** Whether higher is better for the row's `metric` (absent: the table's). */
  higherIsBetter: z.boolean().optional(),
  /** The row's `metric` as trained, which `delta` is measured from (absent: the table's `baseline`). */
  baseline: z.number().optional(),
  /**
   * Forecasting with a target role (`--target OT`) among several channels: each target channel's own MSE
   * with this knockout (the row's metric is the run's headline mse, every channel's mean, as the trainer
   * scores the test split; `gatelab show` prints the target's own error beside it). Absent otherwise.
   */
  channels: z.array(z.object({ name: z.string(), baseline: z.number(), value: z.number(), delta: z.number(), ci: ConfidenceInterval })).optional(),
  /** Paired bootstrap interval of the delta over test samples (the table's `interval` says how it was resampled). */
  ci: ConfidenceInterval,
});
export type KnockoutRow = z.infer<typeof KnockoutRow>;

export const KnockoutTable = z.object({
  runId: z.number().int(),
  split: z.string(),
  metric: z.string(),
  higherIsBetter: z.boolean(),
  baseline: z.number(),
  samples: z.number().int(),
  resamples: z.number().int(),
  seed: z.number().int(),
  /** How the intervals were resampled; absent in tables stored before the block bootstrap (independent draws). */
  interval: IntervalMethod.optional(),
  rows: z.array(KnockoutRow),
});
export type KnockoutTable = z.infer<typeof KnockoutTable>;

/** What one row is scored on: its own metric (MMoE's task gates), else the table's. */
export interface RowScore { metric: string; higherIsBetter: boolean; baseline: number }
export const rowScore = (t: Pick<KnockoutTable, 'metric' | 'higherIsBetter' | 'baseline'>, r: KnockoutRow): RowScore =>
  ({ metric: r.metric ?? t.metric, higherIsBetter: r.higherIsBetter ?? t.higherIsBetter, baseline: r.baseline ?? t.baseline });

/** The metrics a table's rows are scored on, the table's own first ("auc", "rating_rmse"). */
export const tableMetrics = (t: KnockoutTable): string[] => [...new Set([t.metric, ...t.rows.map((r) => rowScore(t, r).metric)])];

/**
 * A forecasting run's target channels (`--target OT` among several), each as a table of its own: the rows'
 * `channels` numbers under the metric "mse of 'OT'", so every face shows them as it shows a table.
 */
export function targetChannelTables(t: KnockoutTable): (KnockoutTable & { channel: string })[] {
  const channels = [...new Set(t.rows.flatMap((r) => r.channels?.map((c) => c.name) ?? []))];
  return channels.map((channel) => {
    const rows = t.rows.flatMap(({ channels: all, metric: _metric, higherIsBetter: _better, baseline: _baseline, ...r }) => {
      const c = all?.find((x) => x.name === channel);
      return c ? [{ ...r, value: c.value, delta: c.delta, ci: c.ci }] : [];
    });
    const baseline = t.rows.flatMap((r) => r.channels ?? []).find((c) => c.name === channel)!.baseline;
    return { ...t, channel, metric: `mse of '${channel}'`, higherIsBetter: false, baseline, rows };
  });
}

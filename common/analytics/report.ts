// What each gate learned, as data: the gate report of one run (rendered to HTML by the lab, drawn by the
// UI) and the per-feature importance CSV.
import { z } from 'zod';
import { ComputeReport, ExitCurve } from './compute';
import { KnockoutTable } from './knockout';

/** Feature gates: mean gate value per input feature/field on the test split, ranked (1 = most open). */
export const FeatureGateReport = z.object({
  gate: z.string(),
  features: z.array(z.object({ feature: z.string(), mean: z.number(), rank: z.number().int() })),
});
export type FeatureGateReport = z.infer<typeof FeatureGateReport>;

/** Routers: share of each class's samples (columns) routed to each expert (rows), and load over training. */
export const RouterReport = z.object({
  gate: z.string(),
  experts: z.number().int(),
  /** Column labels: classes (or target buckets for regression). */
  classes: z.array(z.string()),
  /** [expert][class]: mean router weight of the class's samples on the expert. */
  assignment: z.array(z.array(z.number())),
  /** Mean weight per expert on the test split. */
  load: z.array(z.number()),
  /** Expert load recorded during training (from the run's gate statistics), when available. */
  loadOverTraining: z.array(z.object({ step: z.number(), load: z.array(z.number()) })),
});
export type RouterReport = z.infer<typeof RouterReport>;

/** Fusion gates: distribution of the weight of each modality over the test split, and per-sample weights. */
export const FusionReport = z.object({
  gate: z.string(),
  modalities: z.array(z.string()),
  /** [modality][bin]: fraction of samples whose weight falls in each tenth of [0, 1]. */
  histogram: z.array(z.array(z.number())),
  mean: z.array(z.number()),
  /** Per-sample weights (test split order, first samples only): sortable in the UI. */
  samples: z.array(z.object({ index: z.number().int(), weights: z.array(z.number()) })),
});
export type FusionReport = z.infer<typeof FusionReport>;

/** Gated attention: share of attention on the first token per layer (an attention sink shows up high). */
export const AttentionSinkReport = z.object({
  layer: z.string(),
  firstTokenAttention: z.number(),
  /** Whether this layer's output gate was on in this run (compare with the same run ablated). */
  gated: z.boolean(),
});
export type AttentionSinkReport = z.infer<typeof AttentionSinkReport>;

export const GateReport = z.object({
  runId: z.number().int(),
  title: z.string(),
  metric: z.object({ name: z.string(), value: z.number() }),
  featureGates: z.array(FeatureGateReport),
  routers: z.array(RouterReport),
  fusion: z.array(FusionReport),
  attention: z.array(AttentionSinkReport),
  knockout: KnockoutTable.optional(),
  compute: ComputeReport.optional(),
  exitCurve: ExitCurve.optional(),
});
export type GateReport = z.infer<typeof GateReport>;

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** gate,feature,mean_gate,rank rows for every feature gate (the export behind "per-feature importance"). */
export function featureImportanceCsv(report: Pick<GateReport, 'featureGates'>): string {
  const lines = ['gate,feature,mean_gate,rank'];
  for (const g of report.featureGates) for (const f of g.features) lines.push([g.gate, f.feature, f.mean, f.rank].map(csvCell).join(','));
  return lines.join('\n') + '\n';
}

/** Ranks features by mean gate value (most open first); ties keep input order. */
export function rankFeatures(names: readonly string[], means: ArrayLike<number>): FeatureGateReport['features'] {
  const order = names.map((_, i) => i).sort((a, b) => means[b] - means[a] || a - b);
  const rank = new Array<number>(names.length);
  order.forEach((i, r) => (rank[i] = r + 1));
  return names.map((feature, i) => ({ feature, mean: means[i], rank: rank[i] }));
}

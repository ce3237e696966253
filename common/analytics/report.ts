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

/**
 * Which inputs an expert specializes in: over the test samples routed mainly to it (largest mean router
 * weight), the mean of each input minus its mean over all test samples, divided by its standard
 * deviation over all test samples (a standardized difference); the largest |score| first.
 */
export const ExpertSpecialisation = z.object({
  /** What the inputs are, e.g. "input features", "field values (share of samples with the value)". */
  inputs: z.string(),
  experts: z.array(z.object({
    expert: z.number().int(),
    /** Test samples routed mainly to this expert. */
    samples: z.number().int(),
    top: z.array(z.object({
      feature: z.string(),
      /** (mean over the expert's samples − mean over all) / sd over all. */
      score: z.number(),
      /** Mean over the expert's samples. */
      mean: z.number(),
      /** Mean over all test samples. */
      overall: z.number(),
    })),
  })),
});
export type ExpertSpecialisation = z.infer<typeof ExpertSpecialisation>;

/** Routers: share of each class's samples (columns) routed to each expert (rows), and load over training. */
export const RouterReport = z.object({
  gate: z.string(),
  experts: z.number().int(),
  /** Column labels: classes (or target buckets for regression). */
  classes: z.array(z.string()),
  /** [expert][class]: mean router weight of the class's samples on the expert. */
  assignment: z.array(z.array(z.number())),
  /**
   * Mean weight per expert on the test split, as the model mixes the experts' outputs: after a top-k
   * router's pick (0 for an expert never picked); a dense router's probabilities. Not `probability`.
   */
  load: z.array(z.number()),
  /** Mean router probability per expert on the test split (the softmax over all experts, before any top-k pick); reports before this field: absent. */
  probability: z.array(z.number()).optional(),
  /** Share of the routing picks per expert on the test split (top-k: of the k picks per token; sums to 1); reports before this field: absent. */
  picks: z.array(z.number()).optional(),
  /** Tokens each test sample routes (1 for a CTR or fusion router; a sequence model's patches or steps); reports before this field: absent. */
  tokens: z.number().int().optional(),
  /**
   * Expert load recorded during training (from the run's gate statistics), when available. `firstStep`: a
   * point an older GateLab stored as the mean over one training call's steps firstStep..step (migrations/0007;
   * common/analytics/gate-words.ts names it); absent or null for a step's own value and in reports before it.
   */
  loadOverTraining: z.array(z.object({ step: z.number(), load: z.array(z.number()), firstStep: z.number().nullable().optional() })),
  /** Which inputs each expert specializes in. */
  specialisation: ExpertSpecialisation.optional(),
  /** Forecasting: [expert][series] mean router weight of each series' windows (channel-mixing models: absent). */
  series: z.object({ labels: z.array(z.string()), assignment: z.array(z.array(z.number())) }).optional(),
  /** Forecasting: [expert][hour] mean router weight by the hour of day of each window's last timestamp. */
  timeOfDay: z.object({ hours: z.array(z.number().int()), assignment: z.array(z.array(z.number())) }).optional(),
});
export type RouterReport = z.infer<typeof RouterReport>;

/** At most this many per-sample fusion weights are kept in a report (the first test samples). */
export const FUSION_SAMPLES_KEPT = 5000;

/** One test sample's modality weights, with what the model saw and said (sortable in the UI). */
export const FusionSample = z.object({
  /** Row index in the test split (0-based, split order). */
  index: z.number().int(),
  /** One weight per modality, in `modalities` order. */
  weights: z.array(z.number()),
  /** The target: class index (0/1 for binary), or the mean target for regression. */
  label: z.number().optional(),
  /** Binary: predicted probability of 1; multiclass: predicted class; regression: mean prediction. */
  prediction: z.number().optional(),
  /** Classification: whether the predicted class equals the label. */
  correct: z.boolean().optional(),
  /** Classification: the label's class as the file writes it ('three', 'spam'): `label` is its position among the classes. */
  labelName: z.string().optional(),
  /** Classification: the predicted class as the file writes it (binary: the class the probability picks, above 0.5 the second). */
  predictionName: z.string().optional(),
  /** The start of the original row's text (at most 160 characters), when the dataset has a text column. */
  text: z.string().optional(),
});
export type FusionSample = z.infer<typeof FusionSample>;

/** Fusion gates: distribution of the weight of each modality over the test split, and per-sample weights. */
export const FusionReport = z.object({
  gate: z.string(),
  modalities: z.array(z.string()),
  /** [modality][bin]: fraction of samples whose weight falls in each tenth of [0, 1]. */
  histogram: z.array(z.array(z.number())),
  mean: z.array(z.number()),
  /** Per-sample weights (test split order, the first FUSION_SAMPLES_KEPT samples): sortable in the UI. */
  samples: z.array(FusionSample),
  /** Test samples in the split (`samples` holds at most FUSION_SAMPLES_KEPT of them). */
  samplesTotal: z.number().int().optional(),
  /** Column the `text` snippets come from, when the dataset has a text column. */
  textColumn: z.string().optional(),
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

/**
 * The attention sink with and without the output gate: this run's first-token share per layer beside
 * that of its sibling run (same dataset and template, config differing only in the attention gate).
 */
export const AttentionSinkPair = z.object({
  /** The sibling run, when one exists. */
  siblingRunId: z.number().int().optional(),
  /** The config key that differs, e.g. "model.attentionGate.enabled". */
  differs: z.string().optional(),
  /** The sibling's first-token share per layer (its `gated` says whether its gate was on). */
  sibling: z.array(AttentionSinkReport),
  /** No sibling: the command that trains one. */
  howTo: z.string().optional(),
  /** Why the sibling's measure is missing although the sibling exists (its report failed). */
  note: z.string().optional(),
});
export type AttentionSinkPair = z.infer<typeof AttentionSinkPair>;

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
  /** Gated attention: the same measure for the run without (or with) the output gate. */
  attentionPair: AttentionSinkPair.optional(),
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

// A run's configuration: which model (a template config, or the built-in demo gated model), which data,
// the optimizer and its learning-rate schedule, how long, when to stop, checkpoint retention, the
// execution provider; plus the seeds and sweep that expand one config into a group of runs (expand.ts).
// Validated with zod so the CLI, the UI and the store share one contract; defaults are filled on parse.
import { z } from 'zod';

/** The demo's gated MLP + softmax router (engine/train/gated-model): always available, no dataset needed. */
export const DemoModel = z.object({
  template: z.literal('demo-gated'),
  inputs: z.number().int().min(4).max(4096).default(16),
  hidden: z.number().int().positive().max(65536).default(64),
  experts: z.number().int().min(1).max(256).default(4),
  expertHidden: z.number().int().positive().max(65536).default(16),
});

/** Any zoo template config (common/models validates it in the trainer, with field-level messages). */
export const TemplateModel = z.looseObject({ template: z.string().min(1) });

export const SyntheticData = z.object({
  kind: z.literal('synthetic'),
  /** Training rows; a further 1/8 each for validation and test. */
  samples: z.number().int().min(16).max(50_000_000).default(16_384),
  /** Seed of the synthetic rows (the run seed drives init and data order). */
  seed: z.number().int().default(7),
});

export const DatasetData = z.object({
  kind: z.literal('dataset'),
  datasetId: z.number().int().positive(),
  /** Stored split id; when absent the family's default protocol split is created. */
  splitId: z.number().int().positive().optional(),
  /**
   * A split by name instead of the family's default (forecasting: chronological 70/10/20; recommendation:
   * random 80/10/10; fusion: stratified 80/10/10): 'ett' 12/4/4 months, 'chronological' 70/10/20, 'random'
   * seeded 80/10/10. 'given' (split files) needs a stored split: `splitId`.
   */
  split: z.enum(['ett', 'chronological', 'random', 'given']).optional(),
  /**
   * Seed of a random or stratified split. The lab sets 42 on new runs, so every seed of a group trains and
   * tests on the same rows; absent (runs from before), the run seed.
   */
  splitSeed: z.number().int().min(0).optional(),
  /**
   * A chronological split of recommendation or fusion data orders rows by the time column (the lab sets it
   * on new runs). Absent (runs from before), row order: a resumed or exported old run keeps its rows.
   */
  splitByTime: z.boolean().optional(),
  /**
   * A stratified default split sizes its parts so the part totals match the ratios (common/data/split.ts
   * 'part-totals'; the lab sets it on new runs). Absent (runs from before), each class rounded alone
   * ('per-class'): a resumed or exported old run keeps its rows.
   */
  stratifyByTotals: z.boolean().optional(),
  /**
   * A two-valued target that no word decides ("Charged Off"/"Fully Paid") reads its rarer value as positive
   * (common/models/positive-class.ts; the lab sets it on new runs). Absent (runs from before), the later value
   * in sorted order: a resumed or exported old run keeps its positive class.
   */
  positiveByCount: z.boolean().optional(),
  /**
   * The dataset's columns, types, roles and modalities when the run was created (the lab fills it in): a
   * run keeps the binding it was trained with when the dataset's roles change later (resume, Try it,
   * gate analytics). Absent (runs from before), the dataset's current columns.
   */
  columns: z.array(z.object({ name: z.string(), type: z.string(), role: z.string(), modality: z.string().nullable() })).optional(),
});

export const RunData = z.discriminatedUnion('kind', [SyntheticData, DatasetData]);
export type RunData = z.infer<typeof RunData>;

export const Optimizer = z.object({
  kind: z.enum(['adamw', 'adam', 'sgd']).default('adamw'),
  lr: z.number().positive().default(3e-3),
  weightDecay: z.number().min(0).default(0.01),
  clipNorm: z.number().positive().optional(),
  momentum: z.number().min(0).lt(1).default(0.9),
  beta1: z.number().min(0).lt(1).default(0.9),
  beta2: z.number().min(0).lt(1).default(0.999),
});
export type Optimizer = z.infer<typeof Optimizer>;

export const Schedule = z.object({
  kind: z.enum(['constant', 'step', 'cosine']).default('constant'),
  /** Linear warm-up from 0 over this many steps (any kind). */
  warmupSteps: z.number().int().min(0).default(0),
  /** 'step': multiply by gamma every stepSize steps. */
  stepSize: z.number().int().positive().default(1000),
  gamma: z.number().positive().max(1).default(0.5),
  /** 'cosine': the floor, as a fraction of the peak lr. */
  minFactor: z.number().min(0).max(1).default(0),
});
export type Schedule = z.infer<typeof Schedule>;

export const EarlyStopping = z.object({
  /** Epochs without a validation improvement before stopping; 0 turns early stopping off. */
  patience: z.number().int().min(0).default(3),
  /** Improvement smaller than this does not count. */
  minDelta: z.number().min(0).default(0),
});

export const Provider = z.enum(['cpu', 'cuda', 'auto']);

/**
 * The units a run reports a metric in, where they changed between versions. `ratingUnits`: MMoE's
 * rating_rmse/rating_mae/rating_mse, 'rating' in the rating's own units (stars; the lab sets it on new
 * dataset runs), 'scaled' in standard deviations of the rating (the z-scored value its tower learns).
 * Absent (runs created before the change): 'scaled', so a resumed old run's curves go on in the units
 * they started in instead of jumping.
 */
export const MetricUnits = z.object({
  ratingUnits: z.enum(['rating', 'scaled']).optional(),
});

/**
 * The training loss's options. `classWeights` (classification runs: click and fusion templates, the demo):
 * the weight of each class's samples in the cross-entropy. 'balanced': n / (k · n_c) for a class with n_c
 * of the n training rows and k classes (scikit-learn's class_weight='balanced'), so each class weighs the
 * same in total and a 2% class is not ignored; a list: one weight per class in class-id order (the data
 * line's order; binary: [negative, positive]); 'none': 1 each. The validation and test loss are weighted
 * too (the best checkpoint is the one with the lowest weighted validation loss); accuracy, F1 and AUC are not.
 */
export const LossOptions = z.object({
  classWeights: z.union([z.enum(['none', 'balanced']), z.array(z.number().positive().finite()).min(2).max(10_000)], {
    error: "'balanced', 'none' or one positive weight per class in class-id order, e.g. [1, 5, 0.5]",
  }).default('none'),
});
export type LossOptions = z.infer<typeof LossOptions>;

export const RunConfig = z.object({
  name: z.string().max(200).optional(),
  model: z.union([DemoModel, TemplateModel]).prefault({ template: 'demo-gated' }),
  data: RunData.prefault({ kind: 'synthetic' }),
  optimizer: Optimizer.prefault({}),
  schedule: Schedule.prefault({}),
  epochs: z.number().int().min(1).max(100_000).default(10),
  batchSize: z.number().int().min(1).max(1 << 20).default(128),
  earlyStopping: EarlyStopping.prefault({}),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  dtype: z.enum(['float32', 'float64']).default('float32'),
  provider: Provider.default('cpu'),
  /**
   * ONNX Runtime threads of this run's trainer. 1 (default) lets parallel runs share the cores; on a 2-core
   * machine training one run at a time, 2 splits each step's larger ops (GEMMs) across both cores.
   */
  threads: z.number().int().min(1).max(64).default(1),
  /** Steps per session.run; default: chosen at run time for ~100 ms calls (ARCHITECTURE §2.6). */
  stepsPerCall: z.number().int().min(1).max(4096).optional(),
  /** Epoch checkpoints kept besides the best and the latest (retention). */
  keepCheckpoints: z.number().int().min(1).max(1000).default(2),
  /** Also stop after this many optimizer steps (tests, quick looks). */
  maxSteps: z.number().int().positive().optional(),
  /** Rows of training data per epoch cap (quick looks on big data). */
  maxRowsPerEpoch: z.number().int().positive().optional(),
  /** Units of metrics whose units changed between versions (see MetricUnits). */
  metrics: MetricUnits.optional(),
  /** Options of the training loss (see LossOptions); absent: the template's unweighted loss. */
  loss: LossOptions.optional(),
  /**
   * A router temperature schedule's training step N (numbered after its update, as the run stores it)
   * trains at τ(N), the τ validation at step N uses (engine/gates/routers.ts; the lab sets it on new runs).
   * Absent (runs from before), it trains at τ(N − 1), the steps taken before it: a resumed old run goes on
   * with the temperatures it started with and matches the uninterrupted run.
   */
  temperatureAtStepNumber: z.boolean().optional(),
});
export type RunConfig = z.output<typeof RunConfig>;
export type RunConfigInput = z.input<typeof RunConfig>;

/** Parses a run config, naming the field that is wrong: "run config: optimizer.lr: Too small: expected number to be >0". */
export function parseRunConfig(input: unknown): RunConfig {
  const r = RunConfig.safeParse(input ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new Error(`run config: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

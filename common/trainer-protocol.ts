// The protocol between the lab (main) and a trainer process (workers/trainer.ts): one run per process.
// Every message is a zod-validated object with a `type`; both sides validate what they receive, so a
// version mismatch or a bug shows up as a message naming the field, not as a silent stall.
//
//   lab -> trainer: start(run spec) once, then pause | resume | cancel at any time (cancel is honoured
//                   between session.run calls; the lab kills the process after a grace period).
//   trainer -> lab: ready, progress*, metrics*, gate-stats*, eval*, checkpoint*, paused?, then exactly one
//                   of finished | failed; then the process exits.
import { z } from 'zod';
import { RunConfig } from './runs/config';
import { RunModalities } from './runs/run-modalities';

const Finite = z.number();

export const RunSpec = z.object({
  runId: z.number().int().positive(),
  /** The parsed run config (defaults filled). */
  config: RunConfig,
  /** Absolute folder the trainer writes this run's checkpoints into. */
  checkpointDir: z.string().min(1),
  /** Dataset runs: what the lab resolved for the trainer (cache folder, split assignment, columns, pipeline);
   * its shape is owned by workers/run/dataset-batches.ts, which validates it. */
  dataset: z.record(z.string(), z.unknown()).optional(),
  /** Continue from this checkpoint file (absolute path) instead of the initial parameters. */
  resumeFrom: z.string().optional(),
});
export type RunSpec = z.infer<typeof RunSpec>;

export const ToTrainer = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), spec: RunSpec }),
  /** Write a 'pause' checkpoint after the current call and wait for resume or cancel. */
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  /** Stop after the current call, write a 'cancel' checkpoint, report finished(cancelled). */
  z.object({ type: z.literal('cancel') }),
]);
export type ToTrainer = z.infer<typeof ToTrainer>;

export const MetricPoint = z.object({ step: z.number().int(), name: z.string(), value: Finite });
export type MetricPoint = z.infer<typeof MetricPoint>;

export const GateStatPoint = z.object({
  step: z.number().int(),
  gate: z.string(),
  stat: z.string(),
  value: Finite.nullable(),
  vector: z.array(Finite).nullable(),
});
export type GateStatPoint = z.infer<typeof GateStatPoint>;

/**
 * Classification runs: what always answering the training split's most frequent class scores on the test
 * split (`majority`: that class as the data line names it, quoted; `majorityClass`: as the file writes it,
 * absent from runs stored before it), and the test split's share of the positive class (binary). A reference
 * line beside the test metrics, never a metric to optimise.
 */
export const TestBaseline = z.object({ accuracy: Finite, majority: z.string(), majorityClass: z.string().optional(), positiveRate: Finite.optional() });
export type TestBaseline = z.infer<typeof TestBaseline>;

/**
 * Regression runs (a fusion target regressed in its own units): what always predicting the training split's
 * mean (`mean`) scores on the test split, in the target's units: mse, mae, rmse and r2 as the run's own test
 * metrics are computed (workers/run/eval-metrics.ts regressionScores, r2 about the test rows' own mean: the
 * training mean scores at most 0, below 0 by as much as the two means differ; left out when every test
 * target is the same). The reference a regression's r2 and rmse are read against; never a metric to optimise.
 */
export const RegressionBaseline = z.object({ mean: Finite, mse: Finite, mae: Finite, rmse: Finite, r2: Finite.optional() });
export type RegressionBaseline = z.infer<typeof RegressionBaseline>;

/**
 * The inputs a dataset run's model reads, by column name in the model's order: what gate names, knockout
 * tables and Try it call the model's channels and fields. Structured, so no reader parses the data line's
 * words (a column named "a, b" or "x; left out: y" would defeat that). A field is absent when the trainer
 * cannot name every input of that kind (a multi-hot's buckets have no column each): numbers beat wrong names.
 */
export const ModelInputs = z.object({
  /** Forecasting: the channels the model reads and forecasts, in order (constant or empty columns left out). */
  channels: z.array(z.string()).optional(),
  /** CTR: the categorical fields the model embeds (id-like ones left out), then its numeric input columns: FinalMLP's per-field gate rows. */
  fields: z.array(z.string()).optional(),
});
export type ModelInputs = z.infer<typeof ModelInputs>;

/**
 * A classification run's label as the model codes it (CTR and fusion runs; forecasting has no label column,
 * its channels are its targets). Try it and the per-class tables read the classes from here.
 */
export const LabelCoding = z.object({
  /** The target column, as the dataset names it. */
  column: z.string(),
  /** The class names in the model's order (class id i is classes[i]): a binary label's [negative, positive]; k classes sorted. */
  classes: z.array(z.string()).optional(),
  /** Binary: the value read as positive (label 1), as the file writes it ('1', 'true', 'spam'; '≥ 4' under a rule). */
  positive: z.string().optional(),
  /** Binary: the value read as negative (label 0) ('0', 'false', 'ham'; '< 4' under a rule). */
  negative: z.string().optional(),
  /** Binary by the label rule value ≥ t (`positiveAtLeast`): t. */
  positiveAtLeast: z.number().optional(),
});
export type LabelCoding = z.infer<typeof LabelCoding>;

/**
 * A classification run's rows per class (class-id order, as LabelCoding.classes) in each part of its split,
 * counted by the trainer before it trains (workers/run/part-classes.ts). The data line words the same facts
 * ("no training rows: 'new'"); the lab reads these numbers instead (a class without training rows gets no
 * class-weights remedy: common/runs/test-classes.ts untrainedOf).
 */
export const PartClassCounts = z.object({
  train: z.array(z.number().int()),
  validation: z.array(z.number().int()),
  test: z.array(z.number().int()),
});
export type PartClassCounts = z.infer<typeof PartClassCounts>;

/**
 * The run's split sizes as its trainer built them: samples in each part (forecasting: windows; other runs:
 * rows), numbered from 0 within each part as Try it numbers them. The data line words the same counts
 * ("800 train / 100 validation / 100 test samples"); readers take these numbers, not the words.
 */
export const SplitSizes = z.object({
  train: z.number().int().nonnegative(),
  validation: z.number().int().nonnegative(),
  test: z.number().int().nonnegative(),
});
export type SplitSizes = z.infer<typeof SplitSizes>;

export const CheckpointKind = z.enum(['epoch', 'pause', 'cancel', 'best', 'final', 'last-good']);
export type CheckpointKind = z.infer<typeof CheckpointKind>;

export const FromTrainer = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ready'),
    model: z.string(),
    /** The model config as built (a dataset fills channels, vocabularies, widths): stored on the run for export. */
    modelConfig: z.record(z.string(), z.unknown()),
    /** One line about the data: "forecasting: 8,209 train / 2,785 validation / 2,785 test samples". */
    data: z.string(),
    /** Numeric columns log-scaled (log1p; sign(x)·log1p(|x|) where training values include negatives: common/data/scalers.ts) before their z-score: a resume and an export re-derive exactly these. */
    logScaled: z.array(z.string()).optional(),
    /** Dataset runs: the model's inputs by column name (absent: synthetic data, or none the trainer could name). */
    inputs: ModelInputs.optional(),
    /** Classification runs on a dataset: the label column and its classes in the model's order. */
    label: LabelCoding.optional(),
    /** Classification runs on a dataset: rows per class in each part (absent for a regression and synthetic data). */
    classCounts: PartClassCounts.optional(),
    /** Samples in each part (absent from trainers before it was sent: the data line says them in words). */
    splitSizes: SplitSizes.optional(),
    /** Forecasting runs on a dataset: whether the trainer pivoted a long-format file (a resume, an export and a split re-read it the same way). */
    pivoted: z.boolean().optional(),
    /** Fusion runs on a dataset: each modality's columns as encoded (common/runs/run-modalities.ts), printed after the data line. */
    modalities: RunModalities.optional(),
    baseline: TestBaseline.optional(),
    /** Regression runs on a dataset: the training mean's scores on test (RegressionBaseline). */
    regressionBaseline: RegressionBaseline.optional(),
    parameters: z.number().int(),
    provider: z.enum(['cpu', 'cuda']),
    fallbackReason: z.string().optional(),
    stepsPerEpoch: z.number().int(),
    totalSteps: z.number().int(),
    /** The step the run continues from (0 for a fresh start). */
    step: z.number().int(),
  }),
  z.object({
    type: z.literal('progress'),
    step: z.number().int(),
    epoch: z.number().int(),
    totalSteps: z.number().int(),
    samplesPerSec: Finite,
    stepsPerCall: z.number().int(),
  }),
  /** Per-step points (loss, lr, ...), batched ~every 100 ms. */
  z.object({ type: z.literal('metrics'), points: z.array(MetricPoint) }),
  z.object({ type: z.literal('gate-stats'), points: z.array(GateStatPoint) }),
  /** Evaluation at the end of an epoch (validation) or of the run (test). */
  z.object({ type: z.literal('eval'), split: z.enum(['validation', 'test']), step: z.number().int(), epoch: z.number().int(), metrics: z.record(z.string(), Finite) }),
  z.object({
    type: z.literal('checkpoint'),
    kind: CheckpointKind,
    /** Absolute path of the file (written atomically: it is complete when this message is sent). */
    path: z.string(),
    step: z.number().int(),
    epoch: z.number().int(),
    bytes: z.number().int(),
    /** Validation metric (lower is better) at this checkpoint, when known. */
    metric: Finite.nullable(),
    /** Files the trainer deleted by retention. */
    pruned: z.array(z.string()),
  }),
  z.object({ type: z.literal('paused'), step: z.number().int() }),
  z.object({ type: z.literal('resumed'), step: z.number().int() }),
  z.object({
    type: z.literal('finished'),
    status: z.enum(['completed', 'cancelled']),
    step: z.number().int(),
    epoch: z.number().int(),
    /** Why training stopped: 'epochs', 'early-stopping', 'max-steps', 'cancelled'. */
    reason: z.string(),
    test: z.record(z.string(), Finite),
    validation: z.record(z.string(), Finite),
    /** CPU time (all threads) the trainer spent from 'ready' to now: benchmarks compare it to a bare loop. */
    cpuMs: z.number().optional(),
  }),
  z.object({ type: z.literal('failed'), message: z.string(), stack: z.string().optional(), step: z.number().int() }),
]);
export type FromTrainer = z.infer<typeof FromTrainer>;

/** Validates a received message; the error names the field and the message type. */
export function parseMessage<T>(schema: z.ZodType<T>, raw: unknown, from: string): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const type = (raw as { type?: unknown } | null)?.type;
  throw new Error(`invalid message from ${from} (type ${JSON.stringify(type)}): ${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/** Marks a message of this protocol (the demo trainer's older messages have no `protocol` field). */
export const PROTOCOL = 'gatelab-run/1';

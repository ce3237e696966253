// What the UI sees of models and runs: templates and gates for the builder, run summaries,
// metric series, comparisons and exports.
import { z } from 'zod';
import { TestClasses } from '../runs/test-classes';
import { TestChannels } from '../runs/test-channels';
import { TryRowSource, TrySources } from './try-source';
import { RunDataSummary } from '../runs/data-summary';

export const Family = z.enum(['forecasting', 'recsys', 'fusion']);
export type Family = z.infer<typeof Family>;

/** A model template (common/models): its config as JSON Schema, and which config fields are gates. */
export const Template = z.object({
  id: z.string(),
  family: Family,
  description: z.string(),
  baseline: z.boolean(),
  /** Config fields holding a gate config, e.g. ['gate'] or ['attentionGate']. */
  gates: z.array(z.string()),
  /** JSON Schema (input mode: fields with defaults are optional) of the whole template config. */
  schema: z.record(z.string(), z.unknown()),
  /** The template's default config. */
  defaults: z.record(z.string(), z.unknown()),
});
export type Template = z.infer<typeof Template>;

/** A gate kind with its config schema as JSON Schema (from zod's toJSONSchema), so any face can render a form. */
export const GateKind = z.object({
  kind: z.string(),
  title: z.string(),
  summary: z.string(),
  source: z.string(),
  schema: z.record(z.string(), z.unknown()),
});
export type GateKind = z.infer<typeof GateKind>;

export const ModelSize = z.object({ template: z.string(), config: z.record(z.string(), z.unknown()), datasetId: z.string().optional() });
export const ModelSizeResult = z.object({ params: z.number(), flopsPerStep: z.number() });

export const RunStatus = z.enum(['queued', 'running', 'paused', 'completed', 'failed', 'cancelled', 'interrupted']);
export type RunStatus = z.infer<typeof RunStatus>;

export const RunSummary = z.object({
  id: z.string(),
  name: z.string(),
  group: z.string().nullable(),
  template: z.string(),
  datasetId: z.string(),
  status: RunStatus,
  seed: z.number().int(),
  step: z.number().int().nonnegative(),
  totalSteps: z.number().int().nonnegative().nullable(),
  device: z.string(),
  /** Why the run is not on the device it asked for (e.g. CUDA requested, its libraries missing: on the CPU). */
  fallbackReason: z.string().nullable().optional(),
  /** The trainer's live rate while the run trains; null once it has ended (see meanSamplesPerSec). */
  samplesPerSec: z.number().nullable(),
  /**
   * The run's average training speed so far: samples per second spent on training steps (validation and
   * start-up not counted; main/lab/runs/mean-throughput.ts), what `gatelab show` says. Null before its first
   * steps; absent from labs before it was sent.
   */
  meanSamplesPerSec: z.number().nullable().optional(),
  etaSec: z.number().nullable(),
  createdAt: z.string(),
  error: z.string().nullable(),
  metrics: z.record(z.string(), z.number()),
  /** Every gate of the run's template turned off (an ablation, common/analytics/ablation.ts): the ungated baseline. */
  gatesOff: z.boolean().optional(),
  /** Set when the run resumed past a damaged checkpoint: which one was skipped and which one it continued from. */
  resumeNote: z.string().nullable().optional(),
  /** Why a finished run stopped, in words ("stopped early at step 70: validation loss did not improve for 3 epochs; ..."). */
  stopNote: z.string().nullable().optional(),
  /** The step of the best-on-validation weights the val.* metrics (and test, and an export) come from; null: the last ones. */
  bestStep: z.number().int().nullable().optional(),
  /** An interrupted run: the step its progress reached before GateLab stopped (its `step` is the checkpoint it resumes from). */
  reachedStep: z.number().int().nullable().optional(),
  /** Why the run's data cannot be read any more (its dataset was deleted): knockouts, the gate report and Try it need it. */
  dataProblem: z.string().nullable().optional(),
  /**
   * Runs with rating metrics (MMoE's rating_*): their units, 'rating' (the rating's own, e.g. stars) or 'scaled'
   * (standard deviations of the rating: runs created before rating points, common/runs/rating-units.ts).
   * Absent for runs without rating metrics.
   */
  ratingUnits: z.enum(['rating', 'scaled']).optional(),
});
export type RunSummary = z.infer<typeof RunSummary>;

/**
 * What the run's trainer said about its data when it started (null before): the one declaration the trainer's
 * 'ready' and the lab's store share (common/runs/data-summary.ts), rows per class included.
 */
export { RunDataSummary };

export const RunDetail = RunSummary.extend({
  config: z.record(z.string(), z.unknown()),
  data: RunDataSummary.nullable().optional(),
  /** A classification run's test metrics per class and its confusion matrix (common/runs/test-classes.ts); null: none (not classification, not tested yet, or from before they were stored). */
  testClasses: TestClasses.nullable().optional(),
  /** A forecasting run's test errors per channel (common/runs/test-channels.ts); null: none (not forecasting, not tested yet, or from before they were stored). */
  testChannels: TestChannels.nullable().optional(),
});
export type RunDetail = z.infer<typeof RunDetail>;

export const StartRuns = z.object({
  template: z.string().min(1),
  datasetId: z.string().min(1),
  config: z.record(z.string(), z.unknown()),
  seeds: z.number().int().min(1).max(64),
  name: z.string().max(200).optional(),
});
/**
 * `warnings`: what the lab's checks found worth saying before the runs train, but not refusing ("only 3
 * validation windows…"), each once; absent from labs before it was sent.
 */
export const StartedRuns = z.object({ runIds: z.array(z.string()), group: z.string().nullable(), warnings: z.array(z.string()).optional() });

export const RunId = z.object({ id: z.string().min(1).max(200) });
export const RunIds = z.object({ ids: z.array(z.string().min(1).max(200)).min(1).max(200) });

export const MetricsRequest = z.object({
  id: z.string().min(1).max(200),
  names: z.array(z.string()).optional(),
  sinceStep: z.number().int().nonnegative().optional(),
});
export const Series = z.object({ name: z.string(), steps: z.array(z.number()), values: z.array(z.number()) });
export type Series = z.infer<typeof Series>;
export const RunMetrics = z.object({ id: z.string(), series: z.array(Series) });
export type RunMetrics = z.infer<typeof RunMetrics>;

/** Compare: `points` caps each series for display (M4: first/min/max/last per step bucket, exact stored points). */
export const CompareRequest = RunIds.extend({ points: z.number().int().min(16).max(1_000_000).optional() });
/** Exact stored values of one metric near a step (hover in Compare over decimated curves). */
export const PointsAtRequest = RunIds.extend({ name: z.string().min(1).max(200), step: z.number() });
export const PointsAt = z.object({ points: z.array(z.object({ id: z.string(), step: z.number(), value: z.number() }).nullable()) });

/**
 * Compare's gate statistics of one run, as series keyed `gate/stat` (`ff.gate/openness`, `val.router/entropy`;
 * a vector statistic one series per component, `router/load[2]`): read as stored, by step, so they overlay
 * and band over seeds like any metric. Keys, not display names, so runs of one template align.
 */
export const Comparison = z.object({
  runs: z.array(RunDetail),
  series: z.array(RunMetrics),
  gates: z.array(RunMetrics).optional(),
});

export const ExportRequest = z.object({ id: z.string().min(1), format: z.enum(['onnx', 'report', 'gate-report', 'metrics-csv']) });
/**
 * `note`: what the user should know about the file written, e.g. that a file with the run's preprocessing
 * was kept and this one (lacking it) went beside it, or that a damaged checkpoint was passed over.
 */
export const ExportResult = z.object({ path: z.string(), bytes: z.number(), note: z.string().optional() });
/**
 * A file an earlier export wrote (the Export view lists them after a reload). Its format is one a user can
 * ask for, or 'feature-importance': the per-feature ranking CSV the gate report writes beside its HTML.
 */
export const ExportedFile = z.object({
  run: z.string(), format: z.enum([...ExportRequest.shape.format.options, 'feature-importance']), path: z.string(), bytes: z.number(), modified: z.string(),
  /** What its name says about the file beyond run and format: an ONNX export written without the run's preprocessing. */
  note: z.string().optional(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

// Events pushed while runs are live.
export const RunProgress = RunSummary.pick({ id: true, status: true, step: true, totalSteps: true, samplesPerSec: true, etaSec: true, error: true }).extend({
  /**
   * Set when another lab process (re)started the run from its checkpoint at this step (`gatelab resume N`
   * while the app is open): the lab deleted the points past it, and views must drop theirs too.
   */
  restartStep: z.number().int().nonnegative().optional(),
});
export type RunProgress = z.infer<typeof RunProgress>;
export const MetricPoints = z.object({
  id: z.string(),
  points: z.array(z.object({ name: z.string(), step: z.number(), value: z.number() })),
});
export type MetricPoints = z.infer<typeof MetricPoints>;

/** One gate statistic over steps: a scalar (mean openness, router entropy...) or a vector per step
 * (expert load fractions, openness histogram). */
export const GateSeries = z.object({
  gate: z.string(),
  stat: z.string(),
  steps: z.array(z.number()),
  values: z.array(z.number().nullable()),
  vectors: z.array(z.array(z.number()).nullable()).nullable(),
  /**
   * Per point: null = the value at its step; a number = the point is the MEAN over steps firstSteps[i]..steps[i]
   * (training statistics stored before GateLab recorded them per step, migrations/0007). Absent when no point is a mean.
   */
  firstSteps: z.array(z.number().nullable()).optional(),
});
export type GateSeries = z.infer<typeof GateSeries>;
/**
 * `runs.gates`: `points` caps each statistic for display (M4 per step bucket: first/min/max/last, exact
 * stored points; the app sends about 4 × its chart's width). Absent: every stored point (reports, exports).
 */
export const GatesRequest = RunId.extend({ points: z.number().int().min(16).max(1_000_000).optional() });
export const RunGates = z.object({ id: z.string(), gates: z.array(GateSeries) });
export type RunGates = z.infer<typeof RunGates>;
export const GatePoints = z.object({
  id: z.string(),
  points: z.array(z.object({ step: z.number(), gate: z.string(), stat: z.string(), value: z.number().nullable(), vector: z.array(z.number()).nullable() })),
});
export type GatePoints = z.infer<typeof GatePoints>;

/**
 * The queue waits because the lab's database refuses writes (disk full, read-only file...): `note` says
 * the cause and what to do, in one line. Sent again about every 2 s while it lasts; `note: null` once
 * writes succeed again (the queued runs then start by themselves).
 */
export const QueueHoldNote = z.object({ note: z.string().nullable(), since: z.string().nullable() });
export type QueueHoldNote = z.infer<typeof QueueHoldNote>;

/** "Try it": the exported model on test rows the user picked (row numbers within the run's test split). */
export const TryRequest = z.object({ id: z.string().min(1).max(200), rows: z.array(z.number().int().nonnegative()).min(1).max(200) });
export const TryResult = z.object({
  task: z.string(),
  prediction: z.string(),
  target: z.string(),
  testRows: z.number().int().nonnegative(),
  onnxPath: z.string(),
  /** Where the rows come from in the user's data (common/lab-api/try-source.ts); absent: not placed. */
  source: TrySources.optional(),
  rows: z.array(z.object({ row: z.number().int(), prediction: z.array(z.number()), target: z.array(z.number()), source: TryRowSource.optional() })),
});
export type TryResult = z.infer<typeof TryResult>;

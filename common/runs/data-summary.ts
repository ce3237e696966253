// What a run says about its data, declared once: the human data line and the structured facts its trainer
// knows besides it. Two processes hold them: the trainer fills them (workers/run/run-data.ts RunData, from the
// data builder and workers/run/data-facts.ts) and sends them with 'ready' (common/trainer-protocol.ts); the lab
// stores them with the run (main/lab/store/runs.ts, migration 0005) and sends them to the app in runs.get
// (common/lab-api/runs.ts RunDetail.data). One zod schema for all three, so a fact added here reaches each of
// them: the app's copy once lacked the rows per class the store kept, and its schema dropped them unseen.
// Readers take these numbers and names instead of parsing the line's words.
import { z } from 'zod';
import { RunModalities } from './run-modalities';

const Finite = z.number();

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

/**
 * The facts beside the line, each absent when the trainer does not know it (synthetic data, another task) or
 * for runs stored before it was kept: a reader of an older run falls back to the line's words, as each says.
 * 'ready' carries exactly these (common/trainer-protocol.ts).
 */
export const RunDataFacts = z.object({
  /**
   * Dataset runs (CTR, fusion): the numeric columns log-scaled before their z-score (log1p(x); sign(x)·log1p(|x|)
   * where training values include negatives: common/data/scalers.ts); a resume and an export re-derive exactly these.
   */
  logScaled: z.array(z.string()).optional(),
  /** Classification: the majority-class accuracy on the test split (workers/data/baseline.ts) and the positive rate: a reference line, not a metric. */
  baseline: TestBaseline.optional(),
  /**
   * Regression on a dataset (r2): what always predicting the training mean scores on test (mean, mse, mae, rmse
   * and, unless every test target is the same, r2), in the target's units (workers/run/regression-baseline.ts):
   * a reference line, not a metric.
   */
  regressionBaseline: RegressionBaseline.optional(),
  /**
   * Dataset runs: the model's inputs by column name, in its order: `channels` (forecasting) or `fields` (CTR: the
   * categorical fields, then the numeric inputs). Gate names come from here; runs stored before read the line's "left out" note.
   */
  inputs: ModelInputs.optional(),
  /**
   * Classification on a dataset: the label's `column`, its `classes` in the model's order and, for a binary label,
   * its `positive` and `negative` values. Try it's terms come from here; runs stored before read the line's label note.
   */
  label: LabelCoding.optional(),
  /** Classification on a dataset: rows per class in each part (runs stored before read the line's "no training rows" note). */
  classCounts: PartClassCounts.optional(),
  /**
   * Forecasting on a dataset: whether the trainer pivoted a long-format file into one channel per series
   * (common/data/forecasting-long.ts). Runs stored before it was kept: the resolver reads the line's
   * "long format: …" note instead (main/lab/runs/dataset-runs.ts).
   */
  pivoted: z.boolean().optional(),
  /**
   * Samples in each part as numbers (forecasting: windows; otherwise rows): Try it's starting rows read the test
   * count here. Runs stored before it was kept: derived from their rows per class where they have them
   * (main/lab/runs/split-sizes.ts), else absent (readers fall back to the line's words).
   */
  splitSizes: SplitSizes.optional(),
  /** Fusion: each modality's columns as its trainer encoded them (common/runs/run-modalities.ts), printed after the data line. */
  modalities: RunModalities.optional(),
});
export type RunDataFacts = z.infer<typeof RunDataFacts>;

/**
 * What the run's trainer said about its data when it started, as the lab keeps it (null before): its data line
 * ("forecasting: 8,209 train / 2,785 validation / 2,785 test samples; …": split sizes, the label's coding,
 * columns left out or log-scaled) and the facts, each kept from the first start when a resume does not repeat it.
 */
export const RunDataSummary = RunDataFacts.extend({
  line: z.string(),
  /** Always stored ([]: none log-scaled). */
  logScaled: z.array(z.string()),
});
export type RunDataSummary = z.infer<typeof RunDataSummary>;

// The structured facts a run's trainer knows about its data besides the human data line: declared once here
// because two processes hold them. The trainer's run data carries them (workers/run/run-data.ts RunData,
// filled by the data builder and workers/run/data-facts.ts), sends them with 'ready' (common/trainer-protocol.ts)
// and the lab stores them with the run (main/lab/store/runs.ts RunDataSummary, migration 0005), so readers
// take these numbers and names instead of parsing the line's words.
import type { LabelCoding, ModelInputs, PartClassCounts, RegressionBaseline, TestBaseline } from '../trainer-protocol';

export interface RunDataFacts {
  /**
   * Dataset runs (CTR, fusion): the numeric columns log-scaled before their z-score (log1p(x); sign(x)·log1p(|x|)
   * where training values include negatives: common/data/scalers.ts); a resume and an export re-derive exactly these.
   */
  logScaled?: string[];
  /** Classification: the majority-class accuracy on the test split (workers/data/baseline.ts): a reference line, not a metric. */
  baseline?: TestBaseline;
  /**
   * Regression on a dataset (r2): what always predicting the training mean scores on test, in the target's units
   * (workers/run/regression-baseline.ts): a reference line, not a metric.
   */
  regressionBaseline?: RegressionBaseline;
  /** Dataset runs: the model's inputs by column name, in its order (absent for runs stored before, which read the line's "left out" note). */
  inputs?: ModelInputs;
  /** Classification on a dataset: the label column and its classes in the model's order (absent for runs stored before, which read the line's label note). */
  label?: LabelCoding;
  /** Classification on a dataset: rows per class in each part (absent for runs stored before, which read the line's "no training rows" note). */
  classCounts?: PartClassCounts;
  /**
   * Forecasting on a dataset: whether the trainer pivoted a long-format file into one channel per series
   * (common/data/forecasting-long.ts). Absent for runs stored before it was kept: the resolver reads the
   * line's "long format: …" note instead (main/lab/runs/dataset-runs.ts).
   */
  pivoted?: boolean;
}

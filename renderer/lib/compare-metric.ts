// The metric Compare opens on, and the words it is shown in. Compare used to open on the training loss,
// titled "loss" like any other metric, with a "Best" column that is the lowest of its noisy per-batch values:
// a researcher comparing configs ranked them on one lucky minibatch (audit G3). Now it opens on the metric
// the runs' early stopping and best checkpoint follow, the validation loss, whenever every compared run has
// it; a run of one epoch has one point of it, drawn as a dot with its seeds' ± std as an error bar
// (LineChart), which ranks the runs on what they are selected by. Without it in every run (a run stopped
// before its first validation), another validation metric with a curve, else the metric with the most
// points (the training loss), which is labelled as such: "train loss (per batch)".
import { shownMetricName } from '../../common/runs/metric-name';

/** A series with at most this many points is drawn as dots (LineChart's FEW): no curve to compare. */
export const FEW_POINTS = 3;

/**
 * The metric the trainer's early stopping and best checkpoint follow (workers/run/train-run.ts validate):
 * the loss on the validation part, once per epoch.
 */
export const EARLY_STOPPING_METRIC = 'val.loss';

/** The trainer's training loss: one value per step, each the loss of that step's minibatch. */
export const TRAIN_LOSS = 'loss';

/**
 * The metric to open on for `runs` (each run's series with its point count): EARLY_STOPPING_METRIC when
 * every run has a point of it; else the first val.* metric whose shared points (the fewest any run has; 0
 * when a run lacks it) are more than FEW_POINTS; else the metric with the most shared points (the first in
 * order on a tie); '' when there is none.
 */
export function defaultCompareMetric(runs: readonly { series: readonly { name: string; steps: ArrayLike<number> }[] }[]): string {
  const names = [...new Set(runs.flatMap((r) => r.series.map((s) => s.name)))];
  const shared = (name: string) => Math.min(...runs.map((r) => r.series.find((s) => s.name === name)?.steps.length ?? 0));
  const counts = new Map(names.map((n) => [n, runs.length ? shared(n) : 0]));
  if ((counts.get(EARLY_STOPPING_METRIC) ?? 0) > 0) return EARLY_STOPPING_METRIC;
  const validation = names.find((n) => n.startsWith('val') && counts.get(n)! > FEW_POINTS);
  if (validation) return validation;
  let best = '';
  for (const n of names) if (!best || counts.get(n)! > counts.get(best)!) best = n;
  return best;
}

/**
 * A metric as Compare names it (chart titles, the metric picker, column headers): the training loss says
 * what it is, "train loss (per batch)", so its curve and its best value are not read as a validation score;
 * f1 says it is macro-F1 ("val.f1 (macro)", common/runs/metric-name.ts); every other metric by its own name
 * (val.loss, test.mse, lr).
 */
export function compareMetricLabel(name: string): string {
  return name === TRAIN_LOSS ? 'train loss (per batch)' : shownMetricName(name);
}

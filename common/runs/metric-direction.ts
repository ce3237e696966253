// Which way a metric improves, for every view and report that ranks runs or points by one (Compare's best
// and its ★, the run table's "best first" order, the HTML report's best value). One rule, so a metric
// cannot be the best run's in one place and the worst's in another. Lower is better for losses and errors
// (loss, logloss, mse, rmse, mae, mape, smape, perplexity); higher for the rest (auc, accuracy, f1, R²).
// A name is read by its parts, as the lab writes them: 'test.mse', 'val.loss', 'rating_rmse'.

/** The metric names (one part of a name) whose lower values are better. */
const LOWER_IS_BETTER: ReadonlySet<string> = new Set(['loss', 'logloss', 'nll', 'mse', 'rmse', 'mae', 'mape', 'smape', 'perplexity', 'error']);

/** Whether lower values of `metric` are better ('test.mse', 'val.loss', 'rating_rmse'); false: higher is better. */
export function lowerIsBetter(metric: string): boolean {
  return metric.toLowerCase().split(/[^a-z0-9]+/).some((part) => LOWER_IS_BETTER.has(part) || part.endsWith('loss') || part.endsWith('error'));
}

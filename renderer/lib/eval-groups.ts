/**
 * The Runs page's evaluation charts: which val.* / test.* series share a y axis. A regression on a dataset's
 * own target scores in its raw units, where one axis cannot hold them all (revenue: mse ≈ 2.4e10 in units²
 * flattens mae, rmse and r2 onto 0). So such a run draws r2 (unitless) on its own chart, mse (units²) on its
 * own, and mae with rmse (units) together. Every other run (classification, forecasting's mse/mae in
 * standardised units) keeps one "Evaluation" chart: its metrics share a scale.
 */
export interface EvalGroup<T> { title: string; items: T[] }

/** The metric a series measures: "val.mse" → "mse", "test.r2" → "r2". */
const metricOf = (name: string) => name.slice(name.indexOf('.') + 1);
/** Only a regression against a dataset's target reports rmse and r2 (workers/run/metric-stream.ts). */
const rawUnitRegression = (names: string[]) => names.some((n) => /^(rmse|r2)$/.test(metricOf(n)));

const SPLIT: { title: string; metrics: RegExp }[] = [
  { title: 'Evaluation: mae, rmse (target units)', metrics: /^(mae|rmse)$/ },
  { title: 'Evaluation: mse (target units²)', metrics: /^mse$/ },
  { title: 'Evaluation: r2 (unitless)', metrics: /^r2$/ },
];

export function evaluationGroups<T>(items: T[], nameOf: (item: T) => string): EvalGroup<T>[] {
  if (!rawUnitRegression(items.map(nameOf))) return items.length ? [{ title: 'Evaluation', items }] : [];
  const groups = SPLIT.map((g) => ({ title: g.title, items: items.filter((i) => g.metrics.test(metricOf(nameOf(i)))) }));
  // anything else a regression reports (none today) keeps a chart of its own rather than vanishing
  const rest = items.filter((i) => !SPLIT.some((g) => g.metrics.test(metricOf(nameOf(i)))));
  return [...groups, { title: 'Evaluation', items: rest }].filter((g) => g.items.length > 0);
}

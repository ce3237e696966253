// The metric Compare opens on. It used to be the first val.* metric: after a quick look (Max steps 100)
// that is val.loss with one point per run, a single dot with no mean ± std band (audit A22 #12). Now: a
// validation metric when the runs share enough of its points to draw a curve, else the metric with the
// most points every compared run has (train loss, reported every few steps).

/** A series with at most this many points is drawn as dots (LineChart's FEW): no curve to compare. */
export const FEW_POINTS = 3;

/**
 * The metric to open on for `runs` (each run's series with its point count): the first val.* metric whose
 * shared points (the fewest any run has; 0 when a run lacks it) are more than FEW_POINTS; else the metric
 * with the most shared points (the first in order on a tie); '' when there is none.
 */
export function defaultCompareMetric(runs: readonly { series: readonly { name: string; steps: ArrayLike<number> }[] }[]): string {
  const names = [...new Set(runs.flatMap((r) => r.series.map((s) => s.name)))];
  const shared = (name: string) => Math.min(...runs.map((r) => r.series.find((s) => s.name === name)?.steps.length ?? 0));
  const counts = new Map(names.map((n) => [n, runs.length ? shared(n) : 0]));
  const validation = names.find((n) => n.startsWith('val') && counts.get(n)! > FEW_POINTS);
  if (validation) return validation;
  let best = '';
  for (const n of names) if (!best || counts.get(n)! > counts.get(best)!) best = n;
  return best;
}

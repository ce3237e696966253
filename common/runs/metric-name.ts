// A metric's name as the app and the CLI show it. `f1` is macro-F1 (workers/run/eval-metrics.ts: the mean
// of the classes' F1, as scikit-learn's f1_score(average='macro')), and read bare it was taken for the
// positive class's F1: a Runs tile said `test.f1 0.636` while the F1 of 'yes' was 0.34. Shown by name,
// it says which average it is; the stored name (JSON, --metric, CSV) stays `f1`.

/** `name` as shown: 'test.f1' → 'test.f1 (macro)'; any other metric as it is. */
export function shownMetricName(name: string): string {
  return /(^|\.)f1$/.test(name) ? `${name} (macro)` : name;
}

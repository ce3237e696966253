// The end of `gatelab sweep`: its runs pooled by setting (the run config but its seed and name: the repeats
// of one sweep point, as Compare's seed groups pool them), with per setting the number of runs and the mean
// ± sample standard deviation (n − 1, as Compare's band) of each test metric over the runs that have it.
// The best setting is the one with the best mean of the ranking metric: the test loss every family reports
// (lower is better), else the first metric the runs share, in the direction metric-direction.ts gives it.
// A regression setting also carries its runs' mean baseline (what always predicting the training mean scores
// on test), so its r2 and rmse are read against it, as in the runs table above it and in `gatelab show`.
import { flatten } from '../../common/runs/config-diff';
import { lowerIsBetter } from '../../common/runs/metric-direction';
import { shownMetricName } from '../../common/runs/metric-name';
import type { RegressionBaseline } from '../../common/trainer-protocol';
import { shortRegressionBaseline } from '../lab/runs/run-report';

/** What the summary reads of a run: its id, stored config and test metrics (lastMetrics 'test.'). */
export interface SweptRun {
  id: number;
  config: Record<string, unknown>;
  test: Record<string, number>;
  /** A regression run's mean baseline on test (RunRecord dataSummary.regressionBaseline); absent or null otherwise. */
  regressionBaseline?: RegressionBaseline | null;
}

export interface MeanStd {
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single run. */
  std: number;
  /** Runs with a finite value of the metric. */
  n: number;
}

export interface SettingSummary {
  /** The sweep's keys that set this setting apart from the others, with this setting's values. */
  setting: Record<string, unknown>;
  /** The runs of this setting (its seeds), in the sweep's order. */
  runs: number[];
  /** Runs of this setting with test metrics (a failed or cancelled run has none). */
  n: number;
  test: Record<string, MeanStd>;
  /**
   * Regression: the mean baseline averaged field by field over the setting's runs with test metrics (the same
   * for every run of one dataset and split; r2 only when each has it). null: not a regression, or none kept.
   */
  regressionBaseline: RegressionBaseline | null;
  best: boolean;
}

export interface SweepSummary {
  /** The test metric the best setting is chosen by, null when no run has test metrics. */
  rankedBy: string | null;
  lowerIsBetter: boolean | null;
  settings: SettingSummary[];
}

const IGNORED = (key: string) => key === 'seed' || key === 'name';

/** Mean and sample std of the finite values (Compare's meanStd: std 0 for one value, NaN mean for none). */
export function meanStd(values: number[]): MeanStd {
  const v = values.filter(Number.isFinite);
  if (!v.length) return { mean: NaN, std: NaN, n: 0 };
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const std = v.length > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1)) : 0;
  return { mean, std, n: v.length };
}

/** The baselines' fields averaged (r2 only when every one has it); null for none. */
function averageBaseline(baselines: RegressionBaseline[]): RegressionBaseline | null {
  if (!baselines.length) return null;
  const mean = (f: (b: RegressionBaseline) => number) => baselines.reduce((a, b) => a + f(b), 0) / baselines.length;
  const r2 = baselines.every((b) => b.r2 !== undefined) ? { r2: mean((b) => b.r2!) } : {};
  return { mean: mean((b) => b.mean), mse: mean((b) => b.mse), mae: mean((b) => b.mae), rmse: mean((b) => b.rmse), ...r2 };
}

export function sweepSummary(runs: SweptRun[]): SweepSummary {
  const flat = runs.map((r) => Object.fromEntries(Object.entries(flatten(r.config)).filter(([k]) => !IGNORED(k) && !k.startsWith('data.columns'))));
  const groups = new Map<string, number[]>();
  flat.forEach((f, i) => {
    const key = JSON.stringify(Object.keys(f).sort().map((k) => [k, f[k]]));
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const members = [...groups.values()];
  // the keys whose values differ between settings: what the user swept
  const keys = [...new Set(flat.flatMap((f) => Object.keys(f)))].sort()
    .filter((k) => new Set(members.map((m) => flat[m[0]][k])).size > 1);
  const metrics = [...new Set(runs.flatMap((r) => Object.keys(r.test)))].sort();
  const settings: SettingSummary[] = members.map((m) => {
    const first = flat[m[0]];
    const withTest = m.filter((i) => Object.keys(runs[i].test).length > 0);
    return {
      setting: Object.fromEntries(keys.map((k) => [k, first[k] === undefined ? null : JSON.parse(first[k])])),
      runs: m.map((i) => runs[i].id),
      n: withTest.length,
      test: Object.fromEntries(metrics.map((name) => [name, meanStd(withTest.map((i) => runs[i].test[name] ?? NaN))])),
      regressionBaseline: averageBaseline(withTest.flatMap((i) => runs[i].regressionBaseline ?? [])),
      best: false,
    };
  });
  const shared = metrics.filter((name) => settings.every((s) => s.test[name].n > 0 || s.n === 0));
  const rankedBy = shared.includes('loss') ? 'loss' : shared[0] ?? metrics[0] ?? null;
  if (rankedBy === null) return { rankedBy, lowerIsBetter: null, settings };
  const lower = lowerIsBetter(rankedBy);
  const ranked = settings.filter((s) => Number.isFinite(s.test[rankedBy].mean));
  const best = ranked.reduce<SettingSummary | null>((b, s) => (!b || (lower ? s.test[rankedBy].mean < b.test[rankedBy].mean : s.test[rankedBy].mean > b.test[rankedBy].mean) ? s : b), null);
  if (best) best.best = true;
  return { rankedBy, lowerIsBetter: lower, settings };
}

/** Four decimals, as the runs table above it prints the single runs' metrics. */
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(Math.abs(x) >= 1000 ? 1 : 4) : '—');

/** "lr=0.001 gate.kind=glu" (the swept keys, `model.` dropped as in the runs table), or "(one setting)". */
function settingLabel(s: SettingSummary): string {
  const parts = Object.entries(s.setting).map(([k, v]) => `${k.replace(/^model\./, '')}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return parts.length ? parts.join(' ') : '(one setting)';
}

/**
 * The summary as text: one line per setting, the best marked ★, and a head saying what the numbers are.
 * Metric names as train, show and runs print them ("f1 (macro)": a bare f1 was read as the positive class's);
 * the --json summary keeps the stored names.
 */
export function sweepSummaryText(summary: SweepSummary): string {
  if (summary.rankedBy === null) return 'summary by setting: no run has test metrics (none completed)';
  const head = `summary by setting: mean ± std (sample, n−1) over each setting's runs of its test metrics; ★ the best mean test ${shownMetricName(summary.rankedBy)} (${summary.lowerIsBetter ? 'lower' : 'higher'} is better)`;
  const labels = summary.settings.map(settingLabel);
  const width = Math.max(...labels.map((l) => l.length));
  const lines = summary.settings.map((s, i) => {
    const shown = Object.entries(s.test).filter(([, m]) => m.n > 0);
    // one run has no sample std (n−1 = 0): a dash, not a 0 that reads as "every seed agreed"
    const metrics = shown.map(([name, m]) => `${shownMetricName(name)} ${fmt(m.mean)} ± ${m.n > 1 ? fmt(m.std) : '—'}`).join('  ');
    const runs = s.runs.length === s.n ? `n=${s.n}` : `n=${s.n} of ${s.runs.length} runs`;
    // beside the r2 and rmse columns the row has, as the runs table does
    const reference = s.regressionBaseline && shortRegressionBaseline(s.regressionBaseline, Object.fromEntries(shown.map(([name, m]) => [name, m.mean])));
    return `${s.best ? '★' : ' '} ${labels[i].padEnd(width)}  ${runs}  ${metrics || 'no test metrics'}${reference ? `  (${reference})` : ''}`;
  });
  return [head, ...lines].join('\n');
}

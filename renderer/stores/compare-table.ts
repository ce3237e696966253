// Compare's metrics table order. A click on Best/Last/At step puts the best runs first in the
// metric's own direction (lowest loss/MSE/MAE first, highest AUC/accuracy/F1 first: common/runs/metric-direction.ts
// lowerIsBetter); a second click reverses it. Runs without a value sort last either way.
import { lowerIsBetter } from '../../common/runs/metric-direction';

export type CompareSortKey = 'name' | 'best' | 'last' | 'at';
export interface CompareRow { id: string; name: string; best: number; bestStep: number; last: number; at: number }

/** `bestFirst` false reverses the order (names: Z..A); rows with NaN stay at the bottom. */
export function sortCompareRows<R extends CompareRow>(rows: R[], metric: string, key: CompareSortKey, bestFirst: boolean): R[] {
  const flip = bestFirst ? 1 : -1;
  if (key === 'name') return [...rows].sort((a, b) => a.name.localeCompare(b.name) * flip);
  const better = lowerIsBetter(metric) ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key], y = b[key];
    const xm = !Number.isFinite(x), ym = !Number.isFinite(y);
    if (xm || ym) return Number(xm) - Number(ym);
    return (x - y) * better * flip;
  });
}

/** The header's hint of the current order, e.g. "highest first" for AUC. */
export function orderLabel(metric: string, key: CompareSortKey, bestFirst: boolean): string {
  if (key === 'name') return bestFirst ? 'A–Z' : 'Z–A';
  return lowerIsBetter(metric) === bestFirst ? 'lowest first' : 'highest first';
}

/** One config's row: the mean and sample std over its seeds of each run's best and last value. */
export interface ConfigRow extends CompareRow { n: number; runs: number; bestStd: number; lastStd: number; atStd: number }

/** Mean and sample std of the finite values (NaN when none; std 0 for one). */
function meanStd(values: number[]): { mean: number; std: number; n: number } {
  const v = values.filter(Number.isFinite);
  if (!v.length) return { mean: NaN, std: NaN, n: 0 };
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const std = v.length > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1)) : 0;
  return { mean, std, n: v.length };
}

/**
 * The metrics table by config (lib/bands seedGroups): per group the mean ± std over its seeds of the runs'
 * best and last values, ordered as the per-run table (sortCompareRows, by the means). `n` counts the runs
 * that have a value; a config whose seeds disagree shows it in its std, which a ranking of single runs hid
 * (the luckiest seed of a worse config could top it).
 */
export function configRows(groups: readonly { key: string; label: string; runs: readonly { id: string }[] }[], rows: readonly CompareRow[], metric: string, key: CompareSortKey, bestFirst: boolean): ConfigRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = groups.map((g) => {
    const members = g.runs.map((r) => byId.get(r.id)).filter((r): r is CompareRow => !!r);
    const best = meanStd(members.map((r) => r.best));
    const last = meanStd(members.map((r) => r.last));
    const at = meanStd(members.map((r) => r.at));
    return { id: g.key, name: g.label, n: best.n, runs: members.length, best: best.mean, bestStd: best.std, bestStep: NaN, last: last.mean, lastStd: last.std, at: at.mean, atStd: at.std };
  });
  return sortCompareRows(out, metric, key, bestFirst);
}

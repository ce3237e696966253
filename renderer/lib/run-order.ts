// The run table at scale (hundreds of runs from sweeps and seeds): a filter by name / template / status
// substring, and an order — newest or oldest first, by name, by status, or by a test metric best first.

import { isLossMetric, lossKind } from './compare-families';
import { lowerIsBetter } from '../../common/runs/metric-direction';

export interface OrderableRun {
  id: string;
  name: string;
  template: string;
  status: string;
  createdAt: string;
  metrics: Record<string, number>;
}

/** 'newest' | 'oldest' | 'name' | 'status' | 'test.<metric>' (best first). */
export type RunOrder = string;


/** Runs whose name, template or status contains `text` (any case); all runs for an empty filter. */
export function filterRuns<R extends OrderableRun>(runs: R[], text: string): R[] {
  const q = text.trim().toLowerCase();
  if (!q) return runs;
  return runs.filter((r) => [r.name, r.template, r.status].some((f) => f.toLowerCase().includes(q)));
}

/** The test metrics any run has, for the sort menu. */
export function testMetrics(runs: OrderableRun[]): string[] {
  return [...new Set(runs.flatMap((r) => Object.keys(r.metrics).filter((m) => m.startsWith('test.'))))].sort();
}

const STATUS_ORDER = ['running', 'paused', 'queued', 'interrupted', 'failed', 'cancelled', 'completed'];
const idNum = (r: OrderableRun) => (/^\d+$/.test(r.id) ? Number(r.id) : 0);
const created = (a: OrderableRun, b: OrderableRun) => a.createdAt.localeCompare(b.createdAt) || idNum(a) - idNum(b);

/** A sorted copy; runs without the sorted-by metric come last, in newest-first order. */
export function sortRuns<R extends OrderableRun>(runs: R[], order: RunOrder): R[] {
  const out = runs.slice();
  if (order === 'oldest') return out.sort(created);
  if (order === 'name') return out.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }) || created(b, a));
  if (order === 'status') return out.sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || created(b, a));
  if (order.startsWith('test.')) {
    const sign = lowerIsBetter(order) ? 1 : -1;
    // a loss is ranked within its kind (forecasting MSE, classification logloss, …), as Compare ranks it:
    // an MSE of 0.3 is not "better" than a logloss of 0.4. Kinds keep the order of their best run.
    const kind = (r: R) => (isLossMetric(order) ? lossKind(r.template, r.metrics).key : '');
    const byValue = (a: R, b: R) => {
      const x = a.metrics[order], y = b.metrics[order];
      const hasX = Number.isFinite(x), hasY = Number.isFinite(y);
      if (hasX !== hasY) return hasX ? -1 : 1;
      return (hasX ? sign * (x - y) : 0) || created(b, a);
    };
    const ranked = out.sort(byValue);
    const firstOfKind = new Map<string, number>();
    ranked.forEach((r, i) => { if (!firstOfKind.has(kind(r))) firstOfKind.set(kind(r), i); });
    return ranked.sort((a, b) => firstOfKind.get(kind(a))! - firstOfKind.get(kind(b))! || byValue(a, b));
  }
  return out.sort((a, b) => created(b, a));
}

/** A sweep's or a seeds start's runs (one group id), for "tick the whole group" in Compare's picker. */
export interface RunGroup { group: string; label: string; ids: string[] }

/**
 * The groups of two or more runs, in the order of their first run in `runs` (the lab lists newest first),
 * each named by what its runs' names share ("dlinear sweep" of "dlinear sweep lr=0.01 lookback=192 seed=4"
 * and its siblings; a seeds start's name without "seed=N"), its size and its run ids.
 */
export function runGroups(runs: readonly { id: string; name: string; group: string | null }[]): RunGroup[] {
  const by = new Map<string, { id: string; name: string }[]>();
  for (const r of runs) if (r.group) by.set(r.group, [...(by.get(r.group) ?? []), r]);
  return [...by].filter(([, members]) => members.length > 1).map(([group, members]) => {
    const ids = members.map((m) => m.id).sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
    const numeric = ids.map(Number);
    const consecutive = numeric.every((n, i) => Number.isInteger(n) && (i === 0 || n === numeric[i - 1] + 1));
    const span = consecutive ? `#${ids[0]}–#${ids.at(-1)}` : ids.length <= 4 ? ids.map((id) => `#${id}`).join(',') : `#${ids[0]}…#${ids.at(-1)}`;
    return { group, label: `${sharedName(members.map((m) => m.name))} · ${ids.length} runs (${span})`, ids };
  });
}

/** The words every name starts with, without a trailing seed ("dlinear sweep"); the first name when they share none. */
function sharedName(names: string[]): string {
  const words = names.map((n) => n.replace(/\s*(·\s*)?seed[= ]\d+$/i, '').split(/\s+/));
  let k = 0;
  while (k < words[0].length && words.every((w) => w[k] === words[0][k])) k++;
  // names join their changes with " · " ("lr sweep · lr=0.01 · k=2"): a shared part ends before a dangling "·"
  while (k && words[0][k - 1] === '·') k--;
  return k ? words[0].slice(0, k).join(' ') : names[0];
}

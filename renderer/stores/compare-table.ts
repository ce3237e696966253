// Compare's metrics table order. A click on Best/Last/At step puts the best runs first in the
// metric's own direction (lowest loss/MSE/MAE first, highest AUC/accuracy/F1 first: renderer/lib/bands
// lowerIsBetter); a second click reverses it. Runs without a value sort last either way.
import { lowerIsBetter } from '../lib/bands';

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

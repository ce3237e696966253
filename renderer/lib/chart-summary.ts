// Text alternatives for the canvas and SVG charts: a screen reader hears what a sighted user reads off
// the chart at a glance — its title, the latest value of each named series, and the step range.
import { formatValue } from './format';

interface SeriesLike { label: string; steps: ArrayLike<number>; values: ArrayLike<number> }

/** The last finite value of a series and its step, or null. */
function last(s: SeriesLike): { step: number; value: number } | null {
  for (let i = Math.min(s.steps.length, s.values.length) - 1; i >= 0; i--) if (Number.isFinite(s.values[i])) return { step: s.steps[i], value: s.values[i] };
  return null;
}

function stepRange(all: ArrayLike<number>[]): string {
  let lo = Infinity, hi = -Infinity;
  for (const a of all) if (a.length) { lo = Math.min(lo, a[0]); hi = Math.max(hi, a[a.length - 1]); }
  if (lo === Infinity) return '';
  return lo === hi ? `; one step, ${formatValue(lo)}` : `; steps ${formatValue(lo)} to ${formatValue(hi)}`;
}

/** "Loss: train.loss 0.41 at step 800, val.loss 0.43 at step 750; steps 1 to 800." (empty: "no points yet") */
export function linesSummary(title: string, lines: readonly SeriesLike[], empty = 'no points yet'): string {
  const parts = lines.flatMap((l) => { const p = last(l); return p ? [`${l.label} ${formatValue(p.value)} at step ${formatValue(p.step)}`] : []; });
  const head = title || 'Chart';
  if (!parts.length) return `${head}: ${empty}.`;
  return `${head}: ${parts.join(', ')}${stepRange(lines.map((l) => l.steps))}.`;
}

/** "router · load at step 800: expert 0 0.25, expert 1 0.31, …; steps 4 to 800." */
export function vectorsSummary(title: string, steps: readonly number[], vectors: readonly (number[] | null)[], labels: readonly string[], max = 12): string {
  let i = vectors.length - 1;
  while (i >= 0 && !vectors[i]) i--;
  if (i < 0) return `${title}: no points yet.`;
  const v = vectors[i]!;
  const shown = v.slice(0, max).map((x, j) => `${labels[j] ?? j} ${formatValue(x)}`).join(', ');
  return `${title} at step ${formatValue(steps[i])}: ${shown}${v.length > max ? `, and ${v.length - max} more` : ''}${stepRange([steps])}.`;
}

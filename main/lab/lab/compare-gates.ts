// Gate statistics for Compare: each run's stored gate series (run_gate_stats, by step, one point per
// Loop call) turned into plain step/value series keyed `gate/stat`, so Compare overlays mean openness,
// router entropy or balance across seeds and ablations exactly as it overlays a metric. A vector
// statistic (expert load, modality weights) becomes one series per component, `gate/stat[i]`.
import type { z } from 'zod';
import type { Comparison, GateSeries, RunGates, Series } from '../../../common/lab-api';
import { CALL_MEANS } from '../../../common/analytics/gate-words';
import { decimateComparison } from './compare-series';

type MaybePromise<T> = T | Promise<T>;

/** The key Compare names a gate statistic by (its picker value; the renderer labels it). */
export const gateSeriesKey = (gate: string, stat: string, component?: number) =>
  `${gate}/${stat}${component === undefined ? '' : `[${component}]`}`;

/**
 * One gate statistic as series: its scalar values, else one series per vector component; steps without a
 * value are left out. Points stored as the mean over one trainer call (runs from before per-step
 * statistics, firstSteps) go to their own series, `gate/stat (means over training calls)`: a mean over
 * K steps is never drawn or picked as if it were the value at its step.
 */
function seriesOf(g: GateSeries): Series[] {
  const isMean = (i: number) => { const f = g.firstSteps?.[i]; return f != null && f < g.steps[i]; };
  const all = g.steps.map((_, i) => i);
  return [all.filter((i) => !isMean(i)), all.filter(isMean)].flatMap((picked, means) => componentsOf(g, picked, means ? CALL_MEANS : ''));
}

function componentsOf(g: GateSeries, picked: number[], mark: string): Series[] {
  const out: Series[] = [];
  const stat = g.stat + mark;
  const scalar = g.values.some((v) => v !== null);
  if (scalar) {
    const steps: number[] = [], values: number[] = [];
    for (const i of picked) { const v = g.values[i]; if (v !== null) { steps.push(g.steps[i]); values.push(v); } }
    if (steps.length) out.push({ name: gateSeriesKey(g.gate, stat), steps, values });
  }
  if (!scalar && g.vectors) {
    const width = Math.max(0, ...g.vectors.map((v) => v?.length ?? 0));
    for (let c = 0; c < width; c++) {
      const steps: number[] = [], values: number[] = [];
      for (const i of picked) { const v = g.vectors[i]; if (v && v.length > c) { steps.push(g.steps[i]); values.push(v[c]); } }
      if (steps.length) out.push({ name: gateSeriesKey(g.gate, stat, c), steps, values });
    }
  }
  return out;
}

/** A run's gate statistics as Compare's series (none when it recorded none). */
export function compareGateSeries(run: RunGates): { id: string; series: Series[] } {
  return { id: run.id, series: run.gates.flatMap(seriesOf) };
}

/**
 * `runs.compare`: the runs' configs and metric series with their gate statistics beside them, each series
 * decimated to `points` when given. A run whose gate statistics cannot be read (a run manager that
 * serves none) gets an empty list: Compare says "no such gate" for it instead of failing the comparison.
 */
export async function compareRuns(
  compare: (ids: string[]) => MaybePromise<z.output<typeof Comparison>>,
  gatesOf: (id: string) => MaybePromise<RunGates>,
  ids: string[],
  points?: number,
): Promise<z.output<typeof Comparison>> {
  const c = await compare(ids);
  const gates = await Promise.all(ids.map(async (id) => {
    try { return compareGateSeries(await gatesOf(id)); } catch { return { id, series: [] }; }
  }));
  const out = { ...c, gates };
  // The UI draws a few points per pixel: send that, not every stored point (compare-series.ts).
  return points ? decimateComparison(out, points) : out;
}

// Compare over LabApi: series decimated for display before they cross the socket, and exact stored
// values near a step on demand (hover), read from the run's full series.
import type { Comparison, GateSeries, PointsAt } from '../../../common/lab-api';
import { decimateSeries, nearestStep } from '../../../common/lab-api/decimate';
import type { z } from 'zod';
import type { RunsPort } from './runs-port';

type ComparisonOut = z.output<typeof Comparison>;

export function decimateComparison(c: ComparisonOut, points: number): ComparisonOut {
  return {
    runs: c.runs,
    series: c.series.map((m) => ({ id: m.id, series: m.series.map((s) => ({ name: s.name, ...decimateSeries(s, points) })) })),
    // gate statistics the same way (M4 per step bucket): a router's balance keeps its spikes
    ...(c.gates ? { gates: c.gates.map((m) => ({ id: m.id, series: m.series.map((s) => ({ name: s.name, ...decimateSeries(s, points) })) })) } : {}),
  };
}

export async function pointsAt(runs: RunsPort, ids: string[], name: string, step: number): Promise<z.output<typeof PointsAt>> {
  const points = await Promise.all(ids.map(async (id) => {
    const s = (await runs.metrics(id, [name])).series.find((x) => x.name === name);
    if (!s || !s.steps.length) return null;
    const i = nearestStep(s.steps, step);
    return { id, step: s.steps[i], value: s.values[i] };
  }));
  return { points };
}

type GateSeriesOut = z.output<typeof GateSeries>;

/**
 * One gate statistic cut to at most `points` stored points for display, M4 per step bucket as Compare's
 * series (decimateSeries): a bucket keeps its first, last, lowest and highest point, so a router's balance
 * keeps its spikes and the curve ends at the last stored step. A vector statistic keeps, per bucket, the
 * extremes of every component (the bucket count shrinks with the width so the cap holds). Steps, values,
 * vectors and firstSteps (an old run's call means) are picked by the same indices and stay aligned; the
 * points kept are exact stored points, so hovering one shows its stored value.
 */
export function decimateGateSeries(g: GateSeriesOut, points: number): GateSeriesOut {
  const n = g.steps.length;
  if (n <= points) return g;
  const width = g.vectors ? Math.max(0, ...g.vectors.map((v) => v?.length ?? 0)) : 0;
  const tracks: Array<(i: number) => number | null | undefined> = [(i) => g.values[i]];
  for (let c = 0; c < width; c++) tracks.push((i) => g.vectors![i]?.[c]);
  const perBucket = 2 + 2 * tracks.length; // first, last, and each track's min and max
  const buckets = Math.max(1, Math.floor(points / perBucket));
  const x0 = g.steps[0];
  const span = g.steps[n - 1] - x0 || 1;
  const keep: number[] = [];
  let i = 0;
  for (let b = 0; b < buckets && i < n; b++) {
    const edge = b === buckets - 1 ? Infinity : x0 + ((b + 1) * span) / buckets;
    const start = i;
    while (i < n && g.steps[i] < edge) i++;
    if (i === start) continue;
    const picked = new Set([start, i - 1]);
    for (const at of tracks) {
      let min = -1, max = -1, minV = Infinity, maxV = -Infinity;
      for (let k = start; k < i; k++) {
        const v = at(k);
        if (v == null || !Number.isFinite(v)) continue;
        if (v < minV) { minV = v; min = k; }
        if (v > maxV) { maxV = v; max = k; }
      }
      if (min >= 0) picked.add(min).add(max);
    }
    keep.push(...[...picked].sort((p, q) => p - q));
  }
  return {
    gate: g.gate,
    stat: g.stat,
    steps: keep.map((k) => g.steps[k]),
    values: keep.map((k) => g.values[k]),
    vectors: g.vectors ? keep.map((k) => g.vectors![k]) : null,
    ...(g.firstSteps ? { firstSteps: keep.map((k) => g.firstSteps![k]) } : {}),
  };
}

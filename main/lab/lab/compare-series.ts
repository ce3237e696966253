// Compare over LabApi: series decimated for display before they cross the socket, and exact stored
// values near a step on demand (hover), read from the run's full series.
import type { Comparison, PointsAt } from '../../../common/lab-api';
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

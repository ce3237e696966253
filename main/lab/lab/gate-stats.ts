// Gate statistics of a run, read from the store's run_gate_stats table (used when the run manager's
// port does not serve them itself). Recorded per step, a 20,000-step run holds ~20,000 points per
// statistic: the app asks for `points` (a few per pixel of its chart) and gets each statistic cut to that
// (M4 per step bucket, compare-series.ts), not megabytes of JSON per selection.
import { LabError, type RunGates } from '../../../common/lab-api';
import type { LabStore } from '../store/index';
import { decimateGateSeries } from './compare-series';

export function storedGates(store: LabStore, id: string, points?: number): RunGates {
  const runId = /^\d+$/.test(id) ? Number(id) : NaN;
  if (!store.runs.get(runId)) throw new LabError('not-found', `no run '${id}'`);
  const gates = store.metrics.gateNames(runId).map(({ gate, stat }) => {
    const rows = store.metrics.gateStats(runId, gate, stat);
    const hasVectors = rows.some((p) => p.vector !== null);
    // only old runs have means (migrations/0007): a run recorded per step sends no firstSteps at all
    const hasMeans = rows.some((p) => p.firstStep !== null);
    const series = {
      gate,
      stat,
      steps: rows.map((p) => p.step),
      values: rows.map((p) => p.value),
      vectors: hasVectors ? rows.map((p) => (p.vector ? Array.from(p.vector) : null)) : null,
      ...(hasMeans ? { firstSteps: rows.map((p) => p.firstStep) } : {}),
    };
    return points ? decimateGateSeries(series, points) : series;
  });
  return { id, gates };
}

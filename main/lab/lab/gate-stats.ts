// Gate statistics of a run, read from the store's run_gate_stats table (used when the run manager's
// port does not serve them itself). Recorded per step, a 20,000-step run holds ~20,000 points per
// statistic: the app asks for `points` (a few per pixel of its chart) and gets each statistic cut to at
// most that many, M4 per step bucket inside SQLite (store/gate-thinning.ts), not megabytes of JSON per
// selection; without `points` (Compare, reports) every stored point.
import { LabError, type RunGates } from '../../../common/lab-api';
import type { LabStore } from '../store/index';
import type { GateStatShape, GateThinning } from '../store/gate-thinning';

/** Per bucket: its first and last point, and the lowest and highest of the value and of each component. */
const keptPerBucket = (tracks: number) => 2 + 2 * tracks;
/** Vectors too wide for that: the value and each row's smallest and largest component (3 tracks). */
const SUMMARY_TRACKS = 3;

/**
 * How a statistic is cut to at most `points` points, or null when it has no more than that. A bucket keeps
 * its first, last, lowest and highest stored point, so a router's balance keeps its spikes and the curve
 * ends at its last step; a vector keeps, per bucket, the extremes of every component, with fewer buckets
 * the wider it is. A vector so wide that one bucket of per-component extremes would pass the cap (≥ ~800
 * components at 1,600 points: a 1,000-expert load) keeps per bucket the rows of its lowest and highest
 * component value instead (the extremes of each row's smallest and largest component), with as many
 * buckets as the cap allows. Points are never more than `points` (at least 8, the API asks ≥ 16).
 */
export function gateThinning(shape: GateStatShape, points: number): GateThinning | null {
  if (shape.count <= points || shape.firstStep === null || shape.lastStep === null) return null;
  const components = shape.width === 0 ? 'none' : keptPerBucket(1 + shape.width) <= points ? 'each' : 'extremes';
  const perBucket = keptPerBucket(components === 'extremes' ? SUMMARY_TRACKS : 1 + shape.width);
  return {
    buckets: Math.max(1, Math.floor(points / perBucket)),
    x0: shape.firstStep,
    span: shape.lastStep - shape.firstStep || 1,
    components,
  };
}

export function storedGates(store: LabStore, id: string, points?: number): RunGates {
  const runId = /^\d+$/.test(id) ? Number(id) : NaN;
  if (!store.runs.get(runId)) throw new LabError('not-found', `no run '${id}'`);
  const gates = store.metrics.gateNames(runId).map(({ gate, stat }) => {
    const shape = store.metrics.gateStatShape(runId, gate, stat);
    const cut = points ? gateThinning(shape, points) : null;
    const rows = cut ? store.metrics.thinnedGateStats(runId, gate, stat, cut) : store.metrics.gateStats(runId, gate, stat);
    return {
      gate,
      stat,
      steps: rows.map((p) => p.step),
      values: rows.map((p) => p.value),
      // whether the statistic has vectors / means is a property of all its rows, not of the ones kept
      vectors: shape.hasVectors ? rows.map((p) => (p.vector ? Array.from(p.vector) : null)) : null,
      // only old runs have means (migrations/0007): a run recorded per step sends no firstSteps at all
      ...(shape.hasMeans ? { firstSteps: rows.map((p) => p.firstStep) } : {}),
    };
  });
  return { id, gates };
}

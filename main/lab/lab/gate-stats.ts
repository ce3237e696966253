// Gate statistics of a run, read from the store's run_gate_stats table (used when the run manager's
// port does not serve them itself).
import { LabError, type RunGates } from '../../../common/lab-api';
import type { LabStore } from '../store/index';

export function storedGates(store: LabStore, id: string): RunGates {
  const runId = /^\d+$/.test(id) ? Number(id) : NaN;
  if (!store.runs.get(runId)) throw new LabError('not-found', `no run '${id}'`);
  const gates = store.metrics.gateNames(runId).map(({ gate, stat }) => {
    const points = store.metrics.gateStats(runId, gate, stat);
    const hasVectors = points.some((p) => p.vector !== null);
    return {
      gate,
      stat,
      steps: points.map((p) => p.step),
      values: points.map((p) => p.value),
      vectors: hasVectors ? points.map((p) => (p.vector ? Array.from(p.vector) : null)) : null,
    };
  });
  return { id, gates };
}

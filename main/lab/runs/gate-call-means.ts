// Gate statistics stored before GateLab kept them per step are means over one trainer call (K steps),
// stored at the call's last step; migrations/0007_gate_stat_call_means.sql marked each such point with the
// call's first step. Whatever shows such a point must say so: it is not the value at its step.
import type { LabStore } from '../store/index';

/** The first step of the call a stored point is the mean over, or null when the point is its step's value. */
export function callMeanStart(store: LabStore, runId: number, gate: string, stat: string, step: number): number | null {
  const row = store.db.prepare('SELECT first_step AS first FROM run_gate_stats WHERE run_id = ? AND gate = ? AND stat = ? AND step = ?')
    .get(runId, gate, stat, step) as { first: number | null } | undefined;
  return row?.first ?? null;
}

/** "step 80", or "mean over steps 73–80" for a point stored as a call's mean. */
export function stepScope(step: number, firstStep: number | null): string {
  return firstStep !== null && firstStep < step ? `mean over steps ${firstStep}–${step}` : `step ${step}`;
}

// Gate statistics stored before GateLab kept them per step are means over one trainer call (K steps),
// stored at the call's last step; migrations/0007_gate_stat_call_means.sql marked each such point with the
// call's first step (the store reads it as `firstStep`). Whatever shows such a point must say so: it is
// not the value at its step.
import { callMeanWords } from '../../../common/analytics/gate-words';

/** "step 80", or "mean over steps 73–80" for a point stored as a call's mean. */
export function stepScope(step: number, firstStep: number | null): string {
  return callMeanWords(step, firstStep) ?? `step ${step}`;
}

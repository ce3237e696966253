// The gate statistics `gatelab demo` prints with each progress line. A trainer call runs K steps and
// returns each statistic per step ([K] for the mean openness, [K, experts] for the load); the line is
// headed by the call's last step, so it carries that step's values, the per-step values the lab stores
// for its runs, not a mean over the call's K steps presented as the value at that step.
import type { GateStats } from '../engine/train/demo-run';
import type { StepsResult } from './train-session';

/** The gate openness and expert load at the last step of a call of K steps. */
export function lastStepGateStats(r: StepsResult, experts: number): GateStats {
  const open = r.stats.gate_openness.data as Float32Array;
  const load = r.stats.expert_load.data as Float32Array;
  const k = open.length;
  return { gateOpenness: open[k - 1], expertLoad: Array.from(load.subarray((k - 1) * experts, k * experts)) };
}

// `gatelab demo`'s progress line "step 512 … gate openness 0.530 expert load …" gives the values AT step
// 512 (the last step of its call), as the lab's runs store them, not the mean over the call's K steps.
import { describe, expect, it } from 'vitest';
import { lastStepGateStats } from './demo-gate-stats';
import type { StepsResult } from './train-session';

describe('the demo’s progress gate statistics', () => {
  it('are the values of the call’s last step, not means over its steps', () => {
    // a call of 3 steps, 2 experts: the openness and load move at every step
    const r: StepsResult = {
      losses: Float64Array.of(0.7, 0.6, 0.5),
      stats: {
        gate_openness: { data: Float32Array.of(0.25, 0.5, 0.875), dims: [3] },
        expert_load: { data: Float32Array.of(0.5, 0.5, 0.75, 0.25, 0.125, 0.875), dims: [3, 2] },
      },
    };
    expect(lastStepGateStats(r, 2)).toEqual({ gateOpenness: 0.875, expertLoad: [0.125, 0.875] }); // the means were 0.5417, [0.4583, 0.5417]
  });

  it('of a call of one step are that step’s values', () => {
    const r: StepsResult = { losses: Float64Array.of(0.7), stats: {
      gate_openness: { data: Float32Array.of(0.5), dims: [1] },
      expert_load: { data: Float32Array.of(0.25, 0.25, 0.5), dims: [1, 3] },
    } };
    expect(lastStepGateStats(r, 3)).toEqual({ gateOpenness: 0.5, expertLoad: [0.25, 0.25, 0.5] });
  });
});

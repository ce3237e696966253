import { describe, expect, it } from 'vitest';
import { gatesOff } from './ablation';
import { defaultModelConfig } from '../models/index';

describe('gatesOff', () => {
  it("is true only when every gate of the run's template is off", () => {
    // the config Models' "Ablate" stores: the template's gate with enabled = false
    const tsmixer = defaultModelConfig('tsmixer-gated', { channels: 3, lookback: 24, horizon: 4 }) as unknown as Record<string, unknown>;
    expect(gatesOff({ model: tsmixer })).toBe(false);
    expect(gatesOff({ model: { ...tsmixer, gate: { ...(tsmixer.gate as object), enabled: false } } })).toBe(true);
    // the CLI's `--set model.gate.enabled=false` stores the partial object
    expect(gatesOff({ model: { template: 'mmoe', gate: { enabled: false } } })).toBe(true);
    // a gate left out is the template's default gate: on
    expect(gatesOff({ model: { template: 'mmoe' } })).toBe(false);
    // two gates, one off: the other can still be knocked out
    expect(gatesOff({ model: { template: 'finalmlp', gate1: { enabled: false }, gate2: { kind: 'sigmoid' } } })).toBe(false);
    expect(gatesOff({ model: { template: 'finalmlp', gate1: { enabled: false }, gate2: { enabled: false } } })).toBe(true);
    // baselines have no gate to turn off; unknown configs are not guessed at
    expect(gatesOff({ model: { template: 'dlinear' } })).toBe(false);
    expect(gatesOff(null)).toBe(false);
  });
});

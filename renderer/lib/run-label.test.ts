import { describe, expect, it } from 'vitest';
import { runLabel } from './run-label';

describe('runLabel', () => {
  it('puts the seed first, so a label cut short still tells seeds apart', () => {
    expect(runLabel({ name: 'tsmixer-gated on Demo: grid load (forecasting)', seed: 2 })).toBe('s2 · tsmixer-gated on Demo: grid load (forecasting)');
  });
  it('does not repeat a seed the name already ends with, and keeps other seeds in the name', () => {
    expect(runLabel({ name: 'tsmixer on grid load seed=1', seed: 1 })).toBe('s1 · tsmixer on grid load');
    expect(runLabel({ name: 'copy of seed=1', seed: 4 })).toBe('s4 · copy of seed=1');
    expect(runLabel({ name: 'run 3' })).toBe('run 3');
  });
});

// Fusion templates on one-modality data: the ungated ones (and early exit) take it, the gated fusions
// refuse it naming the field and what to use instead; partial gate configs switch each gate off.
import { describe, expect, it } from 'vitest';
import { defaultModelConfig } from './index';

const text = [{ name: 'text', dim: 64 }];

describe('fusion templates and the number of modalities', () => {
  it('concat, late fusion and early exit train on a single modality (text-only, tabular-only)', () => {
    for (const id of ['concat-fusion', 'late-fusion', 'early-exit-mlp'] as const) expect(defaultModelConfig(id, { modalities: text }).modalities).toEqual(text);
    expect(() => defaultModelConfig('concat-fusion', { modalities: [] })).toThrow(/field 'modalities': this template needs at least one modality/);
  });

  it('the gated fusions need two, and say what to use for one', () => {
    for (const id of ['gmu', 'moe-fusion', 'gated-cross-attention'] as const) {
      expect(() => defaultModelConfig(id, { modalities: text })).toThrow(new RegExp(`template '${id}': field 'modalities': ${id} fuses at least 2 modalities; for a one-modality dataset use concat-fusion`));
    }
  });

  it('`--set gate.enabled=false`-style partial gates keep the template’s gate kind and defaults', () => {
    expect(defaultModelConfig('gmu', { gate: { enabled: false } }).gate).toMatchObject({ kind: 'gmu', enabled: false, hidden: 64 });
    expect(defaultModelConfig('moe-fusion', { router: { enabled: false } }).router).toMatchObject({ kind: 'softmax-router', enabled: false, experts: 2 });
    expect(defaultModelConfig('gated-cross-attention', { gate: { enabled: false } }).gate).toMatchObject({ kind: 'gated-attention', enabled: false });
    expect(defaultModelConfig('early-exit-mlp', { gate: { threshold: 0.8 } }).gate).toMatchObject({ kind: 'early-exit', enabled: true, threshold: 0.8, gateLossWeight: 0.1 });
  });
});

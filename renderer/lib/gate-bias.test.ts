import { describe, expect, it } from 'vitest';
import { gateBiasNotes, SATURATING_BIAS } from './gate-bias';

describe('a gate init bias that saturates the sigmoid', () => {
  it('warns beyond |b| = 10 (the gradient below 5e-5), naming which way the gate is stuck', () => {
    const σ = (b: number) => 1 / (1 + Math.exp(-b));
    expect(σ(SATURATING_BIAS) * (1 - σ(SATURATING_BIAS))).toBeLessThan(5e-5);
    const big = gateBiasNotes('gate', { kind: 'sigmoid', initBias: 1e6 })['gate.initBias'];
    expect(big).toBe('Init bias 1e6 starts the gate saturated open (σ ≈ 1: it passes everything), and its gradient is 0 in float32, so it barely learns: |bias| ≤ 10 keeps it trainable (e.g. 3 to start mostly open). Runs can start with it.');
    const low = gateBiasNotes('ff.gate', { kind: 'sigmoid', initBias: -50 })['ff.gate.initBias'];
    expect(low).toMatch(/^Init bias -50 starts the gate saturated shut \(σ ≈ 0: it passes nothing\), and its gradient is 1\.9e-22,/);
    expect(gateBiasNotes('gate', { initBias: 12 })['gate.initBias']).toMatch(/gradient is 6\.1e-6,/);
    expect(gateBiasNotes('gate', { initBias: 20 })['gate.initBias']).toMatch(/gradient is 0 in float32,/);
  });

  it('says nothing within the bound or without a bias', () => {
    expect(gateBiasNotes('gate', { initBias: 10 })).toEqual({});
    expect(gateBiasNotes('gate', { initBias: -3 })).toEqual({});
    expect(gateBiasNotes('gate', { kind: 'softmax-router' })).toEqual({});
    expect(gateBiasNotes(null, { initBias: 50 })).toEqual({});
  });
});

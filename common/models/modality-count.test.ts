// How many modalities a fusion template fuses is its schema's rule (fusion.ts), read the one way by the lab
// refusing a run and by a baseline's knockout refusal choosing what to offer.
import { describe, expect, it } from 'vitest';
import { modalityCountProblem } from './modality-count';

describe('modalityCountProblem', () => {
  it("refuses a gated fusion on one modality in the template's words; concat, late fusion and early exit take one", () => {
    expect(modalityCountProblem({ template: 'gmu' }, ['text'])).toBe("template 'gmu': field 'modalities': gmu fuses at least 2 modalities; for a one-modality dataset use concat-fusion, " +
      'late-fusion or early-exit-mlp, or give another column group a modality (gatelab datasets roles ID <column>=feature:<modality>)');
    expect(modalityCountProblem({ template: 'moe-fusion' }, ['text'])).toMatch(/moe-fusion fuses at least 2 modalities/);
    for (const t of ['concat-fusion', 'late-fusion', 'early-exit-mlp']) expect(modalityCountProblem({ template: t }, ['text'])).toBeNull();
  });

  it('judges the count only: other problems of the config (a router of another width) are not its to say', () => {
    expect(modalityCountProblem({ template: 'gmu' }, ['tabular', 'text'])).toBeNull();
    // MoE fusion's default router has 2 experts: three modalities need 3, which the form or the trainer sets
    expect(modalityCountProblem({ template: 'moe-fusion' }, ['a', 'b', 'c'])).toBeNull();
  });
});

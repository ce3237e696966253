// Modality dropout or noise on a one-modality fusion run is refused in the template's words (naming the
// field, the modality and the fix), but only for new runs: a stored config with them still parses, so a run
// trained before the rule still exports and knocks out.
import { describe, expect, it } from 'vitest';
import { corruptingTheOnlyModality } from './fusion-corruption';
import { defaultModelConfig } from './index';

describe('modality dropout and noise need a second modality to learn from', () => {
  it('one modality: each option refused naming its field, the share of samples it spoils and the fix', () => {
    for (const template of ['concat-fusion', 'late-fusion', 'early-exit-mlp']) {
      expect(corruptingTheOnlyModality({ template, modalityDropout: 0.3 }, ['text'])).toBe(
        `template '${template}': field 'modalityDropout': modality dropout zeroes a modality so the model learns to predict from the others; with one modality (text) it would train 30% of the samples on no input at all: set it to 0, or give another column group a modality (gatelab datasets roles ID <column>=feature:<modality>)`);
    }
    const both = corruptingTheOnlyModality({ template: 'concat-fusion', modalityDropout: 0.1, modalityNoise: 0.25 }, ['tabular'])!.split('\n');
    expect(both).toHaveLength(2);
    expect(both[1]).toMatch(/^template 'concat-fusion': field 'modalityNoise': modality noise swaps a modality .* with one modality \(tabular\) it would only give 25% of the samples another sample's label: set it to 0/);
  });

  it('two modalities, or neither option, are left alone', () => {
    expect(corruptingTheOnlyModality({ template: 'concat-fusion', modalityDropout: 0.3, modalityNoise: 0.3 }, ['text', 'tabular'])).toBeNull();
    expect(corruptingTheOnlyModality({ template: 'concat-fusion', modalityDropout: 0 }, ['text'])).toBeNull();
    expect(corruptingTheOnlyModality({ template: 'concat-fusion' }, ['text'])).toBeNull();
  });

  it('a stored one-modality config with modality dropout still parses (its run exports as trained)', () => {
    expect(defaultModelConfig('concat-fusion', { modalities: [{ name: 'text', dim: 8 }], modalityDropout: 0.5 }).modalityDropout).toBe(0.5);
  });
});

// The gated templates offered instead of a baseline come from the registry, family by family.
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../models';
import { gatedTemplatesOfFamily, runDataFacts, templateChoices } from './gated-templates';

describe('gatedTemplatesOfFamily', () => {
  it("a baseline's family's gated templates: a forecaster's, a CTR model's, a fusion model's", () => {
    expect(gatedTemplatesOfFamily('dlinear')).toEqual(['tsmixer-gated', 'patch-transformer-gated', 'gla', 'tft-lite', 'moe-forecaster']);
    expect(gatedTemplatesOfFamily('deepfm')).toEqual(['finalmlp', 'mmoe', 'moe-dnn']);
    expect(gatedTemplatesOfFamily('concat-fusion')).toContain('gmu');
  });

  it('every one offered has gates, and none of another family; an unknown template gets none', () => {
    for (const t of TEMPLATES) {
      for (const id of gatedTemplatesOfFamily(t.id)) expect(TEMPLATES.find((x) => x.id === id)).toMatchObject({ family: t.family, baseline: false });
    }
    expect(gatedTemplatesOfFamily('demo-gated')).toEqual([]);
    expect(gatedTemplatesOfFamily(null)).toEqual([]);
  });

  it("only those the run's data can train: mmoe needs a rating behind the click, gmu two modalities", () => {
    // a click log (clicked 0/1, no rule): mmoe's second task has no rating to learn; MovieLens' rating ≥ 4 has one
    expect(gatedTemplatesOfFamily('deepfm', { rating: false })).toEqual(['finalmlp', 'moe-dnn']);
    expect(gatedTemplatesOfFamily('deepfm', { rating: true })).toEqual(['finalmlp', 'mmoe', 'moe-dnn']);
    // one modality: only early exit of the gated fusions trains on it (the schema's "fuses at least 2 modalities")
    expect(gatedTemplatesOfFamily('concat-fusion', { modalities: ['tabular'] })).toEqual(['early-exit-mlp']);
    expect(gatedTemplatesOfFamily('concat-fusion', { modalities: ['tabular', 'text'] })).toEqual(gatedTemplatesOfFamily('concat-fusion'));
    expect(gatedTemplatesOfFamily('concat-fusion')).toEqual(expect.arrayContaining(['gmu', 'moe-fusion', 'early-exit-mlp']));
    // a fact of another family is not read: a forecaster has no modalities or rating
    expect(gatedTemplatesOfFamily('dlinear', { rating: false, modalities: ['x'] })).toEqual(gatedTemplatesOfFamily('dlinear'));
  });

  it("reads the facts from the run's config and data summary; a run that does not say gets none", () => {
    const fusion = { model: { template: 'concat-fusion', modalities: [{ name: 'tabular', dim: 308 }] } };
    expect(runDataFacts(fusion, { label: { column: 'Recommended IND', positive: '1', negative: '0' } } as never)).toEqual({ modalities: ['tabular'], rating: false });
    expect(runDataFacts({ model: { template: 'deepfm' } }, { label: { column: 'rating', positive: '≥ 4', negative: '< 4', positiveAtLeast: 4 } } as never)).toEqual({ rating: true });
    // stored before the label was kept: no label, so mmoe stays on the list
    expect(runDataFacts({ model: { template: 'deepfm' } }, { line: 'recsys: …' } as never)).toEqual({});
    expect(runDataFacts(null, null)).toEqual({});
  });

  it('words the choices as one list', () => {
    expect(templateChoices(['a', 'b', 'c'])).toBe('a, b or c');
    expect(templateChoices(['gmu'])).toBe('gmu');
  });
});

// The gated templates offered instead of a baseline come from the registry, family by family.
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../models';
import { gatedTemplatesOfFamily, templateChoices } from './gated-templates';

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

  it('words the choices as one list', () => {
    expect(templateChoices(['a', 'b', 'c'])).toBe('a, b or c');
    expect(templateChoices(['gmu'])).toBe('gmu');
  });
});
